/**
 * The draft mark names the draft language as running text does in the mark's own language (issue 8: "(Español)"
 * capitalized mid-sentence in Spanish): "español" in Spanish, "Spanish" in English, in every draft locale.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { preparePacket } from '../../src/generate.js';
import { today } from '../support/packets.js';

const engine = getEngine();
const drafts = [...engine.catalogs.locales.values()].filter((locale) => locale.meta.status === 'draft').map((locale) => locale.id);

describe('the draft mark', () => {
  it('names the draft language in each line as that line\'s language writes it in a sentence', () => {
    expect(drafts).toContain('es');
    const problems: string[] = [];
    for (const language of drafts) {
      const { document } = preparePacket({ language, county: 'fresno' }, { today, engine });
      for (const line of document.furniture.draftMarks[language] ?? []) {
        const isAlias = Intl.getCanonicalLocales(language)[0] !== language;
        const meta = engine.catalogs.locales.get(language)!.meta;
        const expected = isAlias ? (line.lang === 'en' ? meta.englishName : meta.name) : new Intl.DisplayNames([line.lang], { type: 'language' }).of(language)!;
        if (!line.text.includes(`${expected}`)) problems.push(`${language} mark in ${line.lang}: "${line.text}" lacks "${expected}"`);
      }
      if ((document.furniture.draftMarks[language] ?? []).length < 2) problems.push(`${language}: the mark is not in two languages`);
    }
    expect(problems).toEqual([]);
  });

  it('writes Spanish in lowercase in the Spanish line, as in a Spanish sentence', () => {
    const { document } = preparePacket({ language: 'es', county: 'fresno' }, { today, engine });
    const spanish = document.furniture.draftMarks.es!.find((line) => line.lang === 'es')!;
    expect(spanish.text).toContain('(español)');
    expect(document.furniture.draftMarks.es!.find((line) => line.lang === 'en')!.text).toContain('(Spanish)');
  });
});
