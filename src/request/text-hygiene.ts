/**
 * Rules for free text a person typed (names, places), applied by the request schema before anything prints.
 * - Refused: damaged text. U+FFFD is what a decoder puts where bytes were not UTF-8 (it printed as a box in
 *   the name); a lone surrogate (JSON "\ud800") is half a character; noncharacters (U+FFFE, U+FFFF,
 *   U+FDD0–U+FDEF, the last two of every plane) are never text by definition (Unicode 16, 23.7).
 * - Refused: more than maxMarksInARow combining marks on one character (a "Zalgo" flood piles ink over the
 *   lines around it); real scripts stack at most four or so (Vietnamese two, Tibetan four).
 * - Stripped: bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and U+FEFF. Each field is laid
 *   out as its own paragraph by the Unicode bidi algorithm, so they are never needed, and an override can make
 *   a name or number read differently from what was stored (the "Trojan Source" trick). Pasted right-to-left
 *   text often carries them, so taking them out is kinder than refusing it. ZWJ and ZWNJ stay: Persian, Indic
 *   scripts and emoji need them.
 */

export const maxMarksInARow = 8;

const directionControls = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const nonCharacter = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;
const markFlood = new RegExp(`\\p{M}{${maxMarksInARow + 1},}`, 'u');

export function stripDirectionControls(text: string): string {
  return text.replace(directionControls, '');
}

/** Text that lost characters on the way here: a replacement character or half a surrogate pair. */
export function isDamaged(text: string): boolean {
  return text.includes('\uFFFD') || !isWellFormedText(text);
}

function isWellFormedText(text: string): boolean {
  // String.prototype.isWellFormed is Node 20+; the regex is its definition.
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

export function hasNonCharacter(text: string): boolean {
  return nonCharacter.test(text);
}

export function hasMarkFlood(text: string): boolean {
  return markFlood.test(text);
}
