/** Picks the directory entries a packet prints for its counties, in print order, with their standing. */
import type { DirectoryEntry, EntryKind } from './schema.js';
import type { StateDirectory } from './load-directory.js';
import { isPrintable, judgeEntry, printablePhones, type EntryStanding } from './entry-dates.js';
import { nearestNetworks } from './nearest-networks.js';

export interface SelectedEntry {
  /** The entry with only the lines that still print (a disconnected line is left out). */
  entry: DirectoryEntry;
  standing: EntryStanding;
}

export interface CountySelection {
  /** Rapid response networks serving the release county, local ones first. */
  releaseNetworks: SelectedEntry[];
  /** Networks serving the destination county that the release county's list does not already hold. */
  destinationNetworks: SelectedEntry[];
  /** For a county with no network of its own: the nearest networks on file, not local, nearest first. */
  nearbyNetworks: (SelectedEntry & { distance: number; viaCounty: string; forCounty: string })[];
  /** Lines that serve the whole state (scope "statewide"), printed for every county. */
  statewideNetworks: SelectedEntry[];
  /** Legal providers serving either county: release county first, nonprofit and free first. */
  legalProviders: SelectedEntry[];
  /** The release county's public defender only: the office that has the person's case. */
  publicDefenders: SelectedEntry[];
  /** Consulates whose district holds either county, then the state's nationwide lines. */
  consulates: SelectedEntry[];
}

export const defaultStaleMonths = 12;


const scopeRank = { county: 0, regional: 1, statewide: 2 } as const;

function serves(entry: DirectoryEntry, county: string): boolean {
  return entry.scope === 'statewide' || entry.serviceArea.counties.includes(county);
}

function byScopeThenName(a: DirectoryEntry, b: DirectoryEntry): number {
  return scopeRank[a.scope] - scopeRank[b.scope] || a.organization.name.localeCompare(b.organization.name, 'en');
}

/** Nonprofit and free services first, as DESIGN.md 1 asks; then by name. */
function byCostThenName(a: DirectoryEntry, b: DirectoryEntry): number {
  const rank = (entry: DirectoryEntry) => (entry.organization.isNonprofit ? 0 : 1) + (entry.service.isFree ? 0 : 1);
  return rank(a) - rank(b) || a.organization.name.localeCompare(b.organization.name, 'en');
}

/** Consulates of the region first; among lines of equal reach, one that answers around the clock first. */
function byScopeThenAlwaysOpen(a: DirectoryEntry, b: DirectoryEntry): number {
  const alwaysOpen = (entry: DirectoryEntry) => (entry.phones.some((phone) => phone.is24Hours) ? 0 : 1);
  return scopeRank[a.scope] - scopeRank[b.scope] || alwaysOpen(a) - alwaysOpen(b);
}

/** A provider that serves children only (HSDS maximum_age under 18). */
export function isChildrenOnly(entry: DirectoryEntry): boolean {
  return entry.eligibility?.maximumAge !== undefined && entry.eligibility.maximumAge < 18;
}

function isAdultsOnly(entry: DirectoryEntry): boolean {
  return entry.eligibility?.minimumAge !== undefined && entry.eligibility.minimumAge >= 18;
}

/** For a youth packet: children-only providers first, then those that take youth cases, then the rest. */
function youthRank(entry: DirectoryEntry): number {
  return isChildrenOnly(entry) ? 0 : entry.service.offers.includes('youth-cases') ? 1 : 2;
}

export interface SelectOptions {
  county: string;
  destinationCounty?: string;
  /** A youth packet (juvenile release): children's providers first; an adult packet never lists them. */
  isYouth?: boolean;
  today: Date;
  staleMonths?: number;
}

export function selectEntries(directory: StateDirectory, options: SelectOptions): CountySelection {
  const { county, destinationCounty, today } = options;
  const select = (entries: DirectoryEntry[]): SelectedEntry[] =>
    entries.map((entry) => ({
      entry: { ...entry, phones: printablePhones(entry) },
      standing: judgeEntry(entry, today, options.staleMonths ?? defaultStaleMonths),
    }));
  // A line that is closed, even for a while, or reported disconnected must not be handed to someone walking out.
  const ofKind = (kind: EntryKind) => directory.entries.filter((entry) => entry.kind === kind && isPrintable(entry));

  const networks = ofKind('rapid-response');
  const release = networks.filter((entry) => entry.scope !== 'statewide' && serves(entry, county)).sort(byScopeThenName);
  const releaseIds = new Set(release.map((entry) => entry.id));
  const destination =
    destinationCounty && destinationCounty !== county
      ? networks
          .filter((entry) => entry.scope !== 'statewide' && serves(entry, destinationCounty) && !releaseIds.has(entry.id))
          .sort(byScopeThenName)
      : [];

  const countiesServed = [county, ...(destinationCounty && destinationCounty !== county ? [destinationCounty] : [])];
  const providersFor = (kind: EntryKind, counties = countiesServed) => {
    const picked: DirectoryEntry[] = [];
    for (const slug of counties) {
      for (const entry of ofKind(kind).filter((candidate) => serves(candidate, slug)).sort(byCostThenName)) {
        if (!picked.includes(entry)) picked.push(entry);
      }
    }
    return picked;
  };

  // Who a provider serves is data: telling an adult about a children-only office sends them nowhere.
  const servesPerson = (entry: DirectoryEntry) => (options.isYouth ? !isAdultsOnly(entry) : !isChildrenOnly(entry));
  const legalProviders = providersFor('legal-provider').filter(servesPerson);
  if (options.isYouth) legalProviders.sort((a, b) => youthRank(a) - youthRank(b));

  // A county with no network gets the nearest ones, release county first, then the destination's; no repeats.
  const listed = new Set([...release, ...destination].map((entry) => entry.id));
  const nearby: CountySelection['nearbyNetworks'] = [];
  for (const [slug, own] of [[county, release], ...(destinationCounty && destinationCounty !== county ? [[destinationCounty, destination]] : [])] as [string, DirectoryEntry[]][]) {
    if (own.length > 0 || (slug === destinationCounty && release.some((entry) => serves(entry, slug)))) continue;
    for (const near of nearestNetworks(directory.counties, networks, slug)) {
      if (listed.has(near.entry.id)) continue;
      listed.add(near.entry.id);
      nearby.push({ ...select([near.entry])[0]!, distance: near.distance, viaCounty: near.viaCounty, forCounty: slug });
    }
  }

  return {
    releaseNetworks: select(release),
    destinationNetworks: select(destination),
    nearbyNetworks: nearby,
    statewideNetworks: select(networks.filter((entry) => entry.scope === 'statewide').sort(byScopeThenName)),
    legalProviders: select(legalProviders),
    // The case, and so the ICE hold staff send on, belongs to the release county's defender.
    publicDefenders: select(providersFor('public-defender', [county])),
    consulates: select(providersFor('consulate').sort(byScopeThenAlwaysOpen)),
  };
}
