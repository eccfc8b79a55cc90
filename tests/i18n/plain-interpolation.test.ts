/**
 * The catalogs fill in plain `{{name}}` strings themselves (src/i18n/plain-interpolation.ts) and leave the
 * rest to i18next: for every key of every shipped locale, with values that HTML, regular-expression
 * replacement and i18next's own syntax would each misread, both give the same text, escaped or not.
 * Why: a packet prints what the catalog says, and the shortcut exists only for speed.
 */
import { describe, expect, it } from 'vitest';
import { createI18next, loadCatalogs } from '../../src/i18n/catalogs.js';
import { flattenCatalog, placeholderNames } from '../../src/i18n/catalog-rules.js';
import { parsePlainText } from '../../src/i18n/plain-interpolation.js';

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
