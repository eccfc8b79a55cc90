/** HSDS 3.0 services → directory entries. Every entry is checked by the same schema as assets/directory. */
import { z } from 'zod';
import type { DirectoryProblem } from '../inspect-directory.js';
import { directoryEntrySchema, type County, type DirectoryEntry } from '../schema.js';
import { feesCharged, feesFree } from './hsds-model.js';

/** Loose on purpose: other publishers' packages carry fields we do not read. */
const serviceInput = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  assured_date: z.string().optional(),
  eligibility_description: z.string().optional(),
  minimum_age: z.number().optional(),
  maximum_age: z.number().optional(),
  status: z.string().optional(),
  fees_description: z.string().optional(),
  organization: z.looseObject({ name: z.string(), website: z.string().optional(), rp_is_nonprofit: z.boolean().optional() }).optional(),
  phones: z.array(z.looseObject({
    number: z.string(),
    extension: z.number().optional(),
    type: z.string().optional(),
    description: z.string().optional(),
    rp_is_24_hours: z.boolean().optional(),
    languages: z.array(z.looseObject({ code: z.string().optional() })).default([]),
  })).default([]),
  service_areas: z.array(z.looseObject({ name: z.string().optional(), rp_county: z.string().optional() })).default([]),
  languages: z.array(z.looseObject({ code: z.string().optional() })).default([]),
  attributes: z.array(z.looseObject({ taxonomy_term: z.looseObject({ code: z.string().optional() }).optional() })).default([]),
  rp_id: z.string().optional(),
  rp_scope: z.string().optional(),
  rp_address: z.string().optional(),
  rp_source_title: z.string().optional(),
  rp_source_url: z.string().optional(),
  rp_source_read_on: z.string().optional(),
  rp_source_published_on: z.string().optional(),
  rp_source_derived_from: z.unknown().optional(),
  rp_corroborated_by: z.array(z.unknown()).optional(),
  rp_history: z.array(z.unknown()).optional(),
  rp_is_detained_only: z.boolean().optional(),
  rp_recognition: z.unknown().optional(),
  rp_notes: z.string().optional(),
});

type ServiceInput = z.infer<typeof serviceInput>;

function termValues(service: ServiceInput, kind: 'kind' | 'offers'): string[] {
  const prefix = `${kind}:`;
  return service.attributes.flatMap((attribute) => {
    const code = attribute.taxonomy_term?.code;
    return code?.startsWith(prefix) ? [code.slice(prefix.length)] : [];
  });
}

/** A voice row and a text row of the same number were one "voice-and-text" line. */
function phonesOf(service: ServiceInput) {
  const lines = new Map<string, { number: string; types: Set<string>; hours?: string; is24Hours: boolean; languages: string[] }>();
  for (const phone of service.phones) {
    const number = phone.extension !== undefined ? `${phone.number} ext. ${phone.extension}` : phone.number;
    const languages = phone.languages.flatMap((language) => (language.code ? [language.code] : []));
    const line = lines.get(number) ?? { number, types: new Set<string>(), is24Hours: phone.rp_is_24_hours ?? false, languages };
    line.types.add(phone.type ?? 'voice');
    if (phone.description) line.hours ??= phone.description;
    lines.set(number, line);
  }
  return [...lines.values()].map((line) => ({
    number: line.number,
    type: line.types.has('voice') && line.types.has('text') ? 'voice-and-text' : line.types.has('text') ? 'text' : 'voice',
    ...(line.hours ? { hours: line.hours } : {}),
    is24Hours: line.is24Hours,
    ...(line.languages.length ? { languages: line.languages } : {}),
  }));
}

function kebab(text: string): string {
  return text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

function countiesOf(service: ServiceInput, counties: County[]): string[] {
  const bySlug = new Set(counties.map((county) => county.slug));
  return service.service_areas.map((area) => {
    if (area.rp_county) return area.rp_county;
    // A package without our extension names the county: "Fresno County, California".
    const name = area.name?.replace(/ County(,.*)?$/, '');
    return counties.find((county) => county.name === name)?.slug ?? (bySlug.has(kebab(name ?? '')) ? kebab(name!) : (area.name ?? ''));
  });
}

function eligibilityOf(service: ServiceInput) {
  const description = service.eligibility_description;
  if (!description) return undefined;
  return {
    ...(service.minimum_age !== undefined ? { minimumAge: service.minimum_age } : {}),
    ...(service.maximum_age !== undefined ? { maximumAge: service.maximum_age } : {}),
    ...(service.rp_is_detained_only !== undefined ? { isDetainedOnly: service.rp_is_detained_only } : {}),
    description,
  };
}

/** A foreign assured_date is kept as a note for whoever confirms the line, not as our confirmation. */
function notesOf(service: ServiceInput): string | undefined {
  const foreignCheck = service.assured_date && !service.rp_history ? `The publishing package says it last checked this service on ${service.assured_date}.` : undefined;
  return [service.rp_notes, foreignCheck].filter(Boolean).join(' ') || undefined;
}

function candidateEntry(service: ServiceInput, counties: County[]): unknown {
  const areas = countiesOf(service, counties);
  const fees = service.fees_description;
  return {
    id: service.rp_id ?? kebab(service.name),
    kind: termValues(service, 'kind')[0],
    organization: {
      name: service.organization?.name ?? service.name,
      ...(service.organization?.website ? { url: service.organization.website } : {}),
      ...(service.organization?.rp_is_nonprofit !== undefined ? { isNonprofit: service.organization.rp_is_nonprofit } : {}),
    },
    service: {
      name: service.name,
      description: service.description,
      ...(fees === feesFree ? { isFree: true } : fees === feesCharged ? { isFree: false } : {}),
      offers: termValues(service, 'offers'),
    },
    phones: phonesOf(service),
    ...(service.rp_address ? { address: service.rp_address } : {}),
    languages: service.languages.flatMap((language) => (language.code ? [language.code] : [])),
    serviceArea: { counties: areas },
    status: service.status ?? 'active',
    scope: service.rp_scope ?? (areas.length > 1 ? 'regional' : 'county'),
    ...(eligibilityOf(service) ? { eligibility: eligibilityOf(service) } : {}),
    ...(service.rp_recognition !== undefined ? { recognition: service.rp_recognition } : {}),
    ...(service.rp_source_title
      ? {
          source: {
            title: service.rp_source_title,
            ...(service.rp_source_url ? { url: service.rp_source_url } : {}),
            readOn: service.rp_source_read_on,
            ...(service.rp_source_published_on ? { publishedOn: service.rp_source_published_on } : {}),
            ...(service.rp_source_derived_from !== undefined ? { derivedFrom: service.rp_source_derived_from } : {}),
          },
        }
      : {}),
    corroboratedBy: service.rp_corroborated_by ?? [],
    // Only our own history is a confirmation: another publisher's assured_date says neither who checked nor how.
    history: service.rp_history ?? [],
    ...(notesOf(service) ? { notes: notesOf(service) } : {}),
  };
}

export interface ImportResult {
  entries: DirectoryEntry[];
  problems: DirectoryProblem[];
}

/** Services without a source or the day it was read come back as problems: the directory never takes an unsourced number. */
export function hsdsToEntries(services: unknown[], counties: County[], file: string): ImportResult {
  const entries: DirectoryEntry[] = [];
  const problems: DirectoryProblem[] = [];
  services.forEach((raw, index) => {
    const parsed = serviceInput.safeParse(raw);
    if (!parsed.success) {
      problems.push({ file, entry: `contents.${index}`, message: `not an HSDS service: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      return;
    }
    const candidate = candidateEntry(parsed.data, counties);
    const result = directoryEntrySchema.safeParse(candidate);
    const label = (candidate as { id: string }).id;
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        const message = path === 'source' ? 'has no source (rp_source_title)' : path === 'source.readOn' ? 'has no rp_source_read_on (the day its source was read)' : `${path}: ${issue.message}`;
        problems.push({ file, entry: label, message });
      }
      return;
    }
    entries.push(result.data);
  });
  return { entries, problems };
}
