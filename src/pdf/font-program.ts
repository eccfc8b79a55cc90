/**
 * A subset font program ready for a PDF: the TrueType bytes (deflated), glyph widths, ToUnicode CMap and
 * the id map from original to subset glyphs. Built once at startup for the text every packet shares, and
 * per packet only for the few glyphs a name or place brings beyond that.
 */
import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FontFace } from '../layout/fonts.js';

export interface FontProgram {
  face: FontFace;
  /** "ABCDEF+NotoSans-Regular": the subset tag PDF expects, derived from the glyph set so output repeats. */
  baseFontName: string;
  /**
   * Indexed by original glyph id: the 4 hex digits of the subset glyph id as written in content streams
   * (Identity-H), '' for a glyph not in this program. A dense array: one index per glyph while writing.
   */
  hexByGlyph: readonly string[];
  /** The CIDFont /W array, written once: widths in 1/1000 em from subset glyph 0 on. */
  widthsArray: Uint8Array;
  fontFile: { deflated: Uint8Array; length: number };
  toUnicode: Uint8Array;
  descriptor: { bbox: number[]; ascent: number; descent: number; capHeight: number; italicAngle: number };
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

function utf16Hex(codePoints: number[]): string {
  return codePoints
    .map((codePoint) => {
      if (codePoint <= 0xffff) return hex4(codePoint);
      const offset = codePoint - 0x10000;
      return hex4(0xd800 + (offset >> 10)) + hex4(0xdc00 + (offset & 0x3ff));
    })
    .join('');
}

/** ToUnicode CMap (PDF 32000-1 9.10.3): lets viewers copy, search and read aloud the real characters. */
function buildToUnicode(entries: [number, number[]][]): string {
  const chunks: string[] = [];
  for (let start = 0; start < entries.length; start += 100) {
    const chunk = entries.slice(start, start + 100);
    chunks.push(`${chunk.length} beginbfchar\n${chunk.map(([gid, codePoints]) => `<${hex4(gid)}> <${utf16Hex(codePoints)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function subsetTag(face: FontFace, glyphIds: number[]): string {
  const digest = createHash('sha256').update(`${face.postscriptName}:${glyphIds.join(',')}`).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** `glyphs`: original glyph id → the characters it stands for. */
export function buildFontProgram(face: FontFace, glyphs: ReadonlyMap<number, number[]>): FontProgram {
  const { font } = face;
  const glyphIds = [...glyphs.keys()].sort((a, b) => a - b);
  const subset = font.createSubset();
  const hexByGlyph = new Array<string>((glyphIds[glyphIds.length - 1] ?? 0) + 1).fill('');
  const scale = 1000 / face.unitsPerEm;
  const widths: number[] = [Math.round(font.getGlyph(0).advanceWidth * scale)];
  const toUnicode: [number, number[]][] = [];
  for (const id of glyphIds) {
    // fontkit numbers subset glyphs in the order they are included, after .notdef (0).
    const subsetId = subset.includeGlyph(font.getGlyph(id)) as unknown as number;
    hexByGlyph[id] = hex4(subsetId);
    widths[subsetId] = Math.round(font.getGlyph(id).advanceWidth * scale);
    const codePoints = glyphs.get(id)!;
    if (codePoints.length > 0) toUnicode.push([subsetId, codePoints]);
  }
  const bytes = subset.encode();
  const bbox = font.bbox;
  return {
    face,
    baseFontName: `${subsetTag(face, glyphIds)}+${face.postscriptName}`,
    hexByGlyph,
    widthsArray: Buffer.from(`[0 [${Array.from(widths, (width) => width ?? 0).join(' ')}]]`, 'latin1'),
    fontFile: { deflated: deflateSync(bytes), length: bytes.length },
    toUnicode: deflateSync(Buffer.from(buildToUnicode(toUnicode), 'latin1')),
    descriptor: {
      bbox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((value) => Math.round(value * scale)),
      ascent: Math.round(face.ascent * scale),
      descent: Math.round(face.descent * scale),
      capHeight: Math.round(face.capHeight * scale),
      italicAngle: font.italicAngle,
    },
  };
}
