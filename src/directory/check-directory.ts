/** What `directory check` reports: coverage per county, lines due for confirmation, undated sources, shared phone lines. */
import type { DirectoryProblem, StateInspection } from './inspect-directory.js';
import type { County, DirectoryEntry } from './schema.js';
import { isPrintable, judgeEntry, printablePhones } from './entry-dates.js';
import { phoneDigits } from './phone-digits.js';
import { nearestNetworks } from './nearest-networks.js';

export interface CountyCoverage {
  slug: string;
  name: string;
  /** "local": a network of this county; "regional": one shared with other counties; "none": nothing on file. */
  network: 'local' | 'regional' | 'none';
  networkIds: string[];
  /** For a county with none: the nearest networks the packet prints instead, by county borders crossed. */
  nearestNetworkIds: string[];
  legalProviders: number;
  publicDefender: boolean;
  consulates: number;
}

export interface DueEntry {
  id: string;
  /** The last confirmation with the organization, when there was one. */
  confirmedOn?: string;
  /** The source's own date, when it has one. */
  publishedOn?: string;
  isDerived: boolean;
}

export interface UndatedEntry {
  id: string;
  readOn: string;
}

export interface SharedPhone {
  digits: string;
  entryIds: string[];
}

export interface CheckReport {
  state?: string;
  entryCount: number;
  /** Invalid data: the service refuses to start until these are fixed. */
  problems: DirectoryProblem[];
  coverage: CountyCoverage[];
  /** Printed entries never confirmed with the organization, or confirmed longer ago than the allowed age. */
  due: DueEntry[];
  /** Of those, the ones whose source is a copy or parse of an official list. */
  derived: string[];
  /** The source carries no date of its own: only the day it was read is known. */
  undated: UndatedEntry[];
  /** Entries kept on file that no packet prints (a status other than active, or every line disconnected). */
  notActive: { id: string; status: string }[];
  /** The same line listed by more than one entry: the packet would print it twice. */
  sharedPhones: SharedPhone[];
}

export interface CheckOptions {
  today: Date;
  /** Age after which a confirmation is due again. */
  staleMonths: number;
}



function coverageOf(slug: string, name: string, entries: readonly DirectoryEntry[], counties: readonly County[]): CountyCoverage {
  const serving = entries.filter((entry) => isPrintable(entry) && (entry.scope === 'statewide' || entry.serviceArea.counties.includes(slug)));
  // A statewide line is not the county's network: the packet prints it in the statewide list.
  const networks = serving.filter((entry) => entry.kind === 'rapid-response' && entry.scope !== 'statewide');
  const count = (kind: DirectoryEntry['kind']) => serving.filter((entry) => entry.kind === kind).length;
  return {
    slug,
    name,
    network: networks.some((entry) => entry.scope === 'county') ? 'local' : networks.length > 0 ? 'regional' : 'none',
    networkIds: networks.map((entry) => entry.id),
    nearestNetworkIds:
      networks.length > 0
        ? []
        : nearestNetworks(counties, entries.filter((entry) => entry.kind === 'rapid-response' && isPrintable(entry)), slug).map((near) => near.entry.id),
    legalProviders: count('legal-provider'),
    publicDefender: count('public-defender') > 0,
    consulates: count('consulate'),
  };
}

/** One row per county, in the state file's order: what `directory check` prints and /api/v1/counties returns. */
export function countyCoverage(counties: readonly County[], entries: readonly DirectoryEntry[]): CountyCoverage[] {
  return counties.map((county) => coverageOf(county.slug, county.name, entries, counties));
}

export function checkDirectory(inspection: StateInspection, options: CheckOptions): CheckReport {
  const { entries } = inspection;
  const printable = entries.filter(isPrintable);
  const entriesByLine = new Map<string, Set<string>>();
  for (const entry of printable) {
    for (const phone of printablePhones(entry)) {
      const digits = phoneDigits(phone.number);
      const ids = entriesByLine.get(digits) ?? new Set<string>();
      entriesByLine.set(digits, ids.add(entry.id));
    }
  }
  // Never confirmed first (oldest source first), then the oldest confirmations.
  const due = printable
    .map((entry) => ({ entry, standing: judgeEntry(entry, options.today, options.staleMonths) }))
    .filter(({ standing }) => standing.needsCheck)
    .map(({ entry, standing }) => ({
      id: entry.id,
      ...(standing.confirmation ? { confirmedOn: standing.confirmation.on } : {}),
      ...(entry.source.publishedOn ? { publishedOn: entry.source.publishedOn } : {}),
      isDerived: standing.isDerived,
    }))
    .sort((a, b) => (a.confirmedOn ?? '').localeCompare(b.confirmedOn ?? '') || (a.publishedOn ?? '').localeCompare(b.publishedOn ?? '') || a.id.localeCompare(b.id));

  return {
    ...(inspection.stateFile ? { state: inspection.stateFile.state } : {}),
    entryCount: entries.length,
    problems: inspection.problems,
    coverage: countyCoverage(inspection.stateFile?.counties ?? [], entries),
    due,
    derived: due.filter((entry) => entry.isDerived).map((entry) => entry.id),
    undated: entries
      .filter((entry) => entry.source.publishedOn === undefined)
      .map((entry) => ({ id: entry.id, readOn: entry.source.readOn }))
      .sort((a, b) => a.readOn.localeCompare(b.readOn) || a.id.localeCompare(b.id)),
    notActive: entries.filter((entry) => !isPrintable(entry)).map((entry) => ({ id: entry.id, status: entry.status === 'active' ? 'disconnected' : entry.status })),
    sharedPhones: [...entriesByLine]
      .filter(([, ids]) => ids.size > 1)
      .map(([digits, ids]) => ({ digits, entryIds: [...ids].sort() })),
  };
}
