/** Zod schemas for the directory files in assets/directory/<state>/, shaped after Open Referral HSDS. */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine(
  (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
  'not a calendar date',
);

/**
 * A link printed on a packet or shown to staff: http or https only. `javascript:`, `data:` or `file:` URLs
 * parse as URLs too, and an imported package once carried one.
 */
export const webUrl = z.url({ protocol: /^https?$/, error: 'expected an http or https URL' }).max(2048);

/** County slugs are lower-case ASCII words joined by hyphens: "san-luis-obispo". */
export const countySlug = z.string().regex(/^[a-z]+(-[a-z]+)*$/);

/** A US phone number as printed: "(415) 200-1548", "1-800-515-1935", with optional "ext. 136". */
export const printedPhone = z
  .string()
  .regex(/^(1-)?(\(\d{3}\) |\d{3}-)\d{3}-\d{4}( ext\. \d{1,5})?$/, 'expected (NNN) NNN-NNNN, NNN-NNN-NNNN or 1-NNN-NNN-NNNN');

export const countySchema = z.strictObject({
  slug: countySlug,
  name: z.string().min(1),
  /** Five-digit FIPS code: state (2) + county (3). */
  fips: z.string().regex(/^\d{5}$/),
});

export const stateFileSchema = z.strictObject({
  state: z.string().regex(/^[a-z]{2}$/),
  name: z.string().min(1),
  counties: z.array(countySchema).min(1),
});

/** Where a fact came from: a document someone actually read, and how it dates the fact. */
export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: webUrl.optional(),
  /** "dated": the source itself carries the date in verifiedOn; "undated": verifiedOn is the day the source was read. */
  dating: z.enum(['dated', 'undated']),
});

/** ISO 639-1 or 639-3 code. */
export const languageCode = z.string().regex(/^[a-z]{2,3}$/);

export const phoneSchema = z.strictObject({
  number: printedPhone,
  type: z.enum(['voice', 'text', 'voice-and-text']),
  /** Hours as the source states them, in English; absent when the source does not say. */
  hours: z.string().min(1).optional(),
  is24Hours: z.boolean().default(false),
  /** Languages this line answers in, when the source names them line by line (a helpline per language). */
  languages: z.array(languageCode).min(1).optional(),
});

export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

export const entryKinds = ['rapid-response', 'legal-provider', 'public-defender', 'consulate'] as const;

export const directoryEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum(entryKinds),
  organization: z.strictObject({
    name: z.string().min(1),
    url: webUrl.optional(),
    isNonprofit: z.boolean().optional(),
  }),
  service: z.strictObject({
    name: z.string().min(1),
    /** One plain English sentence on what the service does for someone just released. */
    description: z.string().min(1),
    isFree: z.boolean().optional(),
    offers: z.array(z.enum(['rapid-response', 'removal-defense', 'detained-cases', 'youth-cases', 'consultations', 'referrals'])).default([]),
  }),
  phones: z.array(phoneSchema).min(1),
  address: z.string().min(1).optional(),
  languages: z.array(languageCode).default([]),
  serviceArea: z.strictObject({ counties: z.array(countySlug).min(1) }),
  /** "statewide" entries appear on every packet of the state. */
  scope: z.enum(['county', 'regional', 'statewide']).default('county'),
  /** HSDS service status. Only "active" entries print; the others stay on file with their history. */
  status: z.enum(serviceStatuses).default('active'),
  source: sourceSchema,
  /** Other documents that show the same number, newest first. */
  corroboratedBy: z.array(sourceSchema.extend({ date: isoDate.optional() })).default([]),
  verifiedOn: isoDate,
  notes: z.string().optional(),
});

export const directoryFileSchema = z.strictObject({
  entries: z.array(directoryEntrySchema),
});

export type County = z.infer<typeof countySchema>;
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export type EntryKind = (typeof entryKinds)[number];
export type StateFile = z.infer<typeof stateFileSchema>;
