/**
 * The wallet-card sheets. Wallet cards are 3.5 × 2 in, ten to a sheet on the grid of perforated
 * business-card stock; large print keeps quarter-sheet cards, four to a sheet. Two layouts: "duplex" (a
 * front sheet and a back sheet mirrored left-to-right, so printed double-sided and flipped on the long
 * edge each back lands behind its front) and "fold" (front and back side by side on one side of the
 * paper, folded once along the line between them: for printers without a duplexer). Crop marks sit
 * outside the grid, never on a card.
 */
import { PacketError } from '../errors.js';
import type { OfficialCard } from './official-cards.js';
import type { GroupBlock } from '../render/document-tree.js';
import type { DrawItem, FurnitureSlot, PageLayout, Paper, RuleItem } from './page-layout.js';
import { layoutBlock, mergeSlices, type BlockLayoutContext, type Slice } from './block-layout.js';
import { newPage, placeOnPage } from './paginate.js';
import { cardStyleSheet, typeScale } from './styles.js';

export type CardLayout = 'duplex' | 'fold';

export interface CardFormat {
  name: 'wallet' | 'quarter-sheet' | 'half-sheet';
  widthPt: number;
  heightPt: number;
  paddingPt: number;
  /** Cells of the sheet grid; the fold layout gives each card two cells of a row. */
  columns: number;
  rows: number;
  /** Text sizes tried, largest first, until the card's text fits; the last is the floor. */
  textSizesPt: readonly number[];
}

const inch = 72;

/**
 * 3.5 × 2 in (89 × 51 mm), the US business card and the ILRC red card: 2 × 5 on Letter with 0.5 in top
 * and 0.75 in side margins and no gutter, the layout of Avery 8371/5371 perforated stock; on A4 the same
 * grid is centred.
 */
export const walletCard: CardFormat = {
  name: 'wallet',
  widthPt: 3.5 * inch,
  heightPt: 2 * inch,
  paddingPt: 6,
  columns: 2,
  rows: 5,
  textSizesPt: steps(typeScale.card.startPt, typeScale.card.minimumPt),
};

/**
 * Large print: a quarter of the sheet, 261 × 336 pt (92 × 118.5 mm), fitting A4 and Letter alike with
 * bands above and below the grid tall enough for two lines of 14 pt furniture.
 */
export const quarterSheetCard: CardFormat = {
  name: 'quarter-sheet',
  widthPt: 261,
  heightPt: 336,
  paddingPt: 10,
  columns: 2,
  rows: 2,
  textSizesPt: steps(typeScale.largeCard.startPt, typeScale.largeCard.minimumPt),
};

/**
 * Large print, when the card's text does not fit a quarter sheet at 14 pt: a half sheet, 261 × 672 pt, the
 * same two columns (so duplex and fold work alike), folded once more to a quarter sheet's size.
 */
export const halfSheetCard: CardFormat = { ...quarterSheetCard, name: 'half-sheet', heightPt: 2 * quarterSheetCard.heightPt, rows: 1 };

/** Formats in order of preference: the first that both faces fit is printed. */
export function cardFormatsFor(isLargePrint: boolean): CardFormat[] {
  return isLargePrint ? [quarterSheetCard, halfSheetCard] : [walletCard];
}

function steps(fromPt: number, toPt: number): number[] {
  const sizes: number[] = [];
  for (let size = fromPt; size >= toPt - 1e-9; size -= 0.25) sizes.push(Math.round(size * 100) / 100);
  return sizes;
}

/** Cards per sheet: every cell a card in duplex, two cells per card when folded. */
export function cardsPerSheet(format: CardFormat, layout: CardLayout): number {
  return layout === 'fold' ? format.rows * (format.columns / 2) : format.rows * format.columns;
}

export interface CardSlot {
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}

export interface CardGrid {
  leftPt: number;
  /** Bottom edge of the grid, PDF coordinates. */
  bottomPt: number;
  widthPt: number;
  heightPt: number;
}

/** The grid, centred on the page so that mirroring it for the back keeps it in place. */
export function cardGrid(paper: Paper, format: CardFormat): CardGrid {
  const widthPt = format.columns * format.widthPt;
  const heightPt = format.rows * format.heightPt;
  return { leftPt: (paper.widthPt - widthPt) / 2, bottomPt: (paper.heightPt - heightPt) / 2, widthPt, heightPt };
}

/** Cells in reading order (top-left first). */
export function cardCells(paper: Paper, format: CardFormat): CardSlot[] {
  const grid = cardGrid(paper, format);
  const cells: CardSlot[] = [];
  for (let row = 0; row < format.rows; row++) {
    for (let column = 0; column < format.columns; column++) {
      cells.push({
        xPt: grid.leftPt + column * format.widthPt,
        yPt: grid.bottomPt + grid.heightPt - (row + 1) * format.heightPt,
        widthPt: format.widthPt,
        heightPt: format.heightPt,
      });
    }
  }
  return cells;
}

/** The cell on the back page behind a front cell: same row, mirrored column. */
export function mirrorSlot(slot: CardSlot, paper: Paper): CardSlot {
  return { ...slot, xPt: paper.widthPt - slot.xPt - slot.widthPt };
}

/** Crop marks: gap from the grid, then a tick; kept inside the 18 pt edge office printers cannot print. */
const cropGapPt = 3;
const cropLengthPt = 12;
const cropLineWidthPt = 0.5;

/**
 * Ticks outside the grid on every cut line: above and below each column line, left and right of each row
 * line. A fold line gets dashed ticks, so the person folds there instead of cutting.
 */
export function cropMarks(paper: Paper, format: CardFormat, layout: CardLayout): RuleItem[] {
  const grid = cardGrid(paper, format);
  const top = grid.bottomPt + grid.heightPt;
  const right = grid.leftPt + grid.widthPt;
  const marks: RuleItem[] = [];
  for (let column = 0; column <= format.columns; column++) {
    const x = grid.leftPt + column * format.widthPt;
    const isFold = layout === 'fold' && column % 2 === 1;
    const dash = isFold ? { dashPt: 2 } : {};
    marks.push({ kind: 'rule', x1Pt: x, x2Pt: x, y1Pt: top + cropGapPt, y2Pt: top + cropGapPt + cropLengthPt, widthPt: cropLineWidthPt, ...dash });
    marks.push({ kind: 'rule', x1Pt: x, x2Pt: x, y1Pt: grid.bottomPt - cropGapPt, y2Pt: grid.bottomPt - cropGapPt - cropLengthPt, widthPt: cropLineWidthPt, ...dash });
  }
  for (let row = 0; row <= format.rows; row++) {
    const y = grid.bottomPt + row * format.heightPt;
    marks.push({ kind: 'rule', x1Pt: grid.leftPt - cropGapPt, x2Pt: grid.leftPt - cropGapPt - cropLengthPt, y1Pt: y, y2Pt: y, widthPt: cropLineWidthPt });
    marks.push({ kind: 'rule', x1Pt: right + cropGapPt, x2Pt: right + cropGapPt + cropLengthPt, y1Pt: y, y2Pt: y, widthPt: cropLineWidthPt });
  }
  return marks;
}

/**
 * Where page furniture (footer, banners, the sheet's note) may go on a card sheet: the bands above and below
 * the grid, cut at the crop marks, so a line that wraps grows into free paper and never onto a mark or a
 * card. Where the bottom band is deep enough, its edge-most line runs the grid's whole width, past the ends
 * of the marks: the footer goes there on one line instead of wrapping between two marks (large print).
 */
export function cardSheetFurnitureSlots(paper: Paper, format: CardFormat, safeEdgePt: number, lineHeightPt: number): { top: FurnitureSlot[]; bottom: FurnitureSlot[] } {
  const grid = cardGrid(paper, format);
  const clearPt = 4;
  const segments: { xPt: number; widthPt: number }[] = [];
  for (let column = 0; column < format.columns; column++) {
    const x = grid.leftPt + column * format.widthPt;
    segments.push({ xPt: x + clearPt, widthPt: format.widthPt - 2 * clearPt });
  }
  const bandHeightPt = grid.bottomPt - cropGapPt - safeEdgePt;
  const topFromPageTop = safeEdgePt;
  const bottomFromPageTop = paper.heightPt - grid.bottomPt + cropGapPt;
  // Below the marks' ends (with a little clearance): room for a full-width line?
  const pastMarksPt = bandHeightPt - cropLengthPt - clearPt / 2;
  const fullWidth = pastMarksPt >= lineHeightPt ? lineHeightPt : 0;
  const segmentHeightPt = bandHeightPt - fullWidth;
  return {
    top: segments.map((segment) => ({ ...segment, topFromPageTopPt: topFromPageTop, heightPt: bandHeightPt, align: 'center' as const })),
    bottom: [
      ...(fullWidth ? [{ xPt: grid.leftPt, widthPt: grid.widthPt, topFromPageTopPt: paper.heightPt - safeEdgePt - fullWidth, heightPt: fullWidth, align: 'center' as const }] : []),
      // The footer goes right of the middle line first: the corner readers look for a page number.
      ...[...segments].reverse().map((segment) => ({ ...segment, topFromPageTopPt: bottomFromPageTop, heightPt: segmentHeightPt, align: 'center' as const })),
    ],
  };
}

/** How one face of a card came out: the size its text fits at, or by how much it does not fit at the floor. */
export interface CardFit {
  fits: boolean;
  sizePt: number;
  /** Height the text needs at sizePt, and the card's inner height. */
  neededPt: number;
  availablePt: number;
  lang: string;
  slice?: Slice;
}

/**
 * Lays out one face of a card (a `.card` group of the rights-card section) at the largest size of the
 * format that fits; reports, rather than clips, text that does not fit at the floor. `locales check`
 * calls this to find translations too long for the card.
 */
export function fitCardFace(card: GroupBlock, format: CardFormat, context: BlockLayoutContext): CardFit {
  const innerWidth = format.widthPt - 2 * format.paddingPt;
  const availablePt = format.heightPt - 2 * format.paddingPt;
  let last: CardFit | undefined;
  // Lines to write on keep 7 mm while the text can step down to fit; only a card whose text does not fit at
  // its floor with them gets shorter ones (a long translation with all three lines blank).
  for (const writeInPt of writeInSteps) {
    for (const sizePt of format.textSizesPt) {
      const styles = { ...cardStyleSheet(sizePt), writeInLinePt: writeInPt };
      const slice = mergeSlices(layoutBlock({ ...card, classes: [] }, innerWidth, { ...context, styles, sharedBlocks: undefined }));
      const neededPt = slice?.heightPt ?? 0;
      last = { fits: neededPt <= availablePt + 0.01, sizePt, neededPt, availablePt, lang: card.lang, ...(slice ? { slice } : {}) };
      if (last.fits) return last;
    }
  }
  return last!;
}

/** Heights tried for a line to write on, tallest first: 7 mm, then by half millimetres to 5 mm, then none added. */
const writeInSteps = [7, 6.5, 6, 5.5, 5, 0].map((mm) => (mm / 25.4) * 72);

/** The first format both faces fit, with their layouts; an error naming the face that does not fit the last. */
export function chooseCardFormat(front: GroupBlock, back: GroupBlock, formats: CardFormat[], context: BlockLayoutContext): { format: CardFormat; front: Slice; back: Slice } {
  let overflow: { format: CardFormat; fit: CardFit } | undefined;
  for (const format of formats) {
    const fits = [fitCardFace(front, format, context), fitCardFace(back, format, context)];
    const failed = fits.find((fit) => !fit.fits || !fit.slice);
    if (!failed) return { format, front: fits[0]!.slice!, back: fits[1]!.slice! };
    overflow = { format, fit: failed };
  }
  const { format, fit } = overflow!;
  throw new PacketError('PKT_ERR_LAYOUT_OVERFLOW', {
    detail: `${format.name} card text in ${fit.lang} needs ${Math.round(fit.neededPt)} pt of ${Math.round(fit.availablePt)} pt at ${fit.sizePt} pt`,
  });
}

export interface CardSheetInput {
  front: GroupBlock;
  back: GroupBlock;
  /** Cards to print; 'sheet': as many as one sheet holds. */
  count: number | 'sheet';
  layout: CardLayout;
  formats: CardFormat[];
  paper: Paper;
  context: BlockLayoutContext;
  /** The official card for the front's language, printed in place of the built-in front (and back, if it has one). */
  official?: OfficialCard;
}

/** An official card's page fills the whole cell (it carries its own margins); the writer keeps its proportions. */
function placeOfficialCard(page: PageLayout, path: string, pageIndex: number, cell: CardSlot): void {
  page.items.push({ kind: 'embedded-page', path, pageIndex, xPt: cell.xPt, yPt: cell.yPt, widthPt: cell.widthPt, heightPt: cell.heightPt });
}

function placeCard(page: PageLayout, content: Slice, cell: CardSlot, paper: Paper, format: CardFormat): void {
  const topFromPageTop = paper.heightPt - (cell.yPt + cell.heightPt) + format.paddingPt;
  // One card's layout is placed many times: each placement moves its own copies.
  const copies: DrawItem[] = content.items.map((item) => ({ ...item }));
  page.items.push(...placeOnPage(copies, cell.xPt + format.paddingPt, topFromPageTop, paper.heightPt));
}

/** The sheets: duplex gives a front page and its mirrored back page per sheet; fold gives one page per sheet. */
export function layoutCardSheets(input: CardSheetInput): PageLayout[] {
  const { paper, context, layout } = input;
  const { format, front, back } = chooseCardFormat(input.front, input.back, input.formats, context);
  const { official } = input;
  const placeFront = (page: PageLayout, cell: CardSlot) =>
    official ? placeOfficialCard(page, official.path, official.frontPageIndex, cell) : placeCard(page, front, cell, paper, format);
  const placeBack = (page: PageLayout, cell: CardSlot) =>
    official?.backPageIndex !== undefined ? placeOfficialCard(page, official.path, official.backPageIndex, cell) : placeCard(page, back, cell, paper, format);
  const cells = cardCells(paper, format);
  const perSheet = cardsPerSheet(format, layout);
  const count = input.count === 'sheet' ? perSheet : input.count;
  const pages: PageLayout[] = [];
  const marks = () => cropMarks(paper, format, layout).map((mark) => ({ ...mark }));
  for (let placed = 0; placed < count; placed += perSheet) {
    const onThisSheet = Math.min(perSheet, count - placed);
    const frontPage = newPage(paper);
    frontPage.langs.add(input.front.lang);
    frontPage.items.push(...marks());
    if (layout === 'fold') {
      frontPage.langs.add(input.back.lang);
      for (let card = 0; card < onThisSheet; card++) {
        const row = Math.floor(card / (format.columns / 2));
        const pair = (card % (format.columns / 2)) * 2;
        placeFront(frontPage, cells[row * format.columns + pair]!);
        placeBack(frontPage, cells[row * format.columns + pair + 1]!);
      }
      pages.push(frontPage);
      continue;
    }
    const backPage = newPage(paper);
    backPage.langs.add(input.back.lang);
    backPage.items.push(...marks());
    for (const cell of cells.slice(0, onThisSheet)) {
      placeFront(frontPage, cell);
      placeBack(backPage, mirrorSlot(cell, paper));
    }
    pages.push(frontPage, backPage);
  }
  const slots = cardSheetFurnitureSlots(paper, format, safeEdgePt, context.styles.footer.lineHeightPt);
  for (const page of pages) page.furnitureSlots = slots;
  return pages;
}

/** Office printers cannot print the outer 4–6 mm; nothing is placed within 18 pt (6.35 mm) of the edge. */
export const safeEdgePt = 18;
