/** Request + directory + locale metadata → PacketModel: everything the templates print, decided and ordered. */
import type { Catalogs } from '../i18n/catalogs.js';
import type { Directory, StateDirectory } from '../directory/load-directory.js';
import { isChildrenOnly, selectEntries, type SelectedEntry } from '../directory/select-entries.js';
import type { PacketRequest } from '../request/schema.js';
import { PacketError } from '../errors.js';
import { chooseSections, type SectionId } from './sections.js';
import { getLawCheck } from './law-check.js';

export interface PacketLanguage {
  id: string;
  name: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
  isDraft: boolean;
}

export interface PhoneView {
  number: string;
  isText: boolean;
  isVoiceAndText: boolean;
  is24Hours: boolean;
  hours?: string;
  /** For a line per language: the languages named in both packet languages, "chino, coreano / Chinese, Korean". */
  languageNames?: string;
}

export interface EntryView {
  id: string;
  name: string;
  serviceName: string;
  description: string;
  phones: PhoneView[];
  address?: string;
  areaNames: string;
  /** Languages the service works in, named in both packet languages. */
  languageNames?: string;
  offers: { key: string }[];
  isNonprofit: boolean;
  isFree: boolean;
  /** Not confirmed with the organization, or confirmed too long ago: the packet prints the verify mark. */
  needsCheck: boolean;
  /** Every line it prints was confirmed with the organization (phone, email or its own page). */
  isConfirmed: boolean;
  confirmedOn?: Date;
  /** packet:directory.confirmedBy.phone|email|official-page */
  confirmedHowKey?: string;
  /** The document the number was copied from, and its own date when it has one. */
  sourceTitle: string;
  sourceDate?: Date;
  sourceUrl?: string;
  /** The source is a copy or machine parse of an official list. */
  isDerived: boolean;
  /** Recognized by the Department of Justice today (EOIR roster); never printed from an expired recognition. */
  isRecognized: boolean;
  isChildrenOnly: boolean;
  isDetainedOnly: boolean;
}

/** What the cover says about the dates of the numbers in this packet. */
export interface DataDates {
  /** Range of the confirmations of the lines marked "confirmed". */
  confirmed?: { oldest: Date; newest: Date };
  /** Range of the source dates of the other lines, and whether some sources carry no date. */
  listed?: { oldest?: Date; newest?: Date; hasUndated: boolean };
}

export interface CardHotline {
  name: string;
  numbers: string;
  countyName: string;
}

export interface ContactView {
  roleKey: string;
  name: string;
  phone?: string;
}

export interface PacketModel {
  sections: SectionId[];
  has: Record<string, boolean>;
  languages: PacketLanguage[];
  primary: PacketLanguage;
  secondary: PacketLanguage;
  paper: 'letter' | 'a4';
  isLargePrint: boolean;
  /** Cards to print; 'sheet': one full sheet. */
  cardCount: number | 'sheet';
  cardLayout: 'duplex' | 'fold';
  /** The language staff pages put first. */
  staffLanguage: string;
  /**
   * The one rapid response line the card carries: the destination county's network, else the release
   * county's; undefined prints a labelled line to write one in.
   */
  cardHotline?: CardHotline;
  /** Print labelled blank lines for the personal fields not given (batch packets, filled in by hand). */
  isFillIn: boolean;
  state: { id: string; name: string };
  county: { slug: string; name: string };
  destinationCounty?: { slug: string; name: string };
  person: { name?: string };
  release: { date?: Date; location?: string };
  iceHold: {
    received: boolean;
    willComply: boolean;
    willNotComply: boolean;
    complianceUnknown: boolean;
    releaseInfoShared: boolean;
    /** A young person whose release information the agency shared or means to act on: WIC 831 applies to it. */
    isYouthReleaseInfoAtRisk: boolean;
  };
  contacts: ContactView[];
  lawyer?: ContactView;
  emergencyContact?: ContactView;
  directory: {
    releaseNetworks: EntryView[];
    destinationNetworks: EntryView[];
    /** Not local: the nearest networks on file for a county with none, with the county each is nearest to. */
    nearbyNetworks: (EntryView & { forCountyName: string; viaCountyName: string; distance: number; isNeighbour: boolean })[];
    statewideNetworks: EntryView[];
    hasNearbyNetworks: boolean;
    hasStatewideNetworks: boolean;
    legalProviders: EntryView[];
    publicDefenders: EntryView[];
    consulates: EntryView[];
    hasLocalNetwork: boolean;
    hasDestinationNetwork: boolean;
    hasLegalProviders: boolean;
    hasPublicDefender: boolean;
    hasConsulates: boolean;
  };
  printedOn: Date;
  dataDates: DataDates;
  /** The day the legal text was last checked against its sources (assets/legal/law-check.json). */
  lawCheckedOn: Date;
}

export interface BuildDeps {
  catalogs: Catalogs;
  directory: Directory;
  today: Date;
  staleMonths?: number;
  /** Defaults to the date in assets/legal/law-check.json. */
  lawCheckedOn?: Date;
}

function toLanguage(catalogs: Catalogs, id: string): PacketLanguage {
  const locale = catalogs.locales.get(id);
  if (!locale) throw new PacketError('PKT_ERR_I18N_CATALOG', { detail: `no catalog for ${id}` });
  const { meta } = locale;
  return { id, name: meta.name, englishName: meta.englishName, dir: meta.dir, isDraft: meta.status === 'draft' };
}

function dateOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** One Intl.DisplayNames per packet language, kept: building one costs more than naming every language. */
const languageNamers = new Map<string, Intl.DisplayNames>();

function languageNamesIn(codes: string[] | undefined, languages: string[]): string | undefined {
  if (!codes?.length) return undefined;
  return languages
    .map((lng) => {
      let names = languageNamers.get(lng);
      if (!names) languageNamers.set(lng, (names = new Intl.DisplayNames([lng], { type: 'language' })));
      return codes.map((code) => names.of(code) ?? code).join(', ');
    })
    .join(' / ');
}

/**
 * Directory text in each packet language, "Spanish / English", once when they read the same. The sources'
 * English prints for a language with no translation on file (a draft locale), never nothing.
 */
function inLanguages(english: string, languages: string[], translated: (language: string) => string | undefined): string {
  const texts = languages.map((language) => (language === 'en' ? english : (translated(language) ?? english)));
  return [...new Set(texts)].join(' / ');
}

function toEntryView(selected: SelectedEntry, state: StateDirectory, languages: string[]): EntryView {
  const { entry, standing } = selected;
  const { confirmation } = standing;
  const translationIn = (language: string) => state.translations.get(language)?.get(entry.id);
  return {
    id: entry.id,
    name: entry.organization.name,
    serviceName: inLanguages(entry.service.name, languages, (language) => translationIn(language)?.serviceName),
    description: entry.service.description,
    phones: entry.phones.map((phone) => ({
      // No-break spaces: a phone number never wraps across two lines.
      // Left-to-right isolate (LRI … PDI): in Arabic or Persian text "(559) 206-0151" keeps its order
      // instead of being split by the bidi algorithm into "0151-206 (559)".
      number: `\u2066${phone.number.replace(/ /g, '\u00a0')}\u2069`,
      isText: phone.type === 'text',
      isVoiceAndText: phone.type === 'voice-and-text',
      is24Hours: phone.is24Hours,
      ...(phone.hours ? { hours: inLanguages(phone.hours, languages, (language) => translationIn(language)?.hours.get(phone.number)) } : {}),
      ...(phone.languages ? { languageNames: languageNamesIn(phone.languages, languages)! } : {}),
    })),
    ...(entry.address ? { address: entry.address } : {}),
    ...(entry.languages.length ? { languageNames: languageNamesIn(entry.languages, languages)! } : {}),
    // A statewide line would list every county: the state's name says the same in one word.
    areaNames:
      entry.scope === 'statewide' ? state.name : entry.serviceArea.counties.map((slug) => state.countyBySlug.get(slug)?.name ?? slug).join(', '),
    offers: entry.service.offers.map((offer) => ({ key: `packet:offers.${offer}` })),
    isNonprofit: entry.organization.isNonprofit === true,
    isFree: entry.service.isFree === true,
    needsCheck: standing.needsCheck,
    isConfirmed: confirmation !== undefined,
    ...(confirmation ? { confirmedOn: dateOf(confirmation.on), confirmedHowKey: `packet:directory.confirmedHow.${confirmation.method}` } : {}),
    sourceTitle: entry.source.title,
    ...(entry.source.publishedOn ? { sourceDate: dateOf(entry.source.publishedOn) } : {}),
    ...(entry.source.url ? { sourceUrl: entry.source.url } : {}),
    isDerived: standing.isDerived,
    isRecognized: standing.isRecognized,
    isChildrenOnly: isChildrenOnly(entry),
    isDetainedOnly: entry.eligibility?.isDetainedOnly === true,
  };
}

/**
 * A contact's name as the wallet card prints it: at most cardNameCharacters characters (grapheme clusters,
 * so an accent or an emoji is never cut in half), then "…". Two 200-character names do not fit beside the
 * card's rights on a 3.5 x 2 in card even at its smallest size (7 pt), and the schema accepts 200 (a firm's
 * name can be long); the contacts section prints the whole name. 30 characters of the widest letter (W)
 * take one card line at 7 pt.
 */
export const cardNameCharacters = 30;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function onCard(contact: ContactView | undefined): ContactView | undefined {
  if (!contact) return undefined;
  const clusters = [...graphemes.segment(contact.name)];
  if (clusters.length <= cardNameCharacters) return contact;
  return { ...contact, name: `${clusters.slice(0, cardNameCharacters - 1).map((cluster) => cluster.segment).join('').trimEnd()}…` };
}

/** The English rule of DESIGN.md 1: the person's language first, English second, Spanish second for English. */
export function chooseSecondLanguage(primary: string, requested?: string): string {
  if (requested && requested !== primary) return requested;
  return primary === 'en' ? 'es' : 'en';
}

export function buildPacket(request: PacketRequest, deps: BuildDeps, stateId = 'ca'): PacketModel {
  const state = deps.directory.states.get(stateId);
  if (!state) throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `no directory for state ${stateId}` });
  const sections = chooseSections(request);
  const primary = toLanguage(deps.catalogs, request.language);
  const secondary = toLanguage(deps.catalogs, chooseSecondLanguage(request.language, request.secondLanguage));
  const county = state.countyBySlug.get(request.county);
  if (!county) throw new PacketError('PKT_ERR_INTERNAL', { detail: 'county passed parsing but is not in the directory' });
  const destination =
    request.destinationCounty && request.destinationCounty !== request.county
      ? state.countyBySlug.get(request.destinationCounty)
      : undefined;

  const selection = selectEntries(state, {
    county: county.slug,
    ...(destination ? { destinationCounty: destination.slug } : {}),
    isYouth: request.youth,
    today: deps.today,
    ...(deps.staleMonths !== undefined ? { staleMonths: deps.staleMonths } : {}),
  });
  const view = (entries: SelectedEntry[]) => entries.map((entry) => toEntryView(entry, state, [primary.id, secondary.id]));
  const directory = {
    releaseNetworks: view(selection.releaseNetworks),
    destinationNetworks: view(selection.destinationNetworks),
    nearbyNetworks: selection.nearbyNetworks.map((near) => ({
      ...toEntryView(near, state, [primary.id, secondary.id]),
      forCountyName: state.countyBySlug.get(near.forCounty)?.name ?? near.forCounty,
      viaCountyName: state.countyBySlug.get(near.viaCounty)?.name ?? near.viaCounty,
      distance: near.distance,
      isNeighbour: near.distance === 1,
    })),
    statewideNetworks: view(selection.statewideNetworks),
    legalProviders: view(selection.legalProviders),
    publicDefenders: view(selection.publicDefenders),
    consulates: view(selection.consulates),
  };
  const printed = [...directory.releaseNetworks, ...directory.destinationNetworks, ...directory.nearbyNetworks, ...directory.statewideNetworks, ...directory.legalProviders, ...directory.consulates];

  // The card's line is for where the person will live: a network serving the destination county (it may be
  // listed with the release county's when it serves both), else the release county's own.
  const servesDestination = (selected: SelectedEntry) => destination !== undefined && selected.entry.serviceArea.counties.includes(destination.slug);
  const hotlineEntry = destination
    ? (selection.destinationNetworks[0] ?? selection.releaseNetworks.find(servesDestination))
    : undefined;
  const cardEntry = hotlineEntry ?? selection.releaseNetworks[0];
  const cardHotline: CardHotline | undefined = cardEntry && cardEntry.entry.phones.length > 0
    ? {
        name: cardEntry.entry.organization.name,
        numbers: cardEntry.entry.phones.map((phone) => phone.number.replace(/ /g, '\u00a0')).join(' · '),
        countyName: hotlineEntry ? destination!.name : county.name,
      }
    : undefined;

  const contacts = request.contacts.map((contact) => ({
    roleKey: `packet:contactRoles.${contact.role}`,
    name: contact.name,
    ...(contact.phone ? { phone: contact.phone } : {}),
  }));
  // The wallet card is a fixed box: its contacts print shortened; the contacts section prints them whole.
  const contactFor = (role: string) => onCard(contacts.find((contact) => contact.roleKey.endsWith(`.${role}`)));
  const lawyer = contactFor('attorney');
  const emergencyContact = contactFor('emergency') ?? contactFor('family');
  const hold = request.iceHold;

  return {
    sections,
    has: Object.fromEntries(sections.map((id) => [id.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), true])),
    languages: [primary, secondary],
    primary,
    secondary,
    paper: request.print.paper,
    isLargePrint: request.print.largePrint,
    cardCount: request.print.cards ?? 'sheet',
    cardLayout: request.print.cardLayout,
    staffLanguage: request.print.staffLanguage ?? 'en',
    ...(cardHotline ? { cardHotline } : {}),
    isFillIn: request.print.fillIn,
    state: { id: state.state, name: state.name },
    county: { slug: county.slug, name: county.name },
    ...(destination ? { destinationCounty: { slug: destination.slug, name: destination.name } } : {}),
    person: { ...(request.person?.name ? { name: request.person.name } : {}) },
    release: {
      ...(request.release?.date ? { date: dateOf(request.release.date) } : {}),
      ...(request.release?.location ? { location: request.release.location } : {}),
    },
    iceHold: {
      received: hold?.received === true,
      willComply: hold?.agencyWillComply === true,
      willNotComply: hold?.agencyWillComply === false,
      complianceUnknown: hold?.agencyWillComply === undefined,
      releaseInfoShared: hold?.releaseInfoSharedWithIce === true,
      isYouthReleaseInfoAtRisk: request.youth && (hold?.agencyWillComply === true || hold?.releaseInfoSharedWithIce === true),
    },
    contacts,
    ...(lawyer ? { lawyer } : {}),
    ...(emergencyContact ? { emergencyContact } : {}),
    directory: {
      ...directory,
      hasLocalNetwork: directory.releaseNetworks.length > 0,
      hasDestinationNetwork: directory.destinationNetworks.length > 0,
      hasNearbyNetworks: directory.nearbyNetworks.length > 0,
      hasStatewideNetworks: directory.statewideNetworks.length > 0,
      hasLegalProviders: directory.legalProviders.length > 0,
      hasPublicDefender: directory.publicDefenders.length > 0,
      hasConsulates: directory.consulates.length > 0,
    },
    printedOn: deps.today,
    dataDates: describeDataDates(printed),
    lawCheckedOn: deps.lawCheckedOn ?? getLawCheck().checkedOn,
  };
}

function rangeOf(dates: Date[]): { oldest: Date; newest: Date } | undefined {
  if (dates.length === 0) return undefined;
  const times = dates.map((date) => date.getTime());
  return { oldest: new Date(Math.min(...times)), newest: new Date(Math.max(...times)) };
}

/** The cover's dates say what each entry's line says: confirmations apart from the dates of copied sources. */
export function describeDataDates(printed: EntryView[]): DataDates {
  const confirmed = rangeOf(printed.flatMap((entry) => (entry.confirmedOn ? [entry.confirmedOn] : [])));
  const listedEntries = printed.filter((entry) => !entry.isConfirmed);
  const listed = rangeOf(listedEntries.flatMap((entry) => (entry.sourceDate ? [entry.sourceDate] : [])));
  return {
    ...(confirmed ? { confirmed } : {}),
    ...(listedEntries.length > 0 ? { listed: { ...(listed ?? {}), hasUndated: listedEntries.some((entry) => !entry.sourceDate) } } : {}),
  };
}
