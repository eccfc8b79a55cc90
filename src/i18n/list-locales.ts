/** The languages a packet can be printed in, with review status, for the CLI, the staff form and GET /api/v1/locales. */
import type { Catalogs } from './catalogs.js';
import { getCatalogs } from './catalogs.js';
import { formatFinding, isBlocking, type LocaleFinding } from './locale-findings.js';

export interface LocaleSummary {
  /** BCP 47 tag, the folder name: "zh-Hant". */
  id: string;
  /** In the language itself: "繁體中文". */
  name: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
  script: string;
  status: 'draft' | 'reviewed';
  reviewedBy?: string;
  reviewedAt?: string;
  /** Translated strings whose English changed since: they print, legal ones with a visible mark. */
  needsReview: number;
}

export interface LeftOutLocale {
  /** The folder name as found (may be a non-canonical one such as "pt-br"). */
  folder: string;
  /** One line per blocking finding: "ko/packet.json:12 packet:card.door: …". */
  problems: string[];
}

/** Loaded locales, English first, then by tag. */
export function listLocales(catalogs: Catalogs = getCatalogs()): LocaleSummary[] {
  return [...catalogs.locales.values()]
    .map(({ id, meta, outdatedKeys }): LocaleSummary => ({
      id,
      name: meta.name,
      englishName: meta.englishName,
      dir: meta.dir,
      script: meta.script,
      status: meta.status,
      ...(meta.reviewedBy ? { reviewedBy: meta.reviewedBy } : {}),
      ...(meta.reviewedAt ? { reviewedAt: meta.reviewedAt } : {}),
      needsReview: outdatedKeys.length,
    }))
    .sort((a, b) => (a.id === 'en' ? -1 : b.id === 'en' ? 1 : a.id.localeCompare(b.id)));
}

/** Folders that were found but left out, each with why: what an operator must see, not a silent gap. */
export function listLeftOutLocales(catalogs: Catalogs = getCatalogs()): LeftOutLocale[] {
  const byFolder = new Map<string, LocaleFinding[]>();
  for (const finding of catalogs.findings) {
    if (!isBlocking(finding) || catalogs.locales.has(finding.locale)) continue;
    byFolder.set(finding.locale, [...(byFolder.get(finding.locale) ?? []), finding]);
  }
  return [...byFolder].map(([folder, findings]) => ({ folder, problems: findings.map(formatFinding) })).sort((a, b) => a.folder.localeCompare(b.folder));
}
