/**
 * Which directory entries a packet hands a person, and in what order (src/directory/select-entries.ts), read
 * straight from selectEntries on a small made-up state: East – North – South in a row, West alone.
 * Each ordering and filter here is one a person relies on: the nearest help first, free help first, the
 * office that has the case, a line that still answers, nothing for children in an adult's packet.
 */
import { describe, expect, it } from 'vitest';
import type { StateDirectory } from '../../src/directory/load-directory.js';
import type { DirectoryEntry, EntryKind, HistoryEvent } from '../../src/directory/schema.js';
import { selectEntries, type SelectedEntry } from '../../src/directory/select-entries.js';

const today = new Date('2026-11-27T00:00:00Z');

function entryOf(id: string, kind: EntryKind, fields: Partial<DirectoryEntry> & { counties?: string[] } = {}): DirectoryEntry {
  const { counties = ['north-county'], ...rest } = fields;
  return {
    id,
    kind,
    organization: { name: id },
    service: { name: `${id} line`, description: `${id} (test).`, offers: [] },
    phones: [{ number: '(555) 010-0100', type: 'voice', is24Hours: false }],
    languages: [],
    serviceArea: { counties },
    scope: counties.length > 1 ? 'regional' : 'county',
    status: 'active',
    source: { title: 'Test source', readOn: '2026-06-01' },
    corroboratedBy: [],
    history: [],
    ...rest,
  } as DirectoryEntry;
}

function stateOf(entries: DirectoryEntry[]): StateDirectory {
  const counties = [
    { slug: 'east-county', name: 'East', fips: '99001', adjacent: ['north-county'] },
    { slug: 'north-county', name: 'North', fips: '99003', adjacent: ['east-county', 'south-county'] },
    { slug: 'south-county', name: 'South', fips: '99005', adjacent: ['north-county'] },
    { slug: 'west-county', name: 'West', fips: '99007', adjacent: [] },
  ];
  return {
    state: 'zz',
    name: 'Test State',
    counties,
    countyBySlug: new Map(counties.map((county) => [county.slug, county])),
    entries,
    translations: new Map() as unknown as StateDirectory['translations'],
  } as StateDirectory;
}

const ids = (selected: SelectedEntry[]) => selected.map((item) => item.entry.id);

describe('networks a packet lists', () => {
  const state = stateOf([
    entryOf('zeta-local', 'rapid-response'),
    entryOf('alpha-regional', 'rapid-response', { counties: ['north-county', 'south-county'] }),
    entryOf('beta-local', 'rapid-response'),
    entryOf('south-local', 'rapid-response', { counties: ['south-county'] }),
    entryOf('south-regional', 'rapid-response', { counties: ['south-county', 'east-county'] }),
    entryOf('south-a-local', 'rapid-response', { counties: ['south-county'] }),
    entryOf('state-line', 'rapid-response', { counties: [], scope: 'statewide' }),
    entryOf('a-state-line', 'rapid-response', { counties: [], scope: 'statewide' }),
    entryOf('closed-network', 'rapid-response', { status: 'temporarily closed' }),
  ]);

  it('puts the release county\'s own networks first, by name, then regional ones; never a statewide line there', () => {
    const selection = selectEntries(state, { county: 'north-county', today });
    expect(ids(selection.releaseNetworks)).toEqual(['beta-local', 'zeta-local', 'alpha-regional']);
    expect(ids(selection.statewideNetworks)).toEqual(['a-state-line', 'state-line']);
  });

  it('lists for the destination only the networks the release county\'s list does not already hold', () => {
    const selection = selectEntries(state, { county: 'north-county', destinationCounty: 'south-county', today });
    expect(ids(selection.destinationNetworks)).toEqual(['south-a-local', 'south-local', 'south-regional']);
    expect(selectEntries(state, { county: 'north-county', destinationCounty: 'north-county', today }).destinationNetworks).toEqual([]);
    expect(selectEntries(state, { county: 'north-county', today }).destinationNetworks).toEqual([]);
  });

  it('sorts regional networks after local ones wherever they serve, and by name among equals', () => {
    const south = selectEntries(state, { county: 'south-county', today });
    expect(ids(south.releaseNetworks)).toEqual(['south-a-local', 'south-local', 'alpha-regional', 'south-regional']);
  });

  it('never lists a closed network', () => {
    const all = selectEntries(state, { county: 'north-county', destinationCounty: 'south-county', today });
    const listed = [...all.releaseNetworks, ...all.destinationNetworks, ...all.nearbyNetworks, ...all.statewideNetworks];
    expect(ids(listed)).not.toContain('closed-network');
  });
});

describe('nearby networks for a county with none of its own', () => {
  const state = stateOf([
    entryOf('north-local', 'rapid-response'),
    entryOf('south-local', 'rapid-response', { counties: ['south-county'] }),
    entryOf('state-line', 'rapid-response', { counties: [], scope: 'statewide' }),
  ]);

  it('gives the nearest networks, with how far and through which county, and for which county', () => {
    const east = selectEntries(state, { county: 'east-county', today });
    expect(east.releaseNetworks).toEqual([]);
    expect(east.nearbyNetworks.map(({ entry, distance, viaCounty, forCounty }) => [entry.id, distance, viaCounty, forCounty])).toEqual([
      ['north-local', 1, 'north-county', 'east-county'],
      ['south-local', 2, 'south-county', 'east-county'],
    ]);
    // A nearby network is judged like any other: unconfirmed, so the packet asks to verify it.
    expect(east.nearbyNetworks[0]!.standing.needsCheck).toBe(true);
  });

  it('gives none when the county has its own network', () => {
    expect(selectEntries(state, { county: 'north-county', today }).nearbyNetworks).toEqual([]);
  });

  it('looks for the destination too, without repeating a network already listed for the release county', () => {
    const selection = selectEntries(state, { county: 'north-county', destinationCounty: 'east-county', today });
    expect(ids(selection.releaseNetworks)).toEqual(['north-local']);
    expect(selection.nearbyNetworks.map((near) => [near.entry.id, near.forCounty])).toEqual([['south-local', 'east-county']]);
  });

  it('adds nothing for a destination the release county\'s networks already serve', () => {
    const regional = stateOf([
      entryOf('valley', 'rapid-response', { counties: ['north-county', 'east-county'] }),
      entryOf('north-only', 'rapid-response'),
      entryOf('south-local', 'rapid-response', { counties: ['south-county'] }),
    ]);
    const selection = selectEntries(regional, { county: 'north-county', destinationCounty: 'east-county', today });
    expect(ids(selection.releaseNetworks)).toEqual(['north-only', 'valley']);
    expect(selection.destinationNetworks).toEqual([]);
    expect(selection.nearbyNetworks).toEqual([]);
  });
});

describe('legal help a packet lists', () => {
  const state = stateOf([
    entryOf('a-paid-firm', 'legal-provider', { organization: { name: 'A Paid Firm', isNonprofit: false }, service: { name: 'x', description: 'x', offers: [], isFree: false } }),
    entryOf('z-free-nonprofit', 'legal-provider', { organization: { name: 'Z Free Nonprofit', isNonprofit: true }, service: { name: 'x', description: 'x', offers: [], isFree: true } }),
    entryOf('m-free-firm', 'legal-provider', { organization: { name: 'M Free Firm', isNonprofit: false }, service: { name: 'x', description: 'x', offers: [], isFree: true } }),
    entryOf('south-clinic', 'legal-provider', { counties: ['south-county'], organization: { name: 'B South Clinic', isNonprofit: true }, service: { name: 'x', description: 'x', offers: [], isFree: true } }),
    entryOf('children-only', 'legal-provider', { organization: { name: 'C Children', isNonprofit: true }, eligibility: { maximumAge: 17, description: 'Under 18' } }),
    entryOf('adults-only', 'legal-provider', { organization: { name: 'D Adults', isNonprofit: true }, eligibility: { minimumAge: 18, description: '18 and over' } }),
    entryOf('through-twenty-five', 'legal-provider', { organization: { name: 'F Through 25', isNonprofit: true }, eligibility: { maximumAge: 25, description: '25 and under' } }),
    entryOf('through-eighteen', 'legal-provider', { organization: { name: 'G Through 18', isNonprofit: true }, eligibility: { maximumAge: 18, description: '18 and under' } }),
    entryOf('from-fourteen', 'legal-provider', { organization: { name: 'H From 14', isNonprofit: true }, eligibility: { minimumAge: 14, description: '14 and over' } }),
    entryOf('takes-youth', 'legal-provider', { organization: { name: 'E Youth Cases', isNonprofit: true }, service: { name: 'x', description: 'x', offers: ['youth-cases'] } }),
    entryOf('north-defender', 'public-defender'),
    entryOf('south-defender', 'public-defender', { counties: ['south-county'] }),
  ]);

  it('puts nonprofit and free help first, then by name, the release county\'s before the destination\'s', () => {
    const selection = selectEntries(state, { county: 'north-county', destinationCounty: 'south-county', today });
    expect(ids(selection.legalProviders)).toEqual(['z-free-nonprofit', 'adults-only', 'takes-youth', 'through-twenty-five', 'through-eighteen', 'from-fourteen', 'm-free-firm', 'a-paid-firm', 'south-clinic']);
  });

  it('never tells an adult about an office for children only, nor a youth about one for adults only', () => {
    const adult = ids(selectEntries(state, { county: 'north-county', today }).legalProviders);
    expect(adult).not.toContain('children-only');
    expect(adult).toContain('adults-only');
    const youth = ids(selectEntries(state, { county: 'north-county', isYouth: true, today }).legalProviders);
    expect(youth).not.toContain('adults-only');
    // Children's offices first, then those that take youth cases, then the rest in their usual order.
    expect(youth).toEqual(['children-only', 'takes-youth', 'z-free-nonprofit', 'through-twenty-five', 'through-eighteen', 'from-fourteen', 'm-free-firm', 'a-paid-firm']);
    // An office that serves people up to 18 or 25 serves an adult of 18 too.
    expect(adult).toEqual(expect.arrayContaining(['through-twenty-five', 'through-eighteen', 'from-fourteen']));
  });

  it('lists only the release county\'s public defender: the office that has the case', () => {
    const selection = selectEntries(state, { county: 'north-county', destinationCounty: 'south-county', today });
    expect(ids(selection.publicDefenders)).toEqual(['north-defender']);
  });
});

describe('consulates a packet lists', () => {
  const line = (is24Hours: boolean) => [{ number: '(555) 010-0200', type: 'voice' as const, is24Hours }];
  const state = stateOf([
    entryOf('a-nationwide-day', 'consulate', { counties: [], scope: 'statewide', phones: line(false) }),
    entryOf('z-nationwide-24h', 'consulate', { counties: [], scope: 'statewide', phones: [...line(false), ...line(true)] }),
    entryOf('m-nationwide-day', 'consulate', { counties: [], scope: 'statewide', phones: line(false) }),
    entryOf('regional-office', 'consulate', { counties: ['north-county', 'south-county'], phones: line(false) }),
    entryOf('south-office', 'consulate', { counties: ['south-county'], phones: line(false) }),
  ]);

  it('puts the consulates of the region first, then the nationwide lines, one answering around the clock first', () => {
    const selection = selectEntries(state, { county: 'north-county', destinationCounty: 'south-county', today });
    expect(ids(selection.consulates)).toEqual(['south-office', 'regional-office', 'z-nationwide-24h', 'a-nationwide-day', 'm-nationwide-day']);
  });
});

describe('the lines and standing of a selected entry', () => {
  const event = (fields: Partial<HistoryEvent>): HistoryEvent => ({ on: '2026-10-01', by: 'tester', method: 'phone', result: 'confirmed', number: '(555) 010-0100', ...fields });
  const twoLines = entryOf('two-lines', 'rapid-response', {
    phones: [
      { number: '(555) 010-0100', type: 'voice', is24Hours: false },
      { number: '(555) 010-0101', type: 'voice', is24Hours: false },
    ],
    history: [event({ number: '(555) 010-0101', result: 'disconnected' }), event({ on: '2026-03-01' })],
  });

  it('hands over only the lines nobody reported disconnected, and drops an entry left with none', () => {
    const dead = entryOf('dead-line', 'rapid-response', { history: [event({ result: 'disconnected' })] });
    const selection = selectEntries(stateOf([twoLines, dead]), { county: 'north-county', today });
    expect(ids(selection.releaseNetworks)).toEqual(['two-lines']);
    expect(selection.releaseNetworks[0]!.entry.phones.map((phone) => phone.number)).toEqual(['(555) 010-0100']);
  });

  it('judges a confirmation\'s age by the allowed months, twelve unless told', () => {
    const state = stateOf([twoLines]);
    // Confirmed 2026-03-01: within twelve months of 2026-11-27, not within six.
    expect(selectEntries(state, { county: 'north-county', today }).releaseNetworks[0]!.standing).toMatchObject({ needsCheck: false, isConfirmationOld: false });
    expect(selectEntries(state, { county: 'north-county', today, staleMonths: 6 }).releaseNetworks[0]!.standing).toMatchObject({ needsCheck: true, isConfirmationOld: true });
  });
});
