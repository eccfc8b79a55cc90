/**
 * Free text is checked as text before it prints. Why: a probe's invalid UTF-8 printed replacement boxes in the
 * name, U+FFFF passed the printability check, and "0000-01-01" printed as "January 1, 1".
 */
import { describe, expect, it } from 'vitest';
import { PacketError, type FieldIssue } from '../../src/errors.js';
import { getEngine } from '../../src/engine.js';
import { vocabularyOf } from '../../src/generate.js';
import { parsePacketRequest } from '../../src/request/parse-request.js';

const vocabulary = vocabularyOf(getEngine());

function issuesOf(input: unknown): FieldIssue[] {
  try {
    parsePacketRequest(input, vocabulary);
  } catch (error) {
    if (error instanceof PacketError) return error.issues;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

const named = (name: string) => ({ county: 'fresno', person: { name } });

describe('free text hygiene', () => {
  it('refuses text a decoder damaged (U+FFFD where bytes were not UTF-8)', () => {
    const decoded = Buffer.from([0x4a, 0x6f, 0x73, 0xe9]).toString('utf8'); // "José" sent as Latin-1
    expect(issuesOf(named(decoded))).toEqual([{ path: 'person.name', messageKey: 'errors:field.damaged' }]);
  });

  it('refuses a lone surrogate, in any personal field', () => {
    expect(issuesOf({ county: 'fresno', release: { location: 'Gate \uD800' } })).toEqual([{ path: 'release.location', messageKey: 'errors:field.damaged' }]);
    expect(issuesOf({ county: 'fresno', contacts: [{ role: 'family', name: '\uDC00x' }] })).toEqual([{ path: 'contacts.0.name', messageKey: 'errors:field.damaged' }]);
  });

  it('refuses noncharacters: U+FFFF, U+FDD0, U+10FFFF', () => {
    for (const character of ['\uFFFF', '\uFDD0', '\u{10FFFF}']) {
      expect(issuesOf(named(`Ana${character}`))).toEqual([{ path: 'person.name', messageKey: 'errors:field.nonCharacter' }]);
    }
  });

  it('strips bidi controls, so an override cannot make a name read differently from what was stored', () => {
    const request = parsePacketRequest(named('\u202EAna\u202C \u200FMar\u2067ía\u2069\uFEFF'), vocabulary);
    expect(request.person?.name).toBe('Ana María');
  });

  it('keeps the joiners scripts need (ZWNJ in Persian, ZWJ in emoji)', () => {
    expect(parsePacketRequest(named('می\u200Cخواهم'), vocabulary).person?.name).toBe('می\u200Cخواهم');
  });

  it('refuses a flood of combining marks on one letter, and accepts Vietnamese stacking', () => {
    expect(issuesOf(named(`Z${'\u0301\u0316'.repeat(10)}algo`))).toEqual([{ path: 'person.name', messageKey: 'errors:field.markFlood', params: { maximum: 8 } }]);
    expect(parsePacketRequest(named('Nguyê\u0303n'), vocabulary).person?.name).toBe('Nguyễn');
  });

  it('refuses a 10,000-character value as too long, saying the limit', () => {
    expect(issuesOf(named('x'.repeat(10_000)))).toEqual([{ path: 'person.name', messageKey: 'errors:field.tooLong', params: { maximum: 200 } }]);
  });

  it('refuses release dates outside 2000-01-01..2099-12-31, such as 0000-01-01', () => {
    for (const date of ['0000-01-01', '1999-12-31', '2100-01-01']) {
      expect(issuesOf({ county: 'fresno', release: { date } })).toEqual([
        { path: 'release.date', messageKey: 'errors:field.dateRange', params: { minimum: '2000-01-01', maximum: '2099-12-31' } },
      ]);
    }
    expect(parsePacketRequest({ county: 'fresno', release: { date: '2000-01-01' } }, vocabulary).release?.date).toBe('2000-01-01');
  });

  it('refuses prototype keys as unknown fields, without touching Object.prototype', () => {
    const input = JSON.parse('{"county":"fresno","__proto__":{"polluted":1},"person":{"constructor":{"prototype":{"x":1}}}}') as unknown;
    expect(issuesOf(input).map((issue) => issue.path).sort()).toEqual(['#2', 'person.#1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
