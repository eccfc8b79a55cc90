/**
 * Shapes short strings (words) with fontkit and memoizes the results. The memo filled at startup from
 * catalogs and directory is frozen and shared; words a request brings (names, places) go in a per-packet
 * memo that dies with the packet, so no personal text outlives its response.
 */
import type { FontFace, FontSet } from './fonts.js';
import type { ShapedGlyph } from './page-layout.js';
import type { ShapeLookup } from './packed-shapes.js';

export type ShapedWord = readonly ShapedGlyph[];

function keyOf(face: FontFace, text: string, isRtl: boolean): string {
  return `${face.index}${isRtl ? '<' : '>'}${text}`;
}

export function shapeUncached(face: FontFace, text: string, isRtl: boolean): ShapedWord {
  // fontkit returns right-to-left runs already in visual order.
  const run = face.font.layout(text, undefined, undefined, undefined, isRtl ? 'rtl' : 'ltr');
  return run.glyphs.map((glyph, index) => {
    const position = run.positions[index]!;
    return {
      id: glyph.id,
      advance: position.xAdvance,
      defaultAdvance: glyph.advanceWidth,
      xOffset: position.xOffset,
      yOffset: position.yOffset,
      // A ligature of a right-to-left run (lam-alef) lists its characters in drawing order: text extractors
      // (poppler, pdf.js) read an RTL run as drawn and reverse it character by character, ligatures included.
      codePoints: isRtl && glyph.codePoints.length > 1 ? [...glyph.codePoints].reverse() : glyph.codePoints,
    };
  });
}

export class ShapeCache {
  private readonly frozen: ShapeLookup;
  private readonly local = new Map<string, ShapedWord>();
  private readonly localFaces = new Map<string, number>();

  constructor(frozen: ShapeLookup = new Map()) {
    this.frozen = frozen;
  }

  shape(face: FontFace, text: string, isRtl: boolean): ShapedWord {
    const key = keyOf(face, text, isRtl);
    const known = this.frozen.get(key) ?? this.local.get(key);
    if (known) return known;
    const shaped = shapeUncached(face, text, isRtl);
    this.local.set(key, shaped);
    this.localFaces.set(key, face.index);
    return shaped;
  }

  /** The words this cache shaped itself; used once at startup to build the frozen memo. */
  entries(): ReadonlyMap<string, ShapedWord> {
    return new Map(this.local);
  }

  /** Face index of each word in entries(). */
  faceOfEntries(): ReadonlyMap<string, number> {
    return new Map(this.localFaces);
  }

}

export function advanceUnits(word: ShapedWord): number {
  let total = 0;
  for (const glyph of word) total += glyph.advance;
  return total;
}

/**
 * Parses every face and shapes a few of its own letters once: a service worker started from the prepared file
 * then takes its first name in any script (Arabic joining, Hangul, CJK) without paying for the font's parsing.
 */
export function warmFaces(fontSet: FontSet): void {
  for (const face of fontSet.faces) {
    // Letters beyond ASCII, before the compatibility and presentation forms no one types.
    const letters = [...fontSet.coverage[face.index]!.codePoints].filter((codePoint) => codePoint > 0x7f && codePoint < 0xf900 && /\p{L}/u.test(String.fromCodePoint(codePoint)));
    const step = Math.max(1, Math.floor(letters.length / 8));
    const sample = String.fromCodePoint(...letters.filter((_, index) => index % step === 0).slice(0, 8));
    shapeUncached(face, sample || 'Aa', face.scripts.includes('Arab'));
  }
}
