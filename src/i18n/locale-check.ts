/**
 * `release-packet locales check`: everything wrong with a locale folder, by file, line and key, in one run:
 * folder name, meta.json, JSON syntax, keys and plural forms against English, placeholders and markup,
 * characters no bundled font draws, text that overflows a fixed box (laid out and measured), and
 * translations whose English changed since (needs review). The CLI and `npm test` both run this.
 * A tool over the whole pipeline, not a stage: it may use fonts and layout, which the loader may not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLocalesDir, englishSourceOf, listLocaleFolders, readLocale, type Locale } from './catalogs.js';
import { findUncoveredText, type FontCoverage } from './glyph-coverage.js';
import type { LocaleFinding } from './locale-findings.js';
import { isLegalText, sourceHashesFile } from './source-hashes.js';
import { findOverflows } from './overflow-check.js';
import { getFontSet } from '../layout/fonts.js';
import { fontCoverageOf } from '../engine.js';

export interface CheckOptions {
  localesDir?: string;
  /** Locale tags to check; all folders when empty. English is always read, as the reference. */
  tags?: readonly string[];
  /** Lay out fixed boxes (the wallet card) to find overflow; on by default, slower. */
  isLayoutChecked?: boolean;
}

export interface CheckReport {
  /** Tags (folder names) looked at, English included when asked for. */
  checked: string[];
  findings: LocaleFinding[];
  errors: number;
  warnings: number;
}

/** Untracked keys are listed one by one up to this many, then summed up in one line. */
const untrackedListedMax = 5;

function sourceFindings(id: string, outdated: string[], untracked: string[]): LocaleFinding[] {
  const file = `${id}/${sourceHashesFile}`;
  const findings: LocaleFinding[] = outdated.map((key) => ({
    locale: id,
    code: 'needs-review',
    severity: 'warning',
    file,
    key,
    message: isLegalText(key)
      ? 'the English changed since this was translated: review it (legal text: pages print an "outdated translation" mark until then)'
      : 'the English changed since this was translated: review it',
  }));
  const listed = untracked.length <= untrackedListedMax ? untracked : [];
  for (const key of listed) findings.push({ locale: id, code: 'untracked', severity: 'warning', file, key, message: 'no record of the English this was translated from (run `locales confirm`)' });
  if (untracked.length > listed.length) {
    findings.push({ locale: id, code: 'untracked', severity: 'warning', file, message: `${untracked.length} strings have no record of the English they were translated from (run \`locales confirm ${id}\` once they are reviewed)` });
  }
  return findings;
}

export function checkLocales(options: CheckOptions = {}): CheckReport {
  const localesDir = options.localesDir ?? defaultLocalesDir;
  const folders = listLocaleFolders(localesDir);
  const asked = options.tags?.length ? [...options.tags] : [...folders.ids, ...folders.findings.map((finding) => finding.locale)];
  const findings: LocaleFinding[] = folders.findings.filter((finding) => asked.includes(finding.locale));
  const coverage: FontCoverage = fontCoverageOf(getFontSet());

  const englishRead = readLocale(localesDir, 'en');
  if (asked.includes('en') || !englishRead.locale) findings.push(...englishRead.findings);
  if (!englishRead.locale) return summarize(asked, findings);
  const english = englishSourceOf(englishRead.locale);
  if (asked.includes('en')) findings.push(...findUncoveredText(englishRead.locale, coverage));

  const measurable: Locale[] = [];
  for (const id of asked) {
    if (id === 'en' || !folders.ids.includes(id)) {
      if (id !== 'en' && !folders.findings.some((finding) => finding.locale === id)) {
        findings.push({ locale: id, code: 'file-missing', severity: 'error', file: `${id}/`, message: existsSync(join(localesDir, id)) ? 'not a locale folder' : 'no such locale folder' });
      }
      continue;
    }
    const read = readLocale(localesDir, id, english);
    findings.push(...read.findings);
    findings.push(...findUncoveredText({ id, files: read.partial.files, ...(read.partial.meta ? { meta: read.partial.meta } : {}) }, coverage));
    findings.push(...sourceFindings(id, read.partial.outdatedKeys, read.partial.untrackedKeys));
    // Even a locale the loader would leave out is measured: a translator fixes everything in one round.
    measurable.push({
      id,
      meta: read.partial.meta ?? { name: id, englishName: id, dir: 'ltr', script: 'Latn', status: 'draft' },
      catalogs: read.partial.catalogs,
      files: read.partial.files,
      outdatedKeys: [],
      outdatedLegalKeys: [],
    });
  }
  if (options.isLayoutChecked !== false && measurable.length) {
    findings.push(...findOverflows(englishRead.locale, measurable));
  }
  return summarize(asked, findings);
}

function summarize(checked: string[], findings: LocaleFinding[]): CheckReport {
  const order = (finding: LocaleFinding) => `${finding.locale}\u0000${finding.file}\u0000${String(finding.line ?? 0).padStart(6, '0')}\u0000${finding.key ?? ''}`;
  findings.sort((a, b) => order(a).localeCompare(order(b)));
  return {
    checked,
    findings,
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
  };
}
