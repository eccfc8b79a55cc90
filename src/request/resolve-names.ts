/**
 * Operator-friendly names for the two vocabularies a request uses: a county by slug or by name in any case
 * ("Los Angeles", "los angeles", "LOS-ANGELES", "Los Angeles County"), a language by any BCP 47 tag that
 * falls back to a shipped locale ("ES", "es-MX", "es_MX" → es; "zh-Hant-TW" → zh-Hant) or by its name
 * ("Spanish", "español"). What cannot be resolved gets the nearest valid value as a suggestion.
 */

export interface CountyName {
  slug: string;
  name: string;
}

export interface LocaleName {
  id: string;
  name: string;
  englishName: string;
}

/** Case, accents, spaces, underscores and hyphens folded away: "Los Ángeles_county" → "los-angeles-county". */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_.-]+/g, '-');
}

export function resolveCounty(value: string, counties: readonly CountyName[]): string | undefined {
  const folded = foldName(value);
  // "Los Angeles County" names los-angeles; a slug that itself ends in "-county" still names its own county.
  const bare = folded.replace(/-county$/, '');
  for (const county of counties) {
    if (county.slug === folded || county.slug === bare || foldName(county.name) === bare) return county.slug;
  }
  return undefined;
}

/** The tag and its fallbacks, most specific first: zh-Hant-TW → zh-Hant-TW, zh-Hant, zh; zh-TW adds zh-Hant. */
function tagFallbacks(value: string): string[] {
  let tag: string;
  try {
    tag = Intl.getCanonicalLocales(value.trim().replace(/_/g, '-'))[0] ?? '';
  } catch {
    return [];
  }
  const parts = tag.split('-');
  const tags = parts.map((_, index) => parts.slice(0, parts.length - index).join('-'));
  try {
    // A region implies a script for some languages: zh-TW is written in Traditional characters (zh-Hant).
    const full = new Intl.Locale(tag).maximize();
    if (full.script) tags.splice(tags.length - 1, 0, `${full.language}-${full.script}`);
  } catch {
    // Not a locale Intl can maximize: the plain fallbacks stand.
  }
  return tags;
}

export function resolveLanguage(value: string, locales: readonly LocaleName[]): string | undefined {
  const byTag = new Map(locales.map((locale) => [locale.id.toLowerCase(), locale.id]));
  // The tag as a folder names it first: Intl canonicalizes aliases ("tl" becomes "fil"), folders need not.
  const asWritten = byTag.get(value.trim().replace(/_/g, '-').toLowerCase());
  if (asWritten) return asWritten;
  for (const tag of tagFallbacks(value)) {
    const id = byTag.get(tag.toLowerCase());
    if (id) return id;
  }
  const folded = foldName(value);
  return locales.find((locale) => foldName(locale.name) === folded || foldName(locale.englishName) === folded)?.id;
}

/** Optimal string alignment distance (a swap of two neighbours counts as one edit), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * The candidate nearest to what was typed, if near enough to be a slip (a third of its length, at least 1, at most 3 edits).
 * `candidates` pairs each spelling to compare with the value to suggest: a county's name suggests its slug.
 */
export function suggestNearest(value: string, candidates: readonly (readonly [spelling: string, suggestion: string])[]): string | undefined {
  const typed = foldName(value);
  if (!typed || typed.length > 60) return undefined;
  let best: { suggestion: string; distance: number } | undefined;
  for (const [spelling, suggestion] of candidates) {
    const distance = editDistance(typed, foldName(spelling));
    if (distance <= Math.min(3, Math.max(1, Math.floor(foldName(spelling).length / 3))) && (!best || distance < best.distance)) best = { suggestion, distance };
  }
  return best?.suggestion;
}
