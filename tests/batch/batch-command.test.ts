/**
 * `release-packet batch`, run in-process through main(): the files and manifest it writes, the ZIP and the
 * merged PDF as poppler and an unzip library read them, refusals before any work, and no personal data.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { main } from '../../src/cli/program.js';
import type { ManifestRow } from '../../src/batch/manifest.js';
import { pageCount, extractText } from '../support/poppler.js';
import { readZip } from '../support/zip.js';
import { bookmarksOf } from '../support/bookmarks.js';

const sandbox = useCliSandbox('release-packet-batch-');
const fixedDay = ['--today', '2026-11-27'];
const counties = ['alpine', 'fresno', 'san-francisco'];
const expectedFiles = counties.flatMap((county) => [`${county}-en.pdf`, `${county}-es.pdf`]);

type Row = ManifestRow;

describe('release-packet batch', () => {
  it('writes one PDF per county and language, and a manifest whose sizes, pages and hashes match the files', async () => {
    const out = join(sandbox.folder, 'stack');
    const code = await main(['batch', '--counties', counties.join(','), '--langs', 'en,es', '--out', out, ...fixedDay]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...expectedFiles, 'manifest.csv', 'manifest.json'].sort());
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { packets: Row[]; printedOn: string };
    expect(manifest.printedOn).toBe('2026-11-27');
    expect(manifest.packets.map((row) => row.file)).toEqual(expectedFiles);
    for (const row of manifest.packets) {
      const bytes = readFileSync(join(out, row.file));
      expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.bytes).toBe(bytes.length);
      expect(row.pages).toBe(pageCount(bytes));
      expect(row.languages).toBe(row.file.endsWith('-en.pdf') ? 'en+es' : 'es+en');
      expect(row.variant).toBe('adult');
      expect(row.localeStatus).toMatch(/^(en|es):(reviewed|draft) (en|es):(reviewed|draft)$/);
      // Empty only when every line the packet prints comes from an undated source (Fresno's adult packet since
      // KIND, children only, left it): the range then has no date to give.
      expect(row.directoryDataNewest).toMatch(row.directoryDataHasUndated ? /^(\d{4}-\d{2}-\d{2})?$/ : /^\d{4}-\d{2}-\d{2}$/);
      expect(row.generator).toMatch(/^release-packet \d/);
    }
    const csv = readFileSync(join(out, 'manifest.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('file,county,languages,variant,pages,bytes,sha256,directoryDataOldest,directoryDataNewest,directoryDataHasUndated,localeStatus,generator');
    expect(csv).toHaveLength(expectedFiles.length + 1);
    expect(csv[1]).toContain(manifest.packets[0]!.sha256);
  });

  it('prints labelled fill-in lines where a person\'s name and release details would go', async () => {
    const out = join(sandbox.folder, 'stack');
    expect(await main(['batch', '--counties', 'fresno', '--langs', 'es', '--out', out, ...fixedDay])).toBe(0);
    const cover = extractText(readFileSync(join(out, 'fresno-es.pdf')), 1);
    expect(cover).toMatch(/Nombre: \/ Name:/);
    expect(cover).toMatch(/Fecha de liberación:/);
    expect(cover).toMatch(/Release date:/);
  });

  it('names youth variants <county>-<lang>-youth.pdf with --youth both', async () => {
    const out = join(sandbox.folder, 'stack');
    expect(await main(['batch', '--counties', 'fresno', '--langs', 'en', '--youth', 'both', '--out', out, ...fixedDay])).toBe(0);
    expect(readdirSync(out).filter((file) => file.endsWith('.pdf')).sort()).toEqual(['fresno-en-youth.pdf', 'fresno-en.pdf']);
  });

  it('writes a ZIP whose entries open with the page counts the manifest states, and the same bytes as the folder', async () => {
    const zipPath = join(sandbox.folder, 'stack.zip');
    const folder = join(sandbox.folder, 'stack');
    expect(await main(['batch', '--counties', counties.join(','), '--langs', 'en,es', '--out', zipPath, ...fixedDay])).toBe(0);
    expect(await main(['batch', '--counties', counties.join(','), '--langs', 'en,es', '--out', folder, ...fixedDay])).toBe(0);
    const entries = await readZip(readFileSync(zipPath));
    expect([...entries.keys()]).toEqual([...expectedFiles, 'manifest.csv', 'manifest.json']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { packets: Row[] };
    for (const row of manifest.packets) {
      const pdf = entries.get(row.file)!;
      expect(pageCount(pdf)).toBe(row.pages);
      expect(pdf.equals(readFileSync(join(folder, row.file)))).toBe(true);
    }
    expect(readdirSync(sandbox.folder).sort()).toEqual(['stack', 'stack.zip']);
  });

  it('merges into one PDF where every packet starts on an odd page under its own bookmark', async () => {
    const merged = join(sandbox.folder, 'print-shop.pdf');
    const folder = join(sandbox.folder, 'stack');
    const args = ['--counties', 'alpine,fresno', '--langs', 'en,es', '--youth', 'both', '--paper', 'a4', '--large-print', ...fixedDay];
    expect(await main(['batch', ...args, '--out', folder, '--merge', merged])).toBe(0);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { packets: Row[] };
    const bookmarks = bookmarksOf(readFileSync(merged));
    expect(bookmarks.map(([title]) => title)).toEqual([
      'Alpine — English / Español', 'Alpine — English / Español — youth', 'Alpine — Español / English', 'Alpine — Español / English — youth',
      'Fresno — English / Español', 'Fresno — English / Español — youth', 'Fresno — Español / English', 'Fresno — Español / English — youth',
    ]);
    let expectedPage = 1;
    manifest.packets.forEach((row, index) => {
      expect(bookmarks[index]![1]).toBe(expectedPage);
      expect(expectedPage % 2).toBe(1);
      expectedPage += row.pages + (row.pages % 2);
    });
    expect(pageCount(readFileSync(merged))).toBe(expectedPage - 1);
  });

  it('refuses an unknown county before writing anything, listing the valid counties and regions', async () => {
    const out = join(sandbox.folder, 'stack');
    const code = await main(['batch', '--counties', 'fresno,atlantis', '--langs', 'en', '--out', out, '--merge', join(sandbox.folder, 'm.pdf')]);
    expect(code).toBe(1);
    const stderr = sandbox.stderr.join('');
    expect(stderr).toMatch(/counties: .*all, bay-area, .*alameda, .*yuba/);
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });

  it('refuses an unknown language and an unknown region with the valid values', async () => {
    expect(await main(['batch', '--counties', 'bay-aera', '--langs', 'en,tlh', '--out', join(sandbox.folder, 'x.zip')])).toBe(1);
    const stderr = sandbox.stderr.join('');
    expect(stderr).toMatch(/counties: .*bay-area/);
    expect(stderr).toMatch(/languages: .*\ben\b.*\bes\b/);
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });

  it('does not replace existing packets without --force, and makes none of them', async () => {
    const out = join(sandbox.folder, 'stack');
    mkdirSync(out);
    expect(await main(['batch', '--counties', 'fresno', '--langs', 'en', '--out', out, ...fixedDay])).toBe(0);
    const before = readFileSync(join(out, 'manifest.json'));
    expect(await main(['batch', '--counties', 'fresno', '--langs', 'en', '--out', out, '--today', '2026-11-28'])).toBe(1);
    expect(readFileSync(join(out, 'manifest.json')).equals(before)).toBe(true);
    expect(readdirSync(out).some((file) => file.startsWith('.'))).toBe(false);
    expect(existsSync(join(out, 'fresno-en.pdf'))).toBe(true);
  });
});
