/**
 * The HSDS data package as another directory reads it: what one entry with every field set becomes (the
 * fields a reader of HSDS uses that the round trip never reads back: names, descriptions, language names,
 * FIPS codes, the assurer's email), the datapackage.json descriptor, CSV cells, and how a package that is not
 * ours is read or refused, file by file. In-process on the functions; no packet is made.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { projectPath } from '../../src/project-paths.js';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStateDirectory, type StateDirectory } from '../../src/directory/load-directory.js';
import type { DirectoryEntry } from '../../src/directory/schema.js';
import { entryToHsds, stateToHsdsList } from '../../src/directory/hsds/entries-to-hsds.js';
import { feesCharged, feesFree, stableId, taxonomy } from '../../src/directory/hsds/hsds-model.js';
import { dataPackageDescriptor, fromCell, servicesToTables, tablesToServices, tableSpecs, toCell } from '../../src/directory/hsds/hsds-tables.js';
import { maxPackageServices, readHsdsServices, writeHsdsPackage } from '../../src/directory/hsds/hsds-package.js';
import { isFolder, readPackageText, resolveResourcePath } from '../../src/directory/hsds/read-package-file.js';
import { isPacketError } from '../../src/errors.js';

const fixtureState = new URL('../fixtures/directory/zz', import.meta.url).pathname;
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'release-packet-hsds-package-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The detail of the PacketError `run` throws (it must throw one). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    // The message is the code's English sentence, then the detail.
    if (isPacketError(error)) return `${error.code}: ${error.message.slice(error.message.indexOf(': ') + 2)}`;
    throw error;
  }
  return expect.fail('not refused');
}

const fullEntry: DirectoryEntry = {
  id: 'north-full-clinic',
  kind: 'legal-provider',
  organization: { name: 'North Clinic', url: 'https://example.org/clinic', isNonprofit: true },
  service: { name: 'Youth desk', description: 'Free advice for young people (fixture).', isFree: true, offers: ['youth-cases', 'referrals'] },
  phones: [
    { number: '(555) 010-0009 ext. 136', type: 'voice-and-text', hours: 'Mon–Fri 9–5', is24Hours: false, languages: ['es'] },
    { number: '(555) 010-0010', type: 'voice', is24Hours: true },
  ],
  address: '1 Main St, North',
  languages: ['en', 'vi'],
  serviceArea: { counties: ['north-county', 'west-county'] },
  scope: 'regional',
  status: 'active',
  eligibility: { minimumAge: 12, maximumAge: 17, isDetainedOnly: false, description: 'Under 18.' },
  recognition: { status: 'current', asOf: '2026-05-01', roster: 'EOIR roster' },
  source: { title: 'Clinic page', url: 'https://example.org/clinic/youth', readOn: '2026-06-01', publishedOn: '2026-05-20', derivedFrom: { title: 'Official list', how: 'copy' } },
  corroboratedBy: [{ title: 'County list', date: '2026-06-02' }],
  history: [
    { on: '2026-06-03', by: 'keeper@example.org', method: 'email', result: 'confirmed', number: '(555) 010-0009 ext. 136' },
    { on: '2026-06-04', by: 'B', method: 'phone', result: 'confirmed', number: '(555) 010-0010' },
  ],
  notes: 'Ask for the youth desk.',
} as DirectoryEntry;

function stateWith(entries: DirectoryEntry[]): StateDirectory {
  const state = loadStateDirectory(fixtureState);
  return { ...state, entries };
}

describe('an entry as an HSDS service', () => {
  it('has the same id in every release: a name-based UUID of its parts, which never run together', () => {
    // Pinned: other directories match our services by these ids, so a changed namespace or separator would
    // turn every service of every published package into a new one.
    expect(stableId('service', 'zz', 'north-full-clinic')).toBe('a5856c8e-20c8-52ab-8337-1abf4a9b78d7');
    expect(stableId('area', 'ab', 'c')).not.toBe(stableId('area', 'a', 'bc'));
  });

  it('carries every field, with names and descriptions a reader of HSDS can show', () => {
    const service = entryToHsds(fullEntry, stateWith([fullEntry]));
    const id = stableId('service', 'zz', 'north-full-clinic');
    const organizationId = stableId('organization', JSON.stringify(fullEntry.organization));
    const voice = stableId('phone', id, '0', 'voice');
    const text = stableId('phone', id, '0', 'text');
    const second = stableId('phone', id, '1', 'voice');
    const spanishOf = (phoneId: string) => ({ id: stableId('language', phoneId, 'es'), phone_id: phoneId, name: 'Spanish', code: 'es' });
    const term = (kind: string, code: string, description: string) => ({
      id: stableId('attribute', id, kind, code),
      link_id: id,
      link_type: kind,
      link_entity: 'service',
      taxonomy_term_id: stableId('term', kind, code),
      taxonomy_term: { id: stableId('term', kind, code), code: `${kind}:${code}`, name: code, description, taxonomy: 'release-packet' },
    });
    expect(service).toEqual({
      id,
      organization_id: organizationId,
      name: 'Youth desk',
      description: 'Free advice for young people (fixture).',
      status: 'active',
      assured_date: '2026-06-03',
      assurer_email: 'keeper@example.org',
      fees_description: 'Free',
      eligibility_description: 'Under 18.',
      minimum_age: 12,
      maximum_age: 17,
      organization: { id: organizationId, name: 'North Clinic', description: 'North Clinic, as listed in the release-packet directory.', website: 'https://example.org/clinic', rp_is_nonprofit: true },
      phones: [
        { id: voice, service_id: id, number: '(555) 010-0009', extension: 136, type: 'voice', description: 'Mon–Fri 9–5', rp_is_24_hours: false, languages: [spanishOf(voice)] },
        { id: text, service_id: id, number: '(555) 010-0009', extension: 136, type: 'text', description: 'Mon–Fri 9–5', rp_is_24_hours: false, languages: [spanishOf(text)] },
        { id: second, service_id: id, number: '(555) 010-0010', type: 'voice', rp_is_24_hours: true, languages: [] },
      ],
      service_areas: [
        { id: stableId('area', id, 'north-county'), service_id: id, name: 'North County, Fixture State', description: 'FIPS 99003', rp_county: 'north-county' },
        // A county the state file does not list keeps its slug as name and description.
        { id: stableId('area', id, 'west-county'), service_id: id, name: 'west-county', description: 'west-county', rp_county: 'west-county' },
      ],
      languages: [
        { id: stableId('language', id, 'en'), service_id: id, name: 'English', code: 'en' },
        { id: stableId('language', id, 'vi'), service_id: id, name: 'Vietnamese', code: 'vi' },
      ],
      attributes: [
        term('kind', 'legal-provider', 'Directory entry kind: legal-provider'),
        term('offers', 'youth-cases', 'Offers: youth-cases'),
        term('offers', 'referrals', 'Offers: referrals'),
      ],
      rp_id: 'north-full-clinic',
      rp_state: 'zz',
      rp_scope: 'regional',
      rp_address: '1 Main St, North',
      rp_source_title: 'Clinic page',
      rp_source_url: 'https://example.org/clinic/youth',
      rp_source_read_on: '2026-06-01',
      rp_source_published_on: '2026-05-20',
      rp_source_derived_from: { title: 'Official list', how: 'copy' },
      rp_corroborated_by: [{ title: 'County list', date: '2026-06-02' }],
      rp_history: fullEntry.history,
      rp_is_detained_only: false,
      rp_recognition: { status: 'current', asOf: '2026-05-01', roster: 'EOIR roster' },
      rp_notes: 'Ask for the youth desk.',
    });
  });

  it('names languages in English on a maintainer\'s machine in any locale', () => {
    // Intl's default locale follows LANG: an export made in Spain would otherwise say "español".
    const modules = (path: string) => JSON.stringify(pathToFileURL(projectPath(...path.split('/'))).href);
    const script = [
      `import { loadStateDirectory } from ${modules('src/directory/load-directory.ts')};`,
      `import { entryToHsds } from ${modules('src/directory/hsds/entries-to-hsds.ts')};`,
      `const state = loadStateDirectory(${JSON.stringify(fixtureState)});`,
      `const entry = { ...state.entries[0], languages: ['es', 'vi'] };`,
      'console.log(JSON.stringify(entryToHsds(entry, state).languages.map((language) => language.name)));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'es_ES.UTF-8', LC_ALL: 'es_ES.UTF-8' },
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(['Spanish', 'Vietnamese']);
  });

  it('names the assurer only by an email address, and says when a service charges', () => {
    const byName = { ...fullEntry, service: { ...fullEntry.service, isFree: false }, history: [{ ...fullEntry.history[0]!, by: 'A. Keeper', method: 'phone' as const }, fullEntry.history[1]!] };
    const service = entryToHsds(byName, stateWith([byName]));
    expect(service.assured_date).toBe('2026-06-03');
    expect(service).not.toHaveProperty('assurer_email');
    expect(service.fees_description).toBe(feesCharged);
    expect(feesFree).not.toBe(feesCharged);
    for (const by of ['a@b', 'keeper@example.org extra', 'A. Keeper keeper@example.org', '@example.org', 'keeper@']) {
      const entry = { ...fullEntry, history: [{ ...fullEntry.history[0]!, by }, fullEntry.history[1]!] };
      expect(Object.hasOwn(entryToHsds(entry, stateWith([entry])), 'assurer_email'), by).toBe(by === 'a@b');
    }
  });

  it('leaves out what an entry does not have, rather than writing empty fields', () => {
    const bare: DirectoryEntry = {
      ...fullEntry,
      organization: { name: 'North Clinic' },
      service: { name: 'Desk', description: 'Desk (fixture).', offers: [] },
      phones: [{ number: '(555) 010-0010', type: 'voice', is24Hours: false }],
      address: undefined,
      eligibility: undefined,
      recognition: undefined,
      source: { title: 'Page', readOn: '2026-06-01' },
      history: [],
      notes: undefined,
    } as DirectoryEntry;
    const service = entryToHsds(bare, stateWith([bare])) as unknown as Record<string, unknown>;
    for (const absent of ['assured_date', 'assurer_email', 'fees_description', 'eligibility_description', 'minimum_age', 'maximum_age', 'rp_address', 'rp_source_url', 'rp_source_published_on', 'rp_source_derived_from', 'rp_is_detained_only', 'rp_recognition', 'rp_notes']) {
      expect(Object.hasOwn(service, absent), absent).toBe(false);
    }
    expect(Object.keys(service.organization as object).sort()).toEqual(['description', 'id', 'name']);
    expect(Object.keys((service.phones as object[])[0]!).sort()).toEqual(['id', 'languages', 'number', 'rp_is_24_hours', 'service_id', 'type']);
  });

  it('as a list: one page holding every service, with its counts', () => {
    const state = loadStateDirectory(fixtureState);
    const list = stateToHsdsList(state);
    expect({ ...list, contents: list.contents.length }).toEqual({ total_items: 7, total_pages: 1, page_number: 1, size: 7, first_page: true, last_page: true, empty: false, contents: 7 });
    expect(stateToHsdsList({ ...state, entries: [] }).empty).toBe(true);
  });
});

describe('the tables of a package', () => {
  it('write one row per organization and per term however many services share them, and join back to the services', () => {
    const twin = { ...fullEntry, id: 'north-full-clinic-two' };
    const services = stateToHsdsList(stateWith([fullEntry, twin])).contents;
    const tables = servicesToTables(services);
    expect(tables.organization).toHaveLength(1);
    expect(tables.taxonomy_term!.map((term) => term.code)).toEqual(['kind:legal-provider', 'offers:youth-cases', 'offers:referrals']);
    expect(tables.taxonomy_term!.every((term) => term.taxonomy_id === taxonomy.id)).toBe(true);
    expect(tables.taxonomy).toEqual([{ ...taxonomy }]);
    expect(tables.service).toHaveLength(2);
    expect(tables.service![0]).not.toHaveProperty('phones');
    expect(tables.phone).toHaveLength(6);
    expect(tables.phone![0]).not.toHaveProperty('languages');
    // Two phone languages (voice and text rows) and two service languages per service.
    expect(tables.language).toHaveLength(8);
    expect(tables.attribute![0]).not.toHaveProperty('taxonomy_term');

    // Joined back: the same services, each term now naming its taxonomy.
    const withTaxonomy = services.map((service) => ({ ...service, attributes: service.attributes.map((attribute) => ({ ...attribute, taxonomy_term: { ...attribute.taxonomy_term, taxonomy_id: taxonomy.id } })) }));
    expect(tablesToServices(tables)).toEqual(withTaxonomy);
  });

  it('carry every field of a fully filled service through the CSV files and back, typed as its values are, links declared', () => {
    const state = stateWith([fullEntry]);
    const services = stateToHsdsList(state).contents;
    const out = join(folder, 'package');
    writeHsdsPackage(state, out);
    rmSync(join(out, 'services.json'));
    const withTaxonomy = services.map((service) => ({ ...service, attributes: service.attributes.map((attribute) => ({ ...attribute, taxonomy_term: { ...attribute.taxonomy_term, taxonomy_id: taxonomy.id } })) }));
    expect(readHsdsServices(out)).toEqual(JSON.parse(JSON.stringify(withTaxonomy)));

    // Each column's declared type is the type of the values in it, and each column is filled by the full entry,
    // so that the round trip above reaches it.
    const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    const typeOf = (value: unknown) =>
      Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : isDate(value) ? 'date' : typeof value;
    const tables = servicesToTables(services);
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: { name: string; path: string; schema: { fields: { name: string; type: string }[]; foreignKeys: { fields: string; reference: { resource: string } }[] } }[] };
    for (const resource of descriptor.resources) {
      const rows = tables[resource.name]!;
      expect(readFileSync(join(out, resource.path), 'utf8').split('\n')[0], resource.name).toBe(resource.schema.fields.map((field) => field.name).join(','));
      for (const field of resource.schema.fields) {
        const values = rows.map((row) => row[field.name]).filter((value) => value !== undefined);
        expect(values.length, `${resource.name}.${field.name} filled`).toBeGreaterThan(0);
        expect(new Set(values.map(typeOf)), `${resource.name}.${field.name}`).toEqual(new Set([field.type]));
      }
      // Every link to another table (an HSDS field named *_id; rp_id is the entry's own id) is a foreign key.
      const links = resource.schema.fields.map((field) => field.name).filter((name) => name.endsWith('_id') && !name.startsWith('rp_'));
      expect(resource.schema.foreignKeys.map((key) => key.fields).sort(), resource.name).toEqual(links.sort());
      // ...to the table it names: phone_id to phone, taxonomy_term_id to taxonomy_term; link_id is a service.
      for (const key of resource.schema.foreignKeys) {
        expect(key.reference.resource, `${resource.name}.${key.fields}`).toBe(key.fields === 'link_id' ? 'service' : key.fields.replace(/_id$/, ''));
      }
      // A row holds no field its table does not declare: nothing is silently left out of the CSV.
      const declared = new Set(resource.schema.fields.map((field) => field.name));
      expect(rows.flatMap((row) => Object.keys(row)).filter((key) => !declared.has(key)), resource.name).toEqual([]);
    }
  });

  it('join a service without its organization or child rows to empty lists, and keep services.csv\'s order', () => {
    const joined = tablesToServices({ service: [{ id: 'b', organization_id: 'missing' }, { id: 'a' }] });
    expect(joined).toEqual([
      { id: 'b', organization_id: 'missing', phones: [], service_areas: [], languages: [], attributes: [] },
      { id: 'a', phones: [], service_areas: [], languages: [], attributes: [] },
    ]);
    expect(tablesToServices({})).toEqual([]);
  });

  it('hold cells as text: empty for absent, JSON for lists and objects, true/false for booleans', () => {
    expect([toCell(undefined, 'string'), toCell(null, 'number'), toCell(0, 'number'), toCell(false, 'boolean'), toCell(['a'], 'array'), toCell({ a: 1 }, 'object'), toCell('x', 'string')]).toEqual(['', '', '0', 'false', '["a"]', '{"a":1}', 'x']);
    expect([fromCell('', 'string'), fromCell('0', 'number'), fromCell('true', 'boolean'), fromCell('false', 'boolean'), fromCell('["a"]', 'array'), fromCell('{"a":1}', 'object'), fromCell('12', 'string')]).toEqual([undefined, 0, true, false, ['a'], { a: 1 }, '12']);
  });

  it('are described by a tabular data package naming the state, the HSDS version, each table\'s fields, id and links', () => {
    const descriptor = dataPackageDescriptor('zz') as Record<string, any>;
    expect(descriptor).toMatchObject({ name: 'release-packet-directory-zz', title: 'release-packet directory (ZZ), Open Referral HSDS 3.0.0', profile: 'tabular-data-package', version: '3.0.0' });
    expect(descriptor.description).toMatch(/rp_source_\*.*assured_date.*docs\/DATA\.md/);
    expect(descriptor.resources.map((resource: { name: string }) => resource.name)).toEqual(tableSpecs.map((spec) => spec.name));
    const phone = descriptor.resources.find((resource: { name: string }) => resource.name === 'phone');
    expect(phone).toMatchObject({ path: 'phones.csv', format: 'csv', mediatype: 'text/csv', profile: 'tabular-data-resource' });
    expect(phone.schema.primaryKey).toBe('id');
    expect(phone.schema.fields[0]).toEqual({ name: 'id', type: 'string', constraints: { required: true, unique: true } });
    expect(phone.schema.fields[1]).toEqual({ name: 'service_id', type: 'string' });
    expect(phone.schema.foreignKeys).toEqual([{ fields: 'service_id', reference: { resource: 'service', fields: 'id' } }]);
    expect(descriptor.resources.find((resource: { name: string }) => resource.name === 'taxonomy').schema.foreignKeys).toEqual([]);
  });
});

describe('reading a package', () => {
  const write = (name: string, text: string | Buffer) => {
    const path = join(folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };

  it('takes a bare array of services or a paged list, and refuses anything else, naming the file', () => {
    expect(readHsdsServices(write('bare.json', '[{"id":"a"}]'))).toEqual([{ id: 'a' }]);
    expect(readHsdsServices(write('paged.json', '{"contents":[{"id":"b"}]}'))).toEqual([{ id: 'b' }]);
    const other = write('other.json', '{"services":[]}');
    expect(refusal(() => readHsdsServices(other))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${other}: expected an HSDS service list ({ "contents": [...] }) or an array of services`);
    expect(refusal(() => readHsdsServices(write('null.json', 'null')))).toContain('expected an HSDS service list');
    const broken = write('broken.json', '{"contents": [');
    expect(refusal(() => readHsdsServices(broken))).toMatch(new RegExp(`^PKT_ERR_DIRECTORY_INVALID: ${broken} is not valid JSON \\(.+\\)$`));
  });

  it('reads services.json from a folder without datapackage.json, and refuses a folder with neither', () => {
    write('only-json/services.json', '[{"id":"c"}]');
    expect(readHsdsServices(join(folder, 'only-json'))).toEqual([{ id: 'c' }]);
    mkdirSync(join(folder, 'empty'));
    expect(refusal(() => readHsdsServices(join(folder, 'empty')))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${join(folder, 'empty')}: a package folder holds a datapackage.json or a services.json`);
  });

  it('refuses more services than the limit, saying how many', () => {
    const many = write('many.json', JSON.stringify(Array.from({ length: maxPackageServices + 1 }, () => 0)));
    expect(refusal(() => readHsdsServices(many))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${many}: ${maxPackageServices + 1} services; the limit is ${maxPackageServices}`);
    expect(readHsdsServices(write('enough.json', JSON.stringify(Array.from({ length: maxPackageServices }, () => 0))))).toHaveLength(maxPackageServices);
  });

  it('reads only the tables it knows, typed by the fields the descriptor declares, and refuses a descriptor without resources', () => {
    write('tables/datapackage.json', JSON.stringify({
      resources: [
        { name: 'service', path: 'services.csv', schema: { fields: [{ name: 'id' }, { name: 'minimum_age', type: 'number' }, { name: 'rp_history', type: 'array' }] } },
        // Not ours: never opened, though its file does not even exist.
        { name: 'schedule', path: 'schedules.csv' },
        { name: 'phone', path: 42 },
        null,
      ],
    }));
    write('tables/services.csv', '\uFEFFid,minimum_age,rp_history,name\ns1,12,[],Desk\ns2,,,\n');
    expect(readHsdsServices(join(folder, 'tables'))).toEqual([
      { id: 's1', minimum_age: 12, rp_history: [], name: 'Desk', phones: [], service_areas: [], languages: [], attributes: [] },
      { id: 's2', phones: [], service_areas: [], languages: [], attributes: [] },
    ]);
    // An empty cell is an absent field, as in services.json, not a field that holds nothing.
    expect(Object.keys(readHsdsServices(join(folder, 'tables'))[1]!)).toEqual(['id', 'phones', 'service_areas', 'languages', 'attributes']);
    write('no-resources/datapackage.json', '{"name":"x"}');
    expect(refusal(() => readHsdsServices(join(folder, 'no-resources')))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${join(folder, 'no-resources', 'datapackage.json')}: no "resources" list`);
  });

  it('names the file, line and reason of a malformed table', () => {
    write('bad/datapackage.json', JSON.stringify({ resources: [{ name: 'service', path: 'services.csv' }] }));
    write('bad/services.csv', 'id,name\ns1,Desk\ns2,Desk,extra\n');
    expect(refusal(() => readHsdsServices(join(folder, 'bad')))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${join(folder, 'bad', 'services.csv')} line 3: malformed CSV (CSV_RECORD_INCONSISTENT_COLUMNS: columns length is 2, got 3 on line 3)`);
    // csv-parse's own "Invalid Record Length:" heading is left out: the message already says it is malformed.
    // A table refused by the file reader keeps the reader's own reason, not a second "malformed CSV" around it.
    write('latin1/datapackage.json', JSON.stringify({ resources: [{ name: 'service', path: 'services.csv' }] }));
    const latin1 = write('latin1/services.csv', Buffer.concat([Buffer.from('id,name\ns1,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(refusal(() => readHsdsServices(join(folder, 'latin1')))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${latin1}: line 2: not valid UTF-8`);
  });

  it('writes a package only into a new folder, leaving nothing behind when it cannot', () => {
    const state = loadStateDirectory(fixtureState);
    mkdirSync(join(folder, 'taken'));
    expect(refusal(() => writeHsdsPackage(state, join(folder, 'taken')))).toBe(`PKT_ERR_USAGE: ${join(folder, 'taken')} already exists; choose a new folder`);
    // An entry the export cannot write (a phone that is not a string): the staging folder goes too.
    const broken = { ...state, entries: [{ ...state.entries[0]!, phones: [{ number: 7 }] }] } as unknown as StateDirectory;
    expect(() => writeHsdsPackage(broken, join(folder, 'out'))).toThrow();
    expect(isFolder(join(folder, 'out'))).toBe(false);
    expect(readdirSync(folder)).toEqual(['taken']);
  });
});

describe('a package file', () => {
  it('is a relative path inside the package, never a drive, a URL, a parent or the folder itself', () => {
    writeFileSync(join(folder, 'services.csv'), 'id\n');
    const label = 'datapackage.json';
    expect(resolveResourcePath(folder, 'services.csv', label)).toBe(join(folder, 'services.csv'));
    // A colon after the first folder is part of a file name, not a URL scheme.
    mkdirSync(join(folder, 'tables'));
    writeFileSync(join(folder, 'tables', 'services:2026.csv'), 'id\n');
    expect(resolveResourcePath(folder, 'tables/services:2026.csv', label)).toBe(join(folder, 'tables', 'services:2026.csv'));
    for (const path of ['', '/etc/passwd', 'C:services.csv', 'c:\\x', 'a/../../x', '..\\x', 'services.csv\0']) {
      expect(refusal(() => resolveResourcePath(folder, path, label)), JSON.stringify(path)).toBe(`PKT_ERR_DIRECTORY_INVALID: ${label}: resource path "${path}" must be a relative path inside the package folder`);
    }
    for (const path of ['https://example.org/services.csv', 'file:services.csv']) {
      expect(refusal(() => resolveResourcePath(folder, path, label)), path).toBe(`PKT_ERR_DIRECTORY_INVALID: ${label}: resource path "${path}" must be a file in the package, not a URL`);
    }
    expect(refusal(() => resolveResourcePath(folder, 'none.csv', label))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${label}: resource "none.csv" does not exist`);
    expect(refusal(() => resolveResourcePath(folder, '.', label))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${label}: resource "." leads outside the package folder`);
    symlinkSync(tmpdir(), join(folder, 'up'));
    expect(refusal(() => resolveResourcePath(folder, 'up', label))).toContain('leads outside the package folder');
  });

  it('is read as UTF-8 text without its byte order mark, and refused with the line of the first invalid byte', () => {
    const path = join(folder, 'services.csv');
    writeFileSync(path, '\uFEFFid,name\n');
    expect(readPackageText(path)).toBe('id,name\n');
    writeFileSync(path, Buffer.concat([Buffer.from('id,name\ns1,Caf'), Buffer.from([0xe9]), Buffer.from('\ns2,ok\n')]));
    expect(refusal(() => readPackageText(path))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${path}: line 2: not valid UTF-8`);
    writeFileSync(path, Buffer.concat([Buffer.from('id\ns1\n'), Buffer.from([0xff])]));
    expect(refusal(() => readPackageText(path))).toContain(': line 3: not valid UTF-8');
    // Lines are counted from the byte after each newline: a line ending in "é" does not make the next one look invalid.
    writeFileSync(path, Buffer.concat([Buffer.from('id,name\ns1,Café\ns2,ok\ns3,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(refusal(() => readPackageText(path))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${path}: line 4: not valid UTF-8`);
    // Only a leading byte order mark is dropped; U+FEFF inside the text is the text's own.
    writeFileSync(path, 'id,name\ns1,a\uFEFFb\n');
    expect(readPackageText(path)).toBe('id,name\ns1,a\uFEFFb\n');
  });

  it.runIf(existsSync('/proc/self/status'))('stays bounded when a file holds more than its size says (a file growing while read, a /proc file)', () => {
    // /proc files report a size of 0: the reader reads at most one byte past the limit, and refuses what is beyond it.
    expect(refusal(() => readPackageText('/proc/self/status', 0))).toBe('PKT_ERR_DIRECTORY_INVALID: /proc/self/status: is larger than the limit of 0 bytes');
  });

  it.runIf(existsSync('/proc/self/fd'))('closes the file it opened, whether it reads it or refuses it', () => {
    const path = join(folder, 'services.csv');
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for (let round = 0; round < 20; round++) {
      writeFileSync(path, 'id\n');
      readPackageText(path);
      writeFileSync(path, Buffer.from([0xff]));
      expect(() => readPackageText(path)).toThrow();
      expect(() => readPackageText(path, 0)).toThrow();
    }
    expect(openFiles()).toBe(before);
  });

  it('is refused when it is not a regular file, does not exist or is over the limit, naming the file', () => {
    expect(refusal(() => readPackageText(folder))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${folder}: is not a regular file`);
    expect(refusal(() => readPackageText(join(folder, 'none')))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${join(folder, 'none')}: cannot be read`);
    const path = join(folder, 'big.csv');
    writeFileSync(path, 'x'.repeat(11));
    expect(refusal(() => readPackageText(path, 10))).toBe(`PKT_ERR_DIRECTORY_INVALID: ${path}: is 11 bytes; the limit is 10`);
    expect(readPackageText(path, 11)).toBe('x'.repeat(11));
  });
});
