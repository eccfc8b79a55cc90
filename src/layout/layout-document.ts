/** Layout stage entry: the rendered document → positioned pages (flowing sections, then the card sheet, then staff pages). */
import type { Block, GroupBlock, RenderedDocument } from '../render/document-tree.js';
import { PacketError } from '../errors.js';
import { papers, type PageLayout } from './page-layout.js';
import { memoized } from './layout-memo.js';
import type { FontSet } from './fonts.js';
import type { ShapeCache } from './shape.js';
import { createStyleSheet } from './styles.js';
import { layoutBlock, type BlockLayoutContext, type Slice } from './block-layout.js';
import { paginate, newPage } from './paginate.js';
import { layoutCardSheets } from './wallet-card.js';
import { addFurniture } from './furniture.js';

export interface LayoutOptions {
  paper: 'letter' | 'a4';
  isLargePrint: boolean;
  cardCount: number;
}

export interface LayoutDeps {
  fontSet: FontSet;
  cache: ShapeCache;
}

function findCard(section: GroupBlock, className: string): GroupBlock {
  const card = section.children.find((child): child is GroupBlock => child.type === 'group' && child.classes.includes(className));
  if (!card) throw new PacketError('PKT_ERR_RENDER_TEMPLATE', { detail: `rights-card has no .${className}` });
  return card;
}

export function layoutDocument(document: RenderedDocument, options: LayoutOptions, deps: LayoutDeps): PageLayout[] {
  const paper = papers[options.paper];
  const styles = createStyleSheet(options.isLargePrint);
  const context: BlockLayoutContext = { fontSet: deps.fontSet, cache: deps.cache, styles, sharedBlocks: document.sharedBlocks };
  const contentWidth = paper.widthPt - 2 * styles.marginPt.side;
  const pages: PageLayout[] = [];
  let pending: Slice[] = [];
  const flush = () => {
    if (pending.length) pages.push(...paginate(pending, paper, styles));
    pending = [];
  };

  for (const block of document.blocks) {
    if (isSection(block, 'rights-card')) {
      flush();
      // The card front must be a right-hand (odd) page so its back is on the other side of the same sheet.
      if (pages.length % 2 === 1) {
        // Shared: it carries only the catalog's note.
        const blank = newPage(paper, false, true);
        pages.push(blank);
        const note = paginate(layoutBlock({ type: 'paragraph', lang: document.lang, dir: 'auto', classes: ['small'], inlines: [{ text: document.furniture.blankPage, style: 'regular' }] }, contentWidth, context), paper, styles)[0];
        if (note) blank.items.push(...note.items);
      }
      const { cardsFrontTitle, cardsBackTitle } = document.furniture;
      const sheetsKey = `cards:${options.paper}:${options.isLargePrint}:${options.cardCount}:${cardsFrontTitle}:${cardsBackTitle}`;
      const sheets = memoized(document.sharedBlocks.get(block), sheetsKey, () => {
        const laidOut = layoutCardSheets({
          front: findCard(block, 'card-front'),
          back: findCard(block, 'card-back'),
          count: options.cardCount,
          paper,
          topPt: styles.marginPt.top + 22,
          context,
        });
        laidOut.forEach((sheet, index) => {
          const title = index % 2 === 0 ? cardsFrontTitle : cardsBackTitle;
          const heading = paginate(layoutBlock({ type: 'paragraph', lang: document.lang, dir: 'auto', classes: ['small'], inlines: [{ text: title, style: 'bold' }] }, contentWidth, context), paper, styles)[0];
          if (heading) sheet.items.push(...heading.items);
        });
        return laidOut;
      });
      pages.push(...sheets.map((sheet) => ({ ...sheet, langs: new Set(sheet.langs) })));
      continue;
    }
    pending.push(...layoutBlock(block, contentWidth, context));
  }
  flush();
  addFurniture(pages, document.furniture, document.lang, context);
  return pages;
}

function isSection(block: Block, id: string): block is GroupBlock {
  return block.type === 'group' && block.sectionId === id;
}
