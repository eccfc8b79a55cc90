/** parsePacketRequest: defaults for a minimal request, and one PKT_ERR_REQUEST_INVALID issue per bad field. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PacketError, type FieldIssue } from '../../src/errors.js';
import { getEngine } from '../../src/engine.js';
import { vocabularyOf } from '../../src/generate.js';
import { parsePacketRequest } from '../../src/request/parse-request.js';

const vocabulary = vocabularyOf(getEngine());

function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/requests/${name}`, import.meta.url), 'utf8'));
}

/** Parses a request that must fail and hands back the PacketError it threw. */
function rejectionOf(input: unknown): PacketError {
  try {
    parsePacketRequest(input, vocabulary);
  } catch (error) {
    if (error instanceof PacketError) return error;
    throw error;
  }
  throw new Error('expected the request to be rejected');
}

function issuesOf(input: unknown): FieldIssue[] {
  const error = rejectionOf(input);
  expect(error.code).toBe('PKT_ERR_REQUEST_INVALID');
  return error.issues;
}

describe('parsePacketRequest', () => {
  it('fills in language, paper, card count and contacts for a minimal request', () => {
    const request = parsePacketRequest(readFixture('minimal-en.json'), vocabulary);
    expect(request.county).toBe('fresno');
    expect(request.language).toBe('en');
    expect(request.print.paper).toBe('letter');
    // No count: one full sheet of cards.
    expect(request.print.cards).toBeUndefined();
    expect(request.print.cardLayout).toBe('duplex');
    expect(request.contacts).toEqual([]);
  });

  it('accepts a full Spanish youth request with an ICE hold', () => {
    const request = parsePacketRequest(readFixture('youth-es-ice-hold.json'), vocabulary);
    expect(request.language).toBe('es');
    expect(request.youth).toBe(true);
    expect(request.iceHold?.received).toBe(true);
  });

  it('accepts names in any script', () => {
    const request = parsePacketRequest(readFixture('names-any-script.json'), vocabulary);
    expect(request.person?.name).toBe('José Núñez');
    expect(request.contacts.map((contact) => contact.name)).toEqual(['王小明', 'فاطمة الزهراء']);
  });

  it('rejects an unknown county with errors:field.county on "county"', () => {
    expect(issuesOf({ county: 'nowhere' })).toContainEqual(expect.objectContaining({ path: 'county', messageKey: 'errors:field.county' }));
  });

  it('rejects a language without a catalog with errors:field.language on "language"', () => {
    expect(issuesOf({ county: 'fresno', language: 'xx' })).toContainEqual(expect.objectContaining({ path: 'language', messageKey: 'errors:field.language' }));
  });

  it('rejects a calendar date that does not exist (2026-02-30)', () => {
    expect(issuesOf({ county: 'fresno', release: { date: '2026-02-30' } })).toContainEqual({
      path: 'release.date',
      messageKey: 'errors:field.date',
    });
  });

  it('rejects a date not written as YYYY-MM-DD (12/01/2026)', () => {
    expect(issuesOf({ county: 'fresno', release: { date: '12/01/2026' } })).toContainEqual({
      path: 'release.date',
      messageKey: 'errors:field.date',
    });
  });

  it('rejects an unknown top-level field by its position, never repeating the key (a key can hold a name)', () => {
    expect(issuesOf({ county: 'fresno', 'Maria Lopez': 'x' })).toContainEqual({ path: '#2', messageKey: 'errors:field.unknown' });
  });

  /** Every object of the contract is strict, not only the top level: a typo anywhere is named (by position), never ignored. */
  const nestedUnknowns: [string, Record<string, unknown>][] = [
    ['person.#2', { person: { name: 'x', nickname: 'y' } }],
    ['release.#2', { release: { date: '2026-12-01', gateNumber: '3' } }],
    ['iceHold.#2', { iceHold: { received: true, formNumber: 'I-247A' } }],
    ['contacts.0.#3', { contacts: [{ role: 'attorney', name: 'Ana', barNumber: '123456' }] }],
    ['contacts.1.#3', { contacts: [{ role: 'family', name: 'Ana' }, { role: 'family', name: 'Luis', relationship: 'brother' }] }],
    ['print.#2', { print: { paper: 'a4', colourProfile: true } }],
  ];
  for (const [path, fields] of nestedUnknowns) {
    it(`rejects an unknown field at ${path}, naming its parent and position`, () => {
      const issues = issuesOf({ county: 'fresno', ...fields });
      expect(issues.filter((issue) => issue.path === path && issue.messageKey.startsWith('errors:field.unknown'))).toHaveLength(1);
    });
  }

  it('offers the field a near-miss key was meant to be, naming only our field', () => {
    expect(issuesOf({ county: 'fresno', languge: 'es' })).toContainEqual({
      path: '#2',
      messageKey: 'errors:field.unknownDidYouMean',
      params: { suggestion: 'language' },
    });
    expect(issuesOf({ county: 'fresno', contacts: [{ role: 'family', name: 'x', phnoe: '1' }] })).toContainEqual({
      path: 'contacts.0.#3',
      messageKey: 'errors:field.unknownDidYouMean',
      params: { suggestion: 'phone' },
    });
  });

  it('tells errors:field.tooLong the 200-character limit of a name, so the message can say it', () => {
    expect(issuesOf({ county: 'fresno', person: { name: 'a'.repeat(201) } })).toContainEqual({
      path: 'person.name',
      messageKey: 'errors:field.tooLong',
      params: { maximum: 200 },
    });
  });

  it('accepts a 200-character name in Chinese characters (the limit counts characters, not bytes)', () => {
    const name = '王'.repeat(200);
    expect(Buffer.byteLength(name, 'utf8')).toBeGreaterThan(200);
    expect(parsePacketRequest({ county: 'fresno', person: { name } }, vocabulary).person?.name).toBe(name);
  });

  it('rejects a field of the wrong type with errors:field.type', () => {
    expect(issuesOf({ county: 'fresno', youth: 'yes' })).toContainEqual(
      expect.objectContaining({ path: 'youth', messageKey: 'errors:field.type' }),
    );
  });

  it('rejects a request without a county with errors:field.required', () => {
    expect(issuesOf({ language: 'en' })).toContainEqual({ path: 'county', messageKey: 'errors:field.required' });
  });

  it('rejects more than 5 contacts with errors:field.tooMany', () => {
    const contacts = Array.from({ length: 6 }, (_, index) => ({ role: 'family', name: `Contact ${index}` }));
    expect(issuesOf({ county: 'fresno', contacts })).toContainEqual(
      expect.objectContaining({ path: 'contacts', messageKey: 'errors:field.tooMany' }),
    );
  });

  it('rejects control characters in a name with errors:field.controlCharacters', () => {
    expect(issuesOf({ county: 'fresno', person: { name: 'José\u0007Núñez' } })).toContainEqual({
      path: 'person.name',
      messageKey: 'errors:field.controlCharacters',
    });
  });

  it('keeps a too-long submitted name out of the error message meant for logs and out of its issues', () => {
    const error = rejectionOf({ county: 'fresno', person: { name: 'CANARY-7f3a'.repeat(20) } });
    expect(error.message).toContain('person.name');
    expect(error.message).not.toContain('CANARY');
    expect(JSON.stringify(error.issues)).not.toContain('CANARY');
  });

  it('keeps a value of the wrong type out of the error message meant for logs and out of its issues', () => {
    const error = rejectionOf({ county: 'fresno', person: 'CANARY-7f3a' });
    expect(error.message).toContain('person');
    expect(error.message).not.toContain('CANARY');
    expect(JSON.stringify(error.issues)).not.toContain('CANARY');
  });
});
