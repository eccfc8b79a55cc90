/** Layout stage entry: the rendered document → positioned pages (flowing sections, then the card sheets, then staff pages). */
import type { Block, GroupBlock, RenderedDocument } from '../render/document-tree.js';
import { PacketError } from '../errors.js';
import { papers, type PageLayout, type Paper } from './page-layout.js';
import { memoized } from './layout-memo.js';
import type { FontSet } from './fonts.js';
import type { ShapeCache } from './shape.js';
import { createStyleSheet } from './styles.js';
import { layoutBlock, type BlockLayoutContext, type Slice } from './block-layout.js';
import { paginate, newPage, type TopMargins } from './paginate.js';
import { cardFormatsFor, cardSheetFurnitureSlots, layoutCardSheets, safeEdgePt, type CardLayout } from './wallet-card.js';
import { addFurniture, bannersFor, bannersHeightPt, bannersLeftOver, furnitureGapPt } from './furniture.js';

export interface LayoutOptions {
  paper: 'letter' | 'a4';
  isLargePrint: boolean;
  /** Cards to print; 'sheet': as many as one sheet holds. */
  cardCount: number | 'sheet';
  cardLayout: CardLayout;
}

export interface LayoutDeps {
  fontSet: FontSet;
  cache: ShapeCache;
}

function findCard(section: GroupBlock, className: string): GroupBlock {
  const card = section.children.find((child): child is GroupBlock => child.type === 'group' && child.classes.includes(className));
  if (!card) throw new PacketError('PKT_ERR_RENDER_TEMPLATE', { detail: `rights-card has no .${className}` });
  return card;
}

/** Top margins that hold the banners each kind of page may carry, so a banner never crowds the body. */
function topMarginsFor(document: RenderedDocument, paper: Paper, context: BlockLayoutContext): TopMargins {
  const width = paper.widthPt - 2 * context.styles.marginPt.side;
  const draft = Object.values(document.furniture.draftMarks).flat();
  const marginFor = (heightPt: number) => Math.max(context.styles.marginPt.top, safeEdgePt + heightPt + furnitureGapPt);
  return {
    person: marginFor(bannersHeightPt(draft, width, context)),
    staff: marginFor(bannersHeightPt([...document.furniture.staffOnly, ...draft], width, context)),
  };
}

function paragraph(document: RenderedDocument, text: string, classes: string[]): Block {
  return { type: 'paragraph', lang: document.lang, dir: 'auto', classes, inlines: [{ text, style: 'regular' }] };
}

export function layoutDocument(document: RenderedDocument, options: LayoutOptions, deps: LayoutDeps): PageLayout[] {
  const paper = papers[options.paper];
  const styles = createStyleSheet(options.isLargePrint);
  const context: BlockLayoutContext = { fontSet: deps.fontSet, cache: deps.cache, styles, sharedBlocks: document.sharedBlocks };
  const contentWidth = paper.widthPt - 2 * styles.marginPt.side;
  const topMargins = topMarginsFor(document, paper, context);
  const pages: PageLayout[] = [];
  let pending: Slice[] = [];
  const flush = () => {
    if (pending.length) pages.push(...paginate(pending, paper, styles, topMargins));
    pending = [];
  };
  /** Ends the current sheet: a part that must start on the front of a sheet gets a blank page before it. */
  const startSheet = (note: string) => {
    if (pages.length % 2 === 0) return;
    // Shared: it carries only the catalog's note.
    const blank = newPage(paper, false, true);
    blank.langs.add(document.lang);
    pages.push(blank);
    const noteItems = paginate(layoutBlock(paragraph(document, note, ['small']), contentWidth, context), paper, styles, topMargins)[0];
    if (noteItems) blank.items.push(...noteItems.items);
  };

  for (const block of document.blocks) {
    if (isSection(block, 'rights-card')) {
      const formats = cardFormatsFor(options.isLargePrint);
      const howTo = options.cardLayout === 'fold' ? document.furniture.cardsFold : document.furniture.cardsDuplex;
      // How to print and cut goes in the flow before the sheet, where a wrap has room: the sheet's margins hold marks.
      // A card sheet's bands hold a line or two: banners beyond that print with the note, on the page before.
      const sheetSlots = cardSheetFurnitureSlots(paper, formats[0]!, safeEdgePt).top;
      const frontLang = findCard(block, 'card-front').lang;
      const backLang = findCard(block, 'card-back').lang;
      const sheetLangs = options.cardLayout === 'fold' ? [[frontLang, backLang]] : [[frontLang], [backLang]];
      const carried = [...new Map(sheetLangs.flatMap((langs) => bannersLeftOver(bannersFor(new Set(langs), document.furniture), sheetSlots, context)).map((line) => [line.text, line])).values()];
      const carriedBlocks: Block[] = carried.map((line) => ({ type: 'paragraph', lang: line.lang, dir: 'auto', classes: [], inlines: [{ text: line.text, style: 'bold' }] }));
      const howToSlices = layoutBlock({ type: 'group', tag: 'div', lang: document.lang, dir: 'auto', classes: ['notice'], children: [...carriedBlocks, paragraph(document, howTo, [])] }, contentWidth, context);
      // Catalog text only: a page it lands on may still be shared between packets.
      pending.push(...howToSlices.map((slice) => ({ ...slice, isShared: true })));
      flush();
      // The card sheet is the front of a sheet: its back is the cards' backs (duplex), or blank (fold).
      startSheet(document.furniture.blankPage);
      const sheetsKey = `cards:${options.paper}:${options.isLargePrint}:${options.cardLayout}:${options.cardCount}`;
      const sheets = memoized(document.sharedBlocks.get(block), sheetsKey, () =>
        layoutCardSheets({ front: findCard(block, 'card-front'), back: findCard(block, 'card-back'), count: options.cardCount, layout: options.cardLayout, formats, paper, context }),
      );
      sheets.forEach((sheet, index) => {
        // A folded sheet is printed on one side: the next one starts on a sheet of its own.
        if (index > 0 && options.cardLayout === 'fold') startSheet(document.furniture.blankSheet);
        pages.push({ ...sheet, langs: new Set(sheet.langs), ...(carried.length ? { bannersPrintedBefore: carried.map((line) => line.text) } : {}) });
      });
      continue;
    }
    const slices = layoutBlock(block, contentWidth, context);
    // Staff pages start on a sheet of their own: a sheet handed to the person never carries them.
    if (slices[0]?.isStaffOnly && !pending.some((slice) => slice.isStaffOnly)) {
      flush();
      startSheet(document.furniture.blankSheet);
    }
    pending.push(...slices);
  }
  flush();
  addFurniture(pages, document.furniture, { lang: document.lang, staffLang: document.staffLang, topMarginPt: topMargins }, context);
  return pages;
}

function isSection(block: Block, id: string): block is GroupBlock {
  return block.type === 'group' && block.sectionId === id;
}
