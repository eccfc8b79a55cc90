/** PacketRequest v1: the one contract shared by the CLI, the HTTP API and the staff form (DESIGN.md 2). */
import { z } from 'zod';
import { resolveCounty, resolveLanguage, suggestNearest, type CountyName, type LocaleName } from './resolve-names.js';
import { hasMarkFlood, hasNonCharacter, isDamaged, maxMarksInARow, stripDirectionControls } from './text-hygiene.js';

/** Field issues carry the catalog key of their message in `params.messageKey`; see parse-request.ts. */
const withKey = (messageKey: string, values: Record<string, string | number> = {}) => ({ params: { messageKey, ...values } });

/**
 * Free text a person typed: any script, trimmed, NFC so "é" prints as one glyph; damaged text, noncharacters,
 * control characters and combining-mark floods refused, bidi controls stripped (rules: text-hygiene.ts).
 * The length limit is checked first and on the raw text, so a 10,000-character value costs nothing more.
 */
function freeText(maxChars: number) {
  return z
    .string()
    // UTF-16 units: at most 2 per code point, and 2 more of slack for controls stripped below.
    .refine((value) => value.length <= maxChars * 4, { ...withKey('field.tooLong', { maximum: maxChars }), abort: true })
    .refine((value) => !isDamaged(value), withKey('field.damaged'))
    .refine((value) => !hasNonCharacter(value), withKey('field.nonCharacter'))
    .transform((value) => stripDirectionControls(value).normalize('NFC').trim())
    .refine((value) => [...value].length <= maxChars, withKey('field.tooLong', { maximum: maxChars }))
    .refine((value) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value), withKey('field.controlCharacters'))
    .refine((value) => !hasMarkFlood(value), withKey('field.markFlood', { maximum: maxMarksInARow }));
}

/**
 * Release dates from 2000 to 2099: a packet prints rights that date from 2014 on (TRUTH Act 2016), so an
 * earlier date is a typo, and "0000-01-01" printed as "January 1, 1".
 */
export const releaseDateRange = { minimum: '2000-01-01', maximum: '2099-12-31' } as const;

const isoDate = z
  .string()
  .refine((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, withKey('field.date'))
  .refine((value) => value >= releaseDateRange.minimum && value <= releaseDateRange.maximum, withKey('field.dateRange', releaseDateRange));

export const contactRoles = ['attorney', 'family', 'emergency', 'consulate', 'other'] as const;

export const limits = {
  nameChars: 200,
  locationChars: 200,
  contactNameChars: 200,
  phoneChars: 40,
  contacts: 5,
  /** Two sheets of wallet cards. */
  cards: 20,
} as const;

export interface RequestVocabulary {
  localeIds: readonly string[];
  countySlugs: readonly string[];
  /** Names that resolve to a locale besides its tag ("Spanish", "español"); default: the tags alone. */
  locales?: readonly LocaleName[];
  /** Names that resolve to a county besides its slug ("Los Angeles"); default: the slugs alone. */
  counties?: readonly CountyName[];
}

export function createRequestSchema(vocabulary: RequestVocabulary) {
  const locales = vocabulary.locales ?? vocabulary.localeIds.map((id) => ({ id, name: id, englishName: id }));
  const counties = vocabulary.counties ?? vocabulary.countySlugs.map((slug) => ({ slug, name: slug }));
  const localeChoices = locales.map((locale) => locale.id).join(', ');
  const countyChoices = counties.map((county) => county.slug).join(', ');
  const languageSpellings = locales.flatMap((locale) => [[locale.id, locale.id], [locale.name, locale.id], [locale.englishName, locale.id]] as const);
  const countySpellings = counties.flatMap((county) => [[county.slug, county.slug], [county.name, county.slug]] as const);

  // A value that resolves becomes the canonical id; one that does not gets the nearest id and the list.
  const language = z.string().transform((value, context) => {
    const id = resolveLanguage(value, locales);
    if (id) return id;
    const suggestion = suggestNearest(value, languageSpellings);
    context.addIssue({ code: 'custom', input: value, params: withKey(suggestion ? 'field.languageDidYouMean' : 'field.language', { choices: localeChoices, ...(suggestion ? { suggestion } : {}) }).params });
    return z.NEVER;
  });
  const county = z.string().transform((value, context) => {
    const slug = resolveCounty(value, counties);
    if (slug) return slug;
    const suggestion = suggestNearest(value, countySpellings);
    context.addIssue({ code: 'custom', input: value, params: withKey(suggestion ? 'field.countyDidYouMean' : 'field.county', { choices: countyChoices, ...(suggestion ? { suggestion } : {}) }).params });
    return z.NEVER;
  });

  const request = z.strictObject({
    language: language.default('en'),
    secondLanguage: language.optional(),
    county,
    destinationCounty: county.optional(),
    youth: z.boolean().default(false),
    person: z.strictObject({ name: freeText(limits.nameChars).optional() }).optional(),
    release: z
      .strictObject({ date: isoDate.optional(), location: freeText(limits.locationChars).optional() })
      .optional(),
    iceHold: z
      .strictObject({
        received: z.boolean(),
        agencyWillComply: z.boolean().optional(),
        releaseInfoSharedWithIce: z.boolean().optional(),
      })
      .optional(),
    contacts: z
      .array(
        z.strictObject({
          role: z.enum(contactRoles),
          name: freeText(limits.contactNameChars),
          phone: z
            .string()
            .max(limits.phoneChars)
            .refine((value) => /^[0-9+()./ -]*( ?(ext\.?|x) ?[0-9]{1,6})?$/.test(value), withKey('field.phone'))
            .optional(),
        }),
      )
      .max(limits.contacts)
      .default([]),
    print: z
      .strictObject({
        paper: z.enum(['letter', 'a4']).default('letter'),
        largePrint: z.boolean().default(false),
        /** Omitted: one full sheet (ten wallet cards, four in large print, five folded). */
        cards: z.number().int().min(1).max(limits.cards).optional(),
        /** "duplex": fronts and mirrored backs on two sides of a sheet; "fold": side by side, folded once (no duplexer). */
        cardLayout: z.enum(['duplex', 'fold']).default('duplex'),
        staffChecklist: z.boolean().default(false),
        /** The language staff pages put first; English when omitted. */
        staffLanguage: language.optional(),
        /** Labelled blank lines where a name, release date and place or contacts are not given: the generic packets of a batch. */
        fillIn: z.boolean().default(false),
      })
      .default({ paper: 'letter', largePrint: false, cardLayout: 'duplex', staffChecklist: false, fillIn: false }),
  });
  // Asking for the same language twice is a mistake to point out, not to replace silently with English.
  return request.superRefine((value, context) => {
    if (value.secondLanguage !== undefined && value.secondLanguage === value.language) {
      context.addIssue({ code: 'custom', path: ['secondLanguage'], input: value.secondLanguage, params: withKey('field.sameLanguage').params });
    }
  });
}

export type PacketRequestSchema = ReturnType<typeof createRequestSchema>;
/** A request after parsing: defaults filled, text normalized. */
export type PacketRequest = z.output<PacketRequestSchema>;
/** A request as callers write it. */
export type PacketRequestInput = z.input<PacketRequestSchema>;
