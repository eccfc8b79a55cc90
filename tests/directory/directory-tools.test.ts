/**
 * The directory keepers' commands as they read on a terminal and refuse what they cannot do, in-process
 * through main() on copies of the fixture state: the whole `directory check` report, its flags and
 * --update-doc; what export and import say they did; `due` on standard output; `verify`'s refusals of a
 * call sheet or flags it cannot record, and the count of what it recorded.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { main } from '../../src/cli/program.js';
import { inspectStateDirectory } from '../../src/directory/inspect-directory.js';
import { coverageEndMarker, coverageStartMarker } from '../../src/directory/coverage-doc.js';
import { useCliSandbox, useStdoutCapture } from '../support/cli-sandbox.js';
import { editEntries } from '../support/directory-fixture.js';

const fixtureDir = new URL('../fixtures/directory', import.meta.url).pathname;
const sandbox = useCliSandbox('release-packet-directory-tools-');
const stdout = useStdoutCapture();
const stderr = () => sandbox.stderr.join('');
const today = '2026-11-27';

/** A copy of the fixture state the test may change; East, South and North border each other in a row. */
function copyOfFixture(): string {
  const root = join(sandbox.folder, 'directory');
  cpSync(fixtureDir, root, { recursive: true });
  const statePath = join(root, 'zz', 'state.json');
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as { adjacencySource?: object; counties: { slug: string; adjacent?: string[] }[] };
  state.adjacencySource = { title: 'Fixture borders', url: 'https://example.org/borders', readOn: '2026-01-01' };
  const adjacent: Record<string, string[]> = { 'east-county': ['south-county'], 'south-county': ['east-county', 'north-county'], 'north-county': ['south-county'] };
  for (const county of state.counties) county.adjacent = adjacent[county.slug]!;
  writeFileSync(statePath, JSON.stringify(state));
  return root;
}

describe('release-packet directory check', () => {
  it('prints the whole report a keeper reads: coverage table, totals, each list with its count, the result', async () => {
    const root = copyOfFixture();
    // A copy of an official list, confirmed long ago, and two entries sharing a line: each shows in the report.
    // North Watch, confirmed on 2026-06-01, is not due within 6 months.
    editEntries(root, 'legal-providers.json', (entries) => {
      entries[0]!.source.derivedFrom = { title: 'Official list', url: 'https://example.org/list', how: 'copy' };
      entries[0]!.history = [{ on: '2024-02-03', by: 'A', method: 'phone', result: 'confirmed', number: entries[0]!.phones[0].number }];
      entries[1]!.phones[0].number = '(555) 010-0001';
    });
    expect(await main(['directory', 'check', '--dir', root, '--state', 'zz', '--today', today, '--stale-months', '6']), stdout.join('')).toBe(0);
    expect(stdout.join('')).toBe(`Directory zz: 7 entries, checked 2026-11-27, stale after 6 months

county  network                                    legal providers  public defender  consulates
East    NONE ON FILE (nearest: valley-network +1)  0                no               1
North   local: north-watch-line +1                 0                yes              1
South   regional: valley-network                   2                no               1

Coverage: network 2/3, legal providers 1/3, public defender 1/3, consulate 3/3

Due for confirmation (never confirmed with the organization, or more than 6 months ago; printed with VERIFY): 5
  listed undated  south-free-defenders
  listed 2020-01-15  valley-network
  listed 2026-06-01  fixture-consulate-line
  listed 2026-06-01  north-public-defender
  confirmed 2024-02-03 (copy of an official list)  south-fee-clinic

Undated sources (only the day they were read is known): 1
  read 2026-11-27  south-free-defenders

Not printed (status other than active, or every line reported disconnected): 1
  temporarily closed  south-closed-clinic

Phone lines listed by more than one entry: 1
  5550100001  north-watch-line, south-free-defenders

Invalid data (the service will not start): 0

Result: valid, 6 warnings
`);
  });

  it('names the one nearest network of a county with none, without a count', async () => {
    const root = copyOfFixture();
    // The valley's network closed: East's nearest is North's own line, two borders away, and South has none either.
    editEntries(root, 'rapid-response.json', (entries) => {
      entries.find((entry) => entry.id === 'valley-network')!.status = 'temporarily closed';
    });
    // And the state's one consulate line closed too: no county has one.
    editEntries(root, 'consulates.json', (entries) => {
      entries[0]!.status = 'temporarily closed';
    });
    expect(await main(['directory', 'check', '--dir', root, '--state', 'zz', '--today', today])).toBe(0);
    expect(stdout.join('')).toContain('\nCoverage: network 1/3, legal providers 1/3, public defender 1/3, consulate 0/3\n');
    expect(stdout.join('')).toMatch(/\nEast {4}NONE ON FILE \(nearest: north-watch-line\) +0 /);
    expect(stdout.join('')).toMatch(/\nSouth {3}NONE ON FILE \(nearest: north-watch-line\) +2 /);
  });

  it('judges as of today when --today is not given', async () => {
    expect(await main(['directory', 'check', '--dir', fixtureDir, '--state', 'zz'])).toBe(0);
    expect(stdout.join('')).toContain(`, checked ${new Date().toISOString().slice(0, 10)}, stale after 12 months\n`);
  });

  it('says "1 warning" for one', async () => {
    const root = copyOfFixture();
    expect(await main(['directory', 'check', '--dir', root, '--state', 'zz', '--today', '2026-06-02', '--json'])).toBe(0);
    const due = (JSON.parse(stdout.join('')) as { due: unknown[] }).due.length;
    stdout.length = 0;
    // Everything but one entry confirmed the day before: one warning left.
    for (const file of ['rapid-response.json', 'legal-providers.json', 'public-defenders.json', 'consulates.json']) {
      editEntries(root, file, (entries) => {
        for (const entry of entries) {
          if (entry.id === 'valley-network') continue;
          entry.history = [...(entry.history ?? []), { on: '2026-06-01', by: 'A', method: 'phone', result: 'confirmed', number: entry.phones[0].number }];
        }
      });
    }
    expect(due).toBeGreaterThan(1);
    expect(await main(['directory', 'check', '--dir', root, '--state', 'zz', '--today', '2026-06-02'])).toBe(0);
    expect(stdout.join('')).toMatch(/\nResult: valid, 1 warning\n$/);
  });

  it('refuses a --stale-months outside 1 to 120 or not whole, and a --today that is not a day, naming the flag', async () => {
    for (const months of ['0', '121', '1.5', 'soon']) {
      sandbox.stderr.length = 0;
      expect(await main(['directory', 'check', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--stale-months', months]), months).toBe(1);
      expect(stderr()).toContain('--stale-months: expected a whole number of months from 1 to 120 (PKT_ERR_USAGE)');
    }
    for (const months of ['1', '120']) expect(await main(['directory', 'check', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--stale-months', months, '--json']), months).toBe(0);
    sandbox.stderr.length = 0;
    expect(await main(['directory', 'check', '--dir', fixtureDir, '--state', 'zz', '--today', '27.11.2026'])).toBe(1);
    expect(stderr()).toContain('--today: expected a date YYYY-MM-DD');
    sandbox.stderr.length = 0;
    expect(await main(['directory', 'due', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--months', '0'])).toBe(1);
    expect(stderr()).toContain('--months: expected a whole number of months from 1 to 120');
  });

  it('names the folder it looked in when there is no state there, California\'s by default', async () => {
    expect(await main(['directory', 'check', '--dir', fixtureDir, '--state', 'xx'])).toBe(1);
    expect(stderr()).toBe(`release-packet: The command cannot be run as given: no state folder with a state.json at ${join(fixtureDir, 'xx')} (PKT_ERR_USAGE)\n`);
    sandbox.stderr.length = 0;
    expect(await main(['directory', 'check', '--dir', fixtureDir])).toBe(1);
    expect(stderr()).toContain(`no state folder with a state.json at ${join(fixtureDir, 'ca')} `);
    // A folder that is there but holds no state.json is not a state either.
    const root = copyOfFixture();
    rmSync(join(root, 'zz', 'state.json'));
    expect(await main(['directory', 'check', '--dir', root, '--state', 'zz'])).toBe(1);
    expect(stderr()).toContain(`no state folder with a state.json at ${join(root, 'zz')} `);
  });

  it('reports a state.json it cannot read as invalid, with "?" for the state it does not know', async () => {
    const root = copyOfFixture();
    writeFileSync(join(root, 'zz', 'state.json'), '{}');
    expect(await main(['directory', 'check', '--dir', root, '--state', 'zz', '--today', today])).toBe(1);
    expect(stdout.join('')).toMatch(/^Directory \?: 7 entries, /);
    expect(stdout.join('')).toMatch(/\nResult: INVALID\n$/);
  });

  it('rewrites the coverage block of a document with --update-doc, and refuses a missing file or one without the markers', async () => {
    const document = join(sandbox.folder, 'DATA.md');
    writeFileSync(document, `# Data\n\n${coverageStartMarker}\nold figures\n${coverageEndMarker}\n\nAfter.\n`);
    expect(await main(['directory', 'check', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--update-doc', document])).toBe(0);
    const rewritten = readFileSync(document, 'utf8');
    expect(rewritten).not.toContain('old figures');
    expect(rewritten).toMatch(/^# Data\n\n<!-- coverage:start[^]*\| of 3 \|[^]*<!-- coverage:end -->\n\nAfter\.\n$/);

    const missing = join(sandbox.folder, 'NONE.md');
    expect(await main(['directory', 'check', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--update-doc', missing])).toBe(1);
    expect(stderr()).toContain(`--update-doc: ${missing} does not exist`);
    const plain = join(sandbox.folder, 'PLAIN.md');
    writeFileSync(plain, '# No markers\n');
    expect(await main(['directory', 'check', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--update-doc', plain])).toBe(1);
    expect(stderr()).toContain(`--update-doc: ${plain} has no coverage markers (${coverageStartMarker} … ${coverageEndMarker})`);
    expect(readFileSync(plain, 'utf8')).toBe('# No markers\n');
  });
});

describe('release-packet directory export and import', () => {
  it('say how many services or entries they wrote, and where', async () => {
    const out = join(sandbox.folder, 'package');
    expect(await main(['directory', 'export', '--format', 'hsds', '--out', out, '--dir', fixtureDir, '--state', 'zz'])).toBe(0);
    expect(stderr()).toBe(`release-packet: wrote 7 services of zz as an HSDS data package to ${out}\n`);
    sandbox.stderr.length = 0;
    const root = copyOfFixture();
    expect(await main(['directory', 'import', '--from', out, '--dir', root, '--state', 'zz'])).toBe(0);
    expect(stderr()).toMatch(new RegExp(`^release-packet: imported 7 entries into ${join(root, 'zz')} \\([a-z-]+\\.json(, [a-z-]+\\.json)+\\)\\n$`));
  });

  /** The fixture exported, with its services.json changed by `edit`, written as a file of its own. */
  async function editedPackage(edit: (services: Record<string, any>[]) => Record<string, any>[]): Promise<string> {
    const out = join(sandbox.folder, 'package');
    expect(await main(['directory', 'export', '--format', 'hsds', '--out', out, '--dir', fixtureDir, '--state', 'zz'])).toBe(0);
    sandbox.stderr.length = 0;
    const list = JSON.parse(readFileSync(join(out, 'services.json'), 'utf8')) as { contents: Record<string, any>[] };
    list.contents = edit(list.contents);
    const edited = join(sandbox.folder, 'edited.json');
    writeFileSync(edited, JSON.stringify(list));
    return edited;
  }

  it('refuses a package that would empty counties, naming each, with how many entries there are now and after', async () => {
    const north = ['north-watch-line', 'north-public-defender', 'valley-network', 'fixture-consulate-line'];
    const smaller = await editedPackage((services) => services.filter((service) => !north.includes(service.rp_id)));
    const root = copyOfFixture();
    expect(await main(['directory', 'import', '--from', smaller, '--dir', root, '--state', 'zz'])).toBe(1);
    expect(stderr()).toContain(`${smaller} would remove every entry of north-county, the statewide entries (7 entries now, 3 after); add --allow-emptying-counties if that is meant`);
  });

  it('names only the county a package would empty when the statewide entries stay', async () => {
    const north = ['north-watch-line', 'north-public-defender', 'valley-network'];
    const smaller = await editedPackage((services) => services.filter((service) => !north.includes(service.rp_id)));
    const root = copyOfFixture();
    expect(await main(['directory', 'import', '--from', smaller, '--dir', root, '--state', 'zz'])).toBe(1);
    expect(stderr()).toContain(`${smaller} would remove every entry of north-county (7 entries now, 4 after);`);
  });

  it('lists every service it cannot import, one per line', async () => {
    const tampered = await editedPackage((services) => services.map((service, index) => (index < 2 ? { ...service, rp_source_title: undefined } : service)));
    const root = copyOfFixture();
    expect(await main(['directory', 'import', '--from', tampered, '--dir', root, '--state', 'zz'])).toBe(1);
    expect(stderr()).toMatch(/: 2 service\(s\) cannot be imported:\n {2}.*has no source.*\n {2}.*has no source/);
  });

  it('places another publisher\'s services by the county names of their areas, from the state file', async () => {
    const foreign = await editedPackage((services) =>
      services.map((service) => ({ ...service, service_areas: service.service_areas.map(({ rp_county: _slug, ...area }: Record<string, string>) => area) })),
    );
    const root = copyOfFixture();
    expect(await main(['directory', 'import', '--from', foreign, '--dir', root, '--state', 'zz'])).toBe(0);
    const counties = new Map(inspectStateDirectory(join(root, 'zz')).entries.map((entry) => [entry.id, entry.serviceArea.counties]));
    expect(counties.get('north-watch-line')).toEqual(['north-county']);
  });
});

describe('release-packet directory due', () => {
  it('prints the call sheet on standard output when no file is asked for, and counts lines and county groups', async () => {
    expect(await main(['directory', 'due', '--dir', fixtureDir, '--state', 'zz', '--today', today])).toBe(0);
    const lines = stdout.join('').trim().split('\n');
    expect(lines[0]).toMatch(/^county,/);
    expect(lines).toHaveLength(6);
    expect(stderr()).toBe('release-packet: 5 line(s) due for confirmation in 3 county group(s)\n');
  });

  it('writes only the files asked for, nothing on standard output', async () => {
    const csv = join(sandbox.folder, 'sheet.csv');
    expect(await main(['directory', 'due', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--csv', csv])).toBe(0);
    expect(stdout.join('')).toBe('');
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/^county,/);
    // Without --force an existing sheet is kept; with it, replaced.
    writeFileSync(csv, 'kept');
    expect(await main(['directory', 'due', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--csv', csv])).toBe(1);
    expect(readFileSync(csv, 'utf8')).toBe('kept');
    expect(await main(['directory', 'due', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--csv', csv, '--force'])).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^county,/);
  });

  it('keeps an existing printable sheet without --force, and replaces it with', async () => {
    const pdf = join(sandbox.folder, 'sheet.pdf');
    writeFileSync(pdf, 'kept');
    expect(await main(['directory', 'due', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--pdf', pdf])).toBe(1);
    expect(readFileSync(pdf, 'utf8')).toBe('kept');
    expect(await main(['directory', 'due', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--pdf', pdf, '--force'])).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('release-packet directory verify', () => {
  const verify = (root: string, ...flags: string[]) => main(['directory', 'verify', '--dir', root, '--state', 'zz', '--today', today, ...flags]);
  const row = { entry_id: 'valley-network', number: '(555) 010-0002', result: 'confirmed', checked_on: '2026-11-26', checked_by: 'A', method: 'phone', new_number: '', url: '', note: '' };

  it('refuses a --from that does not exist, is not CSV, or lacks a column of the call sheet', async () => {
    const root = copyOfFixture();
    const missing = join(sandbox.folder, 'none.csv');
    expect(await verify(root, '--from', missing)).toBe(1);
    expect(stderr()).toContain(`--from: ${missing} does not exist`);
    const broken = join(sandbox.folder, 'broken.csv');
    writeFileSync(broken, 'entry_id,number\n"unclosed,1\n');
    expect(await verify(root, '--from', broken)).toBe(1);
    expect(stderr()).toMatch(new RegExp(`--from: ${broken} is not a readable CSV \\(.+\\)`));
    const partial = join(sandbox.folder, 'partial.csv');
    writeFileSync(partial, stringify([{ entry_id: 'valley-network', number: '(555) 010-0002', result: 'confirmed' }], { header: true }));
    expect(await verify(root, '--from', partial)).toBe(1);
    expect(stderr()).toContain(`--from: ${partial} lacks the column(s) checked_on, checked_by, method of a call sheet`);
  });

  it('records nothing from a sheet without a result, and says so', async () => {
    const root = copyOfFixture();
    const before = inspectStateDirectory(join(root, 'zz')).entries;
    const blank = join(sandbox.folder, 'blank.csv');
    writeFileSync(blank, stringify([{ ...row, result: '' }], { header: true }));
    expect(await verify(root, '--from', blank)).toBe(0);
    expect(stderr()).toBe('release-packet: no row of the call sheet has a result: nothing recorded\n');
    expect(inspectStateDirectory(join(root, 'zz')).entries).toEqual(before);
  });

  it('records nothing from a call sheet with no rows at all', async () => {
    const root = copyOfFixture();
    const empty = join(sandbox.folder, 'empty.csv');
    writeFileSync(empty, 'county,entry_id,number,result,checked_on,checked_by,method\n');
    expect(await verify(root, '--from', empty)).toBe(0);
    expect(stderr()).toBe('release-packet: no row of the call sheet has a result: nothing recorded\n');
  });

  it('keeps the new number, the page read and the note of a row, and counts the results by kind', async () => {
    const root = copyOfFixture();
    const sheet = join(sandbox.folder, 'sheet.csv');
    writeFileSync(sheet, stringify([
      { ...row, note: 'asked for Ana' },
      { ...row, entry_id: 'south-fee-clinic', number: '(555) 010-0004', result: 'changed-number', new_number: '(555) 010-0044' },
      { ...row, entry_id: 'north-public-defender', number: '(555) 010-0005', method: 'official-page', url: 'https://example.org/pd' },
    ], { header: true }));
    expect(await verify(root, '--from', sheet), stderr()).toBe(0);
    expect(stderr()).toBe(`release-packet: recorded 3 result(s) (2 confirmed, 1 changed-number) in ${join(root, 'zz')}\n`);
    const entries = new Map(inspectStateDirectory(join(root, 'zz')).entries.map((entry) => [entry.id, entry]));
    expect(entries.get('valley-network')!.history.at(-1)).toEqual({ on: '2026-11-26', by: 'A', method: 'phone', result: 'confirmed', number: '(555) 010-0002', note: 'asked for Ana' });
    expect(entries.get('south-fee-clinic')!.history.at(-1)).toMatchObject({ newNumber: '(555) 010-0044' });
    expect(entries.get('north-public-defender')!.history.at(-1)).toEqual({ on: '2026-11-26', by: 'A', method: 'official-page', result: 'confirmed', number: '(555) 010-0005', url: 'https://example.org/pd' });
  });

  it('from flags: names every flag missing, takes today as the day, and keeps the new number, page and note', async () => {
    const root = copyOfFixture();
    expect(await verify(root, '--entry', 'valley-network', '--result', 'confirmed')).toBe(1);
    expect(stderr()).toContain('verify needs --from <filled call sheet>, or --number, --by, --method');
    expect(await verify(root, '--entry', 'south-fee-clinic', '--number', '(555) 010-0004', '--result', 'changed-number', '--new-number', '(555) 010-0044', '--by', 'B', '--method', 'phone', '--note', 'moved')).toBe(0);
    expect(await verify(root, '--entry', 'north-public-defender', '--number', '(555) 010-0005', '--result', 'confirmed', '--by', 'B', '--method', 'official-page', '--url', 'https://example.org/pd')).toBe(0);
    const entries = new Map(inspectStateDirectory(join(root, 'zz')).entries.map((entry) => [entry.id, entry]));
    expect(entries.get('south-fee-clinic')!.history.at(-1)).toEqual({ on: today, by: 'B', method: 'phone', result: 'changed-number', number: '(555) 010-0004', newNumber: '(555) 010-0044', note: 'moved' });
    expect(entries.get('north-public-defender')!.history.at(-1)).toEqual({ on: today, by: 'B', method: 'official-page', result: 'confirmed', number: '(555) 010-0005', url: 'https://example.org/pd' });
  });

  it('refuses to record into a directory that is already invalid, and writes nothing', async () => {
    const root = copyOfFixture();
    editEntries(root, 'rapid-response.json', (entries) => {
      delete entries[0]!.source;
    });
    const before = readFileSync(join(root, 'zz', 'rapid-response.json'), 'utf8');
    expect(await verify(root, '--entry', 'valley-network', '--number', '(555) 010-0002', '--result', 'confirmed', '--by', 'B', '--method', 'phone')).toBe(1);
    expect(stderr()).toContain('the directory is invalid: run `release-packet directory check` first (PKT_ERR_DIRECTORY_INVALID)');
    expect(readFileSync(join(root, 'zz', 'rapid-response.json'), 'utf8')).toBe(before);
  });
});
