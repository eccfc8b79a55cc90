/**
 * Everything parsed once per process: catalogs, directory, fonts, templates, the shaped words of all
 * non-personal text and the font programs prepared from them. Read-only after startup, but for the
 * bounded caches of sections and pages that hold no personal data.
 */
import { defaultLocalesDir, excludeLocales, getCatalogs, loadCatalogs, restoreCatalogs, storeCatalogs, type Catalogs, type CatalogTree } from './i18n/catalogs.js';
import { findUncoveredText, type FontCoverage } from './i18n/glyph-coverage.js';
import { defaultDirectoryDir, getDirectory, loadDirectory, type Directory } from './directory/load-directory.js';
import { defaultFontsDir, getFontSet, loadFontSet, pickFace, summarizeFontSet, type FontSet, type FontStyle } from './layout/fonts.js';
import { ShapeCache, type ShapedWord } from './layout/shape.js';
import { packShapes, UnpackedShapes, type ShapeLookup } from './layout/packed-shapes.js';
import { itemize } from './layout/itemize.js';
import { layoutTexts } from './layout/block-layout.js';
import { compileTemplates, defaultTemplatesDir, precompileTemplates, type Templates } from './render/templates.js';
import { SectionCache } from './render/section-cache.js';
import { PacketError } from './errors.js';
import { loadOfficialCards, type OfficialCard } from './layout/official-cards.js';
import { buildFontProgram, type FontProgram } from './pdf/font-program.js';
import { PageStreamCache } from './pdf/page-stream-cache.js';
import { defaultPreparedPath, readPreparedStartup, writePreparedStartup } from './startup/prepared-file.js';

export interface Engine {
  catalogs: Catalogs;
  directory: Directory;
  fontSet: FontSet;
  templates: Templates;
  /** The state whose counties a request names; another state is another folder of assets/directory/. */
  stateId: string;
  /** Shaped words of catalog and directory text; a packet's own words go in a per-packet memo. */
  frozenShapes: ShapeLookup;
  prepared: ReadonlyMap<number, FontProgram>;
  /** Sections without personal data, rendered and laid out once for all packets that share them. */
  sectionCache: SectionCache;
  /** Deflated pages made only of those sections, kept by the writer. */
  pageStreams: PageStreamCache;
  startupMs: number;
  /** Official card PDFs by locale (assets/cards/cards.json), printed in place of the built-in card. */
  officialCards: ReadonlyMap<string, OfficialCard>;
  /** 'prepared' when shapes and font programs came from the prepared startup file, 'computed' otherwise. */
  startupSource: 'prepared' | 'computed';
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
    for (const table of state.translations.values()) {
      for (const translation of table.values()) texts.push(translation.serviceName ?? '', ...translation.hours.values());
    }
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
  /** A locales folder other than the embedded locales/ (tests). */
  localesDir?: string;
  /** An official cards folder other than assets/cards (tests). */
  cardsDir?: string;
  stateId?: string;
  /**
   * The prepared startup file to load instead of shaping and subsetting (the CLI's fast start). A missing,
   * stale or corrupt file is ignored, the work done here, and the file rewritten for the next process.
   */
  preparedFile?: string;
}

export const defaultStateId = 'ca';

/** Shaped words and font programs: computed from all shared text, or taken from a prepared file that matches. */
function computeShapesAndPrograms(catalogs: Catalogs, directory: Directory, fontSet: FontSet) {
  const warmed = warmShapes(fontSet, sharedTexts(catalogs, directory));
  const frozenShapes = warmed.entries() as Map<string, ShapedWord>;
  return { frozenShapes, prepared: prepareFonts(fontSet, frozenShapes, warmed.faceOfEntries()) };
}

/** What the bundled fonts can draw, as the locale checks need it. */
export function fontCoverageOf(fontSet: FontSet): FontCoverage {
  const scripts = new Set(fontSet.faces.flatMap((face) => face.scripts));
  return { canDraw: (codePoint) => pickFace(fontSet, 'regular', codePoint) !== undefined, scripts };
}

/** The catalogs without the locales whose text no bundled font can draw: left out and reported, not a crash. */
export function printableCatalogs(catalogs: Catalogs, fontSet: FontSet): Catalogs {
  const coverage = fontCoverageOf(fontSet);
  return excludeLocales(catalogs, [...catalogs.locales.values()].flatMap((locale) => findUncoveredText(locale, coverage)));
}

export function createEngine(options: EngineOptions = {}): Engine {
  const started = performance.now();
  const inputs = {
    fontsDir: defaultFontsDir,
    localesDir: options.localesDir ?? defaultLocalesDir,
    templatesDir: defaultTemplatesDir,
    directoryDir: options.directoryDir ?? defaultDirectoryDir,
  };
  const stored = options.preparedFile ? readPreparedStartup(options.preparedFile, inputs) : undefined;
  const directory = stored?.directory ?? (options.directoryDir ? loadDirectory(options.directoryDir) : getDirectory());
  const stateId = options.stateId ?? defaultStateId;
  if (!directory.states.has(stateId)) throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `no directory for state ${stateId}` });
  // From the prepared file, faces are parsed only if a word needs shaping that the file does not hold.
  const fontSet = stored ? loadFontSet(defaultFontsDir, stored.faces) : getFontSet();
  const catalogs = stored
    ? restoreCatalogs(stored.catalogs, inputs.localesDir)
    : printableCatalogs(options.localesDir ? loadCatalogs(options.localesDir) : getCatalogs(), fontSet);
  const officialCards = loadOfficialCards(options.cardsDir);
  const engine = (templates: Templates, frozenShapes: ShapeLookup, prepared: ReadonlyMap<number, FontProgram>, startupSource: Engine['startupSource']): Engine => ({
    catalogs, directory, fontSet, templates, stateId, frozenShapes, prepared, sectionCache: new SectionCache(), pageStreams: new PageStreamCache(), startupMs: performance.now() - started, startupSource, officialCards,
  });
  if (stored) {
    const prepared = new Map([...stored.programs].map(([faceIndex, program]): [number, FontProgram] => [faceIndex, { ...program, face: fontSet.faces[faceIndex]! }]));
    return engine(compileTemplates(catalogs, defaultTemplatesDir, stored.templateSpecs), new UnpackedShapes(stored.shapes), prepared, 'prepared');
  }
  const { frozenShapes, prepared } = computeShapesAndPrograms(catalogs, directory, fontSet);
  if (!options.preparedFile) return engine(compileTemplates(catalogs), frozenShapes, prepared, 'computed');
  const programs = new Map([...prepared].map(([faceIndex, { face: _face, ...program }]) => [faceIndex, program]));
  const templateSpecs = precompileTemplates(defaultTemplatesDir);
  writePreparedStartup(options.preparedFile, inputs, { faces: summarizeFontSet(fontSet), shapes: packShapes(frozenShapes), programs, templateSpecs, directory, catalogs: storeCatalogs(catalogs) });
  return engine(compileTemplates(catalogs, defaultTemplatesDir, templateSpecs), frozenShapes, prepared, 'computed');
}

let memo: Engine | undefined;

export function getEngine(): Engine {
  memo ??= createEngine();
  return memo;
}

let preparedMemo: Engine | undefined;

/** The command line's engine: started from the prepared startup file next to the code (rebuilt there when stale). */
export function getPreparedEngine(): Engine {
  preparedMemo ??= createEngine({ preparedFile: defaultPreparedPath });
  return preparedMemo;
}
