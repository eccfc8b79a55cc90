/**
 * In a right-to-left line a bracket is drawn as its mirror (UAX #9, rule L4): "(العربية)" must open toward its
 * words. Seen in the Arabic draft banner and the cover's "(صفحة 2)": both parentheses faced outward.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { itemize } from '../../src/layout/itemize.js';
import { ShapeCache } from '../../src/layout/shape.js';

const engine = getEngine();
const context = { fontSet: engine.fontSet, cache: new ShapeCache(), sizePt: 10 };
const brackets = (text: string, dir: 'ltr' | 'rtl') =>
  itemize([{ text, style: 'regular' }], dir, context)
    .filter((atom) => /[()[\]]/.test(atom.text))
    .map((atom) => atom.text)
    .join('');

describe('brackets in right-to-left text', () => {
  it('are drawn mirrored inside an Arabic line, so each faces the words it encloses', () => {
    expect(brackets('مسودة ترجمة (العربية): لم تُراجَع بعد', 'rtl')).toBe(')(');
    expect(brackets('خطوط الاستجابة السريعة (صفحة 2) [أ]', 'rtl')).toBe(')(][');
  });

  it('are left as they are in left-to-right text, and in an English phrase inside an Arabic line', () => {
    expect(brackets('Draft translation (Arabic)', 'ltr')).toBe('()');
    expect(brackets('اتصل على (510) 241-4011', 'rtl')).toBe('()');
  });
});
