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

export function paginate(slices: Slice[], paper: Paper, styles: StyleSheet, topMargins?: TopMargins): PageLayout[] {
  const { side, bottom } = styles.marginPt;
  let top = styles.marginPt.top;
  let contentHeight = paper.heightPt - top - bottom;
  const pages: PageLayout[] = [];
  let page: PageLayout | undefined;
  let cursor = 0;

  const startPage = (isStaffOnly: boolean) => {
    // Shared until a slice that is not shared lands on it.
    page = newPage(paper, isStaffOnly, true);
    pages.push(page);
    cursor = 0;
    top = topMargins ? (isStaffOnly ? topMargins.staff : topMargins.person) : styles.marginPt.top;
    contentHeight = paper.heightPt - top - bottom;
  };

  slices.forEach((slice, index) => {
    if (!page || (slice.startsPage && cursor > 0) || (slice.isStaffOnly === true) !== page.isStaffOnly) {
      startPage(slice.isStaffOnly === true);
    }
    // Room for this slice and, for a heading, for the first line of what follows it.
    let needed = (cursor === 0 ? 0 : slice.spaceBeforePt) + slice.heightPt;
    for (let next = index; slices[next]?.keepWithNext && slices[next + 1]; next++) {
      needed += slices[next + 1]!.spaceBeforePt + slices[next + 1]!.heightPt;
    }
    if (cursor > 0 && cursor + needed > contentHeight) startPage(slice.isStaffOnly === true);
    if (slice.heightPt > contentHeight + 0.01) {
      throw new PacketError('PKT_ERR_LAYOUT_OVERFLOW', { detail: `a block of ${Math.round(slice.heightPt)} pt on a page of ${Math.round(contentHeight)} pt` });
    }
    const current = page!;
    const spaceBefore = cursor === 0 ? 0 : slice.spaceBeforePt;
    current.items.push(...placeOnPage(slice.items, side, top + cursor + spaceBefore, paper.heightPt));
    for (const lang of slice.langs) current.langs.add(lang);
    if (slice.isShared !== true) current.isShared = false;
    cursor += spaceBefore + slice.heightPt;
  });
  return pages;
}
