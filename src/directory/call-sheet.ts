/**
 * `directory due`: the lines due for confirmation as a call sheet, grouped by county, for the advocates who
 * keep the directory. The same rows go to a CSV the caller fills in (read back by `directory verify`) and to
 * a printable PDF made by the packet's own layout and PDF stages.
 */
import type { StateDirectory } from './load-directory.js';
import type { DirectoryEntry } from './schema.js';
import { isPrintable, judgeEntry, printablePhones } from './entry-dates.js';

export interface CallSheetRow {
  county: string;
  entryId: string;
  organization: string;
  service: string;
  number: string;
  hours: string;
  /** The last confirmation of this entry, or empty. */
  lastConfirmed: string;
  listedBy: string;
  sourceDate: string;
}

/** Columns of the CSV, in order: what the sheet shows, then what the caller fills in. */
export const callSheetColumns = [
  'county', 'entry_id', 'organization', 'service', 'number', 'hours', 'last_confirmed', 'listed_by', 'source_date',
  'result', 'new_number', 'checked_on', 'checked_by', 'method', 'url', 'note',
] as const;

export const fillInColumns = ['result', 'new_number', 'checked_on', 'checked_by', 'method', 'url', 'note'] as const;

/** What the caller says, word for word, so every check asks the same questions. */
export const callScript = [
  'Hello, my name is ____. I help keep a list of phone numbers that is printed in a know-your-rights packet for people released from jails in California.',
  'We list this number for [organization / service]. Is this the right number for people to call?',
  'Which hours is it answered? Does it take text messages? Which counties does it serve? Does it serve adults, children, or both?',
  'Is it all right for us to print this number? Thank you.',
  'Write the result on the sheet: confirmed, changed-number (write the new number), disconnected, or no-answer; the date, your name and how you checked (phone, email, official-page).',
];

/** An entry is filed under the first county it serves, so a regional line is called once, not once per county. */
function countyOf(entry: DirectoryEntry, state: StateDirectory): string {
  if (entry.scope === 'statewide') return `All of ${state.name}`;
  const slug = entry.serviceArea.counties[0]!;
  return state.countyBySlug.get(slug)?.name ?? slug;
}

export function buildCallSheet(state: StateDirectory, today: Date, months: number): CallSheetRow[] {
  const rows: CallSheetRow[] = [];
  for (const entry of state.entries.filter(isPrintable)) {
    const standing = judgeEntry(entry, today, months);
    if (!standing.needsCheck) continue;
    for (const phone of printablePhones(entry)) {
      rows.push({
        county: countyOf(entry, state),
        entryId: entry.id,
        organization: entry.organization.name,
        service: entry.service.name,
        number: phone.number,
        hours: phone.is24Hours ? '24 hours' : (phone.hours ?? ''),
        lastConfirmed: standing.confirmation?.on ?? '',
        listedBy: entry.source.title,
        sourceDate: entry.source.publishedOn ?? 'undated',
      });
    }
  }
  // Grouped by county (statewide lines last), then by organization, so a caller works down one county at a time.
  const statewide = (row: CallSheetRow) => (row.county.startsWith('All of ') ? 1 : 0);
  return rows.sort((a, b) => statewide(a) - statewide(b) || a.county.localeCompare(b.county, 'en') || a.organization.localeCompare(b.organization, 'en') || a.number.localeCompare(b.number));
}

export function callSheetRecords(rows: CallSheetRow[]): string[][] {
  return [
    [...callSheetColumns],
    ...rows.map((row) => [row.county, row.entryId, row.organization, row.service, row.number, row.hours, row.lastConfirmed, row.listedBy, row.sourceDate, ...fillInColumns.map(() => '')]),
  ];
}
