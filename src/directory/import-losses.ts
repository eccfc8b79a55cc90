/**
 * What an import would take away wholesale: every entry of its own a county has today (statewide lines do not
 * count as the county's own: they would hide the loss of its network and providers), or every statewide entry. A probe's empty package deleted every entry, exited 0, and `directory check` then
 * called the empty directory valid; a packet for that county would have printed no number to call.
 */
import type { County, DirectoryEntry } from './schema.js';

export interface ImportLosses {
  /** Counties that have entries of their own now and would have none after the import. */
  countiesEmptied: string[];
  /** The state has statewide entries now and would have none. */
  isStatewideEmptied: boolean;
  entriesBefore: number;
  entriesAfter: number;
}

/** Entries that name a county in their service area, statewide ones left out. */
function ownEntriesPerCounty(entries: readonly DirectoryEntry[], counties: readonly County[]): Map<string, number> {
  const counts = new Map(counties.map((county) => [county.slug, 0]));
  for (const entry of entries) {
    if (entry.scope === 'statewide') continue;
    for (const slug of entry.serviceArea.counties) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  return counts;
}

const statewideCount = (entries: readonly DirectoryEntry[]) => entries.filter((entry) => entry.scope === 'statewide').length;

export function findImportLosses(before: readonly DirectoryEntry[], after: readonly DirectoryEntry[], counties: readonly County[]): ImportLosses {
  const now = ownEntriesPerCounty(before, counties);
  const then = ownEntriesPerCounty(after, counties);
  const countiesEmptied = [...now].filter(([slug, count]) => count > 0 && (then.get(slug) ?? 0) === 0).map(([slug]) => slug);
  const isStatewideEmptied = statewideCount(before) > 0 && statewideCount(after) === 0;
  return { countiesEmptied, isStatewideEmptied, entriesBefore: before.length, entriesAfter: after.length };
}
