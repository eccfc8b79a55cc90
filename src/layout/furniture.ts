/** What every page carries besides its content: footer with page numbers, draft mark, staff-only banner. */
import type { PageFurniture } from '../render/document-tree.js';
import type { PageLayout } from './page-layout.js';
import type { BlockLayoutContext } from './block-layout.js';
import { layoutText } from './block-layout.js';
import { placeOnPage } from './paginate.js';

const footerSizePt = 8.5;

/** Draws centred text from `topFromPageTopPt` down, wrapping if it must; returns the height it took. */
function lineAt(page: PageLayout, text: string, lang: string, topFromPageTopPt: number, context: BlockLayoutContext, isBold = false): number {
  const { side } = context.styles.marginPt;
  const width = page.widthPt - 2 * side;
  const style = { sizePt: isBold ? 10 : footerSizePt, lineHeightPt: 12, spaceBeforePt: 0, spaceAfterPt: 0, baseStyle: isBold ? ('bold' as const) : ('regular' as const), align: 'center' as const };
  let heightPt = 0;
  for (const slice of layoutText([{ text, style: 'regular' }], { dir: 'auto', lang, classes: [] }, style, width, context)) {
    page.items.push(...placeOnPage(slice.items, side, topFromPageTopPt + heightPt, page.heightPt));
    heightPt += slice.heightPt;
  }
  return heightPt;
}

export function addFurniture(pages: PageLayout[], furniture: PageFurniture, lang: string, context: BlockLayoutContext): void {
  const { top, bottom } = context.styles.marginPt;
  pages.forEach((page, index) => {
    const footer = furniture.footer.replace('{{page}}', String(index + 1)).replace('{{pages}}', String(pages.length));
    lineAt(page, footer, lang, page.heightPt - bottom + 22, context);
    const banners: string[] = [];
    if (page.isStaffOnly) banners.push(furniture.staffOnly);
    for (const pageLang of page.langs) {
      const mark = furniture.draftMarks[pageLang];
      if (mark && !banners.includes(mark)) banners.push(mark);
    }
    // Banners stack down from the top edge; a bilingual staff banner may take two lines on narrow paper.
    let bannerTopPt = top - 36;
    for (const banner of banners) bannerTopPt += lineAt(page, banner, lang, bannerTopPt, context, true);
  });
}
