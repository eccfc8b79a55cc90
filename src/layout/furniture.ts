/**
 * What pages carry besides their content: the page footer with its numbering, the draft-translation
 * banner, the staff-only banner. Each is measured and stacked into the page's furniture slots (the bands
 * above and below the margins, or between a card sheet's crop marks); one that does not fit is an error,
 * never a line printed over the body or a mark.
 */
import { PacketError } from '../errors.js';
import type { FurnitureLine, PageFurniture } from '../render/document-tree.js';
import type { FurnitureSlot, PageLayout } from './page-layout.js';
import type { BlockLayoutContext, Slice } from './block-layout.js';
import { layoutText } from './block-layout.js';
import { placeOnPage } from './paginate.js';
import type { TextStyle } from './styles.js';
import { safeEdgePt } from './wallet-card.js';
import { resolveDirection } from './itemize.js';

/** Space kept between a band of furniture and the body. */
export const furnitureGapPt = 8;

function layoutLine(text: string, lang: string, style: TextStyle, widthPt: number, context: BlockLayoutContext): Slice[] {
  return layoutText([{ text, style: style.baseStyle }], { dir: 'auto', lang, classes: [] }, style, widthPt, context);
}

/** Height the banners take at the page's text width: the top margin grows to hold them. */
export function bannersHeightPt(texts: { text: string; lang: string }[], widthPt: number, context: BlockLayoutContext): number {
  let height = 0;
  for (const { text, lang } of texts) height += layoutLine(text, lang, context.styles.banner, widthPt, context).reduce((sum, slice) => sum + slice.heightPt, 0);
  return height;
}

/** The default slots: the band from the safe edge to the top margin, and from the bottom margin to the safe edge. */
export function defaultFurnitureSlots(page: PageLayout, context: BlockLayoutContext, topMarginPt: number): { top: FurnitureSlot[]; bottom: FurnitureSlot[] } {
  const { side, bottom } = context.styles.marginPt;
  const widthPt = page.widthPt - 2 * side;
  return {
    top: [{ xPt: side, widthPt, topFromPageTopPt: safeEdgePt, heightPt: topMarginPt - furnitureGapPt - safeEdgePt, align: 'center' }],
    bottom: [{ xPt: side, widthPt, topFromPageTopPt: page.heightPt - bottom + furnitureGapPt, heightPt: bottom - furnitureGapPt - safeEdgePt, align: 'center' }],
  };
}

interface SlotFill {
  slot: FurnitureSlot;
  usedPt: number;
}

/** Puts a text in the first slot with room for all its lines. */
function placeInSlots(page: PageLayout, fills: SlotFill[], text: string, lang: string, style: TextStyle, context: BlockLayoutContext, what: string): void {
  for (const fill of fills) {
    const lines = layoutLine(text, lang, style, fill.slot.widthPt, context);
    const heightPt = lines.reduce((sum, slice) => sum + slice.heightPt, 0);
    if (fill.usedPt + heightPt > fill.slot.heightPt + 0.01) continue;
    for (const line of lines) {
      page.items.push(...placeOnPage(line.items, fill.slot.xPt, fill.slot.topFromPageTopPt + fill.usedPt, page.heightPt));
      fill.usedPt += line.heightPt;
    }
    return;
  }
  throw new PacketError('PKT_ERR_LAYOUT_OVERFLOW', { detail: `the ${what} in ${lang} does not fit in the page's margins` });
}

/**
 * Which banners do not fit a set of slots (a card sheet's bands hold one or two lines): the caller prints
 * those just before the sheet instead, and the sheet leaves them out.
 */
export function bannersLeftOver(lines: FurnitureLine[], slots: FurnitureSlot[], context: BlockLayoutContext): FurnitureLine[] {
  const used = slots.map(() => 0);
  const left: FurnitureLine[] = [];
  for (const line of lines) {
    const index = slots.findIndex((slot, slotIndex) => {
      const height = layoutLine(line.text, line.lang, context.styles.banner, slot.widthPt, context).reduce((sum, slice) => sum + slice.heightPt, 0);
      if (used[slotIndex]! + height > slot.heightPt + 0.01) return false;
      used[slotIndex]! += height;
      return true;
    });
    if (index < 0) left.push(line);
  }
  return left;
}

/** The banners a card sheet of these languages carries, in print order. */
export function bannersFor(langs: Iterable<string>, furniture: PageFurniture): FurnitureLine[] {
  return [...langs].flatMap((lang) => furniture.draftMarks[lang] ?? []);
}

export interface FurnitureOptions {
  /** The language of the person's footer, and of the staff pages' first line. */
  lang: string;
  staffLang: string;
  /** Top margin of person pages and of staff pages (they grow to hold the banners). */
  topMarginPt: { person: number; staff: number };
}

/** Words (and ideographs, which break anywhere) of a text, each with the space after it: where a note may move on to the next slot. */
const noteTokens = (text: string) => text.match(/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g) ?? [];

/**
 * Flows a text through slots in reading order (a card sheet's bands, between and beyond its marks): each
 * slot takes as many whole words as its free lines hold, the rest goes on in the next. Throws when the
 * slots run out: a line is never printed over a mark or a card.
 */
function flowInSlots(page: PageLayout, fills: SlotFill[], text: string, lang: string, style: TextStyle, context: BlockLayoutContext): void {
  let rest: string[] = [...noteTokens(text)];
  const heightOf = (lines: Slice[]) => lines.reduce((sum, slice) => sum + slice.heightPt, 0);
  for (const fill of fills) {
    if (rest.length === 0) return;
    const room = fill.slot.heightPt - fill.usedPt + 0.01;
    let taken = rest.length;
    let lines = layoutLine(rest.join('').trim(), lang, style, fill.slot.widthPt, context);
    while (taken > 0 && heightOf(lines) > room) {
      taken--;
      lines = taken > 0 ? layoutLine(rest.slice(0, taken).join('').trim(), lang, style, fill.slot.widthPt, context) : [];
    }
    if (taken === 0) continue;
    for (const line of lines) {
      page.items.push(...placeOnPage(line.items, fill.slot.xPt, fill.slot.topFromPageTopPt + fill.usedPt, page.heightPt));
      fill.usedPt += line.heightPt;
    }
    rest = rest.slice(taken);
    while (rest[0]?.trim() === '') rest = rest.slice(1);
  }
  if (rest.length) throw new PacketError('PKT_ERR_LAYOUT_OVERFLOW', { detail: `the card sheet's note in ${lang} does not fit between the marks` });
}

export function addFurniture(pages: PageLayout[], furniture: PageFurniture, options: FurnitureOptions, context: BlockLayoutContext): void {
  const personPages = pages.filter((page) => !page.isStaffOnly).length;
  const staffPages = pages.length - personPages;
  let personNumber = 0;
  let staffNumber = 0;
  for (const page of pages) {
    const isStaff = page.isStaffOnly;
    // The person's pages are numbered among themselves, staff pages apart: "1 of N" is what the person holds.
    const footer = isStaff
      ? furniture.staffFooter.replaceAll('{{page}}', String(++staffNumber)).replaceAll('{{pages}}', String(staffPages))
      : furniture.footer.replaceAll('{{page}}', String(++personNumber)).replaceAll('{{pages}}', String(personPages));
    furnishPage(page, footer, furniture, options, context);
  }
}

/** Footer, banners and a card sheet's note on one page; throws when one does not fit its slots. */
function furnishPage(page: PageLayout, footer: string, furniture: PageFurniture, options: FurnitureOptions, context: BlockLayoutContext): void {
  const { styles } = context;
  const isStaff = page.isStaffOnly;
  const slots = page.furnitureSlots ?? defaultFurnitureSlots(page, context, isStaff ? options.topMarginPt.staff : options.topMarginPt.person);
  const top = slots.top.map((slot) => ({ slot, usedPt: 0 }));
  const bottom = slots.bottom.map((slot) => ({ slot, usedPt: 0 }));
  placeInSlots(page, bottom, footer, isStaff ? options.staffLang : options.lang, styles.footer, context, 'footer');
  if (isStaff) for (const banner of furniture.staffOnly) placeInSlots(page, top, banner.text, banner.lang, styles.banner, context, 'staff banner');
  for (const mark of bannersFor(page.langs, furniture)) {
    if (page.bannersPrintedBefore?.includes(mark.text)) continue;
    placeInSlots(page, top, mark.text, mark.lang, styles.banner, context, 'draft banner');
  }
  if (page.sheetNote) {
    // Reading order: the top band before the bottom one, and along each band in the note's direction.
    const isRtl = resolveDirection(page.sheetNote.text, 'auto') === 'rtl';
    const inReadingOrder = [...top, ...bottom].sort((a, b) => a.slot.topFromPageTopPt - b.slot.topFromPageTopPt || (isRtl ? b.slot.xPt - a.slot.xPt : a.slot.xPt - b.slot.xPt));
    flowInSlots(page, inReadingOrder, page.sheetNote.text, page.sheetNote.lang, styles.sheetNote, context);
  }
}

/**
 * Whether a card sheet's furniture and its note fit its slots (page numbers of two digits assumed): if not,
 * the note prints in the flow before the sheet instead.
 */
export function sheetNoteFits(page: PageLayout, furniture: PageFurniture, options: FurnitureOptions, context: BlockLayoutContext): boolean {
  const trial: PageLayout = { ...page, items: [] };
  try {
    furnishPage(trial, furniture.footer.replaceAll('{{page}}', '00').replaceAll('{{pages}}', '00'), furniture, options, context);
    return true;
  } catch {
    return false;
  }
}
