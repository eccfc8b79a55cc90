import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/program.js';
import { useCliSandbox, useStdoutCapture } from '../support/cli-sandbox.js';
import { editEntries } from '../support/directory-fixture.js';
import { inspectStateDirectory } from '../../src/directory/inspect-directory.js';
import { parse } from 'csv-parse/sync';

const fixtureDir = new URL('../fixtures/directory', import.meta.url).pathname;
const sandbox = useCliSandbox('release-packet-directory-');
const stdout = useStdoutCapture();

/** A copy of the fixture state the test may break. */
function copyOfFixture(): string {
  const root = join(sandbox.folder, 'directory');
  cpSync(fixtureDir, root, { recursive: true });
  return root;
}

const check = (...flags: string[]) => main(['directory', 'check', '--dir', fixtureDir, '--state', 'zz', '--today', '2026-11-27', ...flags]);

describe('release-packet directory check', () => {
  it('prints the coverage of every county and exits 0 when the data is valid, even with warnings', async () => {
    expect(await check()).toBe(0);
    const out = stdout.join('');
    expect(out).toMatch(/East\s+NONE ON FILE\s+0\s+no\s+1/);
    expect(out).toMatch(/North\s+local: north-watch-line \+1\s+0\s+yes\s+1/);
    expect(out).toMatch(/South\s+regional: valley-network\s+2\s+no\s+1/);
    expect(out).toContain('listed 2020-01-15  valley-network');
    expect(out).toContain('listed undated  south-free-defenders');
    expect(out).toContain('read 2026-11-27  south-free-defenders');
    expect(out).toContain('temporarily closed  south-closed-clinic');
    // North Watch was confirmed by phone on 2026-06-01: not due within 12 months.
    expect(out).not.toMatch(/\s+north-watch-line\n/);
    expect(out).toContain('Result: valid, 5 warnings');
  });

  it('takes from --stale-months the age after which a confirmation is due again', async () => {
    expect(await check('--stale-months', '3', '--json')).toBe(0);
    const dueIds = (JSON.parse(stdout.join('')).due as { id: string; confirmedOn?: string }[]);
    expect(dueIds).toContainEqual({ id: 'north-watch-line', confirmedOn: '2026-06-01', publishedOn: '2026-06-01', isDerived: false });
    stdout.length = 0;
    expect(await check('--stale-months', '120', '--json')).toBe(0);
    expect(JSON.parse(stdout.join('')).due.map((entry: { id: string }) => entry.id)).not.toContain('north-watch-line');
  });

  it('lists every invalid entry (no source, malformed phone) and exits 1', async () => {
    const root = copyOfFixture();
    editEntries(root, 'rapid-response.json', (entries) => {
      delete entries[0]!.source;
      entries[1]!.phones[0].number = '555-0100';
    });
    expect(await main(['directory', 'check', '--dir', root, '--state', 'zz', '--today', '2026-11-27'])).toBe(1);
    const out = stdout.join('');
    expect(out).toContain('[north-watch-line]: has no source');
    expect(out).toMatch(/\[valley-network\]: phones\.0\.number: expected \(NNN\) NNN-NNNN/);
    expect(out).toContain('Result: INVALID');
  });

  it('warns about a phone line two entries share', async () => {
    const root = copyOfFixture();
    editEntries(root, 'legal-providers.json', (entries) => {
      entries[0]!.phones[0].number = '1-555-010-0001';
    });
    expect(await main(['directory', 'check', '--dir', root, '--state', 'zz', '--today', '2026-11-27', '--json'])).toBe(0);
    expect(JSON.parse(stdout.join('')).sharedPhones).toEqual([{ digits: '5550100001', entryIds: ['north-watch-line', 'south-fee-clinic'] }]);
  });

  it('refuses a bad --stale-months with exit 1', async () => {
    expect(await check('--stale-months', 'soon')).toBe(1);
    expect(sandbox.stderr.join('')).toContain('--stale-months');
  });
});

describe('release-packet directory export and import', () => {
  const entriesOf = (stateDir: string) => {
    const { entries, problems } = inspectStateDirectory(stateDir);
    expect(problems).toEqual([]);
    return [...entries].sort((a, b) => a.id.localeCompare(b.id));
  };

  async function exportFixture(): Promise<string> {
    const out = join(sandbox.folder, 'package');
    expect(await main(['directory', 'export', '--format', 'hsds', '--out', out, '--dir', fixtureDir, '--state', 'zz'])).toBe(0);
    return out;
  }

  function emptyStateFolder(): string {
    const root = join(sandbox.folder, 'imported');
    mkdirSync(join(root, 'zz'), { recursive: true });
    cpSync(join(fixtureDir, 'zz', 'state.json'), join(root, 'zz', 'state.json'));
    return root;
  }

  it('writes services.json, the CSV tables and a datapackage.json that lists them', async () => {
    const out = await exportFixture();
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(descriptor.profile).toBe('tabular-data-package');
    for (const resource of descriptor.resources) expect(existsSync(join(out, resource.path)), resource.path).toBe(true);
    const list = JSON.parse(readFileSync(join(out, 'services.json'), 'utf8'));
    expect(list.total_items).toBe(7);
    const line = list.contents.find((service: { rp_id: string }) => service.rp_id === 'north-watch-line');
    expect(line.phones.map((phone: { type: string }) => phone.type)).toEqual(['voice', 'text']);
    // North Watch was confirmed by phone on 2026-06-01: that, and only that, is its assured_date.
    expect(line.assured_date).toBe('2026-06-01');
  });

  it('maps assured_date to a confirmation with the organization only, never to the day a source was read or its own date', async () => {
    const list = JSON.parse(readFileSync(join(await exportFixture(), 'services.json'), 'utf8'));
    const byId = new Map(list.contents.map((service: { rp_id: string }) => [service.rp_id, service]));
    // Dated 2020-01-15 and read, but never confirmed.
    const valley = byId.get('valley-network') as Record<string, unknown>;
    expect(valley.assured_date).toBeUndefined();
    expect(valley.rp_source_published_on).toBe('2020-01-15');
    expect(valley.rp_source_read_on).toBe('2020-01-15');
    const undated = byId.get('south-free-defenders') as Record<string, unknown>;
    expect(undated.assured_date).toBeUndefined();
    expect(undated.rp_source_published_on).toBeUndefined();
    const assured = list.contents.filter((service: { assured_date?: string }) => service.assured_date).map((service: { rp_id: string }) => service.rp_id);
    expect(assured).toEqual(['north-watch-line']);
  });

  it('does not take another publisher\'s assured_date as a confirmation on import', async () => {
    const out = await exportFixture();
    const list = JSON.parse(readFileSync(join(out, 'services.json'), 'utf8'));
    for (const service of list.contents) {
      delete service.rp_history;
      service.assured_date = '2026-10-01';
    }
    writeFileSync(join(out, 'foreign.json'), JSON.stringify(list));
    const root = emptyStateFolder();
    expect(await main(['directory', 'import', '--from', join(out, 'foreign.json'), '--dir', root, '--state', 'zz'])).toBe(0);
    for (const entry of entriesOf(join(root, 'zz'))) {
      expect(entry.history, entry.id).toEqual([]);
      expect(entry.notes, entry.id).toContain('last checked this service on 2026-10-01');
    }
  });

  it('reads the CSV tables back into the same entries', async () => {
    const out = await exportFixture();
    const root = emptyStateFolder();
    expect(await main(['directory', 'import', '--from', out, '--dir', root, '--state', 'zz'])).toBe(0);
    expect(entriesOf(join(root, 'zz'))).toEqual(entriesOf(join(fixtureDir, 'zz')));
  });

  it('reads services.json alone back into the same entries', async () => {
    const out = await exportFixture();
    const root = emptyStateFolder();
    expect(await main(['directory', 'import', '--from', join(out, 'services.json'), '--dir', root, '--state', 'zz'])).toBe(0);
    expect(entriesOf(join(root, 'zz'))).toEqual(entriesOf(join(fixtureDir, 'zz')));
  });

  it('round-trips the whole California directory', async () => {
    const caDir = new URL('../../assets/directory', import.meta.url).pathname;
    const out = join(sandbox.folder, 'ca-package');
    expect(await main(['directory', 'export', '--format', 'hsds', '--out', out, '--dir', caDir, '--state', 'ca'])).toBe(0);
    const root = join(sandbox.folder, 'ca-imported');
    mkdirSync(join(root, 'ca'), { recursive: true });
    cpSync(join(caDir, 'ca', 'state.json'), join(root, 'ca', 'state.json'));
    expect(await main(['directory', 'import', '--from', out, '--dir', root, '--state', 'ca'])).toBe(0);
    expect(entriesOf(join(root, 'ca'))).toEqual(entriesOf(join(caDir, 'ca')));
  });

  it('refuses a package whose service has no source, and writes nothing', async () => {
    const out = await exportFixture();
    const list = JSON.parse(readFileSync(join(out, 'services.json'), 'utf8'));
    delete list.contents[0].rp_source_title;
    const tampered = join(sandbox.folder, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(list));
    const root = emptyStateFolder();
    expect(await main(['directory', 'import', '--from', tampered, '--dir', root, '--state', 'zz'])).toBe(1);
    expect(sandbox.stderr.join('')).toContain('has no source');
    expect(readdirSync(join(root, 'zz'))).toEqual(['state.json']);
  });

  it('never writes over an existing folder on export', async () => {
    const out = await exportFixture();
    expect(await main(['directory', 'export', '--format', 'hsds', '--out', out, '--dir', fixtureDir, '--state', 'zz'])).toBe(1);
    expect(sandbox.stderr.join('')).toContain('already exists');
  });
});

describe('the exported package\'s links', () => {
  it('resolves every foreign key its datapackage.json declares', async () => {
    const out = join(sandbox.folder, 'links');
    expect(await main(['directory', 'export', '--format', 'hsds', '--out', out, '--dir', fixtureDir, '--state', 'zz'])).toBe(0);
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    const rows = (path: string) => parse(readFileSync(join(out, path), 'utf8'), { columns: true }) as Record<string, string>[];
    const idsOf = new Map<string, Set<string>>(descriptor.resources.map((resource: { name: string; path: string }) => [resource.name, new Set(rows(resource.path).map((row) => row.id))]));
    let checked = 0;
    for (const resource of descriptor.resources) {
      for (const key of resource.schema.foreignKeys) {
        for (const row of rows(resource.path)) {
          const value = row[key.fields];
          if (!value) continue;
          expect(idsOf.get(key.reference.resource), `${resource.name}.${key.fields}`).toContain(value);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
