/**
 * Loads locales/{tag}/*.json once. A locale is a folder: any folder added appears without a code change,
 * and a broken one (bad JSON, bad meta.json, missing keys, wrong placeholders, a non-canonical folder
 * name) is reported by file, line and key and left out while English and the other languages work.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { PacketError } from '../errors.js';
import { projectPath } from '../project-paths.js';
import { localeMetaSchema, namespaces, type LocaleMeta } from './locale-meta.js';
import { readJsonFile, type JsonFile } from './locale-files.js';
import { compareWithEnglish, flattenCatalog, type CatalogEntry } from './catalog-rules.js';
import { formatFinding, isBlocking, type LocaleFinding } from './locale-findings.js';
import { compareSources, isLegalText, readSourceHashes } from './source-hashes.js';
import { withPlainInterpolation } from './plain-interpolation.js';

export type CatalogTree = { [key: string]: string | CatalogTree };

export interface Locale {
  id: string;
  meta: LocaleMeta;
  catalogs: Record<string, CatalogTree>;
  /** The files as read, to say by line where a later finding (a glyph, an overflow) is. */
  files: Record<string, JsonFile>;
  /** "packet:card.door": legal text whose English changed after it was translated (source-hashes.json). */
  outdatedLegalKeys: string[];
  /** Every key whose English changed after it was translated. */
  outdatedKeys: string[];
}

export interface Catalogs {
  /** The locales that load cleanly; English always among them. */
  locales: ReadonlyMap<string, Locale>;
  /** What the loader found, the locales left out included: for logs, the CLI and GET /api/v1/locales. */
  findings: readonly LocaleFinding[];
  /** A `t` fixed to one loaded language. There is no fallback to English: a key is in the catalog or the locale is left out. */
  fixedT(lng: string): TFunction;
  has(lng: string): boolean;
}

/** RELEASE_PACKET_LOCALES_DIR points the service and CLI at a translator's working copy (or a pseudo-locale). */
export const defaultLocalesDir = process.env.RELEASE_PACKET_LOCALES_DIR || projectPath('locales');

/**
 * The tag in BCP 47's canonical case (pt-BR, zh-Hant-TW), or undefined when it is not a well-formed tag.
 * Only case and form are corrected, not CLDR's aliases: "tl" stays "tl" (Intl would make it "fil"), as the
 * TRUTH Act and the people who speak it name the language Tagalog.
 */
export function canonicalTagCase(tag: string): string | undefined {
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    return undefined;
  }
  return tag
    .split(/[-_]/)
    .map((part, index) => {
      if (index === 0) return part.toLowerCase();
      if (/^[A-Za-z]{4}$/.test(part)) return part[0]!.toUpperCase() + part.slice(1).toLowerCase();
      if (/^([A-Za-z]{2}|\d{3})$/.test(part)) return part.toUpperCase();
      return part.toLowerCase();
    })
    .join('-');
}

/** The folders under locales/ that are locale tags, and a finding for each folder that is not a canonical one. */
export function listLocaleFolders(localesDir: string): { ids: string[]; findings: LocaleFinding[] } {
  const ids: string[] = [];
  const findings: LocaleFinding[] = [];
  for (const entry of readdirSync(localesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const canonical = canonicalTagCase(entry.name);
    if (canonical === entry.name) ids.push(entry.name);
    else {
      const hint = canonical ? `rename the folder to "${canonical}"` : 'not a BCP 47 language tag';
      findings.push({ locale: entry.name, code: 'folder-name', severity: 'error', file: `${entry.name}/`, message: `folder left out: ${hint}` });
    }
  }
  return { ids: ids.sort(), findings };
}

export interface EnglishSource {
  /** namespace → flattened entries. */
  entries: Record<string, Map<string, CatalogEntry>>;
}

export interface ReadLocaleResult {
  /** Present only when nothing blocks the locale. */
  locale?: Locale;
  findings: LocaleFinding[];
  /** Whatever could be read, for `locales check` to go on finding problems in a broken locale. */
  partial: { meta?: LocaleMeta; catalogs: Record<string, CatalogTree>; files: Record<string, JsonFile>; outdatedKeys: string[]; untrackedKeys: string[] };
}

/** Reads and checks one folder against English (undefined when reading English itself). */
export function readLocale(localesDir: string, id: string, english?: EnglishSource): ReadLocaleResult {
  const findings: LocaleFinding[] = [];
  const metaRead = readJsonFile(join(localesDir, id, 'meta.json'), `${id}/meta.json`, id);
  let meta: LocaleMeta | undefined;
  if (!metaRead.ok) findings.push(metaRead.finding);
  else {
    const parsed = localeMetaSchema.safeParse(metaRead.json.value);
    if (parsed.success) meta = parsed.data;
    for (const issue of parsed.error?.issues ?? []) {
      const path = issue.path.map(String);
      findings.push({ locale: id, code: 'meta-invalid', severity: 'error', file: metaRead.json.file, line: metaRead.json.lineOf(path), key: path.join('.') || undefined, message: issue.message });
    }
  }
  const catalogs: Record<string, CatalogTree> = {};
  const files: Record<string, JsonFile> = {};
  for (const namespace of namespaces) {
    const read = readJsonFile(join(localesDir, id, `${namespace}.json`), `${id}/${namespace}.json`, id);
    if (!read.ok) {
      findings.push(read.finding);
      continue;
    }
    files[namespace] = read.json;
    catalogs[namespace] = read.json.value as CatalogTree;
    if (english) findings.push(...compareWithEnglish({ locale: id, namespace, english: english.entries[namespace]!, translated: read.json }));
    else for (const path of flattenCatalog(read.json.value).nonStrings) {
      findings.push({ locale: id, code: 'not-a-string', severity: 'error', file: read.json.file, line: read.json.lineOf(path), key: `${namespace}:${path.join('.')}`, message: 'value must be a string' });
    }
  }
  let outdatedKeys: string[] = [];
  let untrackedKeys: string[] = [];
  if (english) {
    const recorded = readSourceHashes(localesDir, id);
    if (recorded.finding) findings.push({ ...recorded.finding, severity: 'warning' });
    ({ outdated: outdatedKeys, untracked: untrackedKeys } = compareSources(english.entries, recorded.hashes));
  }
  const partial = { ...(meta ? { meta } : {}), catalogs, files, outdatedKeys, untrackedKeys };
  if (!meta || findings.some(isBlocking)) return { findings, partial };
  return { locale: { id, meta, catalogs, files, outdatedKeys, outdatedLegalKeys: outdatedKeys.filter(isLegalText) }, findings, partial };
}

export function englishSourceOf(locale: Locale): EnglishSource {
  return { entries: Object.fromEntries(namespaces.map((namespace) => [namespace, flattenCatalog(locale.catalogs[namespace] ?? {}).entries])) };
}

/** i18next over the given locales, as the catalogs use it (and the tests compare the plain path against). */
export function createI18next(locales: ReadonlyMap<string, Locale>): i18n {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries([...locales].map(([id, locale]) => [id, locale.catalogs])),
    lng: 'en',
    // No silent English: every loaded locale has every key (the loader leaves out those that do not).
    fallbackLng: false,
    ns: [...namespaces],
    defaultNS: 'packet',
    // Values are escaped for the HTML document tree; catalog markup itself is trusted and checked by `locales check`.
    interpolation: { escapeValue: true },
    returnNull: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}

/** Catalogs over the given locales; no I/O. */
export function buildCatalogs(locales: ReadonlyMap<string, Locale>, findings: readonly LocaleFinding[]): Catalogs {
  const instance = createI18next(locales);
  const fixedTs = new Map<string, TFunction>();
  for (const [id, locale] of locales) fixedTs.set(id, withPlainInterpolation(instance.getFixedT(id), id, locale.catalogs));

  return {
    locales,
    findings,
    has: (lng) => locales.has(lng),
    fixedT(lng) {
      const t = fixedTs.get(lng);
      if (!t) throw new PacketError('PKT_ERR_I18N_CATALOG', { detail: `no catalog for ${lng}` });
      return t;
    },
  };
}

/** The same catalogs without the locales `more` blocks (e.g. text no bundled font can draw), `more` kept as findings. */
export function excludeLocales(catalogs: Catalogs, more: readonly LocaleFinding[]): Catalogs {
  if (!more.length) return catalogs;
  const blocked = new Set(more.filter(isBlocking).map((finding) => finding.locale));
  blocked.delete('en');
  const locales = new Map([...catalogs.locales].filter(([id]) => !blocked.has(id)));
  return buildCatalogs(locales, [...catalogs.findings, ...more]);
}

export function loadCatalogs(localesDir = defaultLocalesDir): Catalogs {
  const folders = listLocaleFolders(localesDir);
  const findings: LocaleFinding[] = [...folders.findings];
  const englishRead = readLocale(localesDir, 'en');
  if (!englishRead.locale) {
    // Without English nothing can be checked or printed: the one locale whose breakage stops the service.
    const detail = englishRead.findings.map(formatFinding).join('; ') || 'locales/en is missing';
    throw new PacketError('PKT_ERR_I18N_CATALOG', { detail });
  }
  const english = englishSourceOf(englishRead.locale);
  const locales = new Map<string, Locale>([['en', englishRead.locale]]);
  for (const id of folders.ids) {
    if (id === 'en') continue;
    const read = readLocale(localesDir, id, english);
    findings.push(...read.findings);
    if (read.locale) locales.set(id, read.locale);
  }
  return buildCatalogs(locales, findings);
}

/** What the prepared startup file keeps of loaded catalogs: all but the files as read, which hold functions. */
export interface StoredCatalogs {
  locales: Map<string, Omit<Locale, 'files'>>;
  findings: LocaleFinding[];
}

export function storeCatalogs(catalogs: Catalogs): StoredCatalogs {
  const locales = new Map([...catalogs.locales].map(([id, { files: _files, ...locale }]) => [id, locale]));
  return { locales, findings: [...catalogs.findings] };
}

/**
 * Catalogs as they were loaded and checked when the prepared file was written (the same bytes, by its
 * digest). A locale's files are read again only if something asks for a key's line (a later finding).
 */
export function restoreCatalogs(stored: StoredCatalogs, localesDir: string): Catalogs {
  const locales = new Map<string, Locale>();
  for (const [id, locale] of stored.locales) {
    let files: Record<string, JsonFile> | undefined;
    locales.set(id, Object.defineProperty({ ...locale }, 'files', { get: () => (files ??= readLocale(localesDir, id).partial.files) }) as Locale);
  }
  return buildCatalogs(locales, stored.findings);
}

let memo: Catalogs | undefined;

/** The process-wide catalogs, read once; tests may pass their own directory to loadCatalogs instead. */
export function getCatalogs(): Catalogs {
  memo ??= loadCatalogs();
  return memo;
}

export function resetCatalogs(): void {
  memo = undefined;
}
