/**
 * A service worker starts from the prepared file, whose fonts are parsed only when a word needs shaping; it
 * warms them at thread start instead, so the first name in any script does not pay for parsing the font.
 */
import { describe, expect, it } from 'vitest';
import { getFontSet, type FontFace, type FontSet } from '../../src/layout/fonts.js';
import { warmFaces } from '../../src/layout/shape.js';

describe('warming the faces of a worker', () => {
  it('parses every face and shapes letters of its own script with it', () => {
    const real = getFontSet();
    const shaped = new Map<string, string>();
    const faces = real.faces.map((face): FontFace => {
      const font = face.font;
      const watched = { ...face };
      Object.defineProperty(watched, 'font', {
        get: () => ({ ...font, layout: (text: string, ...rest: unknown[]) => (shaped.set(face.id, text), (font.layout as (...args: unknown[]) => unknown)(text, ...rest)) }),
      });
      return watched;
    });
    warmFaces({ ...real, faces } as FontSet);
    expect([...shaped.keys()]).toEqual(real.faces.map((face) => face.id));
    expect(shaped.get('arabic-regular')).toMatch(/^[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+$/u);
    expect(shaped.get('hangul-regular')).toMatch(/^[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+$/u);
    expect(shaped.get('cjk-regular')).toMatch(/\p{Script=Han}/u);
    for (const text of shaped.values()) expect([...text].length).toBeGreaterThanOrEqual(2);
  });
});
