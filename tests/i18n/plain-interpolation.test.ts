/**
 * The catalogs fill in plain `{{name}}` strings themselves (src/i18n/plain-interpolation.ts) and leave the
 * rest to i18next: for every key of every shipped locale, with values that HTML, regular-expression
 * replacement and i18next's own syntax would each misread, both give the same text, escaped or not.
 * Why: a packet prints what the catalog says, and the shortcut exists only for speed.
 */
import { describe, expect, it } from 'vitest';
import { createI18next, loadCatalogs } from '../../src/i18n/catalogs.js';
import { flattenCatalog, placeholderNames } from '../../src/i18n/catalog-rules.js';
import { parsePlainText, withPlainInterpolation } from '../../src/i18n/plain-interpolation.js';
import type { TFunction } from 'i18next';

const catalogs = loadCatalogs();
const i18next = createI18next(catalogs.locales);
/** What i18next would misread if it were passed through unchanged: markup, `$&` in a replacement, its own syntax. */
/** `t` as these tests call it: any options, as a template's hash gives them. */
type LooseT = (key: string, options?: object) => string;
const tOf = (lng: string) => catalogs.fixedT(lng) as unknown as LooseT;
const referenceOf = (lng: string) => i18next.getFixedT(lng) as unknown as LooseT;
const trickyValue = (name: string) => `<b>${name}</b> & "O'Brien" / $& $1 {{${name}}} $t(packet:x)`;

describe('the plain interpolation of catalog strings', () => {
  for (const [lng, locale] of catalogs.locales) {
    it(`gives i18next's text for every key of ${lng}, escaped and not`, () => {
      const t = tOf(lng);
      const reference = referenceOf(lng);
      let compared = 0;
      for (const namespace of Object.keys(locale.catalogs)) {
        for (const [path, entry] of flattenCatalog(locale.catalogs[namespace]).entries) {
          const key = `${namespace}:${path}`;
          const names = placeholderNames(entry.text);
          const values = Object.fromEntries(names.map((name, index) => [name, index % 2 ? 1234.5 : trickyValue(name)]));
          for (const options of [{ ...values, lng, defaultValue: '\u0000missing' }, { ...values, interpolation: { escapeValue: false } }, values]) {
            expect(t(key, options), `${key} ${JSON.stringify(options)}`).toBe(reference(key, options));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(300);
    });
  }

  it('fills in the plain strings and leaves formats, nesting, unescaped values and option names to i18next', () => {
    expect(parsePlainText('Call {{ county }} at {{phone}}.')).toEqual({ texts: ['Call ', ' at ', '.'], names: ['county', 'phone'] });
    expect(parsePlainText('No placeholder')).toEqual({ texts: ['No placeholder'], names: [] });
    for (const text of ['{{date, datetime(dateStyle: long)}}', '{{- name}}', 'see $t(packet:other)', '{{person.name}}', '{{count}} items', '{{context}}']) {
      expect(parsePlainText(text), text).toBeUndefined();
    }
  });

  it('gives a missing key, a value of another type and another language to i18next', () => {
    const t = tOf('es');
    const reference = referenceOf('es');
    const key = 'packet:document.subject';
    for (const options of [{ county: { name: 'x' }, state: 'California' }, { county: undefined, state: 'California' }, { county: 'Kern', state: 'California', lng: 'en' }, { county: 'Kern', state: 'California', extra: 'x' }]) {
      expect(t(key, options)).toBe(reference(key, options));
    }
    expect(t('packet:no.such.key', { defaultValue: 'fallback' })).toBe('fallback');
  });
});

describe('which strings the catalogs fill in themselves, and which they leave to i18next', () => {
  // A stand-in for i18next that says it was asked: the shortcut's choices, which the output alone cannot show.
  const asked: unknown[] = [];
  const i18nextT = ((key: unknown) => (asked.push(key), `i18next:${String(key)}`)) as unknown as TFunction;
  const tree = { packet: { plain: 'Call {{county}} / {{ page }}', none: 'No values', nested: { deep: 'x {{county}}' }, formatted: 'On {{date, datetime}}', branch: { a: 'b' } }, errors: { e: 'E {{county}}' } };
  const t = withPlainInterpolation(i18nextT, 'es', tree) as unknown as (key: unknown, options?: unknown) => string;

  it('fills in plain strings, escaped for HTML unless asked not to, without asking i18next', () => {
    asked.length = 0;
    expect(t('packet:plain', { county: `<A&B> "O'Neil"`, page: 3, lng: 'es', defaultValue: 'unused' })).toBe('Call &lt;A&amp;B&gt; &quot;O&#39;Neil&quot; / 3');
    expect(t('packet:plain', { county: 'a/b', page: -1.5, interpolation: { escapeValue: false } })).toBe('Call a/b / -1.5');
    expect(t('plain', { county: 'a/b', page: 0 })).toBe('Call a&#x2F;b / 0');
    expect(t('errors:e', { county: 'Kern' })).toBe('E Kern');
    expect(t('packet:nested.deep', { county: 'Kern' })).toBe('x Kern');
    expect(t('packet:none')).toBe('No values');
    expect(t('packet:none', {})).toBe('No values');
    expect(asked).toEqual([]);
  });

  it('asks i18next for anything else', () => {
    const cases: [unknown, unknown][] = [
      ['packet:formatted', { date: new Date(0) }],
      ['packet:plain', { county: 'Kern' }],
      ['packet:plain', { county: 'Kern', page: 1, lng: 'en' }],
      ['packet:plain', { county: 'Kern', page: 1, extra: 'x' }],
      ['packet:plain', { county: { name: 'Kern' }, page: 1 }],
      ['packet:plain', { county: 'Kern', page: Number.NaN }],
      ['packet:plain', { county: 'Kern', page: true }],
      ['packet:plain', { county: 'Kern', page: 1, interpolation: { escapeValue: true } }],
      ['packet:plain', { county: 'Kern', page: 1, interpolation: { escapeValue: false, prefix: '[[' } }],
      ['packet:plain', { county: 'Kern', page: 1, interpolation: 'raw' }],
      ['packet:plain', { county: 'Kern', page: 1, interpolation: null }],
      ['packet:plain', { county: 'Kern', page: 1, interpolation: undefined }],
      ['packet:plain', undefined],
      ['packet:plain', 'a default text'],
      ['packet:plain', ['Kern']],
      ['packet:plain', null],
      [['packet:plain', 'packet:none'], {}],
      ['packet:branch', {}],
      ['packet:branch.a.b', {}],
      ['packet:missing', {}],
      ['packet:toString', {}],
      ['nowhere:plain', {}],
    ];
    for (const [key, options] of cases) {
      asked.length = 0;
      expect(t(key, options), JSON.stringify([key, options])).toBe(`i18next:${String(key)}`);
      expect(asked).toEqual([key]);
    }
  });
});
