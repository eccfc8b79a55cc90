/**
 * Official cards: an organization's printable card for a language (assets/cards/<tag>.pdf, its licence in
 * cards.json) replaces the built-in card in that language's packets, scaled into each cell of the card grid.
 * The fixture is a small PDF made here, not a real ILRC file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { createEngine, type Engine } from '../../src/engine.js';
import { generatePacket } from '../../src/generate.js';
import { countInk, extractPages, renderPage } from '../support/poppler.js';
import { today } from '../support/packets.js';

let cardsDir: string;
let engine: Engine;

async function fixtureCard(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const side of ['FRONT', 'BACK']) {
    // 3.5 x 2 in, the size of the ILRC red card.
    const page = pdf.addPage([252, 144]);
    page.drawRectangle({ x: 4, y: 4, width: 244, height: 136, borderWidth: 2, borderColor: rgb(0, 0, 0) });
    page.drawText(`OFFICIAL TEST CARD ${side}`, { x: 16, y: 70, size: 14, font });
  }
  return pdf.save();
}

beforeAll(async () => {
  cardsDir = mkdtempSync(join(tmpdir(), 'cards-'));
  writeFileSync(join(cardsDir, 'es.pdf'), await fixtureCard());
  writeFileSync(
    join(cardsDir, 'cards.json'),
    JSON.stringify({ cards: [{ locale: 'es', file: 'es.pdf', frontPage: 1, backPage: 2, source: 'test fixture made by this test', licence: 'CC0-1.0' }] }),
  );
  engine = createEngine({ cardsDir });
});
afterAll(() => rmSync(cardsDir, { recursive: true, force: true }));

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('an official card for a language', () => {
  it('prints in every cell of the card sheet in place of the built-in card, front and back', async () => {
    const pdf = await generatePacket({ language: 'es', county: 'fresno' }, { engine, today });
    const pages = extractPages(pdf);
    const front = pages.findIndex((text) => text.includes('OFFICIAL TEST CARD FRONT'));
    expect(front).toBeGreaterThanOrEqual(0);
    expect(occurrences(pages[front]!, 'OFFICIAL TEST CARD FRONT')).toBe(10);
    expect(pages[front]).not.toContain(engine.catalogs.fixedT('es')('packet:card.frontTitle'));
    expect(occurrences(pages[front + 1]!, 'OFFICIAL TEST CARD BACK')).toBe(10);
    const rendered = renderPage(pdf, front + 1, 50);
    expect(rendered.warnings).toBe('');
    // Ink, but not a filled page: the fixture is an outlined card with one line of text.
    const ink = countInk(rendered.png);
    expect(ink).toBeGreaterThan(1000);
    expect(ink).toBeLessThan((rendered.png.width * rendered.png.height) / 5);
  });

  it('leaves the other languages with the built-in card', async () => {
    const pdf = await generatePacket({ language: 'en', county: 'fresno' }, { engine, today });
    const text = extractPages(pdf).join('\n');
    expect(text).not.toContain('OFFICIAL TEST CARD');
    expect(text).toContain(engine.catalogs.fixedT('en')('packet:card.frontTitle'));
  });
});
