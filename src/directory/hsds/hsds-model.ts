/**
 * The slice of Open Referral HSDS 3.0 the directory maps to, and the few extension properties it adds.
 * HSDS conformance allows extra properties where HSDS has no field; ours all start with "rp_" and are
 * listed in docs/DATA.md.
 */
import { v5 as uuidV5 } from 'uuid';
import type { DirectoryEntry, HistoryEvent, Source } from '../schema.js';

export const hsdsVersion = '3.0.0';

/** Fixed namespace for name-based (v5) UUIDs: the same entry gets the same HSDS ids on every export. */
const idNamespace = '9b7c1f64-3a7e-4d1a-8c55-2f0e6b1d4a90';

export function stableId(...parts: string[]): string {
  return uuidV5(parts.join(':'), idNamespace);
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  website?: string;
  rp_is_nonprofit?: boolean;
}

export interface HsdsPhone {
  id: string;
  service_id: string;
  number: string;
  extension?: number;
  type: 'voice' | 'text';
  /** The hours as the source states them. */
  description?: string;
  rp_is_24_hours: boolean;
  languages: HsdsLanguage[];
}

export interface HsdsServiceArea {
  id: string;
  service_id: string;
  name: string;
  description: string;
  rp_county: string;
}

export interface HsdsLanguage {
  id: string;
  /** A language row belongs to the service or, for a line per language, to one phone. */
  service_id?: string;
  phone_id?: string;
  name: string;
  code: string;
}

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  status: DirectoryEntry['status'];
  /**
   * HSDS: "the date that the information about the service was last checked" = the last confirmation
   * with the organization (history). Absent while nobody has confirmed it: reading a page is not a check.
   */
  assured_date?: string;
  /** Who did that last check, when they gave an email address. */
  assurer_email?: string;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  organization: HsdsOrganization;
  phones: HsdsPhone[];
  service_areas: HsdsServiceArea[];
  languages: HsdsLanguage[];
  attributes: HsdsAttribute[];
  rp_id: string;
  rp_state: string;
  rp_scope: 'county' | 'regional' | 'statewide';
  rp_address?: string;
  rp_source_title: string;
  rp_source_url?: string;
  rp_source_read_on: string;
  rp_source_published_on?: string;
  rp_source_derived_from?: NonNullable<Source['derivedFrom']>;
  rp_corroborated_by: DirectoryEntry['corroboratedBy'];
  rp_history: HistoryEvent[];
  rp_is_detained_only?: boolean;
  rp_recognition?: NonNullable<DirectoryEntry['recognition']>;
  rp_notes?: string;
}

/** The paged list shape of the HSDS API (/services), one page holding everything. */
export interface HsdsServiceList {
  total_items: number;
  total_pages: 1;
  page_number: 1;
  size: number;
  first_page: true;
  last_page: true;
  empty: boolean;
  contents: HsdsService[];
}

/** Our classification of a service (kind and offers) as terms of one taxonomy. */
export const taxonomy = {
  id: stableId('taxonomy', 'release-packet'),
  name: 'release-packet',
  description: 'What a release-packet directory entry is (kind) and what it offers a person just released.',
  uri: 'https://github.com/release-packet/release-packet/blob/main/docs/DATA.md',
  version: '1',
} as const;

export const feesFree = 'Free';
export const feesCharged = 'Charges a fee';
