/**
 * Locale folders made from English: `locales new <tag>` (a draft to translate) and `locales pseudo`
 * (accented, about 40% longer, bracketed: any English left in a packet, the form or the CLI is then
 * text that never went through a catalog, and any box too small for a longer language overflows).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PacketError } from '../errors.js';
import { namespaces, type LocaleMeta } from './locale-meta.js';
import { englishSourceOf, readLocale, type CatalogTree } from './catalogs.js';
import { recordSourceHashes } from './source-hashes.js';

/** Chromium's and Android's tag for the accented pseudo-locale. */
export const pseudoTag = 'en-XA';

const accents: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Filler that makes the text about 40% longer, the way German or Tagalog run longer than English. */
const filler = 'ļöŕéɱ îþšûɱ ðöļöŕ šîţ áɱéţ çöñšéçţéţûŕ áðîþîšçîñĝ éļîţ šéð ðö éîûšɱöð ţéɱþöŕ';

/** Accents letters outside {{placeholders}}, <tags> and &entities;, pads by ~40% and brackets the whole. */
export function pseudoString(text: string): string {
  const parts = text.split(/(\{\{[^}]*\}\}|<[^>]+>|&[a-z#0-9]+;|--[a-z][a-z-]*)/g);
  let visible = 0;
  const accented = parts
    .map((part, index) => {
      if (index % 2 === 1) return part;
      visible += [...part].length;
      return part.replace(/[A-Za-z]/g, (letter) => accents[letter] ?? letter);
    })
    .join('');
  const padLength = Math.ceil(visible * 0.4);
  const pad = padLength > 0 ? ` ${filler.repeat(Math.ceil(padLength / filler.length)).slice(0, Math.max(1, padLength - 1))}` : '';
  return `[${accented}${pad}]`;
}

function mapTree(tree: CatalogTree, map: (text: string, key: string) => string, prefix = ''): CatalogTree {
  const out: CatalogTree = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out[key] = typeof value === 'string' ? map(value, path) : mapTree(value, map, path);
  }
  return out;
}

function writeLocale(folder: string, meta: LocaleMeta, catalogs: Record<string, CatalogTree>): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  for (const namespace of namespaces) writeFileSync(join(folder, `${namespace}.json`), `${JSON.stringify(catalogs[namespace] ?? {}, null, 2)}\n`);
}

function readEnglish(localesDir: string) {
  const english = readLocale(localesDir, 'en').locale;
  if (!english) throw new PacketError('PKT_ERR_I18N_CATALOG', { detail: 'locales/en does not load: run `locales check en`' });
  return english;
}

/** Writes `<outDir>/<tag>/`: every English string made pseudo. Returns the folder written. */
export function writePseudoLocale(localesDir: string, outDir: string = localesDir, tag = pseudoTag): string {
  const english = readEnglish(localesDir);
  const catalogs = Object.fromEntries(namespaces.map((namespace) => [namespace, mapTree(english.catalogs[namespace] ?? {}, pseudoString)]));
  const folder = join(outDir, tag);
  writeLocale(folder, { name: pseudoString('Pseudo English'), englishName: 'Pseudo English', dir: 'ltr', script: 'Latn', status: 'draft' }, catalogs);
  return folder;
}

export interface NewLocaleInput {
  tag: string;
  name: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
  script: string;
}

/**
 * Starts `<localesDir>/<tag>/` as a copy of English with status draft, for a translator to work
 * through. No source hashes are recorded: every string is "untracked" until `locales confirm`.
 */
export function createLocale(localesDir: string, input: NewLocaleInput): string {
  const canonical = Intl.getCanonicalLocales(input.tag)[0];
  if (canonical !== input.tag) throw new PacketError('PKT_ERR_USAGE', { detail: `"${input.tag}" is not a canonical BCP 47 tag${canonical ? `: use "${canonical}"` : ''}` });
  const folder = join(localesDir, input.tag);
  if (existsSync(folder)) throw new PacketError('PKT_ERR_USAGE', { detail: `locales/${input.tag} already exists` });
  const english = readEnglish(localesDir);
  writeLocale(folder, { name: input.name, englishName: input.englishName, dir: input.dir, script: input.script, status: 'draft' }, english.catalogs);
  return folder;
}

/** `locales confirm <tag> [keys]`: records today's English as the source of the locale's translations. */
export function confirmTranslations(localesDir: string, tag: string, keys?: readonly string[]): number {
  const english = readEnglish(localesDir);
  const hashes = recordSourceHashes(localesDir, tag, englishSourceOf(english).entries, keys);
  return Object.values(hashes).reduce((sum, table) => sum + Object.keys(table).length, 0);
}
