/**
 * What a line's dates mean in print. The audit of issue 12 found undated pages printed as "confirmed" on the
 * day they were read: a packet says "confirmed" only for a line someone confirmed with the organization.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { isPrintable, judgeEntry, lastConfirmation, lastConfirmationOfLine, printablePhones } from '../../src/directory/entry-dates.js';
import { inspectStateDirectory } from '../../src/directory/inspect-directory.js';
import type { DirectoryEntry, HistoryEvent } from '../../src/directory/schema.js';
import { createEngine } from '../../src/engine.js';
import { generatePreview } from '../../src/generate.js';
import { today } from '../support/packets.js';

const fixtureDir = new URL('../fixtures/directory', import.meta.url).pathname;
const fixtureEntries = inspectStateDirectory(join(fixtureDir, 'zz')).entries;
const entry = (id: string) => fixtureEntries.find((candidate) => candidate.id === id)!;
const event = (fields: Partial<HistoryEvent>): HistoryEvent => ({ on: '2026-10-01', by: 'tester', method: 'phone', result: 'confirmed', number: '(555) 010-0002', ...fields });
const withHistory = (base: DirectoryEntry, history: HistoryEvent[]): DirectoryEntry => ({ ...base, history });

describe('judgeEntry', () => {
  it('never counts the day a source was read, nor its own date, as a confirmation', () => {
    const valley = entry('valley-network');
    expect(valley.source.publishedOn).toBe('2020-01-15');
    const standing = judgeEntry(valley, today, 12);
    expect(standing.confirmation).toBeUndefined();
    expect(standing.needsCheck).toBe(true);
  });

  it('counts a phone call that reached the organization as a confirmation, with its date and method', () => {
    const standing = judgeEntry(withHistory(entry('valley-network'), [event({})]), today, 12);
    expect(standing.confirmation).toEqual({ on: '2026-10-01', method: 'phone', by: 'tester' });
    expect(standing.needsCheck).toBe(false);
  });

  it('asks for a new check when the last confirmation is older than the allowed age', () => {
    const standing = judgeEntry(withHistory(entry('valley-network'), [event({ on: '2024-01-10' })]), today, 12);
    expect(standing.confirmation?.on).toBe('2024-01-10');
    expect(standing.isConfirmationOld).toBe(true);
    expect(standing.needsCheck).toBe(true);
  });

  it('does not count an unanswered call as a confirmation', () => {
    expect(lastConfirmation(withHistory(entry('valley-network'), [event({ result: 'no-answer' })]))).toBeUndefined();
  });

  it('confirms an entry of several lines only when every line it prints was confirmed, and dates it by the oldest', () => {
    const twoLines: DirectoryEntry = { ...entry('valley-network'), phones: [...entry('valley-network').phones, { number: '(555) 010-0099', type: 'text', is24Hours: false }] };
    expect(lastConfirmation(withHistory(twoLines, [event({})]))).toBeUndefined();
    const both = withHistory(twoLines, [event({ on: '2026-09-01' }), event({ number: '(555) 010-0099', on: '2026-11-01', method: 'email' })]);
    expect(lastConfirmation(both)?.on).toBe('2026-09-01');
  });

  it('drops a line whose last report is "disconnected"', () => {
    const valley = entry('valley-network');
    expect(printablePhones(withHistory(valley, [event({ result: 'disconnected' })]))).toEqual([]);
    // Answered again later: it prints again.
    expect(printablePhones(withHistory(valley, [event({ result: 'disconnected', on: '2026-01-01' }), event({ on: '2026-02-01' })]))).toHaveLength(1);
  });
});

describe('a line\'s history, event by event', () => {
  const valley = () => entry('valley-network');
  const oldNumber = '(555) 010-0002';
  const newNumber = '(555) 010-0300';

  it('confirms the new number of a changed line by the call that gave it, and never the old number by it', () => {
    const moved: DirectoryEntry = { ...valley(), phones: [{ number: newNumber, type: 'voice', is24Hours: false }] };
    const history = [event({ on: '2026-01-05' }), event({ on: '2026-05-01', result: 'changed-number', newNumber, method: 'email' })];
    expect(lastConfirmation(withHistory(moved, history))).toEqual({ on: '2026-05-01', method: 'email', by: 'tester' });
    // The old number: its own confirmation still counts, the change does not confirm it.
    expect(lastConfirmationOfLine(withHistory(valley(), history), oldNumber)?.on).toBe('2026-01-05');
    expect(lastConfirmationOfLine(withHistory(valley(), [history[1]!]), oldNumber)).toBeUndefined();
    // A recording that gives a new number, reported with the disconnection, is not someone confirming it.
    expect(lastConfirmation(withHistory(moved, [event({ result: 'disconnected', newNumber })]))).toBeUndefined();
    // …and does not disconnect the new number either.
    expect(printablePhones(withHistory(moved, [event({ result: 'disconnected', newNumber })]))).toHaveLength(1);
    // A change that names no new number confirms nothing.
    expect(lastConfirmationOfLine(withHistory(moved, [event({ result: 'changed-number', number: newNumber })]), newNumber)).toBeUndefined();
  });

  it('reads a history in date order, whatever order the file keeps it in', () => {
    const unsorted = [event({ on: '2026-09-01' }), event({ on: '2026-03-01', result: 'disconnected' })];
    expect(printablePhones(withHistory(valley(), unsorted))).toHaveLength(1);
    expect(isPrintable(withHistory(valley(), unsorted))).toBe(true);
    expect(lastConfirmation(withHistory(valley(), [event({ on: '2026-09-01' }), event({ on: '2026-03-01' })]))?.on).toBe('2026-09-01');
    expect(printablePhones(withHistory(valley(), [event({ on: '2026-03-01' }), event({ on: '2026-09-01', result: 'disconnected' })]))).toEqual([]);
  });

  it('keeps a disconnected line off paper when later calls went unanswered, and another line\'s report drops only that line', () => {
    expect(printablePhones(withHistory(valley(), [event({ on: '2026-03-01', result: 'disconnected' }), event({ on: '2026-04-01', result: 'no-answer' })]))).toEqual([]);
    expect(isPrintable(withHistory(valley(), [event({ result: 'disconnected' })]))).toBe(false);
    expect(printablePhones(withHistory(valley(), [event({ result: 'disconnected', number: '(555) 010-0999' })]))).toHaveLength(1);
    // Another line answering later, or changing its number, does not bring this one back.
    expect(printablePhones(withHistory(valley(), [event({ on: '2026-03-01', result: 'disconnected' }), event({ on: '2026-04-01', number: '(555) 010-0999' })]))).toEqual([]);
    expect(printablePhones(withHistory(valley(), [event({ on: '2026-03-01', result: 'disconnected' }), event({ on: '2026-04-01', number: '(555) 010-0999', result: 'changed-number', newNumber: '(555) 010-0998' })]))).toEqual([]);
    // The same line written another way is the same line.
    expect(printablePhones(withHistory(valley(), [event({ result: 'disconnected', number: '555-010-0002' })]))).toEqual([]);
    // A line reached under its new number after a change is not the old line's disconnection.
    const moved: DirectoryEntry = { ...valley(), phones: [{ number: newNumber, type: 'voice', is24Hours: false }] };
    expect(printablePhones(withHistory(moved, [event({ on: '2026-05-01', result: 'changed-number', newNumber }), event({ on: '2026-06-01', result: 'disconnected' })]))).toHaveLength(1);
  });

  it('dates an entry of several lines by its least recent confirmation, whichever line comes first', () => {
    const twoLines: DirectoryEntry = { ...valley(), phones: [...valley().phones, { number: '(555) 010-0099', type: 'text', is24Hours: false }] };
    const history = [event({ on: '2026-11-01' }), event({ number: '(555) 010-0099', on: '2026-02-01' })];
    expect(lastConfirmation(withHistory(twoLines, history))?.on).toBe('2026-02-01');
  });

  it('counts a confirmation exactly as old as the allowed age as still current', () => {
    expect(judgeEntry(withHistory(valley(), [event({ on: '2025-11-27' })]), today, 12)).toMatchObject({ isConfirmationOld: false, needsCheck: false });
    expect(judgeEntry(withHistory(valley(), [event({ on: '2025-11-26' })]), today, 12)).toMatchObject({ isConfirmationOld: true, needsCheck: true });
  });

  it('says "DOJ-recognized" only while the roster says current and its expiry date has not passed', () => {
    const recognized = (recognition: DirectoryEntry['recognition']) => judgeEntry({ ...valley(), recognition }, today, 12).isRecognized;
    const roster = { asOf: '2026-10-01', roster: 'EOIR roster' };
    expect(recognized(undefined)).toBe(false);
    expect(recognized({ ...roster, status: 'current' })).toBe(true);
    expect(recognized({ ...roster, status: 'current', expiresOn: '2027-01-01' })).toBe(true);
    expect(recognized({ ...roster, status: 'current', expiresOn: '2026-11-27' })).toBe(true);
    expect(recognized({ ...roster, status: 'current', expiresOn: '2026-11-26' })).toBe(false);
    expect(recognized({ ...roster, status: 'expired-renewal-pending' })).toBe(false);
  });

  it('flags a number copied from an official list as derived', () => {
    expect(judgeEntry(valley(), today, 12).isDerived).toBe(false);
    const copied = { ...valley(), source: { ...valley().source, derivedFrom: { title: 'State list', how: 'copy' as const } } };
    expect(judgeEntry(copied, today, 12).isDerived).toBe(true);
  });
});

describe('the printed date of each line', () => {
  // Made in the first test that reads it, not while the file loads: a mutation run then knows which tests it serves.
  let preview: string | undefined;
  const html = () => (preview ??= generatePreview({ county: 'north-county', destinationCounty: 'south-county', language: 'es' }, { today, engine: createEngine({ directoryDir: fixtureDir, stateId: 'zz' }) }));
  const dateLines = () => html().split('\n').filter((line) => line.includes('class="entry-date"'));

  it('prints "confirmed" with the date and method only on the confirmed line, in both languages', () => {
    const confirmed = dateLines().filter((line) => /confirmad|confirmed/.test(line));
    expect(confirmed).toEqual(['  <p class="entry-date">confirmado el 1 jun 2026 por teléfono / confirmed Jun 1, 2026 by phone</p>']);
  });

  it('prints every other line as listed by its source, with the source\'s own date or "undated", and the verify mark', () => {
    const others = dateLines().filter((line) => !/confirmad|confirmed/.test(line));
    expect(others.length).toBeGreaterThan(2);
    for (const line of others) expect(line).toMatch(/<strong>VERIFIQUE \/ VERIFY<\/strong> · publicado por Fixture source \(test data, not a real line\), (\d{1,2} \w{3} \d{4}|sin fecha)<\/p>/);
    expect(others.some((line) => line.includes('15 ene 2020'))).toBe(true);
    expect(others.some((line) => line.includes('sin fecha'))).toBe(true);
  });

  it('says on the cover when lines were confirmed, apart from the dates of copied sources', () => {
    expect(html()).toContain('Numbers marked “confirmed” were checked with the organization between Jun 1, 2026 and Jun 1, 2026.');
    expect(html()).toContain('Numbers not marked “confirmed” are copied from sources dated Jan 15, 2020 to Jun 1, 2026 or undated, not checked with the organization.');
  });
});
