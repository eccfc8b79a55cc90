/** Directory entries → HSDS 3.0 services, each with its organization, phones, areas, languages and terms. */
import type { StateDirectory } from '../load-directory.js';
import type { DirectoryEntry } from '../schema.js';
import { lastConfirmation } from '../entry-dates.js';
import {
  feesCharged, feesFree, stableId, taxonomy,
  type HsdsAttribute, type HsdsLanguage, type HsdsOrganization, type HsdsPhone, type HsdsService, type HsdsServiceList,
} from './hsds-model.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function languageOf(code: string, owner: { service_id: string } | { phone_id: string }): HsdsLanguage {
  return { id: stableId('language', Object.values(owner)[0]!, code), ...owner, name: languageNames.of(code) ?? code, code };
}

function term(kind: 'kind' | 'offers', code: string, serviceId: string): HsdsAttribute {
  const termId = stableId('term', kind, code);
  return {
    id: stableId('attribute', serviceId, kind, code),
    link_id: serviceId,
    link_type: kind,
    link_entity: 'service',
    taxonomy_term_id: termId,
    taxonomy_term: { id: termId, code: `${kind}:${code}`, name: code, description: `${kind === 'kind' ? 'Directory entry kind' : 'Offers'}: ${code}`, taxonomy: taxonomy.name },
  };
}

/** "(213) 385-7800 ext. 136" → number "(213) 385-7800", extension 136. */
function splitExtension(printed: string): { number: string; extension?: number } {
  const match = /^(.*) ext\. (\d+)$/.exec(printed);
  return match ? { number: match[1]!, extension: Number(match[2]) } : { number: printed };
}

function phonesOf(entry: DirectoryEntry, serviceId: string): HsdsPhone[] {
  // HSDS phone types come from RFC 6350: a line that takes calls and texts is one voice and one text row.
  return entry.phones.flatMap((phone, index) => {
    const types = phone.type === 'voice-and-text' ? (['voice', 'text'] as const) : [phone.type];
    return types.map((type) => {
      const id = stableId('phone', serviceId, String(index), type);
      return {
        id,
        service_id: serviceId,
        ...splitExtension(phone.number),
        type,
        ...(phone.hours ? { description: phone.hours } : {}),
        rp_is_24_hours: phone.is24Hours,
        languages: (phone.languages ?? []).map((code) => languageOf(code, { phone_id: id })),
      };
    });
  });
}

function organizationOf(entry: DirectoryEntry): HsdsOrganization {
  const { name, url, isNonprofit } = entry.organization;
  // Entries that name the same organization the same way share one organization record.
  return {
    id: stableId('organization', JSON.stringify(entry.organization)),
    name,
    description: `${name}, as listed in the release-packet directory.`,
    ...(url ? { website: url } : {}),
    ...(isNonprofit !== undefined ? { rp_is_nonprofit: isNonprofit } : {}),
  };
}

export function entryToHsds(entry: DirectoryEntry, state: StateDirectory): HsdsService {
  const id = stableId('service', state.state, entry.id);
  const organization = organizationOf(entry);
  // assured_date is a check with the organization, never the day a page was read or the page's own date.
  const confirmation = lastConfirmation(entry);
  const { eligibility, recognition, source } = entry;
  return {
    id,
    organization_id: organization.id,
    name: entry.service.name,
    description: entry.service.description,
    status: entry.status,
    ...(confirmation ? { assured_date: confirmation.on } : {}),
    ...(confirmation && /^[^\s@]+@[^\s@]+$/.test(confirmation.by) ? { assurer_email: confirmation.by } : {}),
    ...(entry.service.isFree !== undefined ? { fees_description: entry.service.isFree ? feesFree : feesCharged } : {}),
    ...(eligibility ? { eligibility_description: eligibility.description } : {}),
    ...(eligibility?.minimumAge !== undefined ? { minimum_age: eligibility.minimumAge } : {}),
    ...(eligibility?.maximumAge !== undefined ? { maximum_age: eligibility.maximumAge } : {}),
    organization,
    phones: phonesOf(entry, id),
    service_areas: entry.serviceArea.counties.map((slug) => {
      const county = state.countyBySlug.get(slug);
      return {
        id: stableId('area', id, slug),
        service_id: id,
        name: county ? `${county.name} County, ${state.name}` : slug,
        description: county ? `FIPS ${county.fips}` : slug,
        rp_county: slug,
      };
    }),
    languages: entry.languages.map((code) => languageOf(code, { service_id: id })),
    attributes: [term('kind', entry.kind, id), ...entry.service.offers.map((offer) => term('offers', offer, id))],
    rp_id: entry.id,
    rp_state: state.state,
    rp_scope: entry.scope,
    ...(entry.address ? { rp_address: entry.address } : {}),
    rp_source_title: source.title,
    ...(source.url ? { rp_source_url: source.url } : {}),
    rp_source_read_on: source.readOn,
    ...(source.publishedOn ? { rp_source_published_on: source.publishedOn } : {}),
    ...(source.derivedFrom ? { rp_source_derived_from: source.derivedFrom } : {}),
    rp_corroborated_by: entry.corroboratedBy,
    rp_history: entry.history,
    ...(eligibility?.isDetainedOnly !== undefined ? { rp_is_detained_only: eligibility.isDetainedOnly } : {}),
    ...(recognition ? { rp_recognition: recognition } : {}),
    ...(entry.notes ? { rp_notes: entry.notes } : {}),
  };
}

export function stateToHsdsList(state: StateDirectory): HsdsServiceList {
  const contents = state.entries.map((entry) => entryToHsds(entry, state));
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}
