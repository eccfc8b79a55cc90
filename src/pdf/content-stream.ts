/** Writes one page's drawing operators as a single string (PDF 32000-1 §9.4 text, §8.5 paths). */
import type { PageLayout, TextItem } from '../layout/page-layout.js';
import type { RunOperators } from './page-stream-cache.js';

/** How one face's glyphs are written: hex tables (see FontProgram.hexByGlyph) and the font resource of each. */
export interface FaceEncoding {
  /** The program prepared at startup: resource `F<face>`. */
  preparedHex: readonly string[];
  preparedResource: string;
  /** Glyphs only this packet needs (a name's): resource `X<face>`. */
  extraHex: readonly string[];
  extraResource: string;
}

/** By face index. */
export type GlyphEncoding = ReadonlyArray<FaceEncoding | undefined>;

function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Appends the item's lines (each ending in '\n') to `out`; one glyph costs two table reads and a few concatenations. */
function writeText(item: TextItem, encoding: FaceEncoding, out: string): string {
  const { face, sizePt } = item;
  const toTextSpace = 1000 / face.unitsPerEm;
  let resource = '';
  let parts = '';
  let x = item.xPt;
  let segmentX = x;
  let rise = 0;
  for (const glyph of item.glyphs) {
    let hex = encoding.preparedHex[glyph.id];
    let glyphResource = encoding.preparedResource;
    if (!hex) {
      hex = encoding.extraHex[glyph.id]!;
      glyphResource = encoding.extraResource;
    }
    const glyphRise = (glyph.yOffset * sizePt) / face.unitsPerEm;
    if (glyphResource !== resource || glyphRise !== rise) {
      if (parts) out += `1 0 0 1 ${num(segmentX)} ${num(item.yPt + rise)} Tm [${parts}] TJ\n`;
      parts = '';
      if (glyphResource !== resource) out += `/${glyphResource} ${num(sizePt)} Tf\n`;
      resource = glyphResource;
      rise = glyphRise;
      segmentX = x;
    }
    const xOffsetText = glyph.xOffset * toTextSpace;
    // TJ numbers move the pen left in thousandths of an em: kerning and mark offsets become adjustments.
    if (xOffsetText !== 0) parts += Math.round(-xOffsetText);
    parts += `<${hex}>`;
    const adjustment = Math.round(glyph.defaultAdvance * toTextSpace) - glyph.advance * toTextSpace + xOffsetText;
    if (Math.abs(adjustment) >= 0.5) parts += Math.round(adjustment);
    x += (glyph.advance * sizePt) / face.unitsPerEm;
  }
  if (parts) out += `1 0 0 1 ${num(segmentX)} ${num(item.yPt + rise)} Tm [${parts}] TJ\n`;
  return out;
}

/** One Tf with a prepared font (F), one positioned TJ: a run whose operators do not depend on this packet. */
const singlePreparedRun = /^(\/F\d+ [^\n]+ Tf\n)1 0 0 1 \S+ \S+ Tm \[([^\n]*)\] TJ\n$/;

/** A text item of a shared page: its operators are written once per glyph run, then only moved. */
function writeSharedText(item: TextItem, encoding: FaceEncoding, out: string, runs: WeakMap<object, RunOperators>): string {
  const known = runs.get(item.glyphs);
  if (known) return `${out}${known.fontLine}1 0 0 1 ${num(item.xPt)} ${num(item.yPt + known.risePt)} Tm [${known.tj}] TJ\n`;
  const written = writeText(item, encoding, '');
  const match = singlePreparedRun.exec(written);
  if (match) {
    const first = item.glyphs[0];
    const risePt = first ? (first.yOffset * item.sizePt) / item.face.unitsPerEm : 0;
    runs.set(item.glyphs, { fontLine: match[1]!, risePt, tj: match[2]! });
  }
  return out + written;
}

function dash(dashPt: number | undefined): string {
  return dashPt ? `[${num(dashPt)} ${num(dashPt)}] 0 d` : '[] 0 d';
}

/** Official card pages embedded in this document, by `path#pageIndex`: the XObject name and the page's own size. */
export type EmbeddedPages = ReadonlyMap<string, { name: string; widthPt: number; heightPt: number }>;

export function embeddedPageKey(path: string, pageIndex: number): string {
  return `${path}#${pageIndex}`;
}

/** `runs`: where shared pages keep their text runs' operators (PageStreamCache.runs); only read for shared pages. */
export function writePageContent(page: PageLayout, encoding: GlyphEncoding, runs?: WeakMap<object, RunOperators>, embedded?: EmbeddedPages): string {
  const sharedRuns = page.isShared ? runs : undefined;
  let out = '0 g 0 G\n';
  let hasText = false;
  for (const item of page.items) {
    if (item.kind !== 'text') continue;
    if (!hasText) out += 'BT\n';
    hasText = true;
    out = sharedRuns ? writeSharedText(item, encoding[item.face.index]!, out, sharedRuns) : writeText(item, encoding[item.face.index]!, out);
  }
  if (hasText) out += 'ET\n';
  for (const item of page.items) {
    if (item.kind === 'rule') {
      out += `${num(item.widthPt)} w ${dash(item.dashPt)} ${num(item.x1Pt)} ${num(item.y1Pt)} m ${num(item.x2Pt)} ${num(item.y2Pt)} l S\n`;
    } else if (item.kind === 'embedded-page') {
      const source = embedded?.get(embeddedPageKey(item.path, item.pageIndex));
      if (!source) continue;
      // Scaled to fit the box, proportions kept, centred: an official card is never stretched.
      const scale = Math.min(item.widthPt / source.widthPt, item.heightPt / source.heightPt);
      const x = item.xPt + (item.widthPt - source.widthPt * scale) / 2;
      const y = item.yPt + (item.heightPt - source.heightPt * scale) / 2;
      out += `q ${num(scale)} 0 0 ${num(scale)} ${num(x)} ${num(y)} cm /${source.name} Do Q\n`;
    } else if (item.kind === 'box') {
      out += `${num(item.lineWidthPt)} w ${dash(item.dashPt)} ${num(item.xPt)} ${num(item.yPt)} ${num(item.widthPt)} ${num(item.heightPt)} re S\n`;
    }
  }
  // Lines were joined by '\n' with none after the last: keep the bytes the same.
  return out.slice(0, -1);
}
