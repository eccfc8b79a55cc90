/**
 * A list's marker (bullet, number or box to tick) hangs at the edge where its lines start: the left in English,
 * the right in Arabic. Seen in an Arabic packet: every bullet and box printed at the far left of a right-aligned
 * list, on the pages and on the wallet card, away from the line it belongs to.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { layoutBlock } from '../../src/layout/block-layout.js';
import type { DrawItem, TextItem } from '../../src/layout/page-layout.js';
import { ShapeCache } from '../../src/layout/shape.js';
import { createStyleSheet } from '../../src/layout/styles.js';
import type { ListBlock } from '../../src/render/document-tree.js';

const engine = getEngine();
const context = { fontSet: engine.fontSet, cache: new ShapeCache(engine.frozenShapes), styles: createStyleSheet(false) };
const widthPt = 300;

function list(dir: 'ltr' | 'rtl', lang: string, texts: string[], options: { isOrdered?: boolean; classes?: readonly string[] } = {}): ListBlock {
  return {
    type: 'list',
    lang,
    dir,
    classes: [...(options.classes ?? [])],
    isOrdered: options.isOrdered ?? false,
    items: texts.map((text) => [{ type: 'paragraph', lang, dir, classes: [], inlines: [{ text, style: 'regular' }] }]),
  };
}

const widthOf = (item: TextItem) => item.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) * (item.sizePt / item.face.unitsPerEm);
// A list item holds text and, for a box to tick, the box; nothing else is drawn in these lists.
const left = (item: DrawItem) => (item.kind === 'text' || item.kind === 'box' ? item.xPt : Number.NaN);
const right = (item: DrawItem) => (item.kind === 'text' ? item.xPt + widthOf(item) : item.kind === 'box' ? item.xPt + item.widthPt : Number.NaN);

/** Each item's marker (the first text of a list item is its paragraph; the marker is pushed last) and its text. */
function markersAndTexts(block: ListBlock): { marker: DrawItem; text: DrawItem[] }[] {
  return layoutBlock(block, widthPt, context).map((slice) => ({ marker: slice.items.at(-1)!, text: slice.items.slice(0, -1) }));
}

describe('list markers', () => {
  const arabic = ['ابق هادئًا. لا تهرب.', 'لا تكذب. لا تُظهر أوراقًا مزورة.'];
  const english = ['Stay calm. Do not run.', 'Do not lie. Do not show false papers.'];

  for (const [name, options] of [['bullets', {}], ['numbers', { isOrdered: true }], ['boxes to tick', { classes: ['checklist'] }]] as const) {
    it(`hang right of the text in a right-to-left list, inside its width (${name})`, () => {
      for (const { marker, text } of markersAndTexts(list('rtl', 'ar', arabic, options))) {
        expect(left(marker)).toBeGreaterThanOrEqual(Math.max(...text.map(right)));
        expect(right(marker)).toBeLessThanOrEqual(widthPt + 0.01);
        expect(right(marker)).toBeGreaterThan(widthPt - context.styles.indentPt);
      }
    });

    it(`hang left of the text in a left-to-right list, at its start (${name})`, () => {
      for (const { marker, text } of markersAndTexts(list('ltr', 'en', english, options))) {
        expect(right(marker)).toBeLessThanOrEqual(Math.min(...text.map(left)));
        expect(left(marker)).toBeCloseTo(0, 5);
      }
    });
  }
});
