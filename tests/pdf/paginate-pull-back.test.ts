/**
 * The pull-back of a near-empty last page (issue 8): when the last page of a part would be under a quarter
 * full, the paginator tightens the spacing between the part's blocks until it fits one page fewer; when
 * even the tightest spacing cannot, the part keeps its pages (the last page of a part is allowed short).
 */
import { describe, expect, it } from 'vitest';
import { paginate, minimumFill } from '../../src/layout/paginate.js';
import { papers } from '../../src/layout/page-layout.js';
import { createStyleSheet } from '../../src/layout/styles.js';
import type { Slice } from '../../src/layout/block-layout.js';

const styles = createStyleSheet(false);
const contentPt = papers.letter.heightPt - styles.marginPt.top - styles.marginPt.bottom;

/** `count` blocks of `heightPt`, `spacePt` apart: what the paginator sees of paragraphs and entries. */
const blocks = (count: number, heightPt: number, spacePt: number): Slice[] =>
  Array.from({ length: count }, () => ({ heightPt, spaceBeforePt: spacePt, items: [], keepWithNext: false, langs: ['en'] }));

describe('the near-empty last page', () => {
  it('is pulled back onto the page before by tightening the spacing', () => {
    // At full spacing the last block runs over onto a page of its own, a few percent full.
    const part = blocks(20, 30, 5);
    expect(20 * 30 + 19 * 5).toBeGreaterThan(contentPt);
    expect(20 * 30 + 19 * 5 * 0.6).toBeLessThanOrEqual(contentPt);
    const pages = paginate(part, papers.letter, styles);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.fill!.endsPart).toBe(true);
  });

  it('stays when no spacing can pull it back, as the allowed short last page of its part', () => {
    const part = blocks(23, 30, 5);
    const pages = paginate(part, papers.letter, styles);
    expect(pages).toHaveLength(2);
    const last = pages[1]!.fill!;
    expect(last.endsPart).toBe(true);
    expect(last.usedPt).toBeLessThan(minimumFill * last.availablePt);
  });

  it('is not pulled back when it is a quarter full or more: spacing is kept as designed', () => {
    // 16 blocks on the first page, 7 on the second: well over a quarter.
    const pages = paginate(blocks(25, 36, 6), papers.letter, styles);
    expect(pages).toHaveLength(2);
    const spacing = (page: (typeof pages)[number]) => page.fill!.usedPt;
    expect(spacing(pages[1]!)).toBeGreaterThanOrEqual(minimumFill * pages[1]!.fill!.availablePt);
  });
});
