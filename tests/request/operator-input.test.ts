/**
 * Operator-friendly input (issue 9): counties by name in any case, languages by any BCP 47 tag that falls
 * back to a shipped locale, a suggestion and the valid values for what does not resolve, field paths that
 * point where the field belongs, and the same language twice refused rather than replaced.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { vocabularyOf } from '../../src/generate.js';
import { parsePacketRequest } from '../../src/request/parse-request.js';
import { resolveCounty, resolveLanguage, suggestNearest } from '../../src/request/resolve-names.js';
import { PacketError } from '../../src/errors.js';
import { languageFromAcceptLanguage, languageFromEnvironment } from '../../src/i18n/operator-language.js';

const vocabulary = vocabularyOf(getEngine());
const parse = (input: unknown) => parsePacketRequest(input, vocabulary);
const issuesOf = (input: unknown) => {
  try {
    parse(input);
  } catch (error) {
    return (error as PacketError).issues;
  }
  throw new Error('expected the request to be refused');
};

describe('county names', () => {
  it.each(['los-angeles', 'Los Angeles', 'los angeles', 'LOS ANGELES', 'Los Angeles County', 'los_angeles'])('resolves %j to los-angeles', (value) => {
    expect(parse({ county: value }).county).toBe('los-angeles');
  });

  it('resolves the destination county the same way', () => {
    expect(parse({ county: 'Fresno', destinationCounty: 'San Luis Obispo' }).destinationCounty).toBe('san-luis-obispo');
  });

  it('suggests the nearest county for a slip, with the list of valid short names', () => {
    const [issue] = issuesOf({ county: 'Fresmo' });
    expect(issue).toMatchObject({ path: 'county', messageKey: 'errors:field.countyDidYouMean', params: { suggestion: 'fresno' } });
    expect(String(issue!.params!.choices).split(', ')).toHaveLength(58);
  });

  it('offers no suggestion for a value far from every county, but still the list', () => {
    const [issue] = issuesOf({ county: 'Atlantis' });
    expect(issue).toMatchObject({ path: 'county', messageKey: 'errors:field.county' });
    expect(issue!.params!.choices).toContain('los-angeles');
  });

  it('resolves with the pure function too, and leaves unknown names unresolved', () => {
    const counties = [{ slug: 'san-diego', name: 'San Diego' }];
    expect(resolveCounty('SAN DIEGO', counties)).toBe('san-diego');
    expect(resolveCounty('Diego', counties)).toBeUndefined();
  });

  it('resolves a slug that itself ends in "-county" to that county, and its name with or without "County"', () => {
    // Caught: "-county" was stripped before the slug was compared, so the fixture state's north-county was refused.
    const counties = [{ slug: 'north-county', name: 'North' }];
    for (const value of ['north-county', 'North', 'North County', 'NORTH_COUNTY']) expect(resolveCounty(value, counties)).toBe('north-county');
    expect(resolveCounty('north-county-county', counties)).toBe('north-county');
    expect(resolveCounty('county', counties)).toBeUndefined();
  });
});

describe('language tags', () => {
  it.each([
    ['es', 'es'],
    ['ES', 'es'],
    ['es-MX', 'es'],
    ['es_MX', 'es'],
    ['es-419', 'es'],
    ['Spanish', 'es'],
    ['español', 'es'],
    ['EN-us', 'en'],
  ])('resolves %j to %s', (value, id) => {
    expect(parse({ county: 'fresno', language: value }).language).toBe(id);
  });

  it('falls back through script subtags and maximizes a region to its script (zh-TW → zh-Hant)', () => {
    const locales = [
      { id: 'zh-Hant', name: '繁體中文', englishName: 'Chinese (Traditional)' },
      { id: 'zh-Hans', name: '简体中文', englishName: 'Chinese (Simplified)' },
    ];
    expect(resolveLanguage('zh-Hant-TW', locales)).toBe('zh-Hant');
    expect(resolveLanguage('zh-TW', locales)).toBe('zh-Hant');
    expect(resolveLanguage('zh-CN', locales)).toBe('zh-Hans');
    expect(resolveLanguage('not a tag', locales)).toBeUndefined();
  });

  it('suggests the nearest language and lists the shipped ones', () => {
    const [issue] = issuesOf({ county: 'fresno', language: 'spanih' });
    expect(issue).toMatchObject({ path: 'language', messageKey: 'errors:field.languageDidYouMean', params: { suggestion: 'es' } });
    expect(String(issue!.params!.choices).split(', ')).toEqual(expect.arrayContaining(['en', 'es']));
  });

  it('refuses a second language equal to the first, even when spelled differently, at secondLanguage', () => {
    expect(issuesOf({ county: 'fresno', language: 'es', secondLanguage: 'es-MX' })).toEqual([{ path: 'secondLanguage', messageKey: 'errors:field.sameLanguage' }]);
  });

  it('suggests only near misses', () => {
    expect(suggestNearest('fresnoo', [['fresno', 'fresno']])).toBe('fresno');
    expect(suggestNearest('kern', [['fresno', 'fresno']])).toBeUndefined();
  });
});

describe('field paths', () => {
  it('points a field given at the top level to where it belongs', () => {
    expect(issuesOf({ county: 'fresno', name: 'Ana', date: '2026-12-01', paper: 'a4', role: 'family' })).toEqual([
      { path: 'person.name', messageKey: 'errors:field.misplaced', params: { field: 'person.name' } },
      { path: 'release.date', messageKey: 'errors:field.misplaced', params: { field: 'release.date' } },
      { path: 'print.paper', messageKey: 'errors:field.misplaced', params: { field: 'print.paper' } },
      { path: 'contacts.role', messageKey: 'errors:field.misplaced', params: { field: 'contacts.role' } },
    ]);
  });

  it('names county as required for an empty request', () => {
    expect(issuesOf({})).toEqual([{ path: 'county', messageKey: 'errors:field.required' }]);
  });
});

describe('operator language', () => {
  const catalogs = getEngine().catalogs;

  it('reads Accept-Language with q-values and regions', () => {
    expect(languageFromAcceptLanguage('es-MX,es;q=0.9,en;q=0.8', catalogs)).toBe('es');
    expect(languageFromAcceptLanguage('fr-FR, en;q=0.5', catalogs)).toBe('en');
    expect(languageFromAcceptLanguage('fr-FR', catalogs)).toBeUndefined();
    expect(languageFromAcceptLanguage(undefined, catalogs)).toBeUndefined();
  });

  it('reads the environment locale the way setlocale does: LC_ALL, then LC_MESSAGES, then LANG; C means none', () => {
    expect(languageFromEnvironment({ LANG: 'es_MX.UTF-8' }, catalogs)).toBe('es');
    expect(languageFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'es_MX.UTF-8' }, catalogs)).toBe('en');
    expect(languageFromEnvironment({ LC_MESSAGES: 'C', LANG: 'es_ES' }, catalogs)).toBeUndefined();
    expect(languageFromEnvironment({}, catalogs)).toBeUndefined();
  });
});
