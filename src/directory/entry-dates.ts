/**
 * What an entry's dates mean for print: a line is "confirmed" only when someone confirmed it with the
 * organization (history); otherwise it is "listed by" its source, with the source's own date or none.
 */
import type { DirectoryEntry, HistoryEvent } from './schema.js';
import { phoneDigits } from './phone-digits.js';

export interface LineConfirmation {
  on: string;
  method: HistoryEvent['method'];
  by: string;
}

/** The events about one line, oldest first; a changed number's new line continues the old one's history. */
function eventsOfLine(entry: DirectoryEntry, number: string): HistoryEvent[] {
  const digits = phoneDigits(number);
  return entry.history
    .filter((event) => phoneDigits(event.number) === digits || (event.newNumber !== undefined && phoneDigits(event.newNumber) === digits))
    .sort((a, b) => a.on.localeCompare(b.on));
}

/** A line whose last word is "disconnected" stops printing, whatever the entry's status says. */
export function isDisconnected(entry: DirectoryEntry, number: string): boolean {
  const events = eventsOfLine(entry, number).filter((event) => event.result !== 'no-answer');
  const last = events.at(-1);
  return last?.result === 'disconnected' && phoneDigits(last.number) === phoneDigits(number);
}

export function printablePhones(entry: DirectoryEntry): DirectoryEntry['phones'] {
  return entry.phones.filter((phone) => !isDisconnected(entry, phone.number));
}

/** An entry a packet may print: active, with at least one line nobody has reported disconnected. */
export function isPrintable(entry: DirectoryEntry): boolean {
  return entry.status === 'active' && printablePhones(entry).length > 0;
}

/** The last time this line was confirmed: "confirmed", or "changed-number" for the new number it gave. */
export function lastConfirmationOfLine(entry: DirectoryEntry, number: string): LineConfirmation | undefined {
  const digits = phoneDigits(number);
  const confirming = eventsOfLine(entry, number).filter(
    (event) =>
      (event.result === 'confirmed' && phoneDigits(event.number) === digits) ||
      (event.result === 'changed-number' && event.newNumber !== undefined && phoneDigits(event.newNumber) === digits),
  );
  const last = confirming.at(-1);
  return last ? { on: last.on, method: last.method, by: last.by } : undefined;
}

/**
 * The entry is confirmed when every line it prints is; its date is the oldest of those confirmations,
 * so "confirmed <date>" never claims more than the least recent check.
 */
export function lastConfirmation(entry: DirectoryEntry): LineConfirmation | undefined {
  const lines = printablePhones(entry);
  if (lines.length === 0) return undefined;
  const confirmations = lines.map((phone) => lastConfirmationOfLine(entry, phone.number));
  if (confirmations.some((confirmation) => confirmation === undefined)) return undefined;
  return (confirmations as LineConfirmation[]).sort((a, b) => a.on.localeCompare(b.on))[0];
}

export function isOlderThanMonths(isoDate: string, months: number, today: Date): boolean {
  const limit = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  return new Date(`${isoDate}T00:00:00Z`) < limit;
}

export interface EntryStanding {
  confirmation?: LineConfirmation;
  /** Not confirmed, or confirmed longer ago than the allowed age: the packet prints the verify mark. */
  needsCheck: boolean;
  /** Confirmed, but longer ago than the allowed age. */
  isConfirmationOld: boolean;
  /** The number was taken from a copy or parse of an official list. */
  isDerived: boolean;
  /** The DOJ recognition on file is current today: only then may the packet say "DOJ-recognized". */
  isRecognized: boolean;
}

/** Current on the roster and not past the roster's expiry date. */
export function isRecognizedOn(entry: DirectoryEntry, today: Date): boolean {
  const recognition = entry.recognition;
  if (recognition?.status !== 'current') return false;
  return recognition.expiresOn === undefined || new Date(`${recognition.expiresOn}T00:00:00Z`) >= today;
}

export function judgeEntry(entry: DirectoryEntry, today: Date, months: number): EntryStanding {
  const confirmation = lastConfirmation(entry);
  const isConfirmationOld = confirmation !== undefined && isOlderThanMonths(confirmation.on, months, today);
  return {
    ...(confirmation ? { confirmation } : {}),
    needsCheck: confirmation === undefined || isConfirmationOld,
    isConfirmationOld,
    isDerived: entry.source.derivedFrom !== undefined,
    isRecognized: isRecognizedOn(entry, today),
  };
}
