/**
 * What a printer sees, not only what text extraction sees: a font subset can extract the right characters
 * and still draw nothing (pdf-lib #494, #1232). Poppler rasterizes the pages; every script must put ink down,
 * poppler must report no font errors, and a few pages must match their golden images.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { countInk, renderPage } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';

const samples = {
  'Latin with diacritics': 'José Núñez',
  Vietnamese: 'Nguyễn Văn An',
  Chinese: '张伟',
  Arabic: 'محمد',
};

/** A name of one dot: the same page layout with (almost) no ink where the name goes. */
const blankName = '.';

describe('rasterized packet', () => {
  const baseline = packetFor({ county: 'fresno', language: 'es', person: { name: blankName } }).then((pdf) => renderPage(pdf, 1, 100));

  for (const [script, name] of Object.entries(samples)) {
    it(`draws visible ${script} glyphs, with no font errors from poppler`, async () => {
      const page = renderPage(await packetFor({ county: 'fresno', language: 'es', person: { name } }), 1, 100);
      expect(page.warnings).toBe('');
      const addedInk = countInk(page.png) - countInk((await baseline).png);
      // A 22 pt glyph at 100 dpi inks well over 40 pixels; a blank glyph inks none.
      expect(addedInk).toBeGreaterThan(40 * [...name.replace(/ /g, '')].length);
    });
  }

  it('renders every page of a full packet without poppler warnings', async () => {
    const pdf = await packetFor({ county: 'los-angeles', language: 'es', youth: true, iceHold: { received: true }, print: { staffChecklist: true } });
    for (let page = 1; page <= 12; page++) expect(renderPage(pdf, page, 30).warnings).toBe('');
  });
});

const goldenDir = new URL('../golden/', import.meta.url);
/** Anti-aliasing may differ by a hair between poppler builds: allow 0.5% of pixels to differ. */
const tolerance = 0.005;

async function matchGolden(name: string, pdf: Uint8Array, page: number): Promise<void> {
  const actual = renderPage(pdf, page, 50).png;
  const file = new URL(`${name}.png`, goldenDir);
  if (!existsSync(file) || process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, PNG.sync.write(actual));
    if (process.env.CI) throw new Error(`golden image ${name}.png was missing; generate it with UPDATE_GOLDEN=1 and commit it`);
    return;
  }
  const expected = PNG.sync.read(readFileSync(file));
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const differing = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.2 });
  expect(differing / (actual.width * actual.height)).toBeLessThanOrEqual(tolerance);
}

describe('golden pages', () => {
  const names = { county: 'los-angeles', language: 'es', person: { name: 'José Núñez · Nguyễn Văn An · 张伟 · محمد' }, release: { date: '2026-12-01' } };

  it('matches the golden cover with names in four scripts', async () => {
    await matchGolden('cover-names-es', await packetFor(names), 1);
  });

  it('matches the golden wallet-card front and back', async () => {
    const pdf = await packetFor({ county: 'los-angeles', language: 'es' });
    const pageCount = (await import('pdf-lib')).PDFDocument.load(pdf).then((doc) => doc.getPageCount());
    const last = await pageCount;
    await matchGolden('cards-front-es', pdf, last - 1);
    await matchGolden('cards-back-es', pdf, last);
  });

  it('matches the golden hotline page on A4 in large print', async () => {
    await matchGolden('hotlines-a4-large-en', await packetFor({ county: 'san-diego', print: { paper: 'a4', largePrint: true } }), 2);
  });
});
