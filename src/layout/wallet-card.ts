/**
 * The wallet-card sheet: up to four cards in a 2x2 grid with dashed cut lines, and a back page whose grid
 * is mirrored left-to-right, so that printed double-sided (flip on the long edge) each back lands on its front.
 */
import { PacketError } from '../errors.js';
import type { GroupBlock } from '../render/document-tree.js';
import type { PageLayout, Paper } from './page-layout.js';
import { layoutBlock, mergeSlices, type BlockLayoutContext } from './block-layout.js';
import { newPage, placeOnPage } from './paginate.js';
import { createStyleSheet } from './styles.js';

/** 90 x 115 mm: four fit on Letter and on A4 inside 15 mm margins; folded once it fits a wallet. */
export const cardSizePt = { width: 255, height: 326 };
const cardPaddingPt = 11;
/** Card text starts at 12 pt and steps down until it fits (long translations), never below 8 pt. */
const cardTextSizesPt = [12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8];

export interface CardSlot {
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}

/** Slots in reading order (top-left first), grid centred on the page so mirroring keeps it in place. */
export function cardSlots(paper: Paper, topPt: number): CardSlot[] {
  const left = (paper.widthPt - 2 * cardSizePt.width) / 2;
  const slots: CardSlot[] = [];
  for (let row = 0; row < 2; row++) {
    for (let column = 0; column < 2; column++) {
      slots.push({
        xPt: left + column * cardSizePt.width,
        yPt: paper.heightPt - topPt - (row + 1) * cardSizePt.height,
        widthPt: cardSizePt.width,
        heightPt: cardSizePt.height,
      });
    }
  }
  return slots;
}

/** The slot on the back page behind a front slot: same row, the other column. */
export function mirrorSlot(slot: CardSlot, paper: Paper): CardSlot {
  return { ...slot, xPt: paper.widthPt - slot.xPt - slot.widthPt };
}

function fitCard(card: GroupBlock, context: BlockLayoutContext) {
  const innerWidth = cardSizePt.width - 2 * cardPaddingPt;
  const innerHeight = cardSizePt.height - 2 * cardPaddingPt;
  for (const sizePt of cardTextSizesPt) {
    const styles = { ...createStyleSheet(false, sizePt) };
    const slice = mergeSlices(layoutBlock({ ...card, classes: [] }, innerWidth, { ...context, styles }));
    if (slice && slice.heightPt <= innerHeight) return slice;
  }
  throw new PacketError('PKT_ERR_LAYOUT_OVERFLOW', { detail: `card text in ${card.lang} does not fit at 8 pt` });
}

export interface CardSheetInput {
  front: GroupBlock;
  back: GroupBlock;
  count: number;
  paper: Paper;
  topPt: number;
  context: BlockLayoutContext;
}

export function layoutCardSheets(input: CardSheetInput): PageLayout[] {
  const { paper, context } = input;
  const front = fitCard(input.front, context);
  const back = fitCard(input.back, context);
  const slots = cardSlots(paper, input.topPt);
  const pages: PageLayout[] = [];
  for (let placed = 0; placed < input.count; placed += 4) {
    const frontPage = newPage(paper);
    const backPage = newPage(paper);
    frontPage.langs.add(input.front.lang);
    backPage.langs.add(input.back.lang);
    for (const slot of slots.slice(0, Math.min(4, input.count - placed))) {
      const backSlot = mirrorSlot(slot, paper);
      for (const [page, where, content] of [
        [frontPage, slot, front],
        [backPage, backSlot, back],
      ] as const) {
        const topFromPageTop = paper.heightPt - (where.yPt + where.heightPt) + cardPaddingPt;
        // One card's layout is placed up to eight times: each placement moves its own copies.
        const copies = content.items.map((item) => ({ ...item }));
        page.items.push(...placeOnPage(copies, where.xPt + cardPaddingPt, topFromPageTop, paper.heightPt));
        // Dashed cut line around the card; neighbours share their edges, so one cut serves both.
        page.items.push({ kind: 'box', xPt: where.xPt, yPt: where.yPt, widthPt: where.widthPt, heightPt: where.heightPt, lineWidthPt: 0.6, dashPt: 4 });
      }
    }
    pages.push(frontPage, backPage);
  }
  return pages;
}
