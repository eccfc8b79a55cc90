/** What layout hands to the PDF writer: pages of positioned glyph runs and rules, in points, origin bottom-left. */
import type { FontFace } from './fonts.js';

export interface ShapedGlyph {
  /** Glyph id in the original (unsubset) font. */
  id: number;
  /** Advance in font units, after kerning. */
  advance: number;
  /** The glyph's own advance (hmtx), in font units: what the PDF's width table says. */
  defaultAdvance: number;
  xOffset: number;
  yOffset: number;
  /** The characters this glyph stands for, for the PDF's ToUnicode map (copy and paste, screen readers). */
  codePoints: number[];
}

export interface TextItem {
  kind: 'text';
  face: FontFace;
  sizePt: number;
  xPt: number;
  /** Baseline. */
  yPt: number;
  /** In visual (left-to-right drawing) order. */
  glyphs: ShapedGlyph[];
  /** Fine print (source lines, page footers), allowed below the reading size: see styles.ts. */
  isFine?: boolean;
}

export interface RuleItem {
  kind: 'rule';
  x1Pt: number;
  y1Pt: number;
  x2Pt: number;
  y2Pt: number;
  widthPt: number;
  /** Dash length for cut lines; solid when absent. */
  dashPt?: number;
}

export interface BoxItem {
  kind: 'box';
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
  lineWidthPt: number;
  /** Dash length for cut lines; solid when absent. */
  dashPt?: number;
}

/** A page of an official card PDF (assets/cards), drawn into a box keeping its proportions (pdf-lib embedPage). */
export interface EmbeddedPageItem {
  kind: 'embedded-page';
  /** Absolute path of the PDF; the writer embeds each page it names once per document. */
  path: string;
  pageIndex: number;
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}

export type DrawItem = TextItem | RuleItem | BoxItem | EmbeddedPageItem;

export interface PageLayout {
  widthPt: number;
  heightPt: number;
  items: DrawItem[];
  /** Languages of the text on this page, for the draft mark. */
  langs: Set<string>;
  isStaffOnly: boolean;
  /**
   * Every item comes from a block shared between packets (no personal data) or from the page furniture:
   * the same inputs give the same page, so the writer may keep its drawing operators.
   */
  isShared: boolean;
  /** Where the footer and banners may go; absent: the bands above and below the margins. */
  furnitureSlots?: { top: FurnitureSlot[]; bottom: FurnitureSlot[] };
  /**
   * How full a flowing page is (set by the paginator): pages under a quarter full are allowed only as the
   * last page of a part (the page before a forced break), and a heading never ends a page.
   */
  fill?: { usedPt: number; availablePt: number; endsPart: boolean; endsWithHeading: boolean };
  /** A card sheet's how-to-print note, printed in the sheet's free bands after the footer and banners. */
  sheetNote?: { text: string; lang: string };
  /** Sections whose first line (their heading) is on this page: what the cover's contents point to. */
  sectionsStarting?: string[];
  /** Banners too many for this page's slots (a card sheet), printed with the note just before it. */
  bannersPrintedBefore?: string[];
}

/** A box the page furniture may fill, measured from the page's top edge; lines stack inside it. */
export interface FurnitureSlot {
  xPt: number;
  widthPt: number;
  topFromPageTopPt: number;
  heightPt: number;
  align: 'center';
}

export interface Paper {
  widthPt: number;
  heightPt: number;
}

/** ISO 216 A4 (210×297 mm) and US Letter (8.5×11 in), in PDF points. */
export const papers: Record<'letter' | 'a4', Paper> = {
  letter: { widthPt: 612, heightPt: 792 },
  a4: { widthPt: 595, heightPt: 842 },
};
