/**
 * Every shipped locale prints: its packet renders with no poppler font error, its wallet-card front puts
 * ink on the page in its own script (the face fonts.json lists for that script is embedded), and the
 * card's words come back out of the PDF as the catalog has them, in logical order (right-to-left too).
 * Why: a language whose script no font covered used to fail every packet; an Arabic name copied out reversed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { listLocales } from '../../src/i18n/list-locales.js';
import { countInk, extractPages, renderPage } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';

const engine = getEngine();
const locales = listLocales(engine.catalogs);

/** Text without markup and without any whitespace: CJK lines break anywhere, other lines at spaces. */
const bare = (text: string) => text.replace(/<[^>]+>/g, '').replace(/\s+/g, '').normalize('NFC');

function embeddedFonts(pdf: Uint8Array): string {
  const result = spawnSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

describe('every shipped locale', () => {
  it('includes English and Spanish', () => {
    expect(locales.map((locale) => locale.id)).toEqual(expect.arrayContaining(['en', 'es']));
  });

  for (const locale of locales) {
    it(`${locale.id} (${locale.englishName}): packet and wallet card render, in its script, read back in logical order`, async () => {
      const pdf = await packetFor({ language: locale.id, county: 'fresno', youth: true, iceHold: { received: true }, print: { staffChecklist: true } });
      const t = engine.catalogs.fixedT(locale.id);
      const title = bare(t('packet:card.frontTitle'));
      const pages = extractPages(pdf);
      const front = pages.findIndex((text) => bare(text).includes(title));
      expect(front, `no page carries the card title "${title}"`).toBeGreaterThanOrEqual(0);
      // A right-to-left card reads in logical order: one whole sentence of the card comes back as written.
      expect(bare(pages[front]!)).toContain(bare(t('packet:card.silent')).slice(0, 24));

      const rendered = renderPage(pdf, front + 1, 50);
      expect(rendered.warnings).toBe('');
      expect(countInk(rendered.png)).toBeGreaterThan(2000);

      const scriptFaces = engine.fontSet.faces.filter((face) => face.scripts.includes(locale.script));
      expect(scriptFaces.length).toBeGreaterThan(0);
      expect(embeddedFonts(pdf)).toContain(scriptFaces[0]!.postscriptName);
      if (locale.status === 'draft') expect(bare(pages[front]!)).toContain(bare(t('packet:document.draftMark')).slice(0, 10));
    });
  }
});
