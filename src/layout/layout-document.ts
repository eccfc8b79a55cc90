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
import type { OfficialCard } from './official-cards.js';
import { addFurniture, bannersFor, bannersHeightPt, bannersLeftOver, furnitureGapPt, sheetNoteFits } from './furniture.js';

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
  /** Official card PDFs by locale (assets/cards); a language without one prints the built-in card. */
  officialCards?: ReadonlyMap<string, OfficialCard>;
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

/** The person's page (counted among the person's pages only) each section starts on. */
function sectionPages(pages: PageLayout[]): Map<string, number> {
  const numbers = new Map<string, number>();
  pages
    .filter((page) => !page.isStaffOnly)
    .forEach((page, index) => {
      for (const id of page.sectionsStarting ?? []) if (!numbers.has(id)) numbers.set(id, index + 1);
    });
  return numbers;
}

const sameNumbers = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) => a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);

/** At most this many layouts: the second prints the numbers the first found; a third only if a wider number moved a line. */
const maxPasses = 4;

export function layoutDocument(document: RenderedDocument, options: LayoutOptions, deps: LayoutDeps): PageLayout[] {
  const styles = createStyleSheet(options.isLargePrint);
  const context: BlockLayoutContext = { fontSet: deps.fontSet, cache: deps.cache, styles, sharedBlocks: document.sharedBlocks };
  const topMargins = topMarginsFor(document, papers[options.paper], context);
  // Slices of the blocks that hold no page reference, kept between passes (nothing downstream changes a slice).
  const slicesKept = new Map<Block, Slice[]>();
  // The cover's contents print the page each section starts on, known only once the pages are: lay out,
  // read where each section landed, lay out again with those numbers, until the numbers printed are the ones found.
  let numbers = new Map<string, number>();
  const state: PassState = { context, topMargins, numbers, slicesKept };
  let pages = layoutPass(document, options, deps, state);
  const paper = papers[options.paper];
  const contentWidth = paper.widthPt - 2 * styles.marginPt.side;
  const coverBlock = document.blocks.find((block): block is GroupBlock => isSection(block, 'cover'));
  for (let pass = 1; pass < maxPasses; pass++) {
    const found = sectionPages(pages);
    if (sameNumbers(found, numbers)) break;
    numbers = found;
    // Only the cover prints page numbers: when it splits the same way with them, its own page alone changes
    // (the usual case), and the rest of the packet is not laid out again.
    if (coverBlock && pages[0]?.sectionsStarting?.includes('cover')) {
      const { cover, moved } = layoutCover(coverBlock, contentWidth, { ...context, pageNumbers: numbers }, (slices) => paginate(slices, paper, styles, topMargins).length);
      const coverPages = moved.length === state.coverMoved ? paginate(cover, paper, styles, topMargins) : [];
      if (coverPages.length === 1) {
        pages[0] = coverPages[0]!;
        continue;
      }
    }
    state.numbers = numbers;
    pages = layoutPass(document, options, deps, state);
  }
  addFurniture(pages, document.furniture, { lang: document.lang, staffLang: document.staffLang, topMarginPt: topMargins }, context);
  return pages;
}

interface PassState {
  context: BlockLayoutContext;
  topMargins: TopMargins;
  numbers: ReadonlyMap<string, number>;
  slicesKept: Map<Block, Slice[]>;
  /** Set by the pass: how many of the cover's slices it moved to the next page. */
  coverMoved?: number;
}

/**
 * The cover fits its first page: its essentials (title, name, the number to call first, the person's contacts,
 * the contents) always; each language's details (intro, release, "not legal advice", dates) whole, on the
 * cover while they fit, else moved deliberately to the top of the next page, where the hotlines follow them.
 */
function layoutCover(block: GroupBlock, widthPt: number, context: BlockLayoutContext, pagesFor: (slices: Slice[]) => number): { cover: Slice[]; moved: Slice[] } {
  const isDetails = (child: Block) => child.classes.includes('lang-part');
  const cover = block.children.filter((child) => !isDetails(child)).flatMap((child) => layoutBlock(child, widthPt, context));
  const details = block.children.filter(isDetails).map((child) => layoutBlock(child, widthPt, context));
  let kept = details.length;
  while (kept > 0 && pagesFor([...cover, ...details.slice(0, kept).flat()]) > 1) kept--;
  cover.push(...details.slice(0, kept).flat());
  if (cover[0]) cover[0] = { ...cover[0], startsPage: true, sectionId: 'cover' };
  const moved = details.slice(kept).flat();
  if (moved[0]) moved[0] = { ...moved[0], startsPage: true };
  return { cover, moved };
}

function layoutPass(document: RenderedDocument, options: LayoutOptions, deps: LayoutDeps, state: PassState): PageLayout[] {
  const { context, topMargins } = state;
  const { styles } = context;
  const paper = papers[options.paper];
  const contentWidth = paper.widthPt - 2 * styles.marginPt.side;
  const pages: PageLayout[] = [];
  let pending: Slice[] = [];
  /** The cover's details that did not fit it: they open the next page. */
  let movedFromCover: Slice[] = [];
  const flush = () => {
    if (pending.length) pages.push(...paginate(pending, paper, styles, topMargins));
    pending = [];
  };
  const layoutKept = (block: Block): Slice[] => {
    let slices = state.slicesKept.get(block);
    if (!slices) state.slicesKept.set(block, (slices = layoutBlock(block, contentWidth, context)));
    return slices;
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
    if (isSection(block, 'cover')) {
      const { cover, moved } = layoutCover(block, contentWidth, { ...context, pageNumbers: state.numbers }, (slices) => paginate(slices, paper, styles, topMargins).length);
      pending.push(...cover);
      movedFromCover = moved;
      state.coverMoved = moved.length;
      continue;
    }
    if (isSection(block, 'rights-card')) {
      pending.push(...movedFromCover);
      movedFromCover = [];
      const formats = cardFormatsFor(options.isLargePrint);
      const sheetsKey = `cards:${options.paper}:${options.isLargePrint}:${options.cardLayout}:${options.cardCount}`;
      const sheets = memoized(document.sharedBlocks.get(block), sheetsKey, () => {
        const front = findCard(block, 'card-front');
        const official = deps.officialCards?.get(front.lang);
        return layoutCardSheets({ front, back: findCard(block, 'card-back'), count: options.cardCount, layout: options.cardLayout, formats, paper, context, ...(official ? { official } : {}) });
      });
      // A card sheet's bands hold a line or two: banners beyond that print on the page before.
      const sheetSlots = cardSheetFurnitureSlots(paper, formats[0]!, safeEdgePt, styles.footer.lineHeightPt).top;
      const frontLang = findCard(block, 'card-front').lang;
      const backLang = findCard(block, 'card-back').lang;
      const sheetLangs = options.cardLayout === 'fold' ? [[frontLang, backLang]] : [[frontLang], [backLang]];
      const carried = [...new Map(sheetLangs.flatMap((langs) => bannersLeftOver(bannersFor(new Set(langs), document.furniture), sheetSlots, context)).map((line) => [line.text, line])).values()];
      const sheetPages: PageLayout[] = sheets.map((sheet, index) => ({
        ...sheet,
        langs: new Set(sheet.langs),
        ...(index === 0 ? { sectionsStarting: ['rights-card'] } : {}),
        ...(carried.length ? { bannersPrintedBefore: carried.map((line) => line.text) } : {}),
      }));
      // How to print and cut goes on the sheet it is about, outside the cards and marks (on the front, the side
      // read first); only if the bands cannot hold it does it print in the flow before the sheet.
      const howTo = { text: options.cardLayout === 'fold' ? document.furniture.cardsFold : document.furniture.cardsDuplex, lang: document.lang };
      const fronts = sheetPages.filter((_, index) => options.cardLayout === 'fold' || index % 2 === 0);
      const furnitureOptions = { lang: document.lang, staffLang: document.staffLang, topMarginPt: topMargins };
      const isOnSheet = fronts.every((page) => sheetNoteFits({ ...page, sheetNote: howTo }, document.furniture, furnitureOptions, context));
      if (isOnSheet) for (const page of fronts) page.sheetNote = howTo;
      const before: Block[] = [
        ...carried.map((line): Block => ({ type: 'paragraph', lang: line.lang, dir: 'auto', classes: [], inlines: [{ text: line.text, style: 'bold' }] })),
        ...(isOnSheet ? [] : [paragraph(document, howTo.text, [])]),
      ];
      if (before.length) {
        const beforeSlices = layoutBlock({ type: 'group', tag: 'div', lang: document.lang, dir: 'auto', classes: ['notice'], children: before }, contentWidth, context);
        // Catalog text only: a page it lands on may still be shared between packets.
        pending.push(...beforeSlices.map((slice) => ({ ...slice, isShared: true })));
      }
      flush();
      // The card sheet is the front of a sheet: its back is the cards' backs (duplex), or blank (fold).
      startSheet(document.furniture.blankPage);
      sheetPages.forEach((page, index) => {
        // A folded sheet is printed on one side: the next one starts on a sheet of its own.
        if (index > 0 && options.cardLayout === 'fold') startSheet(document.furniture.blankSheet);
        pages.push(page);
      });
      continue;
    }
    let slices = layoutKept(block);
    if (movedFromCover.length && !slices[0]?.isStaffOnly) {
      // The section that followed the cover on a page of its own now follows the cover's details.
      const [first, ...others] = slices;
      slices = [...movedFromCover, ...(first ? [{ ...first, startsPage: false }] : []), ...others];
      movedFromCover = [];
    }
    pending.push(...movedFromCover);
    movedFromCover = [];
    // Staff pages start on a sheet of their own: a sheet handed to the person never carries them.
    if (slices[0]?.isStaffOnly && !pending.some((slice) => slice.isStaffOnly)) {
      flush();
      startSheet(document.furniture.blankSheet);
    }
    pending.push(...slices);
  }
  pending.push(...movedFromCover);
  flush();
  return pages;
}

function isSection(block: Block, id: string): block is GroupBlock {
  return block.type === 'group' && block.sectionId === id;
}
