/** Loads locales/{lng}/*.json once, validates meta.json, and hands out translation functions. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { PacketError } from '../errors.js';
import { projectPath } from '../project-paths.js';
import { localeMetaSchema, namespaces, type LocaleMeta } from './locale-meta.js';

export type CatalogTree = { [key: string]: string | CatalogTree };

export interface Locale {
  id: string;
  meta: LocaleMeta;
  catalogs: Record<string, CatalogTree>;
}

export interface Catalogs {
  locales: ReadonlyMap<string, Locale>;
  /** A `t` fixed to one language; falls back to English for a key the language lacks. */
  fixedT(lng: string): TFunction;
  has(lng: string): boolean;
}

export const defaultLocalesDir = projectPath('locales');

/** Locale ids are BCP 47 language tags with an optional region or script: "es", "zh-Hans", "pt-BR". */
const localeIdPattern = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new PacketError('PKT_ERR_I18N_CATALOG', { cause, detail: path });
  }
}

export function readLocale(localesDir: string, id: string): Locale {
  const folder = join(localesDir, id);
  const parsedMeta = localeMetaSchema.safeParse(readJson(join(folder, 'meta.json')));
  if (!parsedMeta.success) {
    throw new PacketError('PKT_ERR_I18N_CATALOG', { detail: `${id}/meta.json: ${parsedMeta.error.issues[0]?.message}` });
  }
  const catalogs: Record<string, CatalogTree> = {};
  for (const ns of namespaces) {
    const file = join(folder, `${ns}.json`);
    if (existsSync(file)) catalogs[ns] = readJson(file) as CatalogTree;
  }
  return { id, meta: parsedMeta.data, catalogs };
}

export function listLocaleIds(localesDir: string): string[] {
  return readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && localeIdPattern.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export function loadCatalogs(localesDir = defaultLocalesDir): Catalogs {
  const locales = new Map<string, Locale>();
  for (const id of listLocaleIds(localesDir)) locales.set(id, readLocale(localesDir, id));
  if (!locales.has('en')) throw new PacketError('PKT_ERR_I18N_CATALOG', { detail: 'English (en) is required' });

  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries([...locales].map(([id, locale]) => [id, locale.catalogs])),
    lng: 'en',
    fallbackLng: 'en',
    ns: [...namespaces],
    defaultNS: 'packet',
    // Values are escaped for the HTML document tree; catalog markup itself is trusted and checked by `locales check`.
    interpolation: { escapeValue: true },
    returnNull: false,
  } as Parameters<i18n['init']>[0]);

  const fixedTs = new Map<string, TFunction>();
  for (const id of locales.keys()) fixedTs.set(id, instance.getFixedT(id));

  return {
    locales,
    has: (lng) => locales.has(lng),
    fixedT(lng) {
      const t = fixedTs.get(lng) ?? fixedTs.get('en');
      if (!t) throw new PacketError('PKT_ERR_I18N_CATALOG', { detail: `no catalog for ${lng}` });
      return t;
    },
  };
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
