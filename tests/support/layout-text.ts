/**
 * Text as layout draws it, for tests that read laid-out pages without writing a PDF: the characters of text
 * runs in drawing order, and a comparison by letters that holds for right-to-left runs (drawn in visual order).
 */
import type { PageLayout, TextItem } from '../../src/layout/page-layout.js';

/** The characters of these runs in drawing order, no-break spaces as spaces. */
export function textOf(items: readonly TextItem[]): string {
  return items
    .flatMap((item) => item.glyphs.flatMap((glyph) => glyph.codePoints))
    .map((codePoint) => String.fromCodePoint(codePoint))
    .join('')
    .replace(/\u00a0/g, ' ');
}

/** Every text run of a page. */
export const textItems = (page: PageLayout): TextItem[] => page.items.filter((item): item is TextItem => item.kind === 'text');

function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const character of text.replace(/\s/g, '')) counts.set(character, (counts.get(character) ?? 0) + 1);
  return counts;
}

/** Every letter of `text` (spaces aside) is in `available` at least as many times as `text` has it. */
export function holdsLetters(available: string, text: string): boolean {
  const have = letterCounts(available);
  return [...letterCounts(text)].every(([character, needed]) => (have.get(character) ?? 0) >= needed);
}
