/** What `directory check` reports: coverage per county, stale and undated entries, shared phone lines. */
import type { DirectoryProblem, StateInspection } from './inspect-directory.js';
import type { County, DirectoryEntry } from './schema.js';
import { isOlderThanMonths } from './select-entries.js';

export interface CountyCoverage {
  slug: string;
  name: string;
  /** "local": a network of this county; "regional": one shared with other counties; "none": nothing on file. */
  network: 'local' | 'regional' | 'none';
  networkIds: string[];
  legalProviders: number;
  publicDefender: boolean;
  consulates: number;
}

export interface DatedEntry {
  id: string;
  verifiedOn: string;
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
  /** verifiedOn older than the stale age: printed with "verify this number". */
  stale: DatedEntry[];
  /** The source carries no date: verifiedOn is the day someone read it. */
  undated: DatedEntry[];
  /** Entries kept on file that no packet prints (inactive, defunct, temporarily closed). */
  notActive: { id: string; status: string }[];
  /** The same line listed by more than one entry: the packet would print it twice. */
  sharedPhones: SharedPhone[];
}

export interface CheckOptions {
  today: Date;
  staleMonths: number;
}

/** Digits only, without a leading 1, so "1-800-515-1935" and "(800) 515-1935" are the same line. */
export function phoneDigits(number: string): string {
  const digits = number.replace(/ ext\. .*$/, '').replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

function coverageOf(slug: string, name: string, entries: readonly DirectoryEntry[]): CountyCoverage {
  const serving = entries.filter((entry) => entry.status === 'active' && (entry.scope === 'statewide' || entry.serviceArea.counties.includes(slug)));
  // A statewide line is not the county's network: the packet prints it in the statewide list.
  const networks = serving.filter((entry) => entry.kind === 'rapid-response' && entry.scope !== 'statewide');
  const count = (kind: DirectoryEntry['kind']) => serving.filter((entry) => entry.kind === kind).length;
  return {
    slug,
    name,
    network: networks.some((entry) => entry.scope === 'county') ? 'local' : networks.length > 0 ? 'regional' : 'none',
    networkIds: networks.map((entry) => entry.id),
    legalProviders: count('legal-provider'),
    publicDefender: count('public-defender') > 0,
    consulates: count('consulate'),
  };
}

/** One row per county, in the state file's order: what `directory check` prints and /api/v1/counties returns. */
export function countyCoverage(counties: readonly County[], entries: readonly DirectoryEntry[]): CountyCoverage[] {
  return counties.map((county) => coverageOf(county.slug, county.name, entries));
}

export function checkDirectory(inspection: StateInspection, options: CheckOptions): CheckReport {
  const { entries } = inspection;
  const dated = (entry: DirectoryEntry): DatedEntry => ({ id: entry.id, verifiedOn: entry.verifiedOn });
  const byOldest = (a: DatedEntry, b: DatedEntry) => a.verifiedOn.localeCompare(b.verifiedOn) || a.id.localeCompare(b.id);

  const entriesByLine = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const phone of entry.phones) {
      const digits = phoneDigits(phone.number);
      const ids = entriesByLine.get(digits) ?? new Set<string>();
      entriesByLine.set(digits, ids.add(entry.id));
    }
  }

  return {
    ...(inspection.stateFile ? { state: inspection.stateFile.state } : {}),
    entryCount: entries.length,
    problems: inspection.problems,
    coverage: countyCoverage(inspection.stateFile?.counties ?? [], entries),
    stale: entries.filter((entry) => isOlderThanMonths(entry.verifiedOn, options.staleMonths, options.today)).map(dated).sort(byOldest),
    undated: entries.filter((entry) => entry.source.dating === 'undated').map(dated).sort(byOldest),
    notActive: entries.filter((entry) => entry.status !== 'active').map((entry) => ({ id: entry.id, status: entry.status })),
    sharedPhones: [...entriesByLine]
      .filter(([, ids]) => ids.size > 1)
      .map(([digits, ids]) => ({ digits, entryIds: [...ids].sort() })),
  };
}
