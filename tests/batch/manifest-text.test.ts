/**
 * The manifest is written a few hundred rows at a time (src/batch/manifest.ts), so a 10,000-packet batch
 * never holds it as one string: the chunks, joined, are exactly the CSV one call of csv-stringify gives and
 * the JSON `JSON.stringify(manifest, null, 2)` gives, at every size, a chunk's edge included, and the ZIP
 * entry made from them holds those bytes.
 */
import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { manifestColumns, manifestCsv, manifestCsvChunks, manifestJson, manifestJsonChunks, type Manifest, type ManifestRow } from '../../src/batch/manifest.js';
import { createZipStream } from '../../src/batch/write-batch.js';

const row = (index: number): ManifestRow => ({
  file: `county-${index}-es.pdf`,
  county: `county-${index}`,
  languages: 'es+en',
  variant: index % 2 ? 'youth' : 'adult',
  pages: 8 + (index % 3),
  bytes: 50_000 + index,
  sha256: index.toString(16).padStart(64, '0'),
  directoryDataOldest: '2025-01-02',
  directoryDataNewest: '2026-11-01',
  directoryDataHasUndated: index % 5 === 0,
  localeStatus: 'es:reviewed en:reviewed',
  generator: 'release-packet 0.1.0',
});

const manifestOf = (count: number): Manifest => ({ generator: 'release-packet 0.1.0', printedOn: '2026-11-27', paper: 'letter', largePrint: false, packets: Array.from({ length: count }, (_, index) => row(index)) });

async function zipEntries(write: (target: Writable) => Promise<void>): Promise<Map<string, string>> {
  const parts: Buffer[] = [];
  await write(new Writable({ write: (chunk: Buffer, _encoding, done) => (parts.push(chunk), done()) }));
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(Buffer.concat(parts), { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file!))));
  const entries = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream!.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream!.on('end', () => (entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8')), zip.readEntry()));
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

describe('the manifest, written in chunks', () => {
  for (const count of [0, 1, 3, 256, 257, 1000]) {
    it(`is the whole CSV and JSON for ${count} rows`, () => {
      const manifest = manifestOf(count);
      expect(manifestCsv(manifest)).toBe(stringify(manifest.packets, { header: true, columns: manifestColumns }));
      expect(manifestJson(manifest)).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
      expect(JSON.parse(manifestJson(manifest))).toEqual(manifest);
    });
  }

  it('never makes one chunk of the whole of a long manifest', () => {
    const manifest = manifestOf(1000);
    const longest = (chunks: Iterable<string>) => Math.max(...[...chunks].map((chunk) => chunk.length));
    expect(longest(manifestCsvChunks(manifest))).toBeLessThan(manifestCsv(manifest).length / 3);
    expect(longest(manifestJsonChunks(manifest))).toBeLessThan(manifestJson(manifest).length / 3);
  });

  it('goes into the ZIP as those bytes, its size known ahead', async () => {
    const manifest = manifestOf(600);
    const entries = await zipEntries(async (target) => {
      const zip = createZipStream(target, new Date('2026-11-27T00:00:00Z'));
      await zip.addManifest(manifest);
      await zip.end();
    });
    expect([...entries.keys()]).toEqual(['manifest.csv', 'manifest.json']);
    expect(entries.get('manifest.csv')).toBe(manifestCsv(manifest));
    expect(entries.get('manifest.json')).toBe(manifestJson(manifest));
  });
});
