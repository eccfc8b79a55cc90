/**
 * A shaped glyph carries the code points of the text it was shaped from. Why: fontkit caches one Glyph per id
 * with the code points of its first use, and subsetting asks for glyphs with none; the ToUnicode map built
 * from them then dropped characters ("محمد" read back as "محم", "ư" as a space) depending on which packets
 * came before. Found by tests/property; this is the deterministic form.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { shapeUncached } from '../../src/layout/shape.js';

const faceFor = (script: string) => getEngine().fontSet.faces.find((face) => face.style === 'regular' && face.scripts.includes(script))!;

/** The glyph id a code point maps to, looked up without creating fontkit's cached Glyph object. */
function glyphIdOf(font: unknown, codePoint: number): number {
  return (font as { _cmapProcessor: { lookup: (codePoint: number) => number } })._cmapProcessor.lookup(codePoint);
}

describe('shaped glyphs', () => {
  it('keep their own code points after the same glyph was fetched with none (as subsetting does)', () => {
    for (const [script, text] of [['Latn', 'Ɀ'], ['Arab', 'ۿ']] as const) {
      const face = faceFor(script);
      const codePoint = text.codePointAt(0)!;
      face.font.getGlyph(glyphIdOf(face.font, codePoint)); // what a subset does for a component glyph
      const [glyph] = shapeUncached(face, text, script === 'Arab');
      expect(glyph!.codePoints, `${script} ${text}`).toEqual([codePoint]);
    }
  });
});
