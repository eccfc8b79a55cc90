/**
 * i18next's `t` for what packets ask most: a catalog string whose only markup is `{{name}}` placeholders,
 * filled in and HTML-escaped as i18next does, without its option handling (a fifth of a batch packet's
 * render time went to it). Anything else goes to i18next itself: a format (`{{date, datetime(…)}}`), an
 * unescaped or nested value, plurals and context, a value that is not a string or number, a key the
 * language's own catalog lacks. tests/i18n/plain-interpolation.test.ts holds both to the same output for
 * every key of every shipped locale.
 */
import type { TFunction } from 'i18next';
import type { CatalogTree } from './catalogs.js';

/** i18next's `escape` (interpolation.escapeValue: true). */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '/': '&#x2F;' };
const escapeHtml = (text: string) => text.replace(/[&<>"'/]/g, (character) => entities[character]!);

/** i18next's default interpolation pattern (prefix `{{`, suffix `}}`); a name is trimmed. */
const placeholder = /\{\{(.+?)\}\}/g;
const plainName = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names i18next reads as options (plurals, context, …): a placeholder so named is left to it. */
const optionNames = new Set(['count', 'context', 'ordinal', 'replace', 'ns', 'lng', 'lngs', 'fallbackLng', 'keyPrefix', 'defaultValue', 'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'skipInterpolation', 'nsSeparator', 'keySeparator']);

/** A catalog string cut at its placeholders: text, name, text, name, …, text. */
type PlainText = { texts: string[]; names: string[] };

/** The string as plain text and names, or undefined when i18next must read it (formats, nesting, `{{- x}}`). */
export function parsePlainText(raw: string): PlainText | undefined {
  if (raw.includes('$t(')) return undefined;
  const texts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of raw.matchAll(placeholder)) {
    const name = match[1]!.trim();
    if (!plainName.test(name) || optionNames.has(name)) return undefined;
    texts.push(raw.slice(last, match.index));
    names.push(name);
    last = match.index + match[0].length;
  }
  texts.push(raw.slice(last));
  return { texts, names };
}

function lookUp(catalogs: Record<string, CatalogTree>, key: string): string | undefined {
  const colon = key.indexOf(':');
  let node: string | CatalogTree | undefined = catalogs[colon < 0 ? 'packet' : key.slice(0, colon)];
  for (const part of (colon < 0 ? key : key.slice(colon + 1)).split('.')) {
    if (typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, part) ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** Whether `interpolation` asks for nothing but unescaped values (the document's furniture and titles do). */
function isOnlyUnescaped(option: unknown): boolean {
  return typeof option === 'object' && option !== null && Object.keys(option).length === 1 && (option as { escapeValue?: unknown }).escapeValue === false;
}

/**
 * The text for `key` with `options`, or undefined when i18next must make it. `lng` and `defaultValue` are
 * i18next's own options (the key exists, so a default never applies); every other option must be a
 * placeholder of the string, filled with a string or a finite number.
 */
function fillIn(text: PlainText, lng: string, options: Record<string, unknown> | undefined): string | undefined {
  let isRaw = false;
  if (options) {
    for (const name of Object.keys(options)) {
      if (name === 'lng') {
        if (options.lng !== lng) return undefined;
      } else if (name === 'interpolation') {
        if (!isOnlyUnescaped(options.interpolation)) return undefined;
        isRaw = true;
      } else if (name !== 'defaultValue' && !text.names.includes(name)) return undefined;
    }
  }
  let result = text.texts[0]!;
  for (let index = 0; index < text.names.length; index++) {
    const value = options?.[text.names[index]!];
    let filled: string;
    if (typeof value === 'string') filled = value;
    else if (Number.isFinite(value)) filled = String(value);
    else return undefined;
    result += (isRaw ? filled : escapeHtml(filled)) + text.texts[index + 1]!;
  }
  return result;
}

/** `t` for one language: plain catalog strings filled in here, the rest by i18next's `t`. */
export function withPlainInterpolation(t: TFunction, lng: string, catalogs: Record<string, CatalogTree>): TFunction {
  // Parsed once per catalog key (a bounded set); null: a string i18next must read.
  const parsed = new Map<string, PlainText | null>();
  const plainT = (key: unknown, options?: unknown): unknown => {
    // Options that are not an object (i18next's `t(key, defaultValue)`) have no placeholder's name: they go to i18next.
    if (typeof key === 'string' && (options === undefined || (typeof options === 'object' && options !== null))) {
      let text = parsed.get(key);
      if (text === undefined) {
        const raw = lookUp(catalogs, key);
        text = raw === undefined ? null : (parsePlainText(raw) ?? null);
        if (raw !== undefined) parsed.set(key, text);
      }
      const filled = text && fillIn(text, lng, options as Record<string, unknown> | undefined);
      if (filled !== undefined && filled !== null) return filled;
    }
    return (t as unknown as (key: unknown, options?: unknown) => unknown)(key, options);
  };
  return plainT as unknown as TFunction;
}
