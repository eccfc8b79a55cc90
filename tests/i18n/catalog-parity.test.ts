/**
 * Catalog parity, in the manner of zod's locales/parity test: keys are read from `en` and every other locale
 * must match. Why: i18next falls back to English for a missing key and prints the raw key when English
 * lacks it too, so a missing key puts "errors:field.county" or "packet:cover.title" on a packet or an error
 * page; a renamed {{placeholder}} prints the braces or drops the county; unbalanced markup breaks the layout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/errors.js';
import { localeMetaSchema, namespaces } from '../../src/i18n/locale-meta.js';

const localesDir = fileURLToPath(new URL('../../locales/', import.meta.url));
const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

const localeIds = readdirSync(localesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const otherLocaleIds = localeIds.filter((id) => id !== 'en');

function readJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(join(localesDir, ...parts), 'utf8'));
}

/** Flattens a catalog to dotted keys → strings; a non-string leaf is kept as its JSON so the test can flag it. */
function flatten(tree: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof tree === 'object' && tree !== null && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, typeof tree === 'string' ? tree : JSON.stringify(tree));
  }
  return out;
}

function catalogOf(lng: string, ns: string): Map<string, string> {
  return flatten(readJson(lng, `${ns}.json`));
}

/** `{{date, datetime(...)}}` names the value "date": the part after the comma is a format, free to differ. */
function placeholderNames(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*-?\s*([^},]+?)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].sort();
}

/** Opening and closing tag names, e.g. ["b", "/b"]; attributes may be translated, the tags may not. */
function tagNames(text: string): string[] {
  return [...text.matchAll(/<(\/?[A-Za-z][\w-]*)[^>]*>/g)].map((match) => match[1] ?? '').sort();
}

/** Message keys written in src/: `errors:field.x` literals, and the schema's `withKey('field.x')`. */
function messageKeysUsedInSrc(): string[] {
  const keys = new Set<string>();
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(join(srcDir, file), 'utf8');
    for (const match of text.matchAll(/errors:(field\.[A-Za-z]+)/g)) keys.add(match[1] ?? '');
    for (const match of text.matchAll(/withKey\('(field\.[A-Za-z]+)'\)/g)) keys.add(match[1] ?? '');
  }
  return [...keys].sort();
}

/** Keys whose string, reduced by `extract` (placeholder or tag names), differs from English's. */
function keysDifferingFromEnglish(lng: string, ns: string, extract: (text: string) => string[]): string[] {
  const english = catalogOf('en', ns);
  const translated = catalogOf(lng, ns);
  return [...english]
    .filter(([key]) => translated.has(key))
    .filter(([key, text]) => extract(text).join() !== extract(translated.get(key) ?? '').join())
    .map(([key]) => key);
}

describe('locale catalogs', () => {
  it('include English and at least one other language', () => {
    expect(localeIds).toContain('en');
    expect(otherLocaleIds.length).toBeGreaterThan(0);
  });

  for (const lng of otherLocaleIds) {
    for (const ns of namespaces) {
      it(`${lng}/${ns}.json has exactly the keys en/${ns}.json has`, () => {
        const englishKeys = [...catalogOf('en', ns).keys()].sort();
        const keys = [...catalogOf(lng, ns).keys()].sort();
        expect(keys).toEqual(englishKeys);
      });

      it(`${lng}/${ns}.json uses the same {{placeholder}} names as English in every string`, () => {
        expect(keysDifferingFromEnglish(lng, ns, placeholderNames)).toEqual([]);
      });

      it(`${lng}/${ns}.json uses the same <tag> set as English in every string`, () => {
        expect(keysDifferingFromEnglish(lng, ns, tagNames)).toEqual([]);
      });
    }
  }

  for (const lng of localeIds) {
    it(`${lng}/meta.json matches the locale meta schema`, () => {
      const result = localeMetaSchema.safeParse(readJson(lng, 'meta.json'));
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    });

    it(`${lng}/errors.json has a message for every error code in src/errors.ts`, () => {
      const keys = catalogOf(lng, 'errors');
      const missing = Object.keys(errorCodes).filter((code) => !keys.has(code));
      expect(missing).toEqual([]);
    });

    it(`${lng}/errors.json has every errors:field.* key that src/ uses`, () => {
      const keys = catalogOf(lng, 'errors');
      const used = messageKeysUsedInSrc();
      expect(used).toContain('field.county');
      expect(used.filter((key) => !keys.has(key))).toEqual([]);
    });
  }
});
