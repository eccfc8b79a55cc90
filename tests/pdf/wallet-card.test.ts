/**
 * Wallet cards as a print shop would check them: 3.5 × 2 in on the 2 × 5 business-card grid, crop marks
 * outside the cards, backs that land on their fronts when flipped on the long edge, the fold variant, the
 * floors of the type scale, and the one hotline a card carries.
 */
import { describe, expect, it } from 'vitest';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import { getEngine } from '../../src/engine.js';
import { extractText, squash } from '../support/poppler.js';
import { packetFor, today } from '../support/packets.js';
import type { PageLayout, RuleItem, TextItem } from '../../src/layout/page-layout.js';
import { cardCells, chooseCardFormat, fitCardFace, halfSheetCard, walletCard, quarterSheetCard } from '../../src/layout/wallet-card.js';
import { isPacketError } from '../../src/errors.js';
import { papers } from '../../src/layout/page-layout.js';
import type { GroupBlock } from '../../src/render/document-tree.js';
import { createStyleSheet } from '../../src/layout/styles.js';
import { ShapeCache } from '../../src/layout/shape.js';

const inch = 72;

function layoutFor(request: Record<string, unknown>): PageLayout[] {
  const engine = getEngine();
  return layoutPacket(preparePacket(request, { today, engine }), engine);
}

/** Card sheets are the pages with crop marks: short rules entirely outside the grid. */
const isCardSheet = (page: PageLayout) => page.furnitureSlots !== undefined;
const cardSheets = (pages: PageLayout[]) => pages.flatMap((page, index) => (isCardSheet(page) ? [index] : []));
const texts = (page: PageLayout) => page.items.filter((item): item is TextItem => item.kind === 'text');
const rules = (page: PageLayout) => page.items.filter((item): item is RuleItem => item.kind === 'rule');
const widthOf = (item: TextItem) => item.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) * (item.sizePt / item.face.unitsPerEm);

interface Box {
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}
const inside = (item: TextItem, cell: Box) =>
  item.xPt >= cell.xPt - 0.01 && item.xPt + widthOf(item) <= cell.xPt + cell.widthPt + 0.01 && item.yPt >= cell.yPt && item.yPt + item.sizePt * 0.8 <= cell.yPt + cell.heightPt;
/** Text items of a page that lie inside the grid, by the cell that holds them. */
function cellsWithText(page: PageLayout, cells: Box[]): number[] {
  return cells.flatMap((cell, index) => (texts(page).some((item) => inside(item, cell)) ? [index] : []));
}

describe('wallet card geometry', () => {
  it('is 3.5 x 2 in, ten to a Letter sheet on the business-card grid: 0.5 in top, 0.75 in side margins, no gutter', () => {
    expect([walletCard.widthPt, walletCard.heightPt]).toEqual([3.5 * inch, 2 * inch]);
    const cells = cardCells(papers.letter, walletCard);
    expect(cells).toHaveLength(10);
    expect(Math.min(...cells.map((cell) => cell.xPt))).toBeCloseTo(0.75 * inch, 5);
    expect(papers.letter.heightPt - Math.max(...cells.map((cell) => cell.yPt + cell.heightPt))).toBeCloseTo(0.5 * inch, 5);
    // No gutter: neighbours share their edges.
    expect(cells[1]!.xPt).toBeCloseTo(cells[0]!.xPt + walletCard.widthPt, 5);
    expect(cells[2]!.yPt).toBeCloseTo(cells[0]!.yPt - walletCard.heightPt, 5);
  });

  it('centres the same grid on A4', () => {
    const cells = cardCells(papers.a4, walletCard);
    const left = Math.min(...cells.map((cell) => cell.xPt));
    const right = papers.a4.widthPt - Math.max(...cells.map((cell) => cell.xPt + cell.widthPt));
    const bottom = Math.min(...cells.map((cell) => cell.yPt));
    const top = papers.a4.heightPt - Math.max(...cells.map((cell) => cell.yPt + cell.heightPt));
    expect(left).toBeCloseTo(right, 5);
    expect(top).toBeCloseTo(bottom, 5);
  });

  for (const paper of ['letter', 'a4'] as const) {
    it(`prints ten cards on one ${paper} sheet by default, fronts then mirrored backs`, () => {
      const pages = layoutFor({ county: 'fresno', language: 'es', print: { paper } });
      const sheets = cardSheets(pages);
      expect(sheets).toHaveLength(2);
      const cells = cardCells(papers[paper], walletCard);
      expect(cellsWithText(pages[sheets[0]!]!, cells)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(cellsWithText(pages[sheets[1]!]!, cells)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it(`prints more cards than a sheet holds on a second sheet, with only the rest (${paper}, 12 cards)`, () => {
      const pages = layoutFor({ county: 'fresno', language: 'es', print: { paper, cards: 12 } });
      const cells = cardCells(papers[paper], walletCard);
      const filled = cardSheets(pages).map((index) => cellsWithText(pages[index]!, cells).length);
      expect(filled).toEqual([10, 10, 2, 2]);
    });

    it(`lands each back behind its own front when flipped on the long edge (${paper}, 3 cards)`, () => {
      const pages = layoutFor({ county: 'fresno', language: 'es', print: { paper, cards: 3 } });
      const [front, back] = cardSheets(pages).map((index) => pages[index]!);
      const cells = cardCells(papers[paper], walletCard);
      const frontCells = cellsWithText(front!, cells);
      expect(frontCells).toEqual([0, 1, 2]);
      // Flipping on the long edge mirrors left and right: the back of cell (row, column) is (row, other column).
      const mirrored = frontCells.map((index) => index - (index % 2) + (1 - (index % 2))).sort((a, b) => a - b);
      expect(cellsWithText(back!, cells)).toEqual(mirrored);
      // And the mirrored cell is exactly where the front is, seen from the other side.
      for (const index of frontCells) {
        const cell = cells[index]!;
        const behind = cells[index - (index % 2) + (1 - (index % 2))]!;
        expect(behind.xPt).toBeCloseTo(papers[paper].widthPt - cell.xPt - cell.widthPt, 5);
        expect(behind.yPt).toBe(cell.yPt);
      }
    });
  }

  it('puts the card fronts on a right-hand (odd) page so the backs share the sheet', () => {
    for (const request of [{ county: 'fresno' }, { county: 'los-angeles', youth: true, iceHold: { received: true } }, { county: 'modoc', print: { staffChecklist: true } }]) {
      const [front] = cardSheets(layoutFor(request));
      expect(front! % 2).toBe(0);
    }
  });

  it('puts crop marks on every cut line, all outside the cards and inside the printable edge', () => {
    const pages = layoutFor({ county: 'fresno' });
    const sheet = pages[cardSheets(pages)[0]!]!;
    const cells = cardCells(papers.letter, walletCard);
    // The card's own write-in lines are rules too: crop marks are the 12 pt ticks.
    const marks = rules(sheet).filter((rule) => Math.abs(Math.hypot(rule.x2Pt - rule.x1Pt, rule.y2Pt - rule.y1Pt) - 12) < 1e-6);
    expect(marks.length).toBe(2 * 3 + 2 * 6);
    const gridLeft = cells[0]!.xPt;
    const gridTop = cells[0]!.yPt + walletCard.heightPt;
    const columnLines = [0, 1, 2].map((column) => gridLeft + column * walletCard.widthPt);
    const rowLines = [0, 1, 2, 3, 4, 5].map((row) => gridTop - row * walletCard.heightPt);
    for (const x of columnLines) expect(marks.filter((mark) => mark.x1Pt === x && mark.x2Pt === x)).toHaveLength(2);
    for (const y of rowLines) expect(marks.filter((mark) => Math.abs(mark.y1Pt - y) < 1e-6 && mark.y1Pt === mark.y2Pt)).toHaveLength(2);
    for (const mark of marks) {
      const crossesCard = cells.some(
        (cell) => Math.max(mark.x1Pt, mark.x2Pt) > cell.xPt + 0.01 && Math.min(mark.x1Pt, mark.x2Pt) < cell.xPt + cell.widthPt - 0.01 && Math.max(mark.y1Pt, mark.y2Pt) > cell.yPt + 0.01 && Math.min(mark.y1Pt, mark.y2Pt) < cell.yPt + cell.heightPt - 0.01,
      );
      expect(crossesCard).toBe(false);
      for (const value of [mark.x1Pt, mark.x2Pt]) expect(value).toBeGreaterThanOrEqual(18);
      for (const value of [mark.y1Pt, mark.y2Pt]) expect(value).toBeGreaterThanOrEqual(18);
    }
    // No dashed box drawn around or across a card any more.
    expect(sheet.items.some((item) => item.kind === 'box')).toBe(false);
  });

  it('folds: front and back side by side on one side of the sheet, five to a sheet, a dashed mark on the fold', () => {
    const pages = layoutFor({ county: 'fresno', language: 'es', print: { cardLayout: 'fold' } });
    const sheets = cardSheets(pages);
    expect(sheets).toHaveLength(1);
    const sheet = pages[sheets[0]!]!;
    const cells = cardCells(papers.letter, walletCard);
    for (let row = 0; row < 5; row++) {
      const left = texts(sheet).filter((item) => inside(item, cells[row * 2]!));
      const right = texts(sheet).filter((item) => inside(item, cells[row * 2 + 1]!));
      expect(left.length).toBeGreaterThan(0);
      expect(right.length).toBeGreaterThan(0);
    }
    const foldX = cells[1]!.xPt;
    const foldMarks = rules(sheet).filter((mark) => mark.x1Pt === foldX && mark.x2Pt === foldX);
    expect(foldMarks).toHaveLength(2);
    for (const mark of foldMarks) expect(mark.dashPt).toBeGreaterThan(0);
    // Only the fold is dashed: every other mark is a cut line, drawn solid.
    const cutMarks = rules(sheet).filter((mark) => !foldMarks.includes(mark));
    expect(cutMarks.length).toBeGreaterThan(0);
    for (const mark of cutMarks) expect(mark.dashPt).toBeUndefined();
    expect(sheet.langs).toEqual(new Set(['es', 'en']));
  });

  it('prints the folded variant with the Spanish front left of the English back', async () => {
    const pdf = await packetFor({ county: 'fresno', language: 'es', print: { cardLayout: 'fold', cards: 1 } });
    const pages = layoutFor({ county: 'fresno', language: 'es', print: { cardLayout: 'fold', cards: 1 } });
    const sheet = cardSheets(pages)[0]! + 1;
    const text = extractText(pdf, sheet);
    expect(text).toContain('derechos constitucionales');
    expect(text).toContain('To the immigration agent');
  });

  it('keeps every card text at 7 pt or more, and at 14 pt or more in large print', () => {
    for (const [request, floor] of [
      [{ county: 'los-angeles', language: 'es', youth: true }, 7],
      [{ county: 'los-angeles', language: 'es', youth: true, print: { largePrint: true } }, 14],
      [{ county: 'san-diego', print: { largePrint: true, paper: 'a4', cardLayout: 'fold' } }, 14],
    ] as const) {
      const pages = layoutFor(request);
      for (const index of cardSheets(pages)) for (const item of texts(pages[index]!)) expect(item.sizePt).toBeGreaterThanOrEqual(floor);
    }
  });

  it('keeps large-print cards a quarter sheet (or a half sheet when the text needs it), four or two to a sheet', () => {
    const pages = layoutFor({ county: 'fresno', print: { largePrint: true } });
    const sheet = pages[cardSheets(pages)[0]!]!;
    const quarter = cellsWithText(sheet, cardCells(papers.letter, quarterSheetCard));
    const half = cellsWithText(sheet, cardCells(papers.letter, { ...quarterSheetCard, rows: 1, heightPt: 2 * quarterSheetCard.heightPt }));
    expect(quarter.length === 4 || half.length === 2).toBe(true);
  });
});

describe('card text fitting', () => {
  const engine = getEngine();
  const context = { fontSet: engine.fontSet, cache: new ShapeCache(engine.frozenShapes), styles: createStyleSheet(false) };
  const card = (words: number): GroupBlock => ({
    type: 'group',
    tag: 'div',
    lang: 'en',
    dir: 'ltr',
    classes: ['card'],
    children: [{ type: 'paragraph', lang: 'en', dir: 'ltr', classes: [], inlines: [{ text: Array.from({ length: words }, () => 'silence').join(' '), style: 'regular' }] }],
  });

  it('fits a short text at the largest size', () => {
    const fit = fitCardFace(card(10), walletCard, context);
    expect(fit.fits).toBe(true);
    expect(fit.sizePt).toBe(9);
  });

  it('steps a longer text down, never below 7 pt', () => {
    const fit = fitCardFace(card(100), walletCard, context);
    expect(fit.fits).toBe(true);
    expect(fit.sizePt).toBeLessThan(9);
    expect(fit.sizePt).toBeGreaterThanOrEqual(7);
  });

  it('refuses a card whose text fits no format, naming the last format tried, the language and the points', () => {
    const tooLong = card(2000);
    let error: unknown;
    try {
      chooseCardFormat(tooLong, card(10), [walletCard, quarterSheetCard], context);
    } catch (caught) {
      error = caught;
    }
    expect(isPacketError(error) && error.code).toBe('PKT_ERR_LAYOUT_OVERFLOW');
    const innerHeight = Math.round(quarterSheetCard.heightPt - 2 * quarterSheetCard.paddingPt);
    expect((error as Error).message).toMatch(new RegExp(`: quarter-sheet card text in en needs \\d{3,} pt of ${innerHeight} pt at 14 pt$`));
    // The format that does fit is chosen, with both faces laid out.
    expect(chooseCardFormat(card(100), card(10), [walletCard, quarterSheetCard], context).format).toBe(walletCard);
    // Large print: a quarter sheet while the text fits it at 14 pt, else the half sheet.
    expect(chooseCardFormat(card(10), card(10), [quarterSheetCard, halfSheetCard], context).format).toBe(quarterSheetCard);
    expect(chooseCardFormat(card(10), card(150), [quarterSheetCard, halfSheetCard], context).format).toBe(halfSheetCard);
  });

  it('reports a text too long for the card instead of clipping it', () => {
    const fit = fitCardFace(card(400), walletCard, context);
    expect(fit.fits).toBe(false);
    expect(fit.sizePt).toBe(7);
    expect(fit.neededPt).toBeGreaterThan(fit.availablePt);
  });
});

describe('card hotline', () => {
  async function cardFront(request: Record<string, unknown>): Promise<string> {
    const pages = layoutFor(request);
    return squash(extractText(await packetFor(request), cardSheets(pages)[0]! + 1));
  }
  const numbersOf = (county: string) => {
    const state = getEngine().directory.states.get('ca')!;
    return state.entries
      .filter((entry) => entry.kind === 'rapid-response' && entry.status === 'active' && entry.scope !== 'statewide' && entry.serviceArea.counties.includes(county))
      .flatMap((entry) => entry.phones.map((phone) => phone.number));
  };

  it("carries the destination county's network, not the release county's", async () => {
    const text = await cardFront({ county: 'los-angeles', destinationCounty: 'alameda', language: 'es' });
    const alameda = numbersOf('alameda');
    expect(alameda.length).toBeGreaterThan(0);
    expect(alameda.some((number) => text.includes(number))).toBe(true);
    for (const number of numbersOf('los-angeles').filter((number) => !alameda.includes(number))) expect(text).not.toContain(number);
  });

  it("carries the release county's network when there is no destination", async () => {
    const text = await cardFront({ county: 'los-angeles' });
    expect(numbersOf('los-angeles').some((number) => text.includes(number))).toBe(true);
  });

  it("falls back to the release county's network when the destination has none on file", async () => {
    const none = getEngine().directory.states.get('ca')!.counties.find((county) => numbersOf(county.slug).length === 0)!;
    const text = await cardFront({ county: 'los-angeles', destinationCounty: none.slug });
    expect(numbersOf('los-angeles').some((number) => text.includes(number))).toBe(true);
  });

  it('prints a labelled line to write a number in when no network is on file', async () => {
    expect(numbersOf('modoc')).toEqual([]);
    const request = { county: 'modoc' };
    const text = await cardFront(request);
    expect(text).toContain('Rapid response:');
    const pages = layoutFor(request);
    const sheet = pages[cardSheets(pages)[0]!]!;
    const cell = cardCells(papers.letter, walletCard)[0]!;
    const writeIn = rules(sheet).filter((rule) => rule.y1Pt === rule.y2Pt && rule.x1Pt > cell.xPt && rule.x2Pt <= cell.xPt + cell.widthPt && rule.y1Pt > cell.yPt && rule.y1Pt < cell.yPt + cell.heightPt);
    // My lawyer, emergency contact, rapid response: three lines to write on.
    expect(writeIn).toHaveLength(3);
  });
});
