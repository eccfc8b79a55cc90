/**
 * Source tracking: locales/<tag>/source-hashes.json records, per translated key, a hash of the English
 * text it was translated from. When English changes, the hash no longer matches and the translation
 * "needs review". A sidecar file rather than a field in the catalogs, because translation platforms
 * (Weblate, Crowdin, Lokalise, Transifex) rewrite the i18next JSON files they manage and would drop
 * anything that is not a translation; they leave an unconfigured file alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CatalogEntry } from './catalog-rules.js';
import type { LocaleFinding } from './locale-findings.js';
import { readJsonFile } from './locale-files.js';

export const sourceHashesFile = 'source-hashes.json';

/** namespace → dotted key → hash of the English text. */
export type SourceHashes = Record<string, Record<string, string>>;

const sourceHashesSchema = z.record(z.string(), z.record(z.string(), z.string().regex(/^[0-9a-f]{16}$/)));

/** First 64 bits of SHA-256 of the English text, NFC: enough to tell an edit, short enough to diff. */
export function hashSource(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 16);
}

/**
 * Strings a person relies on for their rights: an outdated translation of these never prints without a
 * visible mark. The detainer and TRUTH Act rights, juvenile confidentiality, the wallet card, the staff
 * duties, and the "not legal advice" line.
 */
const legalKeyPrefixes = ['packet:iceHold.', 'packet:youth.', 'packet:card.', 'packet:staff.', 'packet:cover.notLegalAdvice'];

export function isLegalText(key: string): boolean {
  return legalKeyPrefixes.some((prefix) => key.startsWith(prefix));
}

export function readSourceHashes(localesDir: string, locale: string): { hashes?: SourceHashes; finding?: LocaleFinding } {
  const path = join(localesDir, locale, sourceHashesFile);
  if (!existsSync(path)) return {};
  const read = readJsonFile(path, `${locale}/${sourceHashesFile}`, locale);
  if (!read.ok) return { finding: { ...read.finding, code: read.finding.code === 'json-syntax' ? 'source-hashes-invalid' : read.finding.code } };
  const parsed = sourceHashesSchema.safeParse(read.json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String);
    return { finding: { locale, code: 'source-hashes-invalid', severity: 'error', file: read.json.file, line: read.json.lineOf(path), message: `${path.join('.')}: ${issue.message}` } };
  }
  return { hashes: parsed.data };
}

export interface SourceStatus {
  /** "packet:card.door": the English changed since this was translated. */
  outdated: string[];
  /** Translated keys with no record of their English. */
  untracked: string[];
}

/** Compares recorded hashes with today's English. `english` is namespace → entries. */
export function compareSources(english: Record<string, Map<string, CatalogEntry>>, hashes: SourceHashes | undefined): SourceStatus {
  const status: SourceStatus = { outdated: [], untracked: [] };
  for (const [namespace, entries] of Object.entries(english)) {
    for (const [key, entry] of entries) {
      const recorded = hashes?.[namespace]?.[key];
      if (!recorded) status.untracked.push(`${namespace}:${key}`);
      else if (recorded !== hashSource(entry.text)) status.outdated.push(`${namespace}:${key}`);
    }
  }
  return status;
}

/**
 * Records the current English of `keys` (all keys when omitted) as the source of the locale's
 * translations: run after translating or reviewing against today's English.
 */
export function recordSourceHashes(localesDir: string, locale: string, english: Record<string, Map<string, CatalogEntry>>, keys?: readonly string[]): SourceHashes {
  const current = readSourceHashes(localesDir, locale).hashes ?? {};
  const next: SourceHashes = {};
  for (const [namespace, entries] of Object.entries(english)) {
    const table: Record<string, string> = {};
    for (const [key, entry] of entries) {
      const isChosen = !keys || keys.includes(`${namespace}:${key}`);
      const hash = isChosen ? hashSource(entry.text) : current[namespace]?.[key];
      if (hash) table[key] = hash;
    }
    next[namespace] = table;
  }
  writeFileSync(join(localesDir, locale, sourceHashesFile), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
