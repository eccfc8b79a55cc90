/**
 * `directory import` treats a package as untrusted input. Why: a probe's empty package deleted every entry and
 * exited 0 (`directory check` then called the empty directory valid); `../dev/zero` as a resource path read
 * outside the package until memory ran out; `javascript:` URLs and invalid UTF-8 were accepted; and a
 * malformed CSV exited 1 with no message at all.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { readPackageText } from '../../src/directory/hsds/read-package-file.js';

const fixtureDir = new URL('../fixtures/directory', import.meta.url).pathname;
const sandbox = useCliSandbox('release-packet-import-');

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

interface Service {
  rp_id: string;
  rp_scope: string;
  service_areas: { rp_county: string }[];
  organization: { website?: string };
}

/** A copy of the fixture state (with its entries), the folder an import would change. */
function stateCopy(): { root: string; stateDir: string; snapshot: () => string } {
  const root = join(sandbox.folder, 'directory');
  cpSync(fixtureDir, root, { recursive: true });
  const stateDir = join(root, 'zz');
  const snapshot = () => readdirSync(stateDir).sort().map((file) => `${file}:${readFileSync(join(stateDir, file), 'utf8')}`).join('\n');
  return { root, stateDir, snapshot };
}

async function exportFixture(): Promise<string> {
  const out = join(sandbox.folder, 'package');
  expect(await main(['directory', 'export', '--format', 'hsds', '--out', out, '--dir', fixtureDir, '--state', 'zz'])).toBe(0);
  sandbox.stderr.length = 0;
  return out;
}

function editServices(packageDir: string, edit: (services: Service[]) => Service[] | void): string {
  const list = JSON.parse(readFileSync(join(packageDir, 'services.json'), 'utf8')) as { contents: Service[] };
  list.contents = edit(list.contents) ?? list.contents;
  const file = join(sandbox.folder, 'edited-services.json');
  writeFileSync(file, JSON.stringify(list));
  return file;
}

function editDescriptor(packageDir: string, table: string, path: string): void {
  const file = join(packageDir, 'datapackage.json');
  const descriptor = JSON.parse(readFileSync(file, 'utf8')) as { resources: { name: string; path: string }[] };
  descriptor.resources.find((resource) => resource.name === table)!.path = path;
  writeFileSync(file, JSON.stringify(descriptor));
}

/** Imports into a copy of the fixture state; on refusal nothing in the state folder may change. */
async function importRefused(from: string, ...extra: string[]): Promise<string> {
  const { root, snapshot } = stateCopy();
  const before = snapshot();
  expect(await main(['directory', 'import', '--from', from, '--dir', root, '--state', 'zz', ...extra])).toBe(1);
  expect(snapshot()).toBe(before);
  return sandbox.stderr.join('');
}

describe('directory import refuses what would empty the directory', () => {
  it('refuses a package with no services, and the state keeps its entries', async () => {
    const empty = join(sandbox.folder, 'empty.json');
    writeFileSync(empty, JSON.stringify({ contents: [] }));
    expect(await importRefused(empty)).toContain('holds no services');
  });

  it('refuses a package that removes every entry of a county, naming the county', async () => {
    const pkg = await exportFixture();
    const withoutNorth = editServices(pkg, (services) =>
      services.filter((service) => service.rp_scope === 'statewide' || !service.service_areas.some((area) => area.rp_county === 'north-county')),
    );
    const stderr = await importRefused(withoutNorth);
    expect(stderr).toContain('north-county');
    expect(stderr).toContain('--allow-emptying-counties');
  });

  it('refuses a package that removes every statewide entry', async () => {
    const pkg = await exportFixture();
    const withoutStatewide = editServices(pkg, (services) => services.filter((service) => service.rp_scope !== 'statewide'));
    expect(await importRefused(withoutStatewide)).toContain('the statewide entries');
  });

  it('accepts such a package with --allow-emptying-counties', async () => {
    const pkg = await exportFixture();
    const withoutNorth = editServices(pkg, (services) =>
      services.filter((service) => service.rp_scope === 'statewide' || !service.service_areas.some((area) => area.rp_county === 'north-county')),
    );
    const { root } = stateCopy();
    expect(await main(['directory', 'import', '--from', withoutNorth, '--dir', root, '--state', 'zz', '--allow-emptying-counties'])).toBe(0);
  });
});

describe('directory import reads only the package folder', () => {
  it('refuses a resource path with ../ (the probe\'s ../dev/zero)', async () => {
    const pkg = await exportFixture();
    editDescriptor(pkg, 'phone', '../../../../../../../../dev/zero');
    expect(await importRefused(pkg)).toMatch(/datapackage\.json: resource path ".*dev\/zero" must be a relative path inside the package folder/);
  });

  it('refuses an absolute resource path', async () => {
    const pkg = await exportFixture();
    editDescriptor(pkg, 'phone', '/etc/passwd');
    expect(await importRefused(pkg)).toContain('must be a relative path inside the package folder');
  });

  it('refuses a resource that is a link leading out of the package', async () => {
    const pkg = await exportFixture();
    const outside = join(sandbox.folder, 'outside.csv');
    cpSync(join(pkg, 'phones.csv'), outside);
    editDescriptor(pkg, 'phone', 'linked-phones.csv');
    symlinkSync(outside, join(pkg, 'linked-phones.csv'));
    expect(await importRefused(pkg)).toContain('leads outside the package folder');
  });

  it('refuses a --from that is a device, without reading it', async () => {
    expect(await importRefused('/dev/zero')).toContain('/dev/zero: is not a regular file');
  });
});

describe('directory import limits size, encoding and URLs', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const big = join(sandbox.folder, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 9 * 1024 * 1024); // sparse: costs no disk, and must not cost memory either
    expect(await importRefused(big)).toMatch(/big\.json: is 9437184 bytes; the limit is 8388608/);
  });

  it('bounds what it reads even below the declared limit', () => {
    const file = join(sandbox.folder, 'small.json');
    writeFileSync(file, 'x'.repeat(101));
    expect(() => readPackageText(file, 100)).toThrow(/the limit is 100/);
  });

  it('refuses a CSV table that is not UTF-8, naming the file and line', async () => {
    const pkg = await exportFixture();
    const services = readFileSync(join(pkg, 'services.csv'));
    const lines = services.toString('latin1').split('\n');
    lines[2] = lines[2]!.replace('Fee clinic', 'Fee cl\xednic'); // Latin-1 í: a lone 0xED byte
    writeFileSync(join(pkg, 'services.csv'), Buffer.from(lines.join('\n'), 'latin1'));
    expect(await importRefused(pkg)).toMatch(/services\.csv: line 3: not valid UTF-8/);
  });

  it('refuses a javascript: URL as an organization website', async () => {
    const pkg = await exportFixture();
    const hostile = editServices(pkg, (services) => {
      services[0]!.organization.website = 'javascript:alert(1)';
    });
    expect(await importRefused(hostile)).toContain('expected an http or https URL');
  });

  it('reports a malformed CSV with its file, line and reason, exit 1', async () => {
    const pkg = await exportFixture();
    writeFileSync(join(pkg, 'phones.csv'), `${readFileSync(join(pkg, 'phones.csv'), 'utf8')}"unclosed,quote\n`);
    expect(await importRefused(pkg)).toMatch(/phones\.csv line \d+: malformed CSV \(CSV_\w+/);
  });

  it('refuses to import into a state whose state.json does not validate, naming it, and changes nothing', async () => {
    // Without its counties the import would place no service in any county.
    const pkg = await exportFixture();
    const { root, stateDir, snapshot } = stateCopy();
    const statePath = join(stateDir, 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as { counties: unknown };
    for (const broken of [JSON.stringify({ ...state, counties: 'none' }), '{ not json']) {
      writeFileSync(statePath, broken);
      const before = snapshot();
      sandbox.stderr.length = 0;
      expect(await main(['directory', 'import', '--from', pkg, '--dir', root, '--state', 'zz'])).toBe(1);
      expect(snapshot()).toBe(before);
      expect(sandbox.stderr.join('')).toContain(`${statePath}: `);
      expect(sandbox.stderr.join('')).toContain(`fix state.json before importing into ${stateDir}`);
    }
  });

  it('refuses a state.json that parses but contradicts itself, before reading the package', async () => {
    const pkg = await exportFixture();
    const { root, stateDir, snapshot } = stateCopy();
    const statePath = join(stateDir, 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as { counties: { slug: string; adjacent?: string[] }[] };
    state.counties[0]!.adjacent = ['north-county']; // one-sided, and with no source for adjacency
    writeFileSync(statePath, JSON.stringify(state));
    const before = snapshot();
    sandbox.stderr.length = 0;
    expect(await main(['directory', 'import', '--from', pkg, '--dir', root, '--state', 'zz'])).toBe(1);
    expect(snapshot()).toBe(before);
    expect(sandbox.stderr.join('')).toContain(`${statePath}: east-county lists north-county as adjacent, but not the other way round; fix state.json before importing`);
  });

  it('imports into a state whose entry files have problems, since the import replaces them', async () => {
    // The import is how a maintainer repairs entry files; only state.json must be sound first.
    const pkg = await exportFixture();
    const { root, stateDir } = stateCopy();
    writeFileSync(join(stateDir, 'legal-providers.json'), JSON.stringify({ entries: [{ id: 'no-source' }] }));
    expect(await main(['directory', 'import', '--from', pkg, '--dir', root, '--state', 'zz'])).toBe(0);
    expect(readFileSync(join(stateDir, 'legal-providers.json'), 'utf8')).toContain('"south-fee-clinic"');
  });

  it('still imports a clean package into an empty state folder', async () => {
    const pkg = await exportFixture();
    const root = join(sandbox.folder, 'fresh');
    mkdirSync(join(root, 'zz'), { recursive: true });
    cpSync(join(fixtureDir, 'zz', 'state.json'), join(root, 'zz', 'state.json'));
    expect(await main(['directory', 'import', '--from', pkg, '--dir', root, '--state', 'zz'])).toBe(0);
  });
});
