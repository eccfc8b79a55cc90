/**
 * What a packet holds, decided before anything prints: the request and the directory in, the packet model
 * out. Read on the fixture state (tests/fixtures/directory/zz), whose few entries make each choice visible:
 * North has its own network and a regional one shared with South; East has none; South's legal providers
 * are one free nonprofit with an undated source and one fee clinic.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { buildPacket, cardNameCharacters, chooseSecondLanguage, describeDataDates, type EntryView } from '../../src/packet/build-packet.js';
import { chooseSections } from '../../src/packet/sections.js';
import { getLawCheck } from '../../src/packet/law-check.js';
import { parsePacketRequest } from '../../src/request/parse-request.js';
import { getCatalogs } from '../../src/i18n/catalogs.js';
import { getDirectory, loadStateDirectory, type StateDirectory } from '../../src/directory/load-directory.js';
import type { PacketRequest } from '../../src/request/schema.js';
import { PacketError } from '../../src/errors.js';

const today = new Date('2026-11-27T00:00:00Z');
const catalogs = getCatalogs();
const fixtureState = loadStateDirectory(new URL('../fixtures/directory/zz', import.meta.url).pathname);
const vocabulary = { localeIds: [...catalogs.locales.keys()], countySlugs: fixtureState.counties.map((county) => county.slug) };

function requestOf(input: Record<string, unknown>): PacketRequest {
  return parsePacketRequest(input, vocabulary);
}

function packetOf(input: Record<string, unknown>, options: { state?: StateDirectory; staleMonths?: number; lawCheckedOn?: Date } = {}) {
  const state = options.state ?? fixtureState;
  return buildPacket(
    requestOf(input),
    {
      catalogs,
      directory: { states: new Map([[state.state, state]]) },
      today,
      ...(options.staleMonths !== undefined ? { staleMonths: options.staleMonths } : {}),
      ...(options.lawCheckedOn ? { lawCheckedOn: options.lawCheckedOn } : {}),
    },
    state.state,
  );
}

/** The fixture state with borders: East–South–North in a row (the fixture file has none). */
const adjacent: Record<string, string[]> = { 'east-county': ['south-county'], 'south-county': ['east-county', 'north-county'], 'north-county': ['south-county'] };
const bordered: StateDirectory = { ...fixtureState, counties: fixtureState.counties.map((county) => ({ ...county, adjacent: adjacent[county.slug]! })) };

/** The fixture state with one entry changed. */
function withEntry(id: string, change: (entry: StateDirectory['entries'][number]) => StateDirectory['entries'][number]): StateDirectory {
  return { ...fixtureState, entries: fixtureState.entries.map((entry) => (entry.id === id ? change(entry) : entry)) };
}

const ids = (entries: EntryView[]) => entries.map((entry) => entry.id);
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('the languages of a packet', () => {
  it('puts English second, and Spanish second for an English packet, unless another second language is asked for', () => {
    expect(chooseSecondLanguage('es')).toBe('en');
    expect(chooseSecondLanguage('ar')).toBe('en');
    expect(chooseSecondLanguage('en')).toBe('es');
    expect(chooseSecondLanguage('es', 'zh-Hant')).toBe('zh-Hant');
    expect(chooseSecondLanguage('en', 'en')).toBe('es');
    expect(chooseSecondLanguage('es', 'es')).toBe('en');
  });

  it('names both languages with their direction and draft status, the person\'s first', () => {
    const packet = packetOf({ language: 'ar', county: 'north-county' });
    expect(packet.primary).toEqual({ id: 'ar', name: 'العربية', englishName: 'Arabic', dir: 'rtl', isDraft: true });
    expect(packet.secondary).toMatchObject({ id: 'en', englishName: 'English', dir: 'ltr', isDraft: false });
    expect(packet.languages).toEqual([packet.primary, packet.secondary]);
    expect(packetOf({ language: 'es', secondLanguage: 'vi', county: 'north-county' }).secondary.id).toBe('vi');
  });

  it('refuses a language no catalog holds, and a state the directory does not have', () => {
    const request = { ...requestOf({ county: 'north-county' }), language: 'xx' };
    const deps = { catalogs, directory: { states: new Map([['zz', fixtureState]]) }, today };
    expect(() => buildPacket(request, deps, 'zz')).toThrow(expect.objectContaining({ code: 'PKT_ERR_I18N_CATALOG' }));
    // The log line says which: a locale id, a state id, never a person's data.
    expect(() => buildPacket(request, deps, 'zz')).toThrow(/no catalog for xx/);
    expect(() => buildPacket(requestOf({ county: 'north-county' }), deps, 'ca')).toThrow(/no directory for state ca/);
    expect(() => buildPacket({ ...requestOf({ county: 'north-county' }), county: 'west-county' }, deps, 'zz')).toThrow(/not in the directory/);
    expect(() => buildPacket(requestOf({ county: 'north-county' }), deps, 'ca')).toThrow(PacketError);
    expect(() => buildPacket(requestOf({ county: 'north-county' }), deps, 'ca')).toThrow(expect.objectContaining({ code: 'PKT_ERR_DIRECTORY_INVALID' }));
    expect(() => buildPacket({ ...requestOf({ county: 'north-county' }), county: 'west-county' }, deps, 'zz')).toThrow(
      expect.objectContaining({ code: 'PKT_ERR_INTERNAL' }),
    );
  });
});

describe('the state of a packet', () => {
  it('is California unless another state is named', () => {
    const directory = { states: new Map([['zz', fixtureState], ...getDirectory().states]) };
    const packet = buildPacket({ ...requestOf({ county: 'north-county' }), county: 'fresno' }, { catalogs, directory, today });
    expect(packet.state.id).toBe('ca');
    expect(packet.county.slug).toBe('fresno');
  });
});

describe('the sections of a packet', () => {
  it('holds the person\'s sections in print order, the hold and youth sections only when they apply, staff pages last', () => {
    expect(packetOf({ county: 'north-county' }).sections).toEqual(['cover', 'rapid-response', 'legal-providers', 'safe-release', 'rights-card']);
    const everything = packetOf({
      county: 'north-county',
      youth: true,
      iceHold: { received: true },
      print: { staffChecklist: true },
    });
    expect(everything.sections).toEqual([
      'cover',
      'rapid-response',
      'legal-providers',
      'ice-hold-rights',
      'youth-confidentiality',
      'safe-release',
      'rights-card',
      'staff-checklist',
    ]);
    // The templates ask `has.iceHoldRights`: the section ids in camel case, true for each section held.
    expect(everything.has).toEqual({
      cover: true,
      rapidResponse: true,
      legalProviders: true,
      iceHoldRights: true,
      youthConfidentiality: true,
      safeRelease: true,
      rightsCard: true,
      staffChecklist: true,
    });
    expect(packetOf({ county: 'north-county', iceHold: { received: false } }).has.iceHoldRights).toBeUndefined();
    expect(chooseSections(requestOf({ county: 'north-county', youth: true }))).toContain('youth-confidentiality');
  });
});

describe('what the packet says about the hold', () => {
  const hold = (iceHold: Record<string, boolean> | undefined, youth = false) =>
    packetOf({ county: 'north-county', youth, ...(iceHold ? { iceHold } : {}) }).iceHold;

  it('tells a hold the agency will honour from one it will not, and from one whose answer is unknown', () => {
    expect(hold({ received: true, agencyWillComply: true })).toMatchObject({ received: true, willComply: true, willNotComply: false, complianceUnknown: false });
    expect(hold({ received: true, agencyWillComply: false })).toMatchObject({ willComply: false, willNotComply: true, complianceUnknown: false });
    expect(hold({ received: true })).toMatchObject({ willComply: false, willNotComply: false, complianceUnknown: true });
    expect(hold(undefined)).toMatchObject({ received: false, complianceUnknown: true, releaseInfoShared: false });
    expect(hold({ received: true, releaseInfoSharedWithIce: true }).releaseInfoShared).toBe(true);
  });

  it('marks a young person\'s release information at risk when the agency will comply or has shared it, and only then', () => {
    expect(hold({ received: true, agencyWillComply: true }, true).isYouthReleaseInfoAtRisk).toBe(true);
    expect(hold({ received: true, releaseInfoSharedWithIce: true }, true).isYouthReleaseInfoAtRisk).toBe(true);
    expect(hold({ received: true, agencyWillComply: false, releaseInfoSharedWithIce: false }, true).isYouthReleaseInfoAtRisk).toBe(false);
    expect(hold({ received: true }, true).isYouthReleaseInfoAtRisk).toBe(false);
    // An adult's packet: WIC 831 is about juvenile records.
    expect(hold({ received: true, agencyWillComply: true, releaseInfoSharedWithIce: true }).isYouthReleaseInfoAtRisk).toBe(false);
  });
});

describe('the person, the release and the print options', () => {
  it('carries the name, the release day at midnight UTC and the place; nothing for what was not given', () => {
    const packet = packetOf({ county: 'north-county', person: { name: 'Ana Pérez' }, release: { date: '2026-12-01', location: 'Fresno County Jail' } });
    expect(packet.person).toEqual({ name: 'Ana Pérez' });
    expect(packet.release).toEqual({ date: utc('2026-12-01'), location: 'Fresno County Jail' });
    const bare = packetOf({ county: 'north-county' });
    expect(bare.person).toEqual({});
    expect(bare.release).toEqual({});
    expect(packetOf({ county: 'north-county', release: { location: 'Main Jail' } }).release).toEqual({ location: 'Main Jail' });
  });

  it('takes the paper, large print, card count and layout, staff language and fill-in from the request, with their defaults', () => {
    const defaults = packetOf({ county: 'north-county' });
    expect(defaults).toMatchObject({ paper: 'letter', isLargePrint: false, cardCount: 'sheet', cardLayout: 'duplex', staffLanguage: 'en', isFillIn: false });
    const chosen = packetOf({
      language: 'es',
      county: 'north-county',
      print: { paper: 'a4', largePrint: true, cards: 3, cardLayout: 'fold', staffLanguage: 'es', fillIn: true },
    });
    expect(chosen).toMatchObject({ paper: 'a4', isLargePrint: true, cardCount: 3, cardLayout: 'fold', staffLanguage: 'es', isFillIn: true });
  });

  it('names the state and the counties, and has no destination when it is the release county', () => {
    const packet = packetOf({ county: 'north-county', destinationCounty: 'south-county' });
    expect(packet.state).toEqual({ id: 'zz', name: 'Fixture State' });
    expect(packet.county).toEqual({ slug: 'north-county', name: 'North' });
    expect(packet.destinationCounty).toEqual({ slug: 'south-county', name: 'South' });
    expect(packetOf({ county: 'north-county', destinationCounty: 'north-county' }).destinationCounty).toBeUndefined();
    expect(packetOf({ county: 'north-county' }).destinationCounty).toBeUndefined();
  });

  it('dates the packet today and prints the day the law was last checked', () => {
    const packet = packetOf({ county: 'north-county' });
    expect(packet.printedOn).toEqual(today);
    expect(packet.lawCheckedOn).toEqual(getLawCheck().checkedOn);
    expect(packetOf({ county: 'north-county' }, { lawCheckedOn: utc('2026-01-02') }).lawCheckedOn).toEqual(utc('2026-01-02'));
  });
});

describe('the wallet card\'s rapid response line', () => {
  const card = (input: Record<string, unknown>) => packetOf(input).cardHotline;

  it('is the release county\'s own network when the person stays, its numbers unbreakable', () => {
    expect(card({ county: 'north-county' })).toEqual({ name: 'North Watch', numbers: '(555)\u00a0010-0001', countyName: 'North' });
  });

  it('is the destination county\'s network when the person moves', () => {
    expect(card({ county: 'south-county', destinationCounty: 'north-county' })).toEqual({ name: 'North Watch', numbers: '(555)\u00a0010-0001', countyName: 'North' });
    expect(card({ county: 'east-county', destinationCounty: 'north-county' })).toMatchObject({ name: 'North Watch', countyName: 'North' });
  });

  it('is a release county network that also serves the destination, named for the destination', () => {
    // Valley Network serves North and South: listed with North's networks, it is the one for South.
    expect(card({ county: 'north-county', destinationCounty: 'south-county' })).toEqual({
      name: 'Valley Network',
      numbers: '(555)\u00a0010-0002',
      countyName: 'South',
    });
  });

  it('is left to be written in when the county has no network of its own, even with networks nearby', () => {
    const packet = packetOf({ county: 'east-county' }, { state: bordered });
    expect(packet.directory.hasNearbyNetworks).toBe(true);
    expect(packet.cardHotline).toBeUndefined();
    expect('cardHotline' in packet).toBe(false);
  });

  it('joins several numbers of one network with a middle dot, and skips a network with no line left', () => {
    const twoLines = withEntry('north-watch-line', (entry) => ({
      ...entry,
      phones: [...entry.phones, { number: '(555) 010-0009', type: 'text' as const, is24Hours: false }],
    }));
    expect(packetOf({ county: 'north-county' }, { state: twoLines }).cardHotline?.numbers).toBe('(555)\u00a0010-0001 · (555)\u00a0010-0009');
    const noLines = withEntry('north-watch-line', (entry) => ({ ...entry, phones: [] }));
    expect(packetOf({ county: 'north-county' }, { state: noLines }).cardHotline).toEqual({ name: 'Valley Network', numbers: '(555)\u00a0010-0002', countyName: 'North' });
  });
});

describe('contacts', () => {
  const long = 'A'.repeat(cardNameCharacters + 1);

  it('lists every contact whole with its role, and a phone only when given', () => {
    const packet = packetOf({
      county: 'north-county',
      contacts: [
        { role: 'family', name: 'Rosa Pérez', phone: '(559) 555-0101' },
        { role: 'consulate', name: long },
      ],
    });
    expect(packet.contacts).toEqual([
      { roleKey: 'packet:contactRoles.family', name: 'Rosa Pérez', phone: '(559) 555-0101' },
      { roleKey: 'packet:contactRoles.consulate', name: long },
    ]);
  });

  it('puts the lawyer on the card, and the emergency contact, else a family member', () => {
    const packet = packetOf({
      county: 'north-county',
      contacts: [
        { role: 'family', name: 'Rosa Pérez' },
        { role: 'attorney', name: 'Luis Gómez', phone: '(559) 555-0102' },
        { role: 'emergency', name: 'Marta Ruiz', phone: '(559) 555-0103' },
      ],
    });
    expect(packet.lawyer).toEqual({ roleKey: 'packet:contactRoles.attorney', name: 'Luis Gómez', phone: '(559) 555-0102' });
    expect(packet.emergencyContact).toEqual({ roleKey: 'packet:contactRoles.emergency', name: 'Marta Ruiz', phone: '(559) 555-0103' });
    const familyOnly = packetOf({ county: 'north-county', contacts: [{ role: 'family', name: 'Rosa Pérez' }, { role: 'other', name: 'Pastor Juan' }] });
    expect(familyOnly.emergencyContact?.name).toBe('Rosa Pérez');
    expect(familyOnly.lawyer).toBeUndefined();
    const none = packetOf({ county: 'north-county', contacts: [{ role: 'other', name: 'Pastor Juan' }] });
    expect('lawyer' in none || 'emergencyContact' in none).toBe(false);
  });

  it('shortens a name on the card to fit, by whole letters with their accents, never cutting after a space', () => {
    const card = (name: string) => packetOf({ county: 'north-county', contacts: [{ role: 'attorney', name }] }).lawyer?.name;
    expect(card('A'.repeat(cardNameCharacters))).toBe('A'.repeat(cardNameCharacters));
    expect(card(long)).toBe(`${'A'.repeat(cardNameCharacters - 1)}…`);
    // "é" typed as e + combining accent is one letter: 31 of them keep 29 whole, never a bare "e".
    expect(card('e\u0301'.repeat(cardNameCharacters + 1))).toBe(`${'é'.repeat(cardNameCharacters - 1)}…`);
    expect(card(`${'A'.repeat(cardNameCharacters - 2)} Bbbbb`)).toBe(`${'A'.repeat(cardNameCharacters - 2)}…`);
  });
});

describe('the directory entries a packet prints', () => {
  it('lists the release county\'s networks, the destination\'s new ones, and the nearest ones for a county with none', () => {
    const north = packetOf({ county: 'north-county' }).directory;
    expect(ids(north.releaseNetworks)).toEqual(['north-watch-line', 'valley-network']);
    expect(north).toMatchObject({ hasLocalNetwork: true, hasDestinationNetwork: false, hasNearbyNetworks: false });
    const moving = packetOf({ county: 'south-county', destinationCounty: 'north-county' }).directory;
    expect(ids(moving.destinationNetworks)).toEqual(['north-watch-line']);
    expect(moving.hasDestinationNetwork).toBe(true);
    const east = packetOf({ county: 'east-county' }, { state: bordered }).directory;
    expect(east).toMatchObject({ hasLocalNetwork: false, hasNearbyNetworks: true });
    // East borders South only: the valley's network serves the neighbour, North's own is two borders away.
    expect(east.nearbyNetworks.map(({ id, forCountyName, viaCountyName, distance, isNeighbour }) => ({ id, forCountyName, viaCountyName, distance, isNeighbour }))).toEqual([
      { id: 'valley-network', forCountyName: 'East', viaCountyName: 'South', distance: 1, isNeighbour: true },
      { id: 'north-watch-line', forCountyName: 'East', viaCountyName: 'North', distance: 2, isNeighbour: false },
    ]);
    expect(east.nearbyNetworks[0]).toMatchObject({ serviceName: 'Valley Network Line', phones: [{ number: '\u2066(555)\u00a0010-0002\u2069' }] });
  });

  it('lists legal providers, the release county\'s defender and consulates, and says which kinds it has', () => {
    const south = packetOf({ county: 'south-county' }).directory;
    expect(ids(south.legalProviders)).toEqual(['south-free-defenders', 'south-fee-clinic']);
    expect(south).toMatchObject({ hasLegalProviders: true, hasPublicDefender: false, hasConsulates: true, hasStatewideNetworks: false });
    const north = packetOf({ county: 'north-county' }).directory;
    expect(ids(north.publicDefenders)).toEqual(['north-public-defender']);
    expect(north).toMatchObject({ hasLegalProviders: false, hasPublicDefender: true });
    expect(ids(north.consulates)).toEqual(['fixture-consulate-line']);
    const noConsulate: StateDirectory = { ...fixtureState, entries: fixtureState.entries.filter((entry) => entry.kind !== 'consulate') };
    expect(packetOf({ county: 'north-county' }, { state: noConsulate }).directory).toMatchObject({ consulates: [], hasConsulates: false });
    const statewide = withEntry('valley-network', (entry) => ({ ...entry, scope: 'statewide' as const }));
    const withStatewide = packetOf({ county: 'north-county' }, { state: statewide }).directory;
    expect(ids(withStatewide.statewideNetworks)).toEqual(['valley-network']);
    expect(withStatewide.hasStatewideNetworks).toBe(true);
  });

  it('prints a phone number unbroken and in left-to-right order, with its kind and hours', () => {
    const [north, valley] = packetOf({ county: 'north-county' }).directory.releaseNetworks;
    expect(north!.phones).toEqual([{ number: '\u2066(555)\u00a0010-0001\u2069', isText: false, isVoiceAndText: true, is24Hours: true }]);
    expect(valley!.phones[0]).toMatchObject({ isText: false, isVoiceAndText: false, is24Hours: false });
    const texting = withEntry('north-watch-line', (entry) => ({
      ...entry,
      phones: [{ number: '(555) 010-0001', type: 'text' as const, is24Hours: false, hours: 'Mon–Fri 9–5', languages: ['es'] }],
    }));
    const [phone] = packetOf({ county: 'north-county' }, { state: texting }).directory.releaseNetworks[0]!.phones;
    expect(phone).toEqual({ number: '\u2066(555)\u00a0010-0001\u2069', isText: true, isVoiceAndText: false, is24Hours: false, hours: 'Mon–Fri 9–5', languageNames: 'Spanish / español' });
  });

  it('says where an entry serves: its counties by name, the state\'s name for a statewide line', () => {
    const north = packetOf({ county: 'north-county' }).directory;
    expect(north.releaseNetworks.map((entry) => entry.areaNames)).toEqual(['North', 'North, South']);
    expect(north.consulates[0]!.areaNames).toBe('Fixture State');
  });

  it('names the service and its languages in both packet languages, once when they read the same', () => {
    const translated: StateDirectory = {
      ...fixtureState,
      translations: new Map([['es', new Map([['north-watch-line', { serviceName: 'Línea Norte', hours: new Map([['(555) 010-0001', 'de lunes a viernes']]) }]])]]),
    };
    const hours = withEntry('north-watch-line', (entry) => ({ ...entry, phones: [{ ...entry.phones[0]!, hours: 'weekdays' }] }));
    const state = { ...translated, entries: hours.entries };
    const es = packetOf({ language: 'es', county: 'north-county' }, { state }).directory.releaseNetworks;
    expect(es[0]!.serviceName).toBe('Línea Norte / North Watch Line');
    expect(es[0]!.phones[0]!.hours).toBe('de lunes a viernes / weekdays');
    // No Spanish on file for the valley's line: the sources' English, once.
    expect(es[1]!.serviceName).toBe('Valley Network Line');
    const en = packetOf({ language: 'en', county: 'north-county' }, { state }).directory.releaseNetworks;
    expect(en[0]!.serviceName).toBe('North Watch Line / Línea Norte');
    const south = packetOf({ language: 'es', county: 'south-county' }).directory.legalProviders[0]!;
    expect(south.languageNames).toBe('español, vietnamita / Spanish, Vietnamese');
    // Korean is named nowhere before this line: its names are made here, in Korean.
    expect(packetOf({ language: 'ko', county: 'south-county' }).directory.legalProviders[0]!.languageNames).toBe('스페인어, 베트남어 / Spanish, Vietnamese');
    const noneListed = withEntry('north-watch-line', (entry) => ({ ...entry, phones: [{ ...entry.phones[0]!, languages: [] }] }));
    expect(packetOf({ county: 'north-county' }, { state: noneListed }).directory.releaseNetworks[0]!.phones[0]!.languageNames).toBeUndefined();
    expect(packetOf({ county: 'south-county' }).directory.legalProviders[1]).not.toHaveProperty('languageNames');
  });

  it('carries what the entry offers, its cost, and its source with the source\'s own date', () => {
    const [free, fee] = packetOf({ county: 'south-county' }).directory.legalProviders;
    expect(free).toMatchObject({ isNonprofit: true, isFree: true, offers: [{ key: 'packet:offers.removal-defense' }, { key: 'packet:offers.detained-cases' }] });
    expect(free).not.toHaveProperty('sourceDate');
    expect(fee).toMatchObject({ isNonprofit: false, isFree: false, offers: [], sourceTitle: 'Fixture source (test data, not a real line)', sourceDate: utc('2026-06-01'), sourceUrl: 'https://example.org/fixture' });
    expect(fee).not.toHaveProperty('address');
    const walkIn = withEntry('south-fee-clinic', (entry) => ({ ...entry, address: '12 Main St, South' }));
    expect(packetOf({ county: 'south-county' }, { state: walkIn }).directory.legalProviders[1]!.address).toBe('12 Main St, South');
    const noUrl = withEntry('south-fee-clinic', (entry) => ({ ...entry, source: { title: entry.source.title, readOn: entry.source.readOn } }));
    expect(packetOf({ county: 'south-county' }, { state: noUrl }).directory.legalProviders[1]).not.toHaveProperty('sourceUrl');
  });

  it('marks a line confirmed with its date and how, and asks for a check when unconfirmed or confirmed too long ago', () => {
    const [north, valley] = packetOf({ county: 'north-county' }).directory.releaseNetworks;
    expect(north).toMatchObject({ isConfirmed: true, needsCheck: false, confirmedOn: utc('2026-06-01'), confirmedHowKey: 'packet:directory.confirmedHow.phone' });
    expect(valley).toMatchObject({ isConfirmed: false, needsCheck: true });
    expect(valley).not.toHaveProperty('confirmedOn');
    expect(valley).not.toHaveProperty('confirmedHowKey');
    // Checked six months before "today": stale when entries must be confirmed monthly.
    expect(packetOf({ county: 'north-county' }, { staleMonths: 3 }).directory.releaseNetworks[0]!.needsCheck).toBe(true);
  });

  it('flags children-only providers and detained-only ones', () => {
    const youthOnly = withEntry('south-fee-clinic', (entry) => ({ ...entry, eligibility: { description: 'Children under 18 held by ICE', maximumAge: 17, isDetainedOnly: true } }));
    const [first] = packetOf({ county: 'south-county', youth: true }, { state: youthOnly }).directory.legalProviders;
    expect(first).toMatchObject({ id: 'south-fee-clinic', isChildrenOnly: true, isDetainedOnly: true });
    const [free] = packetOf({ county: 'south-county' }).directory.legalProviders;
    expect(free).toMatchObject({ isChildrenOnly: false, isDetainedOnly: false, isDerived: false, isRecognized: false });
  });
});

describe('the dates the cover gives for the numbers', () => {
  it('gives the confirmed lines\' range apart from the listed ones\', and says when a source has no date', () => {
    const north = packetOf({ county: 'north-county' }).dataDates;
    expect(north).toEqual({
      confirmed: { oldest: utc('2026-06-01'), newest: utc('2026-06-01') },
      listed: { oldest: utc('2020-01-15'), newest: utc('2026-06-01'), hasUndated: false },
    });
    expect(packetOf({ county: 'south-county' }).dataDates.listed?.hasUndated).toBe(true);
  });

  const entry = (dates: { confirmedOn?: string; sourceDate?: string }): EntryView =>
    ({
      isConfirmed: dates.confirmedOn !== undefined,
      ...(dates.confirmedOn ? { confirmedOn: utc(dates.confirmedOn) } : {}),
      ...(dates.sourceDate ? { sourceDate: utc(dates.sourceDate) } : {}),
    }) as EntryView;

  it('spans from the oldest to the newest, whatever the order', () => {
    const dates = describeDataDates([
      entry({ confirmedOn: '2026-03-01' }),
      entry({ confirmedOn: '2026-01-01' }),
      entry({ confirmedOn: '2026-02-01', sourceDate: '2019-01-01' }),
      entry({ sourceDate: '2024-05-05' }),
      entry({ sourceDate: '2025-05-05' }),
      entry({ sourceDate: '2023-05-05' }),
    ]);
    expect(dates).toEqual({
      confirmed: { oldest: utc('2026-01-01'), newest: utc('2026-03-01') },
      listed: { oldest: utc('2023-05-05'), newest: utc('2025-05-05'), hasUndated: false },
    });
  });

  it('says nothing of listed dates when every line is confirmed, and only "undated" when no listed source has a date', () => {
    expect(describeDataDates([entry({ confirmedOn: '2026-01-01' })])).toEqual({ confirmed: { oldest: utc('2026-01-01'), newest: utc('2026-01-01') } });
    expect(describeDataDates([entry({})])).toEqual({ listed: { hasUndated: true } });
    expect(describeDataDates([])).toEqual({});
  });
});

describe('the day the law was last checked', () => {
  it('is read once from assets/legal/law-check.json, as a date at midnight UTC', async () => {
    const file = JSON.parse(readFileSync(new URL('../../assets/legal/law-check.json', import.meta.url), 'utf8'));
    // A fresh module: the first read happens in this test, not in whichever test ran first.
    vi.resetModules();
    const fresh = await import('../../src/packet/law-check.js');
    const check = fresh.getLawCheck();
    expect(fresh.getLawCheck()).toBe(check);
    expect(check.checkedOn.toISOString()).toBe(`${file.checkedOn}T00:00:00.000Z`);
    expect(check.sources).toEqual(file.sources);
  });
});
