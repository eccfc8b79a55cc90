/** Lays out blocks at a given width into slices: stacks of lines the paginator may not split. */
import type { Block, Inline, ParagraphBlock, TableBlock, GroupBlock, ListBlock } from '../render/document-tree.js';
import type { DrawItem } from './page-layout.js';
import type { FontSet } from './fonts.js';
import type { ShapeCache } from './shape.js';
import type { StyleSheet, TextStyle } from './styles.js';
import { itemize, resolveDirection } from './itemize.js';
import { breakLines, placeLine } from './wrap.js';
import { memoized } from './layout-memo.js';

/** Items inside a slice use y measured downwards from the slice's top edge; the paginator flips them. */
export interface Slice {
  heightPt: number;
  spaceBeforePt: number;
  items: DrawItem[];
  keepWithNext: boolean;
  langs: string[];
  startsPage?: boolean;
  isStaffOnly?: boolean;
  sectionId?: string;
  /** Laid out from a block shared between packets (RenderedDocument.sharedBlocks): holds no personal data. */
  isShared?: boolean;
  /** A table row: its table's header row, repeated at the top of a page the table continues on. */
  tableHeader?: { heightPt: number; items: readonly DrawItem[] };
  /** A heading: the paginator never leaves it last on a page. */
  isHeading?: boolean;
}

/** Text the layout itself prints (list bullets), so startup can prepare its glyphs with the catalogs'. */
export const bulletMarker = '•';
export const layoutTexts = [bulletMarker];

export interface BlockLayoutContext {
  fontSet: FontSet;
  cache: ShapeCache;
  styles: StyleSheet;
  /** Blocks shared between packets, with the memo that keeps their layout (RenderedDocument.sharedBlocks). */
  sharedBlocks?: ReadonlyMap<Block, Map<string, unknown>>;
  /**
   * The person's page each section starts on, for page references (the cover's contents); a reference
   * prints "0" until the pages are known (layout-document.ts lays out twice).
   */
  pageNumbers?: ReadonlyMap<string, number>;
}

/** The page references of a text filled in: "(p. #)" → "(p. 3)". */
function withPageNumbers(inlines: Inline[], pageNumbers: ReadonlyMap<string, number> | undefined): Inline[] {
  if (!inlines.some((inline) => 'pageOf' in inline && inline.pageOf)) return inlines;
  return inlines.map((inline) => ('pageOf' in inline && inline.pageOf ? { ...inline, text: inline.text.replace('#', String(pageNumbers?.get(inline.pageOf) ?? 0)) } : inline));
}

/** Moves items in place: every item is created fresh for one packet's layout, so nothing shared changes. */
export function shiftItems(items: DrawItem[], dxPt: number, dyPt: number): DrawItem[] {
  if (dxPt === 0 && dyPt === 0) return items;
  for (const item of items) {
    if (item.kind === 'rule') {
      item.x1Pt += dxPt;
      item.x2Pt += dxPt;
      item.y1Pt += dyPt;
      item.y2Pt += dyPt;
    } else {
      item.xPt += dxPt;
      item.yPt += dyPt;
    }
  }
  return items;
}

/** Stacks slices into one (a keep-together group), spacing kept. */
export function mergeSlices(slices: Slice[]): Slice | undefined {
  if (slices.length === 0) return undefined;
  const items: DrawItem[] = [];
  let y = 0;
  slices.forEach((slice, index) => {
    if (index > 0) y += slice.spaceBeforePt;
    items.push(...shiftItems(slice.items, 0, y));
    y += slice.heightPt;
  });
  const first = slices[0]!;
  return {
    heightPt: y,
    spaceBeforePt: first.spaceBeforePt,
    items,
    keepWithNext: slices[slices.length - 1]!.keepWithNext,
    langs: [...new Set(slices.flatMap((slice) => slice.langs))],
  };
}

function withBaseStyle(inlines: Inline[], style: TextStyle): Inline[] {
  return style.baseStyle === 'regular' ? inlines : inlines.map((inline) => ({ ...inline, style: style.baseStyle }));
}

/** One slice per line, so long paragraphs can flow across pages. */
export function layoutText(
  inlines: Inline[],
  block: Pick<ParagraphBlock, 'dir' | 'lang' | 'classes'>,
  style: TextStyle,
  widthPt: number,
  context: BlockLayoutContext,
): Slice[] {
  inlines = withPageNumbers(inlines, context.pageNumbers);
  const text = inlines.map((inline) => inline.text).join('');
  const isRtl = resolveDirection(text, block.dir) === 'rtl';
  const atoms = itemize(withBaseStyle(inlines, style), isRtl ? 'rtl' : 'ltr', { fontSet: context.fontSet, cache: context.cache, sizePt: style.sizePt });
  const lines = breakLines(atoms, widthPt);
  const isWriteIn = block.classes.includes('fill');
  return lines.map((atomsOfLine, index) => {
    const line = placeLine(atomsOfLine, style.sizePt, widthPt, isRtl, style.align);
    const isLast = index === lines.length - 1;
    // The line written on is taller, its label and rule at the bottom: the room for handwriting is above the rule.
    const lineHeightPt = isLast && isWriteIn ? Math.max(style.lineHeightPt, context.styles.writeInLinePt) : style.lineHeightPt;
    const baselinePt = lineHeightPt - style.sizePt * 0.3;
    const items: DrawItem[] = line.items.map((item) => ({ ...item, yPt: baselinePt, ...(style.isFine ? { isFine: true } : {}) }));
    if (isLast && isWriteIn) {
      // A line to write on: from the end of the label to the right edge, just under the baseline.
      const startPt = isRtl ? 0 : line.widthPt + style.sizePt * 0.4;
      const endPt = isRtl ? widthPt - line.widthPt - style.sizePt * 0.4 : widthPt;
      items.push({ kind: 'rule', x1Pt: startPt, x2Pt: endPt, y1Pt: baselinePt + 2, y2Pt: baselinePt + 2, widthPt: 0.6 });
    }
    return {
      heightPt: lineHeightPt + (isLast ? style.spaceAfterPt : 0),
      spaceBeforePt: index === 0 ? style.spaceBeforePt : 0,
      items,
      keepWithNext: false,
      langs: [block.lang],
    };
  });
}

function layoutList(block: ListBlock, widthPt: number, context: BlockLayoutContext): Slice[] {
  const { styles } = context;
  const indent = styles.indentPt;
  const body = styles.styleFor({ ...block, type: 'paragraph', inlines: [], classes: [] });
  const isChecklist = block.classes.includes('checklist');
  // A right-to-left list is mirrored: its text keeps the left of the width and the marker hangs at the right,
  // where an Arabic reader starts the line.
  const isRtl = block.dir === 'rtl';
  const textShiftPt = isRtl ? 0 : indent;
  const markerShiftPt = isRtl ? widthPt - indent : 0;
  const slices: Slice[] = [];
  block.items.forEach((itemBlocks, itemIndex) => {
    const itemSlices = itemBlocks.flatMap((child) => layoutBlock(child, widthPt - indent, context)).map((slice) => ({
      ...slice,
      items: shiftItems(slice.items, textShiftPt, 0),
    }));
    const first = itemSlices[0];
    if (!first) return;
    const markerSize = body.sizePt;
    const baseline = body.lineHeightPt - body.sizePt * 0.3;
    if (isChecklist) {
      // An empty square to tick: drawn, not a glyph, so it prints the same in every language.
      const side = markerSize * 0.8;
      first.items.push({ kind: 'box', xPt: isRtl ? widthPt - side : 0, yPt: baseline - side + 1, widthPt: side, heightPt: side, lineWidthPt: 0.8 });
    } else {
      const marker = block.isOrdered ? `${itemIndex + 1}.` : bulletMarker;
      // Laid out in the list's direction, the marker sits at the start edge of the indent it hangs in.
      const markerSlices = layoutText([{ text: marker, style: 'regular' }], { dir: isRtl ? 'rtl' : 'ltr', lang: block.lang, classes: [] }, body, indent, context);
      const markerItems = (markerSlices[0]?.items ?? []).map((item) => (item.kind === 'text' ? { ...item, yPt: baseline } : item));
      first.items.push(...shiftItems(markerItems, markerShiftPt, 0));
    }
    // A list item never splits across pages: the person reads a right, a step or a box to tick whole.
    const whole = mergeSlices(itemSlices);
    if (whole) slices.push(whole);
  });
  return slices;
}

/** Column shares for the tables the templates use: network/name, phone, area. */
function columnShares(count: number): number[] {
  return count === 3 ? [0.42, 0.26, 0.32] : Array.from({ length: count }, () => 1 / count);
}

function layoutTable(block: TableBlock, widthPt: number, context: BlockLayoutContext): Slice[] {
  const style = context.styles.styleFor(block);
  const paddingPt = 3;
  const columnCount = Math.max(...block.rows.map((row) => row.cells.length));
  const shares = columnShares(columnCount);
  const rows: Slice[] = block.rows.map((row, rowIndex) => {
    const items: DrawItem[] = [];
    let x = 0;
    let rowHeight = 0;
    row.cells.forEach((cell, cellIndex) => {
      const cellWidth = widthPt * shares[cellIndex]!;
      const inlines = row.isHeader ? cell.map((inline) => ({ ...inline, style: 'bold' as const })) : cell;
      const cellSlice = mergeSlices(layoutText(inlines, block, { ...style, spaceAfterPt: 0 }, cellWidth - 2 * paddingPt, context));
      if (cellSlice) {
        items.push(...shiftItems(cellSlice.items, x + paddingPt, paddingPt));
        rowHeight = Math.max(rowHeight, cellSlice.heightPt);
      }
      x += cellWidth;
    });
    const height = rowHeight + 2 * paddingPt;
    items.push({ kind: 'rule', x1Pt: 0, x2Pt: widthPt, y1Pt: height, y2Pt: height, widthPt: row.isHeader ? 1 : 0.4 });
    return { heightPt: height, spaceBeforePt: rowIndex === 0 ? style.sizePt * 0.5 : 0, items, keepWithNext: row.isHeader, langs: [block.lang] };
  });
  // Kept apart from the header slice, whose items the paginator moves in place: a pristine copy to repeat.
  const header = block.rows[0]?.isHeader ? rows[0] : undefined;
  if (header) {
    const pristine = { heightPt: header.heightPt, items: header.items.map((item) => ({ ...item })) };
    for (const row of rows.slice(1)) row.tableHeader = pristine;
  }
  return rows;
}

const keepTogetherClasses = ['entry', 'notice', 'card'];

function layoutGroup(block: GroupBlock, widthPt: number, context: BlockLayoutContext): Slice[] {
  const isNotice = block.classes.includes('notice');
  const paddingPt = isNotice ? 6 : 0;
  const children = block.children.flatMap((child) => layoutBlock(child, widthPt - 2 * paddingPt, context));
  let slices = children;
  if (keepTogetherClasses.some((name) => block.classes.includes(name))) {
    const merged = mergeSlices(children);
    if (merged) {
      if (isNotice) {
        merged.items = shiftItems(merged.items, paddingPt, paddingPt);
        merged.heightPt += 2 * paddingPt;
        merged.items.push({ kind: 'box', xPt: 0, yPt: 0, widthPt, heightPt: merged.heightPt, lineWidthPt: 1.2 });
        merged.spaceBeforePt = Math.max(merged.spaceBeforePt, 6);
        merged.heightPt += 6;
      }
      slices = [merged];
    }
  }
  const first = slices[0];
  if (first && block.tag === 'section') {
    if (block.classes.includes('page')) first.startsPage = true;
    if (block.sectionId) first.sectionId = block.sectionId;
  }
  if (block.classes.includes('staff')) {
    for (const slice of slices) slice.isStaffOnly = true;
    if (first) first.startsPage = true;
  }
  return slices;
}

/** Lines a page break may not separate: two at least at each end of a paragraph. */
const orphanLines = 2;

/**
 * A paragraph that carries a citation stays whole (the sentence and its source on one page); any other
 * keeps two lines together at its start and at its end, so no page starts or ends on a lone line.
 */
function keepLinesTogether(lines: Slice[], isWhole: boolean): Slice[] {
  if (isWhole || lines.length <= 2 * orphanLines) {
    const whole = mergeSlices(lines);
    return whole ? [whole] : [];
  }
  const head = mergeSlices(lines.slice(0, orphanLines))!;
  const tail = mergeSlices(lines.slice(-orphanLines))!;
  return [head, ...lines.slice(orphanLines, -orphanLines), tail];
}

export function layoutBlock(block: Block, widthPt: number, context: BlockLayoutContext): Slice[] {
  // A style sheet is fixed by its body size (styles.ts): width and body size are all a block's layout depends on.
  const memo = context.sharedBlocks?.get(block);
  // Page numbers, when given, are part of what a block's layout depends on (its page references).
  const numbers = context.pageNumbers ? `:${[...context.pageNumbers].join(',')}` : '';
  return memoized(memo, `slices:${widthPt}:${context.styles.bodyPt}${numbers}`, () => layoutBlockAnew(block, widthPt, context));
}

function layoutBlockAnew(block: Block, widthPt: number, context: BlockLayoutContext): Slice[] {
  switch (block.type) {
    case 'heading': {
      const slices = layoutText(block.inlines, block, context.styles.styleFor(block), widthPt, context);
      // A heading never ends a page: it travels with the first line after it.
      const merged = mergeSlices(slices);
      return merged ? [{ ...merged, keepWithNext: true, isHeading: true }] : [];
    }
    case 'paragraph':
      return keepLinesTogether(layoutText(block.inlines, block, context.styles.styleFor(block), widthPt, context), block.inlines.some((inline) => inline.style === 'italic'));
    case 'list':
      return layoutList(block, widthPt, context);
    case 'table':
      return layoutTable(block, widthPt, context);
    case 'group':
      return layoutGroup(block, widthPt, context);
  }
}
