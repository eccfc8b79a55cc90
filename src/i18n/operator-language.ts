/**
 * The operator's language, for messages and the staff form, apart from the packet's languages: over HTTP
 * from Accept-Language, on the command line from --ui-lang or the environment's locale (LC_ALL,
 * LC_MESSAGES, LANG: "es_MX.UTF-8" → es). Only loaded locales are chosen; otherwise undefined (English).
 */
import Negotiator from 'negotiator';
import type { Catalogs } from './catalogs.js';
import { resolveLanguage, type LocaleName } from '../request/resolve-names.js';

function localeNames(catalogs: Catalogs): LocaleName[] {
  return [...catalogs.locales.values()].map(({ id, meta }) => ({ id, name: meta.name, englishName: meta.englishName }));
}

/**
 * Answers already worked out, per catalogs: every refused request names its reader's language, and
 * resolving a tag (Intl canonicalization, maximizing) or negotiating a header costs more than the refusal.
 * Language tags and headers only, short ones, a bounded number: emptied when full.
 */
const resolved = new WeakMap<Catalogs, Map<string, string | undefined>>();
const maxRemembered = 256;
const maxRememberedLength = 128;

function remembered(catalogs: Catalogs, key: string, work: () => string | undefined): string | undefined {
  if (key.length > maxRememberedLength) return work();
  let answers = resolved.get(catalogs);
  if (!answers) resolved.set(catalogs, (answers = new Map()));
  if (answers.has(key)) return answers.get(key);
  const answer = work();
  if (answers.size >= maxRemembered) answers.clear();
  answers.set(key, answer);
  return answer;
}

/** A tag or name resolved to a loaded locale: "ES", "es-MX", "Spanish" → es. */
export function resolveOperatorLanguage(value: string | undefined, catalogs: Catalogs): string | undefined {
  return value ? remembered(catalogs, `tag:${value}`, () => resolveLanguage(value, localeNames(catalogs))) : undefined;
}

export function languageFromAcceptLanguage(header: string | undefined, catalogs: Catalogs): string | undefined {
  if (!header) return undefined;
  return remembered(catalogs, `header:${header}`, () => negotiate(header, catalogs));
}

function negotiate(header: string, catalogs: Catalogs): string | undefined {
  // Negotiator honours q-values and matches "es-MX" to "es"; a bare "*" is no preference.
  const ids = [...catalogs.locales.keys()];
  const best = new Negotiator({ headers: { 'accept-language': header } }).languages(ids);
  if (best[0]) return best[0];
  // Region or script variants negotiator cannot reach (zh-TW for zh-Hant): the tag's own fallbacks.
  for (const range of header.split(',')) {
    const id = resolveOperatorLanguage(range.split(';')[0]!.trim(), catalogs);
    if (id) return id;
  }
  return undefined;
}

export function languageFromEnvironment(env: NodeJS.ProcessEnv, catalogs: Catalogs): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    // "C" and "POSIX" name no language; the first set variable decides, as in setlocale(3).
    const tag = value.split(/[.@]/)[0]!;
    if (tag === 'C' || tag === 'POSIX') return undefined;
    return resolveOperatorLanguage(tag, catalogs);
  }
  return undefined;
}
