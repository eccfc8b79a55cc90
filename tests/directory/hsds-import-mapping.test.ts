/**
 * How an HSDS service becomes a directory entry on import (src/directory/hsds/hsds-to-entries.ts), read
 * straight from hsdsToEntries: the fields a packet prints (lines, hours, counties, who is served, cost)
 * arrive as published, another publisher's check date never becomes our confirmation, and a service
 * without a source comes back as a problem instead of an unsourced number.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hsdsToEntries } from '../../src/directory/hsds/hsds-to-entries.js';
import { inspectStateDirectory } from '../../src/directory/inspect-directory.js';
import { writeStateEntries } from '../../src/directory/write-state-entries.js';
import { isPacketError } from '../../src/errors.js';
import type { County } from '../../src/directory/schema.js';

const counties: County[] = [
  { slug: 'north-county', name: 'North', fips: '99003', adjacent: [] },
  { slug: 'fresno', name: 'Fresno', fips: '06019', adjacent: [] },
  { slug: 'san-luis-obispo', name: 'San Luis Obispo', fips: '06079', adjacent: [] },
];

/** A service as another publisher might write it: no rp_ fields but the source. */
function service(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Valley Help Line',
    description: 'Answers questions after release.',
    phones: [{ number: '(559) 555-0100' }],
    service_areas: [{ name: 'Fresno County, California' }],
    attributes: [{ taxonomy_term: { code: 'kind:rapid-response' } }, { taxonomy_term: { code: 'offers:rapid-response' } }],
    rp_source_title: 'Publisher list',
    rp_source_read_on: '2026-06-01',
    ...fields,
  };
}

const importOne = (fields: Record<string, unknown> = {}) => {
  const { entries, problems } = hsdsToEntries([service(fields)], counties, 'services.json');
  expect(problems).toEqual([]);
  return entries[0]!;
};

describe('an imported service', () => {
  it('takes its id, kind, offers, scope and status from the service, with defaults for a foreign package', () => {
    const entry = importOne();
    expect(entry).toMatchObject({ id: 'valley-help-line', kind: 'rapid-response', scope: 'county', status: 'active', history: [], corroboratedBy: [] });
    expect(entry.service).toEqual({ name: 'Valley Help Line', description: 'Answers questions after release.', offers: ['rapid-response'] });
    expect(entry.organization).toEqual({ name: 'Valley Help Line' });
    const own = importOne({ rp_id: 'valley-own-id', rp_scope: 'statewide', status: 'inactive' });
    expect(own).toMatchObject({ id: 'valley-own-id', scope: 'statewide', status: 'inactive' });
  });

  it('calls a service of several counties regional, and finds counties by name, by slug or by our own field', () => {
    const entry = importOne({ service_areas: [{ name: 'Fresno County, California' }, { name: 'San Luis Obispo County' }, { name: 'ignored', rp_county: 'fresno' }] });
    expect(entry.serviceArea.counties).toEqual(['fresno', 'san-luis-obispo', 'fresno']);
    expect(entry.scope).toBe('regional');
    expect(importOne({ service_areas: [{ name: 'san luis obispo' }] }).serviceArea.counties).toEqual(['san-luis-obispo']);
    // By name even when the slug is not the name's: "North County" is north-county, not "north".
    expect(importOne({ service_areas: [{ name: 'North County, Fixture State' }] }).serviceArea.counties).toEqual(['north-county']);
  });

  it('makes an id of the name as a slug, whatever its accents, punctuation and spacing', () => {
    expect(importOne({ name: ' Centro Legal — Niños_y  Familias! ' }).id).toBe('centro-legal-ninos-y-familias');
  });

  it('reads only the taxonomy terms it knows, and skips an attribute without one', () => {
    const entry = importOne({ attributes: [{}, { taxonomy_term: {} }, { taxonomy_term: { code: 'kind:consulate' } }, { taxonomy_term: { code: 'offers:referrals' } }, { taxonomy_term: { code: 'other:x' } }] });
    expect(entry.kind).toBe('consulate');
    expect(entry.service.offers).toEqual(['referrals']);
  });

  it('refuses an area with neither a name nor a county, without failing the import', () => {
    const { problems } = hsdsToEntries([service({ service_areas: [{}] })], counties, 'services.json');
    expect(problems).toEqual([expect.objectContaining({ entry: 'valley-help-line', message: expect.stringMatching(/^serviceArea\.counties\.0: /) })]);
  });

  it('refuses an area it cannot place in a county, naming the field', () => {
    const { entries, problems } = hsdsToEntries([service({ service_areas: [{ name: 'Nowhere Land, Elsewhere' }] })], counties, 'services.json');
    expect(entries).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ file: 'services.json', entry: 'valley-help-line', message: expect.stringMatching(/^serviceArea\.counties\.0: /) })]);
  });

  it('joins a voice row and a text row of one number into one line, keeping its extension, hours, languages and round-the-clock mark', () => {
    const entry = importOne({
      phones: [
        { number: '(559) 555-0100', extension: 12, type: 'voice', description: 'Mon–Fri 9–5', rp_is_24_hours: false, languages: [{ code: 'es' }, {}] },
        { number: '(559) 555-0100', extension: 12, type: 'text', description: 'other hours' },
        { number: '(559) 555-0199', type: 'text', rp_is_24_hours: true },
        { number: '(559) 555-0177' },
      ],
    });
    expect(entry.phones).toEqual([
      { number: '(559) 555-0100 ext. 12', type: 'voice-and-text', hours: 'Mon–Fri 9–5', is24Hours: false, languages: ['es'] },
      { number: '(559) 555-0199', type: 'text', is24Hours: true },
      { number: '(559) 555-0177', type: 'voice', is24Hours: false },
    ]);
  });

  it('reads who is served only with the words that say it, and cost only from the two fee texts it writes', () => {
    expect(importOne({ minimum_age: 18 }).eligibility).toBeUndefined();
    expect(importOne({ eligibility_description: 'Under 18', maximum_age: 17, minimum_age: 0, rp_is_detained_only: false }).eligibility).toEqual({
      minimumAge: 0,
      maximumAge: 17,
      isDetainedOnly: false,
      description: 'Under 18',
    });
    expect(importOne({ fees_description: 'Free' }).service.isFree).toBe(true);
    expect(importOne({ fees_description: 'Charges a fee' }).service.isFree).toBe(false);
    expect(importOne({ fees_description: 'Sliding scale' }).service).not.toHaveProperty('isFree');
  });

  it('keeps the organization, address, languages, source and notes as published', () => {
    const entry = importOne({
      organization: { name: 'Valley Org', website: 'https://valley.example.org', rp_is_nonprofit: true },
      rp_address: '1 Main St, Fresno',
      languages: [{ code: 'es' }, { code: 'hmn' }, {}],
      rp_source_url: 'https://valley.example.org/list',
      rp_source_published_on: '2026-05-01',
      rp_source_derived_from: { title: 'State PDF', url: 'https://state.example.gov/list.pdf', how: 'copy' },
      rp_notes: 'Ask for intake.',
      rp_recognition: { status: 'current', asOf: '2026-10-01', roster: 'EOIR roster' },
      rp_corroborated_by: [{ title: 'County page', date: '2026-02-01' }],
    });
    expect(entry.recognition).toEqual({ status: 'current', asOf: '2026-10-01', roster: 'EOIR roster' });
    expect(entry.corroboratedBy).toEqual([{ title: 'County page', date: '2026-02-01' }]);
    expect(entry.organization).toEqual({ name: 'Valley Org', url: 'https://valley.example.org', isNonprofit: true });
    expect(entry.address).toBe('1 Main St, Fresno');
    expect(entry.languages).toEqual(['es', 'hmn']);
    expect(entry.source).toEqual({ title: 'Publisher list', url: 'https://valley.example.org/list', readOn: '2026-06-01', publishedOn: '2026-05-01', derivedFrom: { title: 'State PDF', url: 'https://state.example.gov/list.pdf', how: 'copy' } });
    expect(entry.notes).toBe('Ask for intake.');
    expect(importOne()).not.toHaveProperty('notes');
    expect(importOne()).not.toHaveProperty('address');
  });

  it('keeps another publisher\'s check date as a note, never as a confirmation', () => {
    const entry = importOne({ assured_date: '2026-04-02', rp_notes: 'Ask for intake.' });
    expect(entry.history).toEqual([]);
    expect(entry.notes).toBe('Ask for intake. The publishing package says it last checked this service on 2026-04-02.');
    // Our own export carries its history: its assured_date is that history, not news.
    const history = [{ on: '2026-04-02', by: 'desk', method: 'phone', result: 'confirmed', number: '(559) 555-0100' }];
    const ours = importOne({ assured_date: '2026-04-02', rp_history: history });
    expect(ours.history).toEqual(history);
    expect(ours).not.toHaveProperty('notes');
  });
});

describe('a service the directory will not take', () => {
  it('comes back as a problem when it has no source, or no day its source was read', () => {
    const { entries, problems } = hsdsToEntries(
      [service({ rp_source_title: undefined }), service({ name: 'Second Line', rp_source_read_on: undefined })],
      counties,
      'services.json',
    );
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      { file: 'services.json', entry: 'valley-help-line', message: 'has no source (rp_source_title)' },
      { file: 'services.json', entry: 'second-line', message: 'has no rp_source_read_on (the day its source was read)' },
    ]);
  });

  it('comes back as a problem, by its place in the list, when it is not an HSDS service at all', () => {
    const { entries, problems } = hsdsToEntries([service(), { phones: 'none' }], counties, 'services.json');
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([{ file: 'services.json', entry: 'contents.1', message: expect.stringMatching(/^not an HSDS service: \S/) }]);
  });
});

describe('writing imported entries into a state folder', () => {
  const fixtureState = new URL('../fixtures/directory/zz', import.meta.url).pathname;
  let folder = '';
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const stateCopy = () => {
    folder = mkdtempSync(join(tmpdir(), 'release-packet-write-'));
    cpSync(fixtureState, join(folder, 'zz'), { recursive: true });
    return join(folder, 'zz');
  };

  it('writes one file per kind, each holding only its kind, and leaves no staging folder behind', () => {
    const stateDir = stateCopy();
    const entries = inspectStateDirectory(stateDir).entries.filter((entry) => entry.id !== 'south-fee-clinic');
    expect(writeStateEntries(stateDir, entries)).toEqual(['rapid-response.json', 'legal-providers.json', 'public-defenders.json', 'consulates.json']);
    expect(readdirSync(stateDir).sort()).toEqual(['consulates.json', 'legal-providers.json', 'public-defenders.json', 'rapid-response.json', 'state.json']);
    const kinds = (file: string) => (JSON.parse(readFileSync(join(stateDir, file), 'utf8')) as { entries: { kind: string }[] }).entries.map((entry) => entry.kind);
    expect(kinds('public-defenders.json')).toEqual(['public-defender']);
    expect(kinds('consulates.json')).toEqual(['consulate']);
    expect(new Set(kinds('legal-providers.json'))).toEqual(new Set(['legal-provider']));
    expect(inspectStateDirectory(stateDir).entries.map((entry) => entry.id).sort()).toEqual(entries.map((entry) => entry.id).sort());
  });

  it('refuses a folder that is not a state folder, and writes nothing there', () => {
    const stateDir = stateCopy();
    rmSync(join(stateDir, 'state.json'));
    const before = readdirSync(stateDir).sort();
    let code: string | undefined;
    let message = '';
    try {
      writeStateEntries(stateDir, []);
    } catch (error) {
      code = isPacketError(error) ? error.code : 'not a PacketError';
      message = (error as Error).message;
    }
    expect(code).toBe('PKT_ERR_USAGE');
    expect(message).toContain(`${stateDir} has no state.json`);
    expect(readdirSync(stateDir).sort()).toEqual(before);
    expect(existsSync(join(folder, 'zz', 'rapid-response.json'))).toBe(true);
  });

  it('refuses entries that do not validate together, naming the state folder\'s file and entry, not the staging folder', () => {
    const stateDir = stateCopy();
    const before = readdirSync(stateDir).sort().map((file) => readFileSync(join(stateDir, file), 'utf8'));
    const entries = inspectStateDirectory(stateDir).entries;
    const twice = [...entries, { ...entries.find((entry) => entry.kind === 'consulate')! }];
    let message = '';
    try {
      writeStateEntries(stateDir, twice);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`imported ${join(stateDir, 'consulates.json')} [`);
    expect(message).toContain(']: duplicate id');
    expect(message).not.toContain('.import-');
    expect(readdirSync(stateDir).sort().map((file) => readFileSync(join(stateDir, file), 'utf8'))).toEqual(before);
  });
});
