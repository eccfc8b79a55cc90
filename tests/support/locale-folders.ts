/** Temporary locales folders made from the shipped ones, so a test can add or break one language at a time. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLocalesDir } from '../../src/i18n/catalogs.js';

export interface LocalesSandbox {
  dir: string;
  /** Copies a shipped locale (default: en) to `tag`, with meta.json fields replaced. */
  addLocale(tag: string, meta: Record<string, unknown>, from?: string): void;
  readCatalog(tag: string, namespace: string): Record<string, unknown>;
  writeCatalog(tag: string, namespace: string, value: unknown): void;
  writeFile(relative: string, text: string): void;
  remove(): void;
}

/** A copy of locales/ (only en and es unless `tags` says otherwise). */
export function localesSandbox(tags: string[] = ['en', 'es']): LocalesSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  for (const tag of tags) cpSync(join(defaultLocalesDir, tag), join(dir, tag), { recursive: true });
  const readCatalog = (tag: string, namespace: string) => JSON.parse(readFileSync(join(dir, tag, `${namespace}.json`), 'utf8')) as Record<string, unknown>;
  return {
    dir,
    addLocale(tag, meta, from = 'en') {
      cpSync(join(defaultLocalesDir, from), join(dir, tag), { recursive: true });
      rmSync(join(dir, tag, 'source-hashes.json'), { force: true });
      const base = JSON.parse(readFileSync(join(dir, tag, 'meta.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, tag, 'meta.json'), JSON.stringify({ ...base, status: 'draft', reviewedBy: undefined, reviewedAt: undefined, ...meta }, null, 2));
    },
    readCatalog,
    writeCatalog(tag, namespace, value) {
      writeFileSync(join(dir, tag, `${namespace}.json`), `${JSON.stringify(value, null, 2)}\n`);
    },
    writeFile(relative, text) {
      mkdirSync(join(dir, relative, '..'), { recursive: true });
      writeFileSync(join(dir, relative), text);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
