/** The meta.json every locale folder carries: display name, direction, script, review status. */
import { z } from 'zod';

export const localeMetaSchema = z.strictObject({
  name: z.string().min(1),
  englishName: z.string().min(1),
  dir: z.enum(['ltr', 'rtl']),
  /** ISO 15924 script code of the language's usual writing system: "Latn", "Arab", "Hans". */
  script: z.string().regex(/^[A-Z][a-z]{3}$/),
  status: z.enum(['reviewed', 'draft']),
  reviewedBy: z.string().optional(),
  reviewedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export type LocaleMeta = z.infer<typeof localeMetaSchema>;

/** The catalog files of a locale folder, besides meta.json. */
export const namespaces = ['packet', 'ui', 'errors'] as const;
export type Namespace = (typeof namespaces)[number];
