/** A PDF's bookmarks (outline) as poppler reads them, through pdftohtml -xml: [title, first page]. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function bookmarksOf(pdf: Uint8Array): [string, number][] {
  const folder = mkdtempSync(join(tmpdir(), 'release-packet-outline-'));
  try {
    const path = join(folder, 'in.pdf');
    writeFileSync(path, pdf);
    const result = spawnSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-f', '1', '-l', '1', path], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pdftohtml failed: ${result.stderr}`);
    return [...result.stdout.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((match) => [match[2]!, Number(match[1])]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
