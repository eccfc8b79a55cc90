/**
 * Everything parsed once per process: catalogs, directory, fonts, templates, the shaped words of all
 * non-personal text and the font programs prepared from them. Read-only after startup, but for the
 * bounded caches of sections and pages that hold no personal data.
 */
import { excludeLocales, getCatalogs, loadCatalogs, type Catalogs, type CatalogTree } from './i18n/catalogs.js';
import { findUncoveredText, type FontCoverage } from './i18n/glyph-coverage.js';
import { getDirectory, loadDirectory, type Directory } from './directory/load-directory.js';
import { getFontSet, type FontSet, type FontStyle } from './layout/fonts.js';
import { ShapeCache, type ShapedWord } from './layout/shape.js';
import { itemize } from './layout/itemize.js';
import { layoutTexts } from './layout/block-layout.js';
import { compileTemplates, type Templates } from './render/templates.js';
import { SectionCache } from './render/section-cache.js';
import { PacketError } from './errors.js';
import { buildFontProgram, type FontProgram } from './pdf/font-program.js';
import { PageStreamCache } from './pdf/page-stream-cache.js';

export interface Engine {
  catalogs: Catalogs;
  directory: Directory;
  fontSet: FontSet;
  templates: Templates;
  /** The state whose counties a request names; another state is another folder of assets/directory/. */
  stateId: string;
  /** Shaped words of catalog and directory text; a packet's own words go in a per-packet memo. */
  frozenShapes: ReadonlyMap<string, ShapedWord>;
  prepared: ReadonlyMap<number, FontProgram>;
  /** Sections without personal data, rendered and laid out once for all packets that share them. */
  sectionCache: SectionCache;
  /** Deflated pages made only of those sections, kept by the writer. */
  pageStreams: PageStreamCache;
  startupMs: number;
}

function catalogStrings(tree: CatalogTree, out: string[]): void {
  for (const value of Object.values(tree)) {
    if (typeof value === 'string') out.push(value.replace(/\{\{[^}]*\}\}/g, ' ').replace(/<[^>]+>/g, ' '));
    else catalogStrings(value, out);
  }
}

/** The text every packet may print that is not about a person: the warm-up corpus. */
export function sharedTexts(catalogs: Catalogs, directory: Directory): string[] {
  const texts: string[] = [];
  // Printable ASCII and digits cover numbers, dates and phone numbers of any packet.
  // The no-break space keeps phone numbers on one line.
  texts.push(Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join(' '), '\u00a0', ...layoutTexts);
  for (const locale of catalogs.locales.values()) {
    texts.push(locale.meta.name);
    for (const tree of Object.values(locale.catalogs)) catalogStrings(tree, texts);
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2026, month, 28));
      for (const dateStyle of ['long', 'medium'] as const) {
        texts.push(new Intl.DateTimeFormat(locale.id, { dateStyle, timeZone: 'UTC' }).format(date));
      }
    }
  }
  for (const state of directory.states.values()) {
    texts.push(state.name, ...state.counties.map((county) => county.name));
    for (const entry of state.entries) {
      texts.push(entry.organization.name, entry.service.name, entry.source.title, entry.address ?? '');
      for (const phone of entry.phones) texts.push(phone.number, phone.hours ?? '');
      // Languages an entry or line answers in print named in each packet language ("chino / Chinese").
      const codes = [...entry.languages, ...entry.phones.flatMap((phone) => phone.languages ?? [])];
      for (const locale of catalogs.locales.keys()) {
        const names = new Intl.DisplayNames([locale], { type: 'language' });
        for (const code of codes) texts.push(names.of(code) ?? code);
      }
    }
  }
  return texts.filter(Boolean);
}

function warmShapes(fontSet: FontSet, texts: string[]): ShapeCache {
  const cache = new ShapeCache();
  const styles: FontStyle[] = ['regular', 'bold', 'italic'];
  for (const text of texts) {
    for (const style of styles) {
      itemize([{ text: text.normalize('NFC'), style }], 'ltr', { fontSet, cache, sizePt: 10 });
    }
  }
  return cache;
}

function prepareFonts(fontSet: FontSet, shapes: ReadonlyMap<string, ShapedWord>, wordFaces: ReadonlyMap<string, number>): Map<number, FontProgram> {
  const glyphsByFace = new Map<number, Map<number, number[]>>();
  for (const [key, word] of shapes) {
    const faceIndex = wordFaces.get(key)!;
    let glyphs = glyphsByFace.get(faceIndex);
    if (!glyphs) glyphsByFace.set(faceIndex, (glyphs = new Map()));
    for (const glyph of word) if (!glyphs.has(glyph.id)) glyphs.set(glyph.id, glyph.codePoints);
  }
  const prepared = new Map<number, FontProgram>();
  for (const [faceIndex, glyphs] of glyphsByFace) prepared.set(faceIndex, buildFontProgram(fontSet.faces[faceIndex]!, glyphs));
  return prepared;
}

export interface EngineOptions {
  /** A directory tree other than the embedded assets/directory (tests, a second state). */
  directoryDir?: string;
  stateId?: string;
  /** A locales folder other than the embedded locales/ (tests, a translator's working copy). */
  localesDir?: string;
}

export const defaultStateId = 'ca';

/** What the bundled fonts can draw, as the locale checks need it. */
export function fontCoverageOf(fontSet: FontSet): FontCoverage {
  const scripts = new Set(fontSet.faces.flatMap((face) => face.scripts));
  return { canDraw: (codePoint) => fontSet.firstFaceFor.regular.has(codePoint), scripts };
}

/** The catalogs without the locales whose text no bundled font can draw: left out and reported, not a crash. */
export function printableCatalogs(catalogs: Catalogs, fontSet: FontSet): Catalogs {
  const coverage = fontCoverageOf(fontSet);
  return excludeLocales(catalogs, [...catalogs.locales.values()].flatMap((locale) => findUncoveredText(locale, coverage)));
}

export function createEngine(options: EngineOptions = {}): Engine {
  const started = performance.now();
  const fontSet = getFontSet();
  const catalogs = printableCatalogs(options.localesDir ? loadCatalogs(options.localesDir) : getCatalogs(), fontSet);
  const directory = options.directoryDir ? loadDirectory(options.directoryDir) : getDirectory();
  const stateId = options.stateId ?? defaultStateId;
  if (!directory.states.has(stateId)) throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `no directory for state ${stateId}` });
  const templates = compileTemplates(catalogs);
  const warmed = warmShapes(fontSet, sharedTexts(catalogs, directory));
  const frozenShapes = warmed.entries();
  const prepared = prepareFonts(fontSet, frozenShapes, warmed.faceOfEntries());
  return { catalogs, directory, fontSet, templates, stateId, frozenShapes, prepared, sectionCache: new SectionCache(), pageStreams: new PageStreamCache(), startupMs: performance.now() - started };
}

let memo: Engine | undefined;

export function getEngine(): Engine {
  memo ??= createEngine();
  return memo;
}
