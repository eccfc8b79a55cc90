/**
 * `locales check`, the one module the CLI and these tests run. Why: only a parity test used to notice a
 * missing key or a renamed placeholder ("comté de {{comte}}" printed as written, exit 0), a character no
 * font draws failed every packet naming no locale, and a translation too long for the wallet card failed
 * at print time. Each finding must name the file, the line and the key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLocales } from '../../src/i18n/locale-check.js';
import { compareWithEnglish, flattenCatalog, pluralCategoriesOf } from '../../src/i18n/catalog-rules.js';
import { loadCatalogs } from '../../src/i18n/catalogs.js';
import { formatFinding } from '../../src/i18n/locale-findings.js';
import { createEngine } from '../../src/engine.js';
import { generatePacket } from '../../src/generate.js';
import { confirmTranslations } from '../../src/i18n/locale-scaffold.js';
import { localesSandbox, type LocalesSandbox } from '../support/locale-folders.js';
import { today } from '../support/packets.js';
import { extractText } from '../support/poppler.js';

let sandbox: LocalesSandbox;
afterEach(() => sandbox?.remove());

type Tree = Record<string, Record<string, string>>;

describe('checkLocales on a fixture locale with five known mistakes', () => {
  it('finds exactly those five, by file, line and key, and the other locales still load', () => {
    sandbox = localesSandbox();
    sandbox.addLocale('fr', { name: 'Français', englishName: 'French', status: 'finished' }, 'es');
    const packet = sandbox.readCatalog('fr', 'packet') as Tree;
    delete packet.cover!.intro;
    packet.cover!.county = 'Libéré dans le comté de {{comte}}';
    packet.safeRelease!.money = 'J’ai mon argent ស';
    packet.card!.door = `${packet.card!.door} ${'Si un agent frappe, gardez la porte fermée et demandez un mandat signé par un juge. '.repeat(12)}`;
    sandbox.writeCatalog('fr', 'packet', packet);

    const report = checkLocales({ localesDir: sandbox.dir, tags: ['fr'] });
    const errors = report.findings.filter((finding) => finding.severity === 'error');
    const lineOf = (needle: string) => readFileSync(join(sandbox.dir, 'fr', needle.split(' ')[0]!), 'utf8').split('\n').findIndex((line) => line.includes(needle.split(' ')[1]!)) + 1;
    expect(errors.map((finding) => `${finding.file}:${finding.line ?? '-'} ${finding.key ?? '-'} ${finding.code}`).sort()).toEqual(
      [
        `fr/meta.json:${lineOf('meta.json "status"')} status meta-invalid`,
        `fr/packet.json:${lineOf('packet.json "cover"')} packet:cover.intro key-missing`,
        `fr/packet.json:${lineOf('packet.json {{comte}}')} packet:cover.county placeholder-mismatch`,
        `fr/packet.json:${lineOf('packet.json ស')} packet:safeRelease.money glyph-missing`,
        `fr/packet.json:${lineOf('packet.json "door"')} packet:card.door overflow`,
      ].sort(),
    );
    expect(report.findings.map(formatFinding).join('\n')).toContain('U+179F');
    expect([...loadCatalogs(sandbox.dir).locales.keys()]).toEqual(['en', 'es']);
  });
});

describe('every shipped locale', () => {
  it('passes locales check with no errors', () => {
    const report = checkLocales();
    expect(report.findings.filter((finding) => finding.severity === 'error').map(formatFinding)).toEqual([]);
    expect(report.checked).toContain('es');
  });
});

describe('source tracking', () => {
  it('flags the translations of an English string that changed, and marks outdated legal text on the packet', async () => {
    sandbox = localesSandbox();
    confirmTranslations(sandbox.dir, 'es');
    const english = sandbox.readCatalog('en', 'packet') as Tree;
    english.iceHold!.notAWarrant = `${english.iceHold!.notAWarrant} A judge's warrant is different.`;
    sandbox.writeCatalog('en', 'packet', english);

    const review = checkLocales({ localesDir: sandbox.dir, tags: ['es'], isLayoutChecked: false }).findings.filter((finding) => finding.code === 'needs-review');
    expect(review.map((finding) => finding.key)).toEqual(['packet:iceHold.notAWarrant']);

    const engine = createEngine({ localesDir: sandbox.dir });
    const text = extractText(await generatePacket({ language: 'es', county: 'fresno', iceHold: { received: true } }, { engine, today }));
    expect(text).toContain('TRADUCCIÓN DESACTUALIZADA');
  });

  it('prints no outdated mark while the English is unchanged', async () => {
    sandbox = localesSandbox();
    confirmTranslations(sandbox.dir, 'es');
    const engine = createEngine({ localesDir: sandbox.dir });
    const text = extractText(await generatePacket({ language: 'es', county: 'fresno', iceHold: { received: true } }, { engine, today }));
    expect(text).not.toContain('DESACTUALIZADA');
  });
});

describe('plural forms', () => {
  const english = flattenCatalog({ released: { days_one: '{{count}} day', days_other: '{{count}} days' } }).entries;
  const fileOf = (value: unknown) => ({ file: 'xx/packet.json', text: '', value, lineOf: () => 1 });

  it('asks Arabic for the six forms Intl.PluralRules gives it', () => {
    expect(pluralCategoriesOf('ar')).toHaveLength(6);
    const findings = compareWithEnglish({ locale: 'ar', namespace: 'packet', english, translated: fileOf({ released: { days_one: '{{count}} يوم', days_other: '{{count}} يوما' } }) });
    expect(findings.map((finding) => finding.key).sort()).toEqual(['packet:released.days_few', 'packet:released.days_many', 'packet:released.days_two', 'packet:released.days_zero']);
  });

  it('accepts Vietnamese with the one form it has, and does not call English\'s "one" missing', () => {
    const findings = compareWithEnglish({ locale: 'vi', namespace: 'packet', english, translated: fileOf({ released: { days_other: '{{count}} ngày' } }) });
    expect(findings).toEqual([]);
  });
});
