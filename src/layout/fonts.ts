/** Reads and parses the bundled fonts once per process (assets/fonts/fonts.json), and picks a face per character. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { z } from 'zod';
import { PacketError } from '../errors.js';
import { projectPath } from '../project-paths.js';

export type FontStyle = 'regular' | 'bold' | 'italic';

const manifestSchema = z.object({
  faces: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      file: z.string().min(1),
      style: z.enum(['regular', 'bold', 'italic']),
      scripts: z.array(z.string()),
    }),
  ),
});

export interface FontFace {
  /** Index in FontSet.faces; stable for the life of the process. */
  index: number;
  id: string;
  style: FontStyle;
  scripts: string[];
  font: fontkit.Font;
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
}

export interface FontSet {
  faces: FontFace[];
  /** Faces to try for a style, in fallback order: the style's own faces, then regular faces. */
  fallbackOrder: Record<FontStyle, FontFace[]>;
  /** For each style, the first face in fallback order that has a code point: a cmap lookup done once, at startup. */
  firstFaceFor: Record<FontStyle, ReadonlyMap<number, FontFace>>;
  /** Code points each face covers, by face index. */
  coverage: ReadonlySet<number>[];
}

export const defaultFontsDir = projectPath('assets', 'fonts');

export function loadFontSet(fontsDir = defaultFontsDir): FontSet {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(fontsDir, 'fonts.json'), 'utf8')));
  const faces = manifest.faces.map((entry, index): FontFace => {
    const parsed = fontkit.create(readFileSync(join(fontsDir, entry.file)));
    if (!('unitsPerEm' in parsed)) throw new PacketError('PKT_ERR_INTERNAL', { detail: `${entry.file} is a collection` });
    return {
      index,
      id: entry.id,
      style: entry.style,
      scripts: entry.scripts,
      font: parsed,
      postscriptName: parsed.postscriptName,
      unitsPerEm: parsed.unitsPerEm,
      ascent: parsed.ascent,
      descent: parsed.descent,
      capHeight: parsed.capHeight,
    };
  });
  const regular = faces.filter((face) => face.style === 'regular');
  const orderFor = (style: FontStyle) =>
    style === 'regular' ? regular : [...faces.filter((face) => face.style === style), ...regular];
  const fallbackOrder = { regular, bold: orderFor('bold'), italic: orderFor('italic') };
  const coverage = faces.map((face) => new Set(face.font.characterSet));
  const firstFaceFor = (style: FontStyle) => {
    const table = new Map<number, FontFace>();
    for (const face of fallbackOrder[style]) {
      for (const codePoint of coverage[face.index]!) if (!table.has(codePoint)) table.set(codePoint, face);
    }
    return table;
  };
  return { faces, fallbackOrder, coverage, firstFaceFor: { regular: firstFaceFor('regular'), bold: firstFaceFor('bold'), italic: firstFaceFor('italic') } };
}

let memo: FontSet | undefined;

/** The process-wide font set, parsed once; read-only afterwards. */
export function getFontSet(): FontSet {
  memo ??= loadFontSet();
  return memo;
}

export function resetFontSet(): void {
  memo = undefined;
}

/** Characters that take the face of their neighbours instead of choosing one (spaces, punctuation, digits). */
export function isNeutral(codePoint: number): boolean {
  return (
    codePoint <= 0x40 ||
    (codePoint >= 0x5b && codePoint <= 0x60) ||
    (codePoint >= 0x7b && codePoint <= 0xbf) ||
    (codePoint >= 0x2000 && codePoint <= 0x206f) ||
    (codePoint >= 0x3000 && codePoint <= 0x303f)
  );
}

/** Joiners and marks that only make sense inside the face of the character before them. */
function isCombining(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x064b && codePoint <= 0x065f) ||
    codePoint === 0x0670 ||
    codePoint === 0x200c ||
    codePoint === 0x200d
  );
}

/**
 * The face for one character: `preferred` (the face of the text around it) when it has the glyph,
 * else the first face in the style's fallback order that does; undefined when no bundled face has it.
 */
export function pickFace(fontSet: FontSet, style: FontStyle, codePoint: number, preferred?: FontFace): FontFace | undefined {
  if (preferred && (isCombining(codePoint) || isNeutral(codePoint)) && fontSet.coverage[preferred.index]!.has(codePoint)) {
    return preferred;
  }
  return fontSet.firstFaceFor[style].get(codePoint);
}
