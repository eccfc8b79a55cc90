/** Reads and parses the bundled fonts once per process (assets/fonts/fonts.json), and picks a face per character. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
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
  /** Parsed on first use: a CLI started from the prepared file shapes and subsets nothing it already has. */
  readonly font: Fontkit.Font;
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
  /** Code points each face covers, by face index. */
  coverage: FaceCoverage[];
}

export const defaultFontsDir = projectPath('assets', 'fonts');

// fontkit costs ~65 ms and ~20 MB to import: loaded (synchronously, its CommonJS build) only when a face is parsed.
let fontkitModule: typeof Fontkit | undefined;
function loadFontkit(): typeof Fontkit {
  fontkitModule ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit;
  return fontkitModule;
}

/** What layout needs of a face without parsing it: kept in the prepared startup file. */
export interface FaceSummary {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  /** Every code point the face maps, ascending. */
  codePoints: Uint32Array;
}

/** A font file or manifest that cannot be used stops start-up with the file named, not a stack trace. */
function fontError(path: string, reason: string, cause?: unknown): PacketError {
  return new PacketError('PKT_ERR_FONT_INVALID', { cause, detail: `${path}: ${reason}` });
}

export function readFontManifest(fontsDir = defaultFontsDir) {
  const path = join(fontsDir, 'fonts.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw fontError(path, 'cannot be read', cause);
  }
  try {
    return manifestSchema.parse(JSON.parse(text));
  } catch (cause) {
    throw fontError(path, 'is not a valid font manifest', cause);
  }
}

function parseFace(path: string): Fontkit.Font {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw fontError(path, 'cannot be read (missing?)', cause);
  }
  let parsed: ReturnType<typeof Fontkit.create>;
  try {
    parsed = loadFontkit().create(bytes);
  } catch (cause) {
    throw fontError(path, 'is not a font fontkit can read (corrupt?)', cause);
  }
  if (!('unitsPerEm' in parsed)) throw fontError(path, 'is a font collection; give one face per file');
  withOwnCodePoints(parsed);
  return parsed;
}

/**
 * fontkit keeps one Glyph object per glyph id, carrying the code points of the first text that produced it
 * (Font.getGlyph caches by id and ignores later `characters`). The ToUnicode map is built from those code
 * points, so after one packet drew "ư" or Arabic "د" as part of another sequence, a later packet's "ư" read
 * back as a space and "محمد" as "محم" (found by the property tests: it depended on the packets before).
 * Each shaping now gets a view of the cached glyph with its own code points; metrics stay shared.
 */
function withOwnCodePoints(font: Fontkit.Font): void {
  const cachedGlyph = font.getGlyph.bind(font) as (id: number, characters?: number[]) => Fontkit.Glyph;
  (font as { getGlyph: (id: number, characters?: number[]) => Fontkit.Glyph }).getGlyph = (id, characters = []) => {
    const glyph = cachedGlyph(id, characters);
    if (!glyph || characters.length === 0 || sameCodePoints(glyph.codePoints, characters)) return glyph;
    return Object.create(glyph, { codePoints: { value: characters, enumerable: true } }) as Fontkit.Glyph;
  };
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((codePoint, index) => codePoint === b[index]);
}

function summarize(font: Fontkit.Font): FaceSummary {
  const { postscriptName, unitsPerEm, ascent, descent, capHeight } = font;
  return { postscriptName, unitsPerEm, ascent, descent, capHeight, codePoints: Uint32Array.from(font.characterSet).sort() };
}

/** `summaries`: the faces as the prepared startup file describes them; without, every face is parsed now. */
export function loadFontSet(fontsDir = defaultFontsDir, summaries?: readonly FaceSummary[]): FontSet {
  const manifest = readFontManifest(fontsDir);
  if (summaries && summaries.length !== manifest.faces.length) throw new PacketError('PKT_ERR_INTERNAL', { detail: 'prepared faces do not match fonts.json' });
  const codePointsOf: Uint32Array[] = [];
  const faces = manifest.faces.map((entry, index): FontFace => {
    const path = join(fontsDir, entry.file);
    let font = summaries ? undefined : parseFace(path);
    const summary = summaries?.[index] ?? summarize(font!);
    codePointsOf.push(summary.codePoints);
    return {
      index,
      id: entry.id,
      style: entry.style,
      scripts: entry.scripts,
      get font() {
        font ??= parseFace(path);
        return font;
      },
      postscriptName: summary.postscriptName,
      unitsPerEm: summary.unitsPerEm,
      ascent: summary.ascent,
      descent: summary.descent,
      capHeight: summary.capHeight,
    };
  });
  const regular = faces.filter((face) => face.style === 'regular');
  const orderFor = (style: FontStyle) =>
    style === 'regular' ? regular : [...faces.filter((face) => face.style === style), ...regular];
  const fallbackOrder = { regular, bold: orderFor('bold'), italic: orderFor('italic') };
  const coverage = codePointsOf.map((codePoints) => new FaceCoverage(codePoints));
  return { faces, fallbackOrder, coverage };
}

/** The summaries of a font set's faces, for the prepared startup file. */
export function summarizeFontSet(fontSet: FontSet): FaceSummary[] {
  return fontSet.faces.map((face, index) => ({
    postscriptName: face.postscriptName,
    unitsPerEm: face.unitsPerEm,
    ascent: face.ascent,
    descent: face.descent,
    capHeight: face.capHeight,
    codePoints: Uint32Array.from(fontSet.coverage[index]!.codePoints).sort(),
  }));
}

/**
 * The characters a face draws. The Set is made the first time the face is asked about: a packet in Latin
 * script never asks the CJK face (tens of thousands of characters), and a CLI process pays only for what it asks.
 */
export class FaceCoverage {
  private set: Set<number> | undefined;

  constructor(readonly codePoints: Uint32Array) {}

  has(codePoint: number): boolean {
    this.set ??= new Set(this.codePoints);
    return this.set.has(codePoint);
  }
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
  // At most a few set lookups; no table over every code point of every face (the CJK face alone has 30,000),
  // which cost a CLI process ~10 ms to build, and no memo, which would keep the characters of names.
  for (const face of fontSet.fallbackOrder[style]) if (fontSet.coverage[face.index]!.has(codePoint)) return face;
  return undefined;
}
