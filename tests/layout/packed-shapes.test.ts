import { describe, expect, it } from 'vitest';
import { isPackedShapes, packShapes, UnpackedShapes } from '../../src/layout/packed-shapes.js';
import type { ShapedWord } from '../../src/layout/shape.js';
import { getEngine } from '../../src/engine.js';

const glyph = (id: number, codePoints: number[], advance = 500, xOffset = 0, yOffset = 0) => ({ id, advance, defaultAdvance: advance + 1, xOffset, yOffset, codePoints });

describe('packed shaped words (the prepared startup file form)', () => {
  it('gives back every word exactly as shaped: ids, advances, fractional offsets, ligatures, empty words', () => {
    const words = new Map<string, ShapedWord>([
      ['0>Hola', [glyph(43, [72]), glyph(82, [111], 610.5, -3.25, 12.75), glyph(79, [108]), glyph(68, [97])]],
      // An Arabic lam-alef ligature lists its two characters in drawing order.
      ['3<لا', [glyph(910, [0x627, 0x644], 540)]],
      ['0>', []],
    ]);
    const unpacked = new UnpackedShapes(packShapes(words));
    for (const [key, word] of words) expect(unpacked.get(key)).toEqual(word);
    expect(unpacked.get('0>hola')).toBeUndefined();
    expect(unpacked.size).toBe(3);
  });

  it('makes each word once and shares it, as the frozen memo did', () => {
    const unpacked = new UnpackedShapes(packShapes(new Map([['0>a', [glyph(1, [97])]]])));
    expect(unpacked.get('0>a')).toBe(unpacked.get('0>a'));
  });

  it('leaves out a word whose key holds the separator: it is shaped again when asked, never misread', () => {
    const unpacked = new UnpackedShapes(packShapes(new Map([['0>a\u0000b', [glyph(1, [97])]], ['0>c', [glyph(2, [99])]]])));
    expect(unpacked.get('0>a\u0000b')).toBeUndefined();
    expect(unpacked.get('0>c')).toEqual([glyph(2, [99])]);
  });

  it('round-trips the whole startup memo of the real catalogs and directory', () => {
    const frozen = getEngine().frozenShapes as ReadonlyMap<string, ShapedWord>;
    const packed = packShapes(frozen);
    expect(isPackedShapes(packed)).toBe(true);
    const unpacked = new UnpackedShapes(packed);
    expect(unpacked.size).toBe(frozen.size);
    for (const [key, word] of frozen) expect(unpacked.get(key)).toEqual(word);
  });

  it('refuses packed arrays whose lengths disagree (a damaged or foreign file)', () => {
    const packed = packShapes(new Map([['0>a', [glyph(1, [97])]]]));
    expect(isPackedShapes({ ...packed, glyphs: new Float64Array(3) })).toBe(false);
    expect(isPackedShapes({ ...packed, codePointStarts: new Uint32Array(5) })).toBe(false);
    expect(isPackedShapes({ ...packed, wordStarts: [0, 1] })).toBe(false);
  });
});
