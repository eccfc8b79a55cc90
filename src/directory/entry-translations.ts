/**
 * Directory text in the packet's languages. Entries hold the source's English; what prints in another
 * language (a service's name or description, a line's hours) lives beside them in
 * <state>/translations/<language>.json, keyed by entry id and, for hours, by the phone number. A side file
 * per language, so a translator never edits the sourced data, and the data's maintainers never merge a
 * translator's lines. A translation of an id or number the directory does not have is refused at startup.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PacketError } from '../errors.js';
import type { DirectoryEntry } from './schema.js';

const translationFileSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
  note: z.string().optional(),
  entries: z.record(
    z.string(),
    z.strictObject({
      serviceName: z.string().min(1).optional(),
      /** Phone number as printed in the entry → its hours in this language. */
      hours: z.record(z.string(), z.string().min(1)).optional(),
    }),
  ),
});

export interface EntryTranslation {
  serviceName?: string;
  hours: ReadonlyMap<string, string>;
}

/** Language → entry id → its text in that language. */
export type EntryTranslations = ReadonlyMap<string, ReadonlyMap<string, EntryTranslation>>;

export function loadEntryTranslations(stateDir: string, entries: readonly DirectoryEntry[]): EntryTranslations {
  const folder = join(stateDir, 'translations');
  const byLanguage = new Map<string, Map<string, EntryTranslation>>();
  if (!existsSync(folder)) return byLanguage;
  const entryById = new Map(entries.map((entry) => [entry.id, entry]));
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    const path = join(folder, file);
    const refuse = (detail: string): never => {
      throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${path}: ${detail}` });
    };
    let parsed: z.infer<typeof translationFileSchema>;
    try {
      const result = translationFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!result.success) return refuse(`${result.error.issues[0]!.path.join('.')}: ${result.error.issues[0]!.message}`);
      parsed = result.data;
    } catch (error) {
      if (error instanceof PacketError) throw error;
      return refuse('not valid JSON');
    }
    if (`${parsed.language}.json` !== file) refuse(`names language ${parsed.language}; the file must be ${parsed.language}.json`);
    const table = new Map<string, EntryTranslation>();
    for (const [id, translation] of Object.entries(parsed.entries)) {
      const entry = entryById.get(id) ?? refuse(`${id}: no directory entry has this id`);
      for (const number of Object.keys(translation.hours ?? {})) {
        if (!entry.phones.some((phone) => phone.number === number)) refuse(`${id}: hours for ${number}, a number the entry does not list`);
      }
      table.set(id, { ...(translation.serviceName ? { serviceName: translation.serviceName } : {}), hours: new Map(Object.entries(translation.hours ?? {})) });
    }
    byLanguage.set(parsed.language, table);
  }
  return byLanguage;
}
