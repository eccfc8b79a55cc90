/**
 * The verification workflow of issue 12: `directory due` writes a call sheet of the lines due for
 * confirmation, `directory verify` records the results in each entry's history. A disconnected line stops
 * printing; a changed number prints the new number and keeps the old one in the history.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { main } from '../../src/cli/program.js';
import { inspectStateDirectory } from '../../src/directory/inspect-directory.js';
import { checkDirectory } from '../../src/directory/check-directory.js';
import { createEngine } from '../../src/engine.js';
import { generatePreview } from '../../src/generate.js';
import { writeStateEntries } from '../../src/directory/write-state-entries.js';
import { defaultDirectoryDir } from '../../src/directory/load-directory.js';
import { useCliSandbox, useStdoutCapture } from '../support/cli-sandbox.js';
import { coverageMarkdown, replaceCoverageBlock } from '../../src/directory/coverage-doc.js';
import { extractText, squash } from '../support/poppler.js';

const fixtureDir = new URL('../fixtures/directory', import.meta.url).pathname;
const sandbox = useCliSandbox('release-packet-verify-');
const stdout = useStdoutCapture();

const today = '2026-11-27';
function copyOfFixture(): string {
  const root = join(sandbox.folder, 'directory');
  cpSync(fixtureDir, root, { recursive: true });
  return root;
}
const entriesOf = (root: string) => new Map(inspectStateDirectory(join(root, 'zz')).entries.map((entry) => [entry.id, entry]));
const filesOf = (root: string) => Object.fromEntries(readdirSync(join(root, 'zz')).map((file) => [file, readFileSync(join(root, 'zz', file), 'utf8')]));

describe('release-packet directory due', () => {
  it('writes a call sheet of every line due, grouped by county, and a printable PDF with the script to read', async () => {
    const root = copyOfFixture();
    const csv = join(sandbox.folder, 'sheet.csv');
    const pdf = join(sandbox.folder, 'sheet.pdf');
    expect(await main(['directory', 'due', '--dir', root, '--state', 'zz', '--today', today, '--csv', csv, '--pdf', pdf])).toBe(0);
    const rows = parse(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    // North Watch was confirmed in June: not due within 12 months. The closed clinic does not print: not called.
    expect(rows.map((row) => row.entry_id).sort()).toEqual(['fixture-consulate-line', 'north-public-defender', 'south-fee-clinic', 'south-free-defenders', 'valley-network']);
    // By county, then the lines for the whole state last.
    const counties = rows.map((row) => row.county);
    expect(counties).toEqual(['North', 'North', 'South', 'South', 'All of Fixture State']);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['result', 'new_number', 'checked_on', 'checked_by', 'method']));
    const text = squash(extractText(readFileSync(pdf)));
    expect(text).toContain('Directory call sheet');
    expect(text).toContain('Is this the right number for people to call?');
    expect(text).toContain('(555) 010-0002');
  });

  it('counts a confirmation as due again after --months', async () => {
    expect(await main(['directory', 'due', '--dir', fixtureDir, '--state', 'zz', '--today', today, '--months', '3'])).toBe(0);
    expect(stdout.join('')).toContain('north-watch-line');
  });
});

describe('release-packet directory verify', () => {
  it('records a filled call sheet: confirmed, changed number, disconnected and no answer, each in the entry\'s history', async () => {
    const root = copyOfFixture();
    const csv = join(sandbox.folder, 'sheet.csv');
    expect(await main(['directory', 'due', '--dir', root, '--state', 'zz', '--today', today, '--csv', csv])).toBe(0);
    const rows = parse(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    const fill: Record<string, Partial<Record<string, string>>> = {
      'valley-network': { result: 'confirmed' },
      'south-fee-clinic': { result: 'changed-number', new_number: '(555) 010-0044' },
      'north-public-defender': { result: 'disconnected' },
      'fixture-consulate-line': { result: 'no-answer' },
    };
    const filled = rows.map((row) => (fill[row.entry_id!] ? { ...row, checked_on: '2026-11-26', checked_by: 'A. Volunteer', method: 'phone', ...fill[row.entry_id!] } : row));
    writeFileSync(csv, stringify(filled, { header: true }));
    expect(await main(['directory', 'verify', '--dir', root, '--state', 'zz', '--today', today, '--from', csv])).toBe(0);

    const entries = entriesOf(root);
    expect(entries.get('valley-network')!.history).toEqual([{ on: '2026-11-26', by: 'A. Volunteer', method: 'phone', result: 'confirmed', number: '(555) 010-0002' }]);
    // The new number prints; the old one stays in the history.
    const clinic = entries.get('south-fee-clinic')!;
    expect(clinic.phones[0]!.number).toBe('(555) 010-0044');
    expect(clinic.history.at(-1)).toMatchObject({ result: 'changed-number', number: '(555) 010-0004', newNumber: '(555) 010-0044' });
    expect(entries.get('fixture-consulate-line')!.history.at(-1)!.result).toBe('no-answer');
    // Not called: nothing recorded.
    expect(entries.get('south-free-defenders')!.history).toEqual([]);

    const engine = createEngine({ directoryDir: root, stateId: 'zz' });
    const html = generatePreview({ county: 'north-county', destinationCounty: 'south-county', print: { staffChecklist: true } }, { today: new Date(`${today}T00:00:00Z`), engine });
    // The disconnected defender line no longer prints anywhere, the changed number does, the old one does not.
    expect(html).not.toContain('010-0005');
    expect(html).toContain('(555)\u00a0010-0044');
    expect(html).not.toContain('010-0004');
    expect(html).toContain('confirmed Nov 26, 2026 by phone');

    const report = checkDirectory(inspectStateDirectory(join(root, 'zz')), { today: new Date(`${today}T00:00:00Z`), staleMonths: 12 });
    expect(report.notActive).toContainEqual({ id: 'north-public-defender', status: 'disconnected' });
    expect(report.due.map((entry) => entry.id)).not.toContain('valley-network');
    expect(report.due.map((entry) => entry.id)).toContain('fixture-consulate-line');
  });

  it('records one result at a time from flags', async () => {
    const root = copyOfFixture();
    expect(await main(['directory', 'verify', '--dir', root, '--state', 'zz', '--today', today, '--entry', 'valley-network', '--number', '(555) 010-0002', '--result', 'confirmed', '--by', 'keeper@example.org', '--method', 'email', '--on', '2026-11-20'])).toBe(0);
    expect(entriesOf(root).get('valley-network')!.history).toEqual([{ on: '2026-11-20', by: 'keeper@example.org', method: 'email', result: 'confirmed', number: '(555) 010-0002' }]);
  });

  it('writes nothing when any result is invalid, and names each bad row', async () => {
    const root = copyOfFixture();
    const before = filesOf(root);
    const csv = join(sandbox.folder, 'bad.csv');
    writeFileSync(csv, stringify([
      { entry_id: 'valley-network', number: '(555) 010-0002', result: 'confirmed', checked_on: '2026-11-26', checked_by: 'A', method: 'phone' },
      { entry_id: 'south-fee-clinic', number: '(555) 010-0004', result: 'changed-number', checked_on: '2026-11-26', checked_by: 'A', method: 'phone' },
      { entry_id: 'no-such-entry', number: '(555) 010-0009', result: 'confirmed', checked_on: '2026-11-26', checked_by: 'A', method: 'phone' },
      { entry_id: 'valley-network', number: '(555) 010-0002', result: 'confirmed', checked_on: '2027-01-01', checked_by: 'A', method: 'phone' },
    ], { header: true }));
    expect(await main(['directory', 'verify', '--dir', root, '--state', 'zz', '--today', today, '--from', csv])).toBe(1);
    const message = sandbox.stderr.join('');
    expect(message).toContain('row 3: changed-number needs the new number');
    expect(message).toContain('row 4: no entry with id no-such-entry');
    expect(message).toContain('row 5: checked on 2027-01-01, a date in the future');
    expect(filesOf(root)).toEqual(before);
    expect(existsSync(join(root, 'zz', 'state.json'))).toBe(true);
  });
});

describe('the directory files', () => {
  it('are exactly what the writer writes (stable key order, one entry per block), so a recorded result is a small diff', () => {
    for (const stateDir of [join(defaultDirectoryDir, 'ca'), join(fixtureDir, 'zz')]) {
      const root = join(sandbox.folder, `rewrite-${stateDir.split('/').at(-1)}`);
      cpSync(stateDir, root, { recursive: true });
      writeStateEntries(root, inspectStateDirectory(root).entries);
      for (const file of readdirSync(stateDir).filter((name) => name.endsWith('.json'))) expect(readFileSync(join(root, file), 'utf8'), `${stateDir}/${file}`).toBe(readFileSync(join(stateDir, file), 'utf8'));
    }
  });
});

describe('docs/DATA.md', () => {
  it('shows the coverage that directory check computes from the entries, not typed figures', () => {
    const report = checkDirectory(inspectStateDirectory(join(defaultDirectoryDir, 'ca')), { today: new Date(`${today}T00:00:00Z`), staleMonths: 12 });
    const document = readFileSync(new URL('../../docs/DATA.md', import.meta.url), 'utf8');
    expect(replaceCoverageBlock(document, coverageMarkdown(report)), 'run: release-packet directory check --update-doc docs/DATA.md').toBe(document);
  });
});
