/**
 * Readability figures for catalog text: Flesch-Kincaid grade for English (npm flesch-kincaid, with the
 * syllable package), Szigriszt-Pazos (INFLESZ) and Fernández-Huerta for Spanish, counting syllables with
 * silabea (a Spanish syllabifier: diphthongs, hiatus, triphthongs).
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// silabea ships CommonJS only.
const silabea = require('silabea') as { getSilabas(word: string): { numeroSilaba: number } };

/** Catalog text as a reader meets it: no markup, placeholders filled with a short county name. */
export function readableText(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/\{\{[^}]*\}\}/g, 'Fresno')
    // Initialisms are one word, and end a sentence only before a capital: "the U.S. agency" → "the US agency",
    // "de EE. UU. Le pide" → "de EEUU. Le pide".
    .replace(/\b(?:[A-Za-z]\.){2,}|\bEE\. ?UU\./g, (match, offset: number, whole: string) =>
      match.replace(/[. ]/g, '') + (/^\s+\p{Lu}/u.test(whole.slice(offset + match.length)) ? '.' : ''),
    );
}

/** Sentences of one catalog string; a string without end punctuation (a list item, a label) is one sentence. */
export function sentencesOf(text: string): string[] {
  return readableText(text)
    .split(/(?<=[.!?][»”"’)]?)\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

export function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

export interface Counts {
  sentences: number;
  words: number;
  syllables: number;
  longestSentence: { words: number; text: string };
}

export function countText(texts: string[], syllablesOf: (word: string) => number): Counts {
  const counts: Counts = { sentences: 0, words: 0, syllables: 0, longestSentence: { words: 0, text: '' } };
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const words = wordsOf(sentence);
      counts.sentences++;
      counts.words += words.length;
      for (const word of words) counts.syllables += Math.max(1, syllablesOf(word));
      if (words.length > counts.longestSentence.words) counts.longestSentence = { words: words.length, text: sentence };
    }
  }
  return counts;
}

export const englishSyllables = (word: string): number => syllable(word);

/** Spanish syllables of a word; a word with no vowel (an initialism like "CDCR") is read letter by letter. */
export function spanishSyllables(word: string): number {
  if (!/[aeiouáéíóúüy]/i.test(word)) return word.length;
  return silabea.getSilabas(word.toLowerCase()).numeroSilaba;
}

export function fleschKincaidGrade(counts: Counts): number {
  return fleschKincaid({ sentence: counts.sentences, word: counts.words, syllable: counts.syllables });
}

/** Szigriszt-Pazos perspicuity (INFLESZ scale: 55–65 normal, 65–80 fairly easy, over 80 very easy). */
export function szigrisztPazos(counts: Counts): number {
  return 206.835 - (62.3 * counts.syllables) / counts.words - counts.words / counts.sentences;
}

/** Fernández-Huerta reading ease, corrected form: 206.84 − 0.60·P − 1.02·F, per 100 words (60–70 normal). */
export function fernandezHuerta(counts: Counts): number {
  const syllablesPer100 = (100 * counts.syllables) / counts.words;
  const sentencesPer100 = (100 * counts.sentences) / counts.words;
  return 206.84 - 0.6 * syllablesPer100 - 1.02 * sentencesPer100;
}
