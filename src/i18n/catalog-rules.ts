/**
 * The rules a translated catalog must keep against English, as pure functions: the same keys (plural keys
 * by the forms the language needs, per Intl.PluralRules), the same {{placeholders}} and the same <tags>.
 * The loader applies them to keep a broken locale out; `locales check` reports them.
 */
import type { LocaleFinding } from './locale-findings.js';
import type { JsonFile } from './locale-files.js';

export interface CatalogEntry {
  text: string;
  /** Object keys from the file's root: ["cover", "title"]. */
  path: string[];
}

/** Dotted key → string; leaves that are not strings are returned apart, as a translator's mistake. */
export function flattenCatalog(tree: unknown): { entries: Map<string, CatalogEntry>; nonStrings: string[][] } {
  const entries = new Map<string, CatalogEntry>();
  const nonStrings: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') entries.set(path.join('.'), { text: node, path });
    else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    } else nonStrings.push(path);
  };
  walk(tree, []);
  return { entries, nonStrings };
}

/** `{{date, datetime(...)}}` names the value "date": the format after the comma may differ per language. */
export function placeholderNames(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*-?\s*([^},]+?)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].sort();
}

/** Opening and closing tag names, e.g. ["b", "/b"]; attributes may be translated, the tags may not. */
export function tagNames(text: string): string[] {
  return [...text.matchAll(/<(\/?[A-Za-z][\w-]*)[^>]*>/g)].map((match) => match[1] ?? '').sort();
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The plural categories a language's grammar distinguishes ("one", "other" in English; six in Arabic). */
export function pluralCategoriesOf(locale: string): string[] {
  try {
    return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  } catch {
    return ['other'];
  }
}

function listOf(names: string[], open: string, close: string): string {
  return names.length ? names.map((name) => `${open}${name}${close}`).join(', ') : '(none)';
}

export interface CompareInput {
  locale: string;
  namespace: string;
  english: Map<string, CatalogEntry>;
  translated: JsonFile;
}

/** Findings of one namespace file against English's: keys, plural forms, placeholders, markup. */
export function compareWithEnglish(input: CompareInput): LocaleFinding[] {
  const { locale, namespace, english, translated } = input;
  const findings: LocaleFinding[] = [];
  const { entries, nonStrings } = flattenCatalog(translated.value);
  const at = (path: string[]) => translated.lineOf(path);
  const finding = (code: LocaleFinding['code'], severity: LocaleFinding['severity'], key: string, path: string[], message: string) =>
    findings.push({ locale, code, severity, file: translated.file, line: at(path), key: `${namespace}:${key}`, message });

  for (const path of nonStrings) finding('not-a-string', 'error', path.join('.'), path, 'value must be a string');

  // Plural keys are compared by their base ("days" for days_one, days_other) and the language's forms.
  const englishPluralBases = new Set([...english.keys()].filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')));
  const categories = pluralCategoriesOf(locale);
  const isPluralOf = (key: string) => pluralSuffix.test(key) && englishPluralBases.has(key.replace(pluralSuffix, ''));

  for (const [key, entry] of english) {
    if (isPluralOf(key)) continue;
    if (!entries.has(key)) finding('key-missing', 'error', key, entry.path.slice(0, -1), `missing (English: "${entry.text.slice(0, 60)}")`);
  }
  for (const base of englishPluralBases) {
    for (const category of categories) {
      if (!entries.has(`${base}_${category}`)) {
        const path = base.split('.');
        finding('plural-missing', 'error', `${base}_${category}`, path.slice(0, -1), `${locale} needs the plural form "${category}" (Intl.PluralRules: ${categories.join(', ')})`);
      }
    }
  }
  for (const [key, entry] of entries) {
    const isWanted = english.has(key) || (isPluralOf(key) && categories.includes(key.match(pluralSuffix)![1]!));
    if (!isWanted) finding('key-extra', 'warning', key, entry.path, 'English has no such key: it is never printed');
  }

  for (const [key, entry] of entries) {
    // A plural form is checked against English's "other" form, whatever its category.
    const source = english.get(key) ?? (isPluralOf(key) ? english.get(key.replace(pluralSuffix, '_other')) : undefined);
    if (!source) continue;
    const want = placeholderNames(source.text);
    const have = placeholderNames(entry.text);
    if (want.join() !== have.join()) {
      finding('placeholder-mismatch', 'error', key, entry.path, `placeholders ${listOf(have, '{{', '}}')} differ from English's ${listOf(want, '{{', '}}')}`);
    }
    const wantTags = tagNames(source.text);
    const haveTags = tagNames(entry.text);
    if (wantTags.join() !== haveTags.join()) {
      finding('markup-mismatch', 'error', key, entry.path, `tags ${listOf(haveTags, '<', '>')} differ from English's ${listOf(wantTags, '<', '>')}`);
    }
  }
  return findings;
}
