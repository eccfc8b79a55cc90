/**
 * Splits a paragraph's inline text into atoms: pieces with one face, one style and one bidi level,
 * shaped, with spaces and forced breaks kept apart so the line breaker can use them.
 */
import bidiModule from 'bidi-js';
import { PacketError } from '../errors.js';
import type { Inline, InlineStyle } from '../render/document-tree.js';
import { isNeutral, pickFace, type FontFace, type FontSet } from './fonts.js';
import { advanceUnits, type ShapeCache, type ShapedWord } from './shape.js';

// bidi-js ships CommonJS whose module.exports is the factory, while its types describe an ES default export.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

export interface Atom {
  kind: 'text' | 'space' | 'break';
  text: string;
  face: FontFace;
  level: number;
  glyphs: ShapedWord;
  widthPt: number;
  /** A line may break after this atom even without a space (between CJK ideographs). */
  canBreakAfter: boolean;
}

export interface ItemizeContext {
  fontSet: FontSet;
  cache: ShapeCache;
  sizePt: number;
}

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and the presentation forms.
const rtlCharacters = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const firstStrong = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

export function resolveDirection(text: string, dir: 'ltr' | 'rtl' | 'auto'): 'ltr' | 'rtl' {
  if (dir !== 'auto') return dir;
  const strong = firstStrong.exec(text);
  return strong && rtlCharacters.test(strong[0]) ? 'rtl' : 'ltr';
}

/** Ideographs and kana break anywhere: CJK text has no spaces between words. */
function isBreakAnywhere(codePoint: number): boolean {
  return (codePoint >= 0x3040 && codePoint <= 0x30ff) || (codePoint >= 0x3400 && codePoint <= 0x9fff) || (codePoint >= 0xf900 && codePoint <= 0xfaff);
}

/** Bidi controls (LRM, RLM, embeddings, isolates): they steer the bidi levels and are never drawn. */
export function isBidiControl(codePoint: number): boolean {
  return codePoint === 0x200e || codePoint === 0x200f || (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

/** Characters no bundled font can draw; the caller turns them into a clear error or report. */
export function findUnprintable(fontSet: FontSet, text: string, style: InlineStyle = 'regular'): number[] {
  const missing: number[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint === 0x0a || isBidiControl(codePoint)) continue;
    if (!pickFace(fontSet, style, codePoint) && !missing.includes(codePoint)) missing.push(codePoint);
  }
  return missing;
}

/** A phone number in running text: digits with their brackets, spaces, dots and dashes (seven digits or more). */
const phoneNumber = /\(?\+?\d(?:[\d()\u00a0 .-]*\d)?/g;
const minimumPhoneDigits = 7;

/**
 * Bidi levels with every phone number isolated left-to-right (LRI … PDI), as a writer of Arabic marks them:
 * without it "(510) 241-4011" in a right-to-left line prints as "241-4011 (510)".
 */
function levelsWithPhonesIsolated(text: string, dir: 'ltr' | 'rtl'): ArrayLike<number> {
  let isolated = '';
  // Where each character of `text` sits in `isolated`.
  const at: number[] = [];
  let copied = 0;
  const copy = (end: number) => {
    for (; copied < end; copied++) {
      at.push(isolated.length);
      isolated += text[copied];
    }
  };
  for (const match of text.matchAll(phoneNumber)) {
    if (match[0].replace(/\D/g, '').length < minimumPhoneDigits) continue;
    copy(match.index);
    isolated += '\u2066';
    copy(match.index + match[0].length);
    isolated += '\u2069';
  }
  copy(text.length);
  if (isolated.length === text.length) return bidi.getEmbeddingLevels(text, dir).levels;
  const levels = bidi.getEmbeddingLevels(isolated, dir).levels;
  return at.map((index) => levels[index]!);
}

export function itemize(inlines: Inline[], dir: 'ltr' | 'rtl', context: ItemizeContext): Atom[] {
  const text = inlines.length === 1 ? inlines[0]!.text : inlines.map((inline) => inline.text).join('');
  const levels = dir === 'rtl' || rtlCharacters.test(text) ? levelsWithPhonesIsolated(text, dir) : undefined;
  const baseLevel = dir === 'rtl' ? 1 : 0;
  const atoms: Atom[] = [];
  const scale = context.sizePt;
  const push = (kind: Atom['kind'], piece: string, face: FontFace, level: number, canBreakAfter: boolean) => {
    const glyphs = kind === 'break' ? [] : context.cache.shape(face, piece, level % 2 === 1);
    atoms.push({ kind, text: piece, face, level, glyphs, widthPt: (advanceUnits(glyphs) * scale) / face.unitsPerEm, canBreakAfter });
  };

  // One pass over the code points: a run grows while face and level stay the same; spaces, breaks
  // and ideographs (which break anywhere) end it.
  let offset = 0;
  let previous: FontFace | undefined;
  let previousInline: Inline | undefined;
  let run = '';
  let runFace: FontFace | undefined;
  let runLevel = baseLevel;
  const endRun = () => {
    if (run && runFace) push('text', run, runFace, runLevel, false);
    run = '';
  };
  for (const inline of inlines) {
    for (const character of inline.text) {
      const codePoint = character.codePointAt(0)!;
      const level = levels ? levels[offset]! : baseLevel;
      offset += character.length;
      if (isBidiControl(codePoint)) continue;
      if (codePoint === 0x0a) {
        endRun();
        push('break', character, previous ?? context.fontSet.fallbackOrder.regular[0]!, baseLevel, true);
        continue;
      }
      // A digit or punctuation keeps the face before it (an ideograph's, an Arabic letter's), a regular face
      // standing in for a style the script lacks; but not across into an inline of another style, so the
      // "8" opening an italic "8 C.F.R. § 287.7" after upright text is italic too.
      const preferred = previous && (previous.style === inline.style || (previous.style === 'regular' && previousInline === inline)) ? previous : undefined;
      const face = pickFace(context.fontSet, inline.style, codePoint, preferred);
      if (!face) {
        throw new PacketError('PKT_ERR_LAYOUT_MISSING_GLYPH', { detail: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` });
      }
      previous = face;
      previousInline = inline;
      if (codePoint === 0x20) {
        endRun();
        push('space', character, face, level, true);
      } else if (isBreakAnywhere(codePoint)) {
        endRun();
        push('text', character, face, level, true);
      } else if (isNeutral(codePoint)) {
        // Digits and punctuation are shaped alone, so "2026." and "Angeles," reuse the shapes prepared
        // at startup for "2026", "." and "Angeles" instead of being shaped again for every packet.
        endRun();
        // In a right-to-left run a bracket is drawn as its mirror (UAX #9, rule L4), so "(العربية)" opens
        // toward its words; the text layer then carries the mirrored character, as the glyph it shows.
        const drawn = level % 2 === 1 ? (bidi.getMirroredCharacter(character) ?? character) : character;
        push('text', drawn, face, level, false);
      } else {
        if (run && (face !== runFace || level !== runLevel)) endRun();
        if (!run) {
          runFace = face;
          runLevel = level;
        }
        run += character;
      }
    }
  }
  endRun();
  return atoms;
}
