/** Flows slices onto pages: keeps headings with what follows, starts sections marked "page" on a new page. */
import { PacketError } from '../errors.js';
import type { DrawItem, PageLayout, Paper } from './page-layout.js';
import type { Slice } from './block-layout.js';
import type { StyleSheet } from './styles.js';

/** Turns slice-relative items (y downwards from the slice top) into page coordinates (PDF: y upwards), in place. */
export function placeOnPage(items: DrawItem[], leftPt: number, topFromPageTopPt: number, pageHeightPt: number): DrawItem[] {
  const flip = (y: number) => pageHeightPt - topFromPageTopPt - y;
  for (const item of items) {
    if (item.kind === 'rule') {
      item.x1Pt += leftPt;
      item.x2Pt += leftPt;
      item.y1Pt = flip(item.y1Pt);
      item.y2Pt = flip(item.y2Pt);
    } else if (item.kind === 'box') {
      item.xPt += leftPt;
      item.yPt = flip(item.yPt + item.heightPt);
    } else {
      item.xPt += leftPt;
      item.yPt = flip(item.yPt);
    }
  }
  return items;
}

export function newPage(paper: Paper, isStaffOnly = false, isShared = false): PageLayout {
  return { widthPt: paper.widthPt, heightPt: paper.heightPt, items: [], langs: new Set(), isStaffOnly, isShared };
}

/** Top margins by kind of page: they grow to hold the banners that kind of page carries. */
export interface TopMargins {
  person: number;
  staff: number;
}

/** A page under this share of its body filled is pulled back if tightening the spacing can (DESIGN: print first). */
export const minimumFill = 0.25;

/** How far the spacing between blocks may be tightened to pull a near-empty last page back. */
const tightenedSpacing = [0.6, 0.3];

/** A part ends at a forced break: a section that starts a page, or the change to or from staff pages. */
function splitParts(slices: Slice[]): Slice[][] {
  const parts: Slice[][] = [];
  slices.forEach((slice, index) => {
    const previous = slices[index - 1];
    const isForced = !previous || slice.startsPage === true || (slice.isStaffOnly === true) !== (previous.isStaffOnly === true);
    if (isForced) parts.push([]);
    parts[parts.length - 1]!.push(slice);
  });
  return parts;
}

/** Fresh items for a trial layout: placing moves items in place. */
const copySlice = (slice: Slice, spacing: number): Slice => ({ ...slice, spaceBeforePt: slice.spaceBeforePt * spacing, items: slice.items.map((item) => ({ ...item })) });

export function paginate(slices: Slice[], paper: Paper, styles: StyleSheet, topMargins?: TopMargins): PageLayout[] {
  const pages: PageLayout[] = [];
  for (const part of splitParts(slices)) {
    let best = paginatePart(part.map((slice) => copySlice(slice, 1)), paper, styles, topMargins);
    // A near-empty last page: tighten the spacing of the part until it fits one page fewer, or give up.
    for (const spacing of tightenedSpacing) {
      const last = best[best.length - 1]!.fill!;
      if (best.length < 2 || last.usedPt >= minimumFill * last.availablePt) break;
      const tighter = paginatePart(part.map((slice) => copySlice(slice, spacing)), paper, styles, topMargins);
      if (tighter.length < best.length) best = tighter;
    }
    pages.push(...best);
  }
  return pages;
}

function paginatePart(slices: Slice[], paper: Paper, styles: StyleSheet, topMargins?: TopMargins): PageLayout[] {
  const { side, bottom } = styles.marginPt;
  let top = styles.marginPt.top;
  let contentHeight = paper.heightPt - top - bottom;
  const pages: PageLayout[] = [];
  let page: PageLayout | undefined;
  let cursor = 0;
  let lastSlice: Slice | undefined;

  const finishPage = () => {
    if (page) page.fill = { usedPt: cursor, availablePt: contentHeight, endsPart: false, endsWithHeading: lastSlice?.isHeading === true };
  };
  const startPage = (isStaffOnly: boolean) => {
    finishPage();
    // Shared until a slice that is not shared lands on it.
    page = newPage(paper, isStaffOnly, true);
    pages.push(page);
    cursor = 0;
    top = topMargins ? (isStaffOnly ? topMargins.staff : topMargins.person) : styles.marginPt.top;
    contentHeight = paper.heightPt - top - bottom;
  };
  const place = (items: DrawItem[], spaceBefore: number, heightPt: number) => {
    page!.items.push(...placeOnPage(items, side, top + cursor + spaceBefore, paper.heightPt));
    cursor += spaceBefore + heightPt;
  };

  slices.forEach((slice, index) => {
    if (!page) startPage(slice.isStaffOnly === true);
    // Room for this slice and, for a heading, for what must travel with it.
    let needed = (cursor === 0 ? 0 : slice.spaceBeforePt) + slice.heightPt;
    for (let next = index; slices[next]?.keepWithNext && slices[next + 1]; next++) {
      needed += slices[next + 1]!.spaceBeforePt + slices[next + 1]!.heightPt;
    }
    if (cursor > 0 && cursor + needed > contentHeight) startPage(slice.isStaffOnly === true);
    // A table that continues on a new page repeats its header row first.
    if (cursor === 0 && slice.tableHeader) {
      place(slice.tableHeader!.items.map((item) => ({ ...item })), 0, slice.tableHeader!.heightPt);
    }
    if (slice.heightPt > contentHeight - cursor + 0.01) {
      throw new PacketError('PKT_ERR_LAYOUT_OVERFLOW', { detail: `a block of ${Math.round(slice.heightPt)} pt on a page of ${Math.round(contentHeight)} pt` });
    }
    place(slice.items, cursor === 0 ? 0 : slice.spaceBeforePt, slice.heightPt);
    if (slice.sectionId) (page!.sectionsStarting ??= []).push(slice.sectionId);
    for (const lang of slice.langs) page!.langs.add(lang);
    if (slice.isShared !== true) page!.isShared = false;
    lastSlice = slice;
  });
  finishPage();
  if (page) page.fill!.endsPart = true;
  return pages;
}
