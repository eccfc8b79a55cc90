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
  rp_source_dating: z.string().optional(),
  rp_corroborated_by: z.array(z.unknown()).optional(),
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
    ...(service.rp_source_title
      ? { source: { title: service.rp_source_title, ...(service.rp_source_url ? { url: service.rp_source_url } : {}), dating: service.rp_source_dating ?? 'undated' } }
      : {}),
    corroboratedBy: service.rp_corroborated_by ?? [],
    verifiedOn: service.assured_date,
    ...(service.rp_notes ? { notes: service.rp_notes } : {}),
  };
}

export interface ImportResult {
  entries: DirectoryEntry[];
  problems: DirectoryProblem[];
}

/** Services without a source or a date come back as problems: the directory never takes an unsourced number. */
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
        const message = path === 'source' ? 'has no source (rp_source_title)' : path === 'verifiedOn' ? 'has no assured_date' : `${path}: ${issue.message}`;
        problems.push({ file, entry: label, message });
      }
      return;
    }
    entries.push(result.data);
  });
  return { entries, problems };
}
