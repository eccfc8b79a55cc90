/** Poppler's pdftotext and pdftoppm, fed through stdin: how a reader's viewer and printer see our PDFs. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export interface Rendered {
  png: PNG;
  /** What poppler printed on stderr: font errors show up here. */
  warnings: string;
}

/** Directional marks poppler adds around right-to-left runs; they are not part of the text. */
const bidiControls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function extractText(pdf: Uint8Array, page?: number): string {
  const pageArgs = page ? ['-f', String(page), '-l', String(page)] : [];
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', ...pageArgs, '-', '-'], { input: pdf, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout.replace(bidiControls, '');
}

/** Text of every page, split at form feeds. */
export function extractPages(pdf: Uint8Array): string[] {
  return extractText(pdf).split('\f').slice(0, -1);
}

/** Pages in the file, as poppler's pdfinfo counts them (not as our own writer claims). */
export function pageCount(pdf: Uint8Array): number {
  const result = spawnSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdfinfo failed: ${result.stderr}`);
  const pages = /^Pages:\s+(\d+)$/m.exec(result.stdout);
  if (!pages) throw new Error('pdfinfo printed no page count');
  return Number(pages[1]);
}

export function renderPage(pdf: Uint8Array, page: number, dpi = 72, options: { gray?: boolean } = {}): Rendered {
  // pdftoppm writes PNG to a file only; a private temporary folder holds it for the read.
  const folder = mkdtempSync(join(tmpdir(), 'release-packet-render-'));
  try {
    const root = join(folder, 'page');
    const result = spawnSync('pdftoppm', ['-r', String(dpi), ...(options.gray ? ['-gray'] : []), '-png', '-f', String(page), '-l', String(page), '-singlefile', '-', root], { input: pdf });
    if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr.toString()}`);
    return { png: PNG.sync.read(readFileSync(`${root}.png`)), warnings: result.stderr.toString().trim() };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Pixels darker than mid-grey: ink on paper. */
export function countInk(png: PNG): number {
  let ink = 0;
  for (let index = 0; index < png.data.length; index += 4) {
    if (png.data[index]! + png.data[index + 1]! + png.data[index + 2]! < 384) ink++;
  }
  return ink;
}

/** Whitespace-insensitive form of extracted text, for phrases that may wrap across lines. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}
