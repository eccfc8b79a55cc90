/**
 * How to print, cut and fold the cards is printed on the card sheet itself, the side read first, outside the
 * cards and the crop marks (issue 8: it sat on the page before, and in Spanish large print wrapped onto a
 * cut line). On large print sheets the page footer stays on one line instead of wrapping between two marks.
 * Nothing of it crosses a mark: tests/pdf/paper.test.ts checks every text against every stroked line.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import type { PageLayout, TextItem } from '../../src/layout/page-layout.js';
import { today } from '../support/packets.js';
import { holdsLetters, textItems, textOf } from '../support/layout-text.js';

const engine = getEngine();
const locales = [...engine.catalogs.locales.keys()];

const widthOf = (item: TextItem) => item.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) * (item.sizePt / item.face.unitsPerEm);

/** The grid of cards, from its crop marks: vertical ticks stand on column lines, horizontal ticks on row lines. */
function gridOf(page: PageLayout) {
  const rules = page.items.flatMap((item) => (item.kind === 'rule' ? [item] : []));
  const columns = rules.filter((rule) => rule.x1Pt === rule.x2Pt).map((rule) => rule.x1Pt);
  const rows = rules.filter((rule) => rule.y1Pt === rule.y2Pt).map((rule) => rule.y1Pt);
  return { left: Math.min(...columns), right: Math.max(...columns), bottom: Math.min(...rows), top: Math.max(...rows) };
}

/** Text runs that lie wholly outside the grid of cards. */
function outsideCards(page: PageLayout): TextItem[] {
  const grid = gridOf(page);
  return page.items.filter((item): item is TextItem => {
    if (item.kind !== 'text') return false;
    const isBeside = item.xPt + widthOf(item) <= grid.left || item.xPt >= grid.right;
    return isBeside || item.yPt >= grid.top || item.yPt + item.sizePt <= grid.bottom;
  });
}

const variants = locales.flatMap((language) =>
  (['letter', 'a4'] as const).flatMap((paper) =>
    [false, true].flatMap((largePrint) => (['duplex', 'fold'] as const).map((cardLayout) => ({ language, paper, largePrint, cardLayout }))),
  ),
);

describe('the card sheet', () => {
  it('carries its how-to-print note outside the cards, on the front of every sheet, and nowhere else', () => {
    const problems: string[] = [];
    for (const { language, paper, largePrint, cardLayout } of variants) {
      const name = `${language} ${paper}${largePrint ? ' large' : ''} ${cardLayout}`;
      // A youth with an ICE hold in a draft language: the longest banners a card sheet carries.
      const prepared = preparePacket({ language, county: 'los-angeles', youth: true, iceHold: { received: true }, print: { paper, largePrint, cardLayout, cards: 12 } }, { today, engine });
      const pages = layoutPacket(prepared, engine);
      const note = cardLayout === 'fold' ? prepared.document.furniture.cardsFold : prepared.document.furniture.cardsDuplex;
      const sheets = pages.map((page, index) => ({ page, index })).filter(({ page }) => page.furnitureSlots);
      const fronts = sheets.filter((_, index) => cardLayout === 'fold' || index % 2 === 0);
      if (fronts.length < 2) problems.push(`${name}: ${fronts.length} card sheets, expected two`);
      for (const { page, index } of fronts) {
        if (!holdsLetters(textOf(outsideCards(page)), note)) problems.push(`${name} p${index + 1}: the note is not on the sheet outside the cards`);
      }
      // Not also in the flow before the sheet (read in drawing order: left-to-right languages only).
      const firstSheet = sheets[0]!.index;
      const squashed = (text: string) => text.replace(/[\s\u00a0]/g, '');
      const isLtr = engine.catalogs.locales.get(language)?.meta.dir !== 'rtl';
      if (isLtr && pages.slice(0, firstSheet).some((page) => squashed(textOf(textItems(page))).includes(squashed(note)))) {
        problems.push(`${name}: the note is also printed before the sheet`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('prints the page footer of a large print sheet on one line, in every language and paper', () => {
    const problems: string[] = [];
    for (const { language, paper, cardLayout } of variants.filter((variant) => variant.largePrint)) {
      const prepared = preparePacket({ language, county: 'fresno', print: { paper, largePrint: true, cardLayout } }, { today, engine });
      const pages = layoutPacket(prepared, engine);
      pages.forEach((page, index) => {
        if (!page.furnitureSlots) return;
        const footer = prepared.document.furniture.footer.replace('{{page}}', String(index + 1)).replace('{{pages}}', String(pages.length));
        const byBaseline = new Map<number, TextItem[]>();
        for (const item of outsideCards(page)) byBaseline.set(Math.round(item.yPt), [...(byBaseline.get(Math.round(item.yPt)) ?? []), item]);
        if (![...byBaseline.values()].some((line) => holdsLetters(textOf(line), footer))) problems.push(`${language} ${paper} ${cardLayout} p${index + 1}: the footer wraps`);
      });
    }
    expect(problems).toEqual([]);
  });
});
