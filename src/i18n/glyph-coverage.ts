/**
 * Which strings of a locale the bundled fonts cannot draw, by file, line and key. Pure: the fonts come in
 * as a predicate and the set of scripts fonts.json declares, so this stays below the layout stage.
 */
import type { Locale } from './catalogs.js';
import { flattenCatalog } from './catalog-rules.js';
import type { LocaleFinding } from './locale-findings.js';

export interface FontCoverage {
  canDraw(codePoint: number): boolean;
  /** ISO 15924 codes fonts.json lists for its faces. */
  scripts: ReadonlySet<string>;
}

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function undrawable(text: string, coverage: FontCoverage): number[] {
  const missing: number[] = [];
  // Placeholders and tags never print as written.
  for (const character of text.replace(/\{\{[^}]*\}\}/g, '').replace(/<[^>]+>/g, '')) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint === 0x0a || coverage.canDraw(codePoint) || missing.includes(codePoint)) continue;
    missing.push(codePoint);
  }
  return missing;
}

/** `locale.meta` may be absent (an invalid meta.json): the catalogs are still checked. */
export function findUncoveredText(locale: Pick<Locale, 'id' | 'files'> & { meta?: Locale['meta'] }, coverage: FontCoverage): LocaleFinding[] {
  const findings: LocaleFinding[] = [];
  const metaFile = `${locale.id}/meta.json`;
  if (locale.meta && !coverage.scripts.has(locale.meta.script)) {
    findings.push({ locale: locale.id, code: 'script-uncovered', severity: 'error', file: metaFile, key: 'script', message: `no bundled font is listed for script ${locale.meta.script} (assets/fonts/fonts.json)` });
  }
  const nameMissing = undrawable(locale.meta?.name ?? '', coverage);
  if (nameMissing.length) {
    findings.push({ locale: locale.id, code: 'glyph-missing', severity: 'error', file: metaFile, key: 'name', message: `no bundled font draws ${nameMissing.map(codePointLabel).join(' ')}` });
  }
  for (const [namespace, file] of Object.entries(locale.files)) {
    for (const [key, entry] of flattenCatalog(file.value).entries) {
      const missing = undrawable(entry.text, coverage);
      if (!missing.length) continue;
      const shown = missing.slice(0, 8).map((codePoint) => `${codePointLabel(codePoint)} ${String.fromCodePoint(codePoint)}`).join(', ');
      const more = missing.length > 8 ? ` and ${missing.length - 8} more` : '';
      findings.push({ locale: locale.id, code: 'glyph-missing', severity: 'error', file: file.file, line: file.lineOf(entry.path), key: `${namespace}:${key}`, message: `no bundled font draws ${shown}${more}` });
    }
  }
  return findings;
}
