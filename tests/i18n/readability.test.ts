/**
 * Plain language, measured. Many people leaving jail read at a grade 5–7 level, and the National Institute
 * of Corrections' jail-transition guidance asks release material to be written for that level (issue 8).
 * The person's English must measure Flesch-Kincaid grade 6.5 or lower, with no sentence over 25 words and
 * none over 12 on the wallet card; the Spanish is measured with Spanish formulas and held to a fairly easy
 * score. Which keys the person reads is decided in src/i18n/audience.ts; citations are not prose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardKeys, isPersonFacingProse, staffSections } from '../../src/i18n/audience.js';
import {
  countText,
  englishSyllables,
  fernandezHuerta,
  fleschKincaidGrade,
  sentencesOf,
  spanishSyllables,
  szigrisztPazos,
  wordsOf,
  type Counts,
} from '../support/readability.js';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

const catalog = (lng: string) => flatten(JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8')) as Tree);

/** Labels ("Phone", "Release place:") are not prose: only strings of four words or more are measured. */
function proseOf(entries: Map<string, string>, keep: (key: string) => boolean): string[] {
  return [...entries].filter(([key, text]) => keep(key) && sentencesOf(text).some((sentence) => wordsOf(sentence).length >= 4)).map(([, text]) => text);
}

const isStaff = (key: string) => (staffSections as readonly string[]).includes(key.slice(0, key.indexOf('.')));

function longSentences(texts: string[], limit: number): string[] {
  return texts.flatMap(sentencesOf).filter((sentence) => wordsOf(sentence).length > limit);
}

function report(label: string, counts: Counts, score: string): void {
  // Printed so a run shows the figures the issue asks to report, not only pass or fail.
  console.info(`${label}: ${score}; ${counts.words} words, ${counts.sentences} sentences, longest ${counts.longestSentence.words} words`);
}

describe('plain language of the person\'s English', () => {
  const en = catalog('en');
  const prose = proseOf(en, isPersonFacingProse);

  it('measures Flesch-Kincaid grade 6.5 or lower over everything the person reads', () => {
    const counts = countText(prose, englishSyllables);
    const grade = fleschKincaidGrade(counts);
    report('en person-facing', counts, `Flesch-Kincaid grade ${grade.toFixed(2)}`);
    report('en staff (not asserted)', countText(proseOf(en, isStaff), englishSyllables), `Flesch-Kincaid grade ${fleschKincaidGrade(countText(proseOf(en, isStaff), englishSyllables)).toFixed(2)}`);
    expect(counts.words).toBeGreaterThan(1000);
    expect(grade).toBeLessThanOrEqual(6.5);
  });

  it('has no sentence over 25 words', () => {
    expect(longSentences(prose, 25)).toEqual([]);
  });

  it('keeps every sentence on the wallet card to 12 words or fewer', () => {
    const card = cardKeys.map((key) => en.get(key)!);
    expect(card.every(Boolean)).toBe(true);
    expect(longSentences(card, 12)).toEqual([]);
  });
});

describe('plain language of the person\'s Spanish', () => {
  const es = catalog('es');
  const prose = proseOf(es, isPersonFacingProse);

  it('scores fairly easy on the Szigriszt-Pazos (INFLESZ) scale, and reports Fernández-Huerta', () => {
    const counts = countText(prose, spanishSyllables);
    const inflesz = szigrisztPazos(counts);
    report('es person-facing', counts, `Szigriszt-Pazos ${inflesz.toFixed(1)}, Fernández-Huerta ${fernandezHuerta(counts).toFixed(1)}`);
    expect(counts.words).toBeGreaterThan(1000);
    // INFLESZ: 55–65 "normal", 65–80 "bastante fácil" (fairly easy), the level of plain public information.
    expect(inflesz).toBeGreaterThanOrEqual(65);
  });

  it('has no sentence over 25 words, and none over 12 on the wallet card', () => {
    expect(longSentences(prose, 25)).toEqual([]);
    expect(longSentences(cardKeys.map((key) => es.get(key)!), 12)).toEqual([]);
  });
});

describe('readability measures', () => {
  it('grade harder text higher: the measure can fail', () => {
    const plain = countText(['Stay calm. Do not run. Ask for a lawyer.'], englishSyllables);
    const dense = countText(['Notwithstanding administrative determinations, immigration authorities occasionally communicate detention notifications unilaterally.'], englishSyllables);
    expect(fleschKincaidGrade(dense)).toBeGreaterThan(fleschKincaidGrade(plain) + 10);
    const llano = countText(['No corra. Pida un abogado.'], spanishSyllables);
    const denso = countText(['Independientemente de las determinaciones administrativas correspondientes, las autoridades migratorias comunican notificaciones.'], spanishSyllables);
    expect(szigrisztPazos(denso)).toBeLessThan(szigrisztPazos(llano) - 40);
  });

  it('does not end a sentence at an initialism or inside a quotation', () => {
    expect(sentencesOf('ICE, the U.S. immigration agency, asks. Ask: “Am I free to leave?” If yes, go.')).toEqual([
      'ICE, the US immigration agency, asks.',
      'Ask: “Am I free to leave?”',
      'If yes, go.',
    ]);
    expect(sentencesOf('la agencia de EE. UU. Le pide')).toEqual(['la agencia de EEUU.', 'Le pide']);
  });
});
