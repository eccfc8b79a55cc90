/** Writes one page's drawing operators as a single string (PDF 32000-1 §9.4 text, §8.5 paths). */
import type { PageLayout, TextItem } from '../layout/page-layout.js';

/** Where each glyph of a face is written: the PDF font resource and its 4-hex code. */
export interface GlyphEncoder {
  encode(faceIndex: number, glyphId: number): { resource: string; hex: string };
}

function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function writeText(item: TextItem, encoder: GlyphEncoder, out: string[]): void {
  const { face, sizePt } = item;
  const toTextSpace = 1000 / face.unitsPerEm;
  let resource = '';
  let parts: string[] = [];
  let x = item.xPt;
  let segmentX = x;
  let rise = 0;
  const flush = () => {
    if (parts.length) out.push(`1 0 0 1 ${num(segmentX)} ${num(item.yPt + rise)} Tm [${parts.join('')}] TJ`);
    parts = [];
  };
  for (const glyph of item.glyphs) {
    const encoded = encoder.encode(face.index, glyph.id);
    const glyphRise = (glyph.yOffset * sizePt) / face.unitsPerEm;
    if (encoded.resource !== resource || glyphRise !== rise) {
      flush();
      if (encoded.resource !== resource) out.push(`/${encoded.resource} ${num(sizePt)} Tf`);
      resource = encoded.resource;
      rise = glyphRise;
      segmentX = x;
    }
    const xOffsetText = glyph.xOffset * toTextSpace;
    // TJ numbers move the pen left in thousandths of an em: kerning and mark offsets become adjustments.
    if (xOffsetText !== 0) parts.push(String(Math.round(-xOffsetText)));
    parts.push(`<${encoded.hex}>`);
    const defaultAdvance = Math.round(glyph.defaultAdvance * toTextSpace);
    const adjustment = defaultAdvance - glyph.advance * toTextSpace + xOffsetText;
    if (Math.abs(adjustment) >= 0.5) parts.push(String(Math.round(adjustment)));
    x += (glyph.advance * sizePt) / face.unitsPerEm;
  }
  flush();
}

export function writePageContent(page: PageLayout, encoder: GlyphEncoder): string {
  const out: string[] = ['0 g 0 G'];
  const texts = page.items.filter((item): item is TextItem => item.kind === 'text');
  if (texts.length) {
    out.push('BT');
    for (const item of texts) writeText(item, encoder, out);
    out.push('ET');
  }
  for (const item of page.items) {
    if (item.kind === 'rule') {
      out.push(`${num(item.widthPt)} w ${item.dashPt ? `[${num(item.dashPt)} ${num(item.dashPt)}] 0 d` : '[] 0 d'} ${num(item.x1Pt)} ${num(item.y1Pt)} m ${num(item.x2Pt)} ${num(item.y2Pt)} l S`);
    } else if (item.kind === 'box') {
      out.push(`${num(item.lineWidthPt)} w ${item.dashPt ? `[${num(item.dashPt)} ${num(item.dashPt)}] 0 d` : '[] 0 d'} ${num(item.xPt)} ${num(item.yPt)} ${num(item.widthPt)} ${num(item.heightPt)} re S`);
    }
  }
  return out.join('\n');
}
