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
  /** Counties of the same state that share a border with it (adjacencySource): how "nearest" is measured. */
  adjacent: z.array(countySlug).default([]),
});

export const stateFileSchema = z.strictObject({
  state: z.string().regex(/^[a-z]{2}$/),
  name: z.string().min(1),
  /** The public dataset the counties' `adjacent` lists come from. */
  adjacencySource: z
    .strictObject({ title: z.string().min(1), url: webUrl, readOn: isoDate, note: z.string().min(1).optional() })
    .optional(),
  counties: z.array(countySchema).min(1),
});

/**
 * Where a number came from: a document someone actually read. Reading a document is not confirming
 * the line: "readOn" says when the document was read, "publishedOn" is the document's own date (absent
 * when it shows none). Confirmations with the organization are kept apart, in the entry's history.
 */
export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: webUrl.optional(),
  /** The day someone read this document (often a stored copy). */
  readOn: isoDate,
  /** The document's own date; absent when it carries none ("undated"). */
  publishedOn: isoDate.optional(),
  /**
   * The document is a copy or a machine parse of an official list, not the list itself: the number
   * prints with the verify mark until someone confirms it.
   */
  derivedFrom: z
    .strictObject({
      /** The official list the copy was made from. */
      title: z.string().min(1),
      url: webUrl.optional(),
      how: z.enum(['machine-parse', 'copy']),
      /** Whether someone compared the number with the official list itself, and when. */
      checkedAgainstOfficial: z
        .strictObject({ on: isoDate, result: z.enum(['matches', 'differs', 'not-listed']), note: z.string().min(1).optional() })
        .optional(),
    })
    .optional(),
});

/** Another document that shows the same number, with its own date when it has one. */
export const corroborationSchema = z.strictObject({
  title: z.string().min(1),
  url: webUrl.optional(),
  date: isoDate.optional(),
});

export const confirmationMethods = ['phone', 'email', 'official-page'] as const;
export const confirmationResults = ['confirmed', 'changed-number', 'disconnected', 'no-answer'] as const;

/**
 * One attempt to confirm one line with the organization (a call, an email, or its own current
 * official page), appended by `release-packet directory verify`. The history is never rewritten.
 */
export const historyEventSchema = z.strictObject({
  on: isoDate,
  /** Who checked: a name, initials or the group that keeps the list. */
  by: z.string().min(1),
  method: z.enum(confirmationMethods),
  result: z.enum(confirmationResults),
  /** The number that was checked, as it was printed then. */
  number: printedPhone,
  /** "changed-number": the number the organization gave instead; the old one stays here, in "number". */
  newNumber: printedPhone.optional(),
  /** "official-page": the page that was read. */
  url: webUrl.optional(),
  note: z.string().min(1).optional(),
});

/**
 * Who a provider serves, shaped after HSDS (minimum_age, maximum_age, eligibility_description):
 * an adult packet never lists a children-only provider, a youth packet lists them first.
 */
export const eligibilitySchema = z.strictObject({
  minimumAge: z.number().int().min(0).max(120).optional(),
  /** 17 for "children only" (under 18). */
  maximumAge: z.number().int().min(0).max(120).optional(),
  /** Serves only people held in immigration detention. */
  isDetainedOnly: z.boolean().optional(),
  /** The source's own words, in English. */
  description: z.string().min(1),
});

/**
 * Recognition by the Department of Justice (EOIR roster), when an entry relies on it. An entry whose
 * recognition is not current never claims it in print; the reason stays here.
 */
export const recognitionSchema = z.strictObject({
  status: z.enum(['current', 'expired', 'expired-renewal-pending']),
  /** The roster's report date. */
  asOf: isoDate,
  /** The roster's expiry date: after it, the packet stops claiming the recognition even if status says current. */
  expiresOn: isoDate.optional(),
  roster: z.string().min(1),
  note: z.string().min(1).optional(),
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
  eligibility: eligibilitySchema.optional(),
  recognition: recognitionSchema.optional(),
  source: sourceSchema,
  /** Other documents that show the same number, newest first. */
  corroboratedBy: z.array(corroborationSchema).default([]),
  /** Confirmations with the organization, oldest first; empty until someone confirms a line. */
  history: z.array(historyEventSchema).default([]),
  notes: z.string().optional(),
});

export const directoryFileSchema = z.strictObject({
  entries: z.array(directoryEntrySchema),
});

export type County = z.infer<typeof countySchema>;
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export type HistoryEvent = z.infer<typeof historyEventSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type EntryKind = (typeof entryKinds)[number];
export type StateFile = z.infer<typeof stateFileSchema>;
