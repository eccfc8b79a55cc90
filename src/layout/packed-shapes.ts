/**
 * The startup memo of shaped words, packed for the prepared startup file: one string of keys and a few typed
 * arrays instead of some eighty thousand glyph objects. Typed arrays deserialize as a copy of bytes, and a
 * word's glyph objects are made the first time a packet asks for it, so a CLI process that prints one packet
 * builds the words it uses, not all the words of every language (time and resident memory both).
 */
import type { ShapedWord } from './shape.js';

/** What the layout asks of the startup memo. */
export interface ShapeLookup {
  get(key: string): ShapedWord | undefined;
}

export interface PackedShapes {
  /** Every word's key, joined by the separator. */
  keys: string;
  /** Word i's glyphs are glyph indexes wordStarts[i] to wordStarts[i + 1]. */
  wordStarts: Uint32Array;
  /** Per glyph: id, advance, default advance, x offset, y offset (font units; offsets may be fractional). */
  glyphs: Float64Array;
  /** Glyph g's code points are codePoints[codePointStarts[g]] to codePoints[codePointStarts[g + 1]]. */
  codePointStarts: Uint32Array;
  codePoints: Uint32Array;
}

const separator = '\u0000';
const fieldsPerGlyph = 5;

/** Words whose key holds the separator are left out: they are shaped again when asked for, never wrong. */
export function packShapes(shapes: ReadonlyMap<string, ShapedWord>): PackedShapes {
  const words = [...shapes].filter(([key]) => !key.includes(separator));
  const glyphCount = words.reduce((sum, [, word]) => sum + word.length, 0);
  const codePointCount = words.reduce((sum, [, word]) => sum + word.reduce((count, glyph) => count + glyph.codePoints.length, 0), 0);
  const packed: PackedShapes = {
    keys: words.map(([key]) => key).join(separator),
    wordStarts: new Uint32Array(words.length + 1),
    glyphs: new Float64Array(glyphCount * fieldsPerGlyph),
    codePointStarts: new Uint32Array(glyphCount + 1),
    codePoints: new Uint32Array(codePointCount),
  };
  let glyphIndex = 0;
  let codePointIndex = 0;
  words.forEach(([, word], wordIndex) => {
    packed.wordStarts[wordIndex] = glyphIndex;
    for (const glyph of word) {
      packed.glyphs.set([glyph.id, glyph.advance, glyph.defaultAdvance, glyph.xOffset, glyph.yOffset], glyphIndex * fieldsPerGlyph);
      packed.codePointStarts[glyphIndex] = codePointIndex;
      packed.codePoints.set(glyph.codePoints, codePointIndex);
      codePointIndex += glyph.codePoints.length;
      glyphIndex++;
    }
  });
  packed.wordStarts[words.length] = glyphIndex;
  packed.codePointStarts[glyphIndex] = codePointIndex;
  return packed;
}

export function isPackedShapes(value: unknown): value is PackedShapes {
  const packed = value as PackedShapes;
  return (
    typeof packed?.keys === 'string' &&
    packed.wordStarts instanceof Uint32Array &&
    packed.glyphs instanceof Float64Array &&
    packed.codePointStarts instanceof Uint32Array &&
    packed.codePoints instanceof Uint32Array &&
    packed.glyphs.length === packed.wordStarts[packed.wordStarts.length - 1]! * fieldsPerGlyph &&
    packed.codePointStarts.length === packed.glyphs.length / fieldsPerGlyph + 1
  );
}

/** Read-only view of packed words; each word is unpacked once, when first asked for, and then shared. */
export class UnpackedShapes implements ShapeLookup {
  private readonly indexOf = new Map<string, number>();
  private readonly made = new Map<number, ShapedWord>();

  constructor(private readonly packed: PackedShapes) {
    if (packed.keys.length) packed.keys.split(separator).forEach((key, index) => this.indexOf.set(key, index));
  }

  get size(): number {
    return this.indexOf.size;
  }

  get(key: string): ShapedWord | undefined {
    const index = this.indexOf.get(key);
    if (index === undefined) return undefined;
    let word = this.made.get(index);
    if (!word) this.made.set(index, (word = this.unpack(index)));
    return word;
  }

  private unpack(wordIndex: number): ShapedWord {
    const { wordStarts, glyphs, codePointStarts, codePoints } = this.packed;
    const word = [];
    for (let glyph = wordStarts[wordIndex]!; glyph < wordStarts[wordIndex + 1]!; glyph++) {
      const at = glyph * fieldsPerGlyph;
      word.push({
        id: glyphs[at]!,
        advance: glyphs[at + 1]!,
        defaultAdvance: glyphs[at + 2]!,
        xOffset: glyphs[at + 3]!,
        yOffset: glyphs[at + 4]!,
        codePoints: Array.from(codePoints.subarray(codePointStarts[glyph]!, codePointStarts[glyph + 1]!)),
      });
    }
    return word;
  }
}
