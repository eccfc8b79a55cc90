/** What every page carries besides its content: footer with page numbers, draft mark, staff-only banner. */
import type { PageFurniture } from '../render/document-tree.js';
import type { PageLayout } from './page-layout.js';
import type { BlockLayoutContext } from './block-layout.js';
import { layoutText } from './block-layout.js';
import { placeOnPage } from './paginate.js';

const footerSizePt = 8.5;

function lineAt(page: PageLayout, text: string, lang: string, topFromPageTopPt: number, context: BlockLayoutContext, isBold = false): void {
  const { side } = context.styles.marginPt;
  const width = page.widthPt - 2 * side;
  const style = { sizePt: isBold ? 10 : footerSizePt, lineHeightPt: 12, spaceBeforePt: 0, spaceAfterPt: 0, baseStyle: isBold ? ('bold' as const) : ('regular' as const), align: 'center' as const };
  for (const slice of layoutText([{ text, style: 'regular' }], { dir: 'auto', lang, classes: [] }, style, width, context)) {
    page.items.push(...placeOnPage(slice.items, side, topFromPageTopPt, page.heightPt));
  }
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
    banners.forEach((banner, bannerIndex) => lineAt(page, banner, lang, top - 36 + bannerIndex * 12, context, true));
  });
}
