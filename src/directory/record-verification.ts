/**
 * `directory verify`: appends the result of a call (or email, or a look at the organization's own page) to
 * an entry's history. A changed number replaces the printed one and stays in the history; a disconnected
 * line stays on file but stops printing (entry-dates.ts). Nothing is written unless every result is valid.
 */
import { PacketError } from '../errors.js';
import { phoneDigits } from './phone-digits.js';
import { confirmationMethods, confirmationResults, historyEventSchema, type DirectoryEntry, type HistoryEvent } from './schema.js';

export interface Verification {
  entryId: string;
  /** The number that was called, as the sheet printed it. */
  number: string;
  result: string;
  on: string;
  by: string;
  method: string;
  newNumber?: string;
  url?: string;
  note?: string;
}

export interface VerificationProblem {
  /** "row 3" of a CSV, or the entry id. */
  where: string;
  message: string;
}

function toEvent(verification: Verification, entry: DirectoryEntry | undefined, today: Date): { event?: HistoryEvent; problems: string[] } {
  const problems: string[] = [];
  if (!entry) return { problems: [`no entry with id ${verification.entryId}`] };
  const phone = entry.phones.find((candidate) => phoneDigits(candidate.number) === phoneDigits(verification.number));
  if (!phone) problems.push(`${verification.entryId} has no line ${verification.number}`);
  if (!(confirmationResults as readonly string[]).includes(verification.result)) problems.push(`result must be one of ${confirmationResults.join(', ')}`);
  if (!(confirmationMethods as readonly string[]).includes(verification.method)) problems.push(`method must be one of ${confirmationMethods.join(', ')}`);
  if (verification.result === 'changed-number' && !verification.newNumber) problems.push('changed-number needs the new number');
  if (verification.result !== 'changed-number' && verification.newNumber) problems.push('a new number is only recorded with changed-number');
  if (verification.method === 'official-page' && !verification.url) problems.push('official-page needs the page\'s url');
  if (verification.on > today.toISOString().slice(0, 10)) problems.push(`checked on ${verification.on}, a date in the future`);
  const candidate = {
    on: verification.on,
    by: verification.by,
    method: verification.method,
    result: verification.result,
    number: phone?.number ?? verification.number,
    ...(verification.newNumber ? { newNumber: verification.newNumber } : {}),
    ...(verification.url ? { url: verification.url } : {}),
    ...(verification.note ? { note: verification.note } : {}),
  };
  const parsed = historyEventSchema.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${issue.path.map(String).join('.') || 'result'}: ${issue.message}`);
  return problems.length ? { problems } : { event: parsed.data!, problems };
}

/** Applies every verification in order, or throws naming every problem; the entries passed in are not changed. */
export function applyVerifications(entries: readonly DirectoryEntry[], verifications: { where: string; verification: Verification }[], today: Date): DirectoryEntry[] {
  const next = entries.map((entry) => ({ ...entry, phones: entry.phones.map((phone) => ({ ...phone })), history: [...entry.history] }));
  const byId = new Map(next.map((entry) => [entry.id, entry]));
  const problems: VerificationProblem[] = [];
  for (const { where, verification } of verifications) {
    const entry = byId.get(verification.entryId);
    const { event, problems: found } = toEvent(verification, entry, today);
    if (!event || !entry) {
      problems.push(...found.map((message) => ({ where, message })));
      continue;
    }
    entry.history.push(event);
    // The history keeps the old number; the entry prints the one the organization gave.
    if (event.result === 'changed-number') {
      const phone = entry.phones.find((candidate) => phoneDigits(candidate.number) === phoneDigits(event.number))!;
      phone.number = event.newNumber!;
    }
  }
  if (problems.length) {
    throw new PacketError('PKT_ERR_USAGE', { detail: `${problems.length} result(s) cannot be recorded, nothing was written:\n  ${problems.map((problem) => `${problem.where}: ${problem.message}`).join('\n  ')}` });
  }
  return next;
}
