/**
 * How each way a field can be wrong becomes a catalog key with the numbers its message needs: the wording
 * a reader sees comes from these keys, never from zod's own text (which may echo the input).
 */
import { describe, expect, it } from 'vitest';
import { PacketError, type FieldIssue } from '../../src/errors.js';
import { getEngine } from '../../src/engine.js';
import { vocabularyOf } from '../../src/generate.js';
import { parseJsonText, parsePacketRequest, requestedLanguage } from '../../src/request/parse-request.js';

const vocabulary = vocabularyOf(getEngine());

function rejectionOf(input: unknown): PacketError {
  try {
    parsePacketRequest(input, vocabulary);
  } catch (error) {
    if (error instanceof PacketError) return error;
    throw error;
  }
  throw new Error('expected the request to be rejected');
}

const issuesOf = (input: unknown): FieldIssue[] => rejectionOf(input).issues;

describe('field issues', () => {
  it('names a text above its length errors:field.tooLong, with the maximum (a phone of 41 characters)', () => {
    expect(issuesOf({ county: 'fresno', contacts: [{ role: 'family', name: 'Rosa', phone: '1'.repeat(41) }] })).toEqual([
      { path: 'contacts.0.phone', messageKey: 'errors:field.tooLong', params: { maximum: 40 } },
    ]);
  });

  it('names a number above its limit errors:field.tooBig, with the maximum', () => {
    expect(issuesOf({ county: 'fresno', print: { cards: 99 } })).toEqual([{ path: 'print.cards', messageKey: 'errors:field.tooBig', params: { maximum: expect.any(Number) } }]);
  });

  it('names a number below its limit errors:field.tooSmall, with the minimum 1', () => {
    expect(issuesOf({ county: 'fresno', print: { cards: 0 } })).toEqual([{ path: 'print.cards', messageKey: 'errors:field.tooSmall', params: { minimum: 1 } }]);
  });

  it('names a value outside a list errors:field.choice, listing the choices', () => {
    expect(issuesOf({ county: 'fresno', print: { paper: 'legal' } })).toEqual([{ path: 'print.paper', messageKey: 'errors:field.choice', params: { choices: 'letter, a4' } }]);
    expect(issuesOf({ county: 'fresno', contacts: [{ role: 'boss', name: 'x' }] })).toEqual([
      { path: 'contacts.0.role', messageKey: 'errors:field.choice', params: { choices: 'attorney, family, emergency, consulate, other' } },
    ]);
  });

  it('names a missing field errors:field.required and a wrong type errors:field.type with the type expected', () => {
    expect(issuesOf({ county: 'fresno', contacts: [{ role: 'family' }] })).toEqual([{ path: 'contacts.0.name', messageKey: 'errors:field.required' }]);
    expect(issuesOf({ county: 'fresno', youth: 'yes' })).toEqual([{ path: 'youth', messageKey: 'errors:field.type', params: { expected: 'boolean' } }]);
  });

  it('rejects a request that is not an object at its root, and says so in the log detail', () => {
    const error = rejectionOf('fresno');
    expect(error.issues).toEqual([{ path: '', messageKey: 'errors:field.type', params: { expected: 'object' } }]);
    expect(error.message).toContain('(root) errors:field.type');
  });

  it('lists every bad field in the log detail, by path and key', () => {
    const error = rejectionOf({ county: 'nowhere', youth: 'yes' });
    expect(error.code).toBe('PKT_ERR_REQUEST_INVALID');
    expect(error.message).toContain('county errors:field.county');
    expect(error.message).toContain('youth errors:field.type');
  });
});

describe('did you mean', () => {
  const suggestionFor = (key: string, parent?: string): string | undefined => {
    const input: Record<string, unknown> = parent ? { county: 'fresno', [parent]: { [key]: true } } : { county: 'fresno', [key]: true };
    const issue = issuesOf(input).find((candidate) => candidate.messageKey.startsWith('errors:field.unknown'));
    expect(issue).toBeDefined();
    return issue!.messageKey === 'errors:field.unknownDidYouMean' ? String(issue!.params?.suggestion) : undefined;
  };

  it('offers the field for a dropped, doubled, swapped or wrongly cased letter', () => {
    expect(suggestionFor('languge')).toBe('language');
    expect(suggestionFor('langguage')).toBe('language');
    expect(suggestionFor('lnaguage')).toBe('language');
    expect(suggestionFor('Language')).toBe('language');
    expect(suggestionFor('largPrint', 'print')).toBe('largePrint');
  });

  it('offers nothing for a key too far from every field, or one too long to be a typo', () => {
    expect(suggestionFor('nickname')).toBeUndefined();
    expect(suggestionFor('lang')).toBeUndefined();
    expect(suggestionFor(`language${'x'.repeat(40)}`)).toBeUndefined();
  });

  it('allows a short field one slip and no more', () => {
    expect(suggestionFor('yuoth')).toBe('youth');
    expect(suggestionFor('yoth')).toBe('youth');
    expect(suggestionFor('yo')).toBeUndefined();
    expect(suggestionFor('nmae', 'person')).toBe('name');
    expect(suggestionFor('nmea', 'person')).toBeUndefined();
  });

  it('names the unknown key by its position among its parent\'s keys', () => {
    expect(issuesOf({ county: 'fresno', youth: false, zzz: 1 })).toContainEqual({ path: '#3', messageKey: 'errors:field.unknown' });
    expect(issuesOf({ zzz: 1, county: 'fresno' })).toContainEqual({ path: '#1', messageKey: 'errors:field.unknown' });
  });
});

describe('requestedLanguage and parseJsonText', () => {
  it('reads the language of any object leniently, and nothing of anything else', () => {
    expect(requestedLanguage({ language: 'es', county: 42 })).toBe('es');
    expect(requestedLanguage({ language: 7 })).toBeUndefined();
    expect(requestedLanguage(null)).toBeUndefined();
    expect(requestedLanguage('es')).toBeUndefined();
  });

  it('turns text that is not JSON into PKT_ERR_REQUEST_JSON naming the whole request', () => {
    expect(parseJsonText('{"county":"fresno"}')).toEqual({ county: 'fresno' });
    try {
      parseJsonText('{"county":');
      expect.unreachable();
    } catch (error) {
      expect((error as PacketError).code).toBe('PKT_ERR_REQUEST_JSON');
      expect((error as PacketError).issues).toEqual([{ path: '', messageKey: 'errors:field.json' }]);
    }
  });
});

describe('the values a field accepts', () => {
  const parse = (fields: Record<string, unknown>) => parsePacketRequest({ county: 'fresno', ...fields }, vocabulary);

  it('offers the field for a letter missing at either end too', () => {
    expect(issuesOf({ county: 'fresno', anguage: 'es' })).toContainEqual({ path: '#2', messageKey: 'errors:field.unknownDidYouMean', params: { suggestion: 'language' } });
    expect(issuesOf({ county: 'fresno', languag: 'es' })).toContainEqual({ path: '#2', messageKey: 'errors:field.unknownDidYouMean', params: { suggestion: 'language' } });
  });

  it('takes release dates from 2000-01-01 to 2099-12-31, and names any other errors:field.dateRange with both ends', () => {
    for (const date of ['2000-01-01', '2099-12-31']) expect(parse({ release: { date } }).release?.date).toBe(date);
    for (const date of ['1999-12-31', '2100-01-01']) {
      expect(issuesOf({ county: 'fresno', release: { date } })).toEqual([{ path: 'release.date', messageKey: 'errors:field.dateRange', params: { minimum: '2000-01-01', maximum: '2099-12-31' } }]);
    }
  });

  it('takes a phone extension written "ext", "ext." or "x", with or without spaces', () => {
    for (const phone of ['(559) 555-0100 ext 12', '(559) 555-0100 ext. 12', '559-555-0100x12', '559-555-0100 ext.12', '+52 55 5555 0100']) {
      expect(parse({ contacts: [{ role: 'family', name: 'Ana', phone }] }).contacts[0]?.phone).toBe(phone);
    }
    expect(issuesOf({ county: 'fresno', contacts: [{ role: 'family', name: 'Ana', phone: 'call Ana' }] })).toEqual([{ path: 'contacts.0.phone', messageKey: 'errors:field.phone' }]);
  });

  it('trims the spaces around a name and keeps those inside', () => {
    expect(parse({ person: { name: '  Ana  María  ' } }).person?.name).toBe('Ana  María');
  });
});
