/**
 * The one type scale of the packet. Everything the person reads is at least 10 pt (source lines and page
 * footers 8 pt); in large print every text is at least 14 pt, headings larger, cards included; the wallet
 * card never goes below 7 pt. Black on white. tests/pdf/type-scale.test.ts reads the sizes back out of the PDF.
 */
import type { Block, InlineStyle } from '../render/document-tree.js';

export interface TextStyle {
  sizePt: number;
  lineHeightPt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  baseStyle: InlineStyle;
  align: 'start' | 'center';
  /** Fine print: source lines and footers, whose floor is lower than the reading size. */
  isFine?: boolean;
}

/** The floors, in one place: what the tests check and what every style below respects. */
export const typeScale = {
  normal: { bodyPt: 11, readMinimumPt: 10, fineMinimumPt: 8 },
  large: { bodyPt: 14, readMinimumPt: 14, fineMinimumPt: 14 },
  /** Wallet card: starts at 9 pt and steps down to fit a long translation, never below 7 pt. */
  card: { startPt: 9, minimumPt: 7 },
  /** Quarter-sheet card of large print. */
  largeCard: { startPt: 16, minimumPt: 14 },
} as const;

export interface StyleSheet {
  bodyPt: number;
  isLargePrint: boolean;
  styleFor(block: Block): TextStyle;
  /** Page footer and furniture lines (page numbers, banners). */
  footer: TextStyle;
  banner: TextStyle;
  /** How to print and cut a card sheet, in its bands between the crop marks: fine print. */
  sheetNote: TextStyle;
  /** Margins that survive office printers: most cannot print the outer 6 mm; we keep 15 mm or more. */
  marginPt: { top: number; side: number; bottom: number };
  indentPt: number;
  /** Height of a line to write on by hand (its label's line, ending in the rule): room for handwriting. */
  writeInLinePt: number;
}

/** 7 mm: the ruled line of a form filled in by hand; a 9 pt card line (10 pt) is too tight to write on. */
export const writeInLinePt = (7 / 25.4) * 72;

function makeStyle(sizePt: number, baseStyle: InlineStyle, spaceBeforeEm: number, spaceAfterEm: number, align: TextStyle['align'] = 'start'): TextStyle {
  return {
    sizePt,
    lineHeightPt: Math.round(sizePt * 1.32 * 10) / 10,
    spaceBeforePt: sizePt * spaceBeforeEm,
    spaceAfterPt: sizePt * spaceAfterEm,
    baseStyle,
    align,
  };
}

function sheetFor(body: number, readMinimumPt: number, fineMinimumPt: number, isLargePrint: boolean): StyleSheet {
  const read = (sizePt: number) => Math.max(readMinimumPt, sizePt);
  const fine = (sizePt: number) => Math.max(fineMinimumPt, sizePt);
  const styles = {
    h1: makeStyle(body * 1.9, 'bold', 0, 0.3),
    h2: makeStyle(body * 1.35, 'bold', 0.7, 0.35),
    h3: makeStyle(body * 1.12, 'bold', 0.6, 0.2),
    body: makeStyle(body, 'regular', 0, 0.45),
    lead: makeStyle(body * 1.1, 'regular', 0.2, 0.5),
    subtitle: makeStyle(body * 1.35, 'regular', 0, 0.8),
    personName: makeStyle(body * 2, 'bold', 0.4, 0.6),
    phone: makeStyle(body * 1.45, 'bold', 0.15, 0.1),
    callFirst: makeStyle(body * 1.8, 'bold', 0.1, 0.2),
    small: makeStyle(read(body * 0.9), 'regular', 0, 0.25),
    source: { ...makeStyle(fine(body * 0.77), 'regular', 0, 0.2), isFine: true },
    verify: makeStyle(read(body * 0.9), 'bold', 0.1, 0.15),
    tableCell: makeStyle(read(body * 0.9), 'regular', 0, 0),
  };
  return {
    bodyPt: body,
    isLargePrint,
    footer: { ...makeStyle(fine(8.5), 'regular', 0, 0, 'center'), isFine: true },
    // Banners are page furniture like the footer: bold, at the fine-print floor or above.
    banner: { ...makeStyle(fine(9), 'bold', 0, 0, 'center'), isFine: true },
    sheetNote: { ...makeStyle(fine(8), 'regular', 0, 0, 'center'), isFine: true },
    marginPt: { top: 56, side: 42, bottom: 56 },
    indentPt: body * 1.6,
    writeInLinePt,
    styleFor(block) {
      const has = (name: string) => block.classes.includes(name);
      if (block.type === 'heading') return block.level === 1 ? styles.h1 : block.level === 2 ? styles.h2 : styles.h3;
      if (block.type === 'table') return styles.tableCell;
      if (has('person-name')) return styles.personName;
      if (has('subtitle')) return styles.subtitle;
      if (has('call-first')) return styles.callFirst;
      if (has('phone')) return styles.phone;
      if (has('verify')) return styles.verify;
      if (has('source')) return styles.source;
      if (has('small')) return styles.small;
      if (has('lead')) return styles.lead;
      return styles.body;
    },
  };
}

export function createStyleSheet(isLargePrint: boolean): StyleSheet {
  const scale = isLargePrint ? typeScale.large : typeScale.normal;
  return sheetFor(scale.bodyPt, scale.readMinimumPt, scale.fineMinimumPt, isLargePrint);
}

/**
 * A card's text at one size: every text of the card at `sizePt` (headings a little larger), since on a
 * 2-inch card the source line is read as closely as the rest; spacing tighter than the packet's.
 */
export function cardStyleSheet(sizePt: number): StyleSheet {
  const sheet = sheetFor(sizePt, sizePt, sizePt, false);
  const tight = (style: TextStyle, sizeFactor = 1): TextStyle => {
    const size = Math.round(sizePt * sizeFactor * 100) / 100;
    return { ...style, sizePt: size, lineHeightPt: Math.round(size * 1.15 * 10) / 10, spaceBeforePt: 0, spaceAfterPt: size * 0.1 };
  };
  const heading = tight(makeStyle(sizePt, 'bold', 0, 0), 1.15);
  const body = tight(makeStyle(sizePt, 'regular', 0, 0));
  const bold = tight(makeStyle(sizePt, 'bold', 0, 0));
  return {
    ...sheet,
    indentPt: sizePt * 0.9,
    styleFor(block) {
      if (block.type === 'heading') return heading;
      if (block.classes.includes('verify') || block.classes.includes('card-hotline')) return bold;
      return body;
    },
  };
}
