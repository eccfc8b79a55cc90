/** Greedy line breaking of atoms into a width, then bidi reordering (UAX #9 rule L2) of each line. */
import type { ShapedGlyph, TextItem } from './page-layout.js';
import type { Atom } from './itemize.js';
import type { FontFace } from './fonts.js';

export interface Line {
  /** Text items with x relative to the line's left edge and y = 0 on the baseline. */
  items: TextItem[];
  widthPt: number;
}

export type Align = 'start' | 'center';

/** Splits an atom too wide for any line at character boundaries (a long URL, a name without spaces). */
function splitAtom(atom: Atom, maxWidthPt: number): Atom[] {
  const pieces: Atom[] = [];
  let glyphs: ShapedGlyph[] = [];
  let width = 0;
  const scale = atom.widthPt / Math.max(1, atom.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0));
  for (const glyph of atom.glyphs) {
    const glyphWidth = glyph.advance * scale;
    if (glyphs.length > 0 && width + glyphWidth > maxWidthPt) {
      pieces.push({ ...atom, glyphs, widthPt: width, canBreakAfter: true });
      glyphs = [];
      width = 0;
    }
    glyphs.push(glyph);
    width += glyphWidth;
  }
  pieces.push({ ...atom, glyphs, widthPt: width });
  return pieces;
}

/** Groups atoms into unbreakable words; spaces and forced breaks stand alone. */
function toWords(atoms: Atom[]): Atom[][] {
  const words: Atom[][] = [];
  let current: Atom[] = [];
  for (const atom of atoms) {
    if (atom.kind !== 'text') {
      if (current.length) words.push(current);
      words.push([atom]);
      current = [];
      continue;
    }
    current.push(atom);
    if (atom.canBreakAfter) {
      words.push(current);
      current = [];
    }
  }
  if (current.length) words.push(current);
  return words;
}

const widthOf = (atoms: Atom[]) => atoms.reduce((sum, atom) => sum + atom.widthPt, 0);

export function breakLines(atoms: Atom[], maxWidthPt: number): Atom[][] {
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let lineWidth = 0;
  let pendingSpace: Atom | undefined;
  const finish = () => {
    lines.push(line);
    line = [];
    lineWidth = 0;
    pendingSpace = undefined;
  };
  for (const word of toWords(atoms)) {
    const first = word[0]!;
    if (first.kind === 'break') {
      finish();
      continue;
    }
    if (first.kind === 'space') {
      if (line.length) pendingSpace = first;
      continue;
    }
    const wordWidth = widthOf(word);
    const spaceWidth = pendingSpace ? pendingSpace.widthPt : 0;
    if (line.length && lineWidth + spaceWidth + wordWidth > maxWidthPt) finish();
    if (!line.length && wordWidth > maxWidthPt) {
      for (const atom of word.flatMap((piece) => (piece.widthPt > maxWidthPt ? splitAtom(piece, maxWidthPt) : [piece]))) {
        if (line.length && lineWidth + atom.widthPt > maxWidthPt) finish();
        line.push(atom);
        lineWidth += atom.widthPt;
      }
      continue;
    }
    if (pendingSpace && line.length) {
      line.push(pendingSpace);
      lineWidth += pendingSpace.widthPt;
    }
    pendingSpace = undefined;
    line.push(...word);
    lineWidth += wordWidth;
  }
  if (line.length || lines.length === 0) lines.push(line);
  return lines;
}

/** UAX #9 L2: from the highest level down to the lowest odd one, reverse every run at that level or above. */
export function reorderVisually(atoms: Atom[]): Atom[] {
  if (atoms.every((atom) => atom.level === 0)) return atoms;
  const result = [...atoms];
  const highest = Math.max(...result.map((atom) => atom.level));
  const lowestOdd = Math.min(...result.map((atom) => atom.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    let index = 0;
    while (index < result.length) {
      if (result[index]!.level < level) {
        index++;
        continue;
      }
      let end = index;
      while (end < result.length && result[end]!.level >= level) end++;
      const reversed = result.slice(index, end).reverse();
      result.splice(index, end - index, ...reversed);
      index = end;
    }
  }
  return result;
}

/** Positions a line's atoms; consecutive atoms of one face become one text item (one text operator). */
export function placeLine(atoms: Atom[], sizePt: number, maxWidthPt: number, isRtl: boolean, align: Align): Line {
  const visual = reorderVisually(atoms);
  const widthPt = widthOf(visual);
  let x = align === 'center' ? (maxWidthPt - widthPt) / 2 : isRtl ? maxWidthPt - widthPt : 0;
  const items: TextItem[] = [];
  let current: { face: FontFace; glyphs: ShapedGlyph[]; xPt: number } | undefined;
  for (const atom of visual) {
    if (!current || current.face !== atom.face) {
      current = { face: atom.face, glyphs: [], xPt: x };
      items.push({ kind: 'text', face: atom.face, sizePt, xPt: x, yPt: 0, glyphs: current.glyphs });
    }
    current.glyphs.push(...atom.glyphs);
    x += atom.widthPt;
  }
  return { items, widthPt };
}
