/**
 * Official printable cards: an organization that holds the official card for a language (the ILRC red card,
 * say) puts it at assets/cards/<tag>.pdf and notes its source and licence in assets/cards/cards.json; packets
 * in that language then print it, scaled into the card grid, in place of the built-in card. A PDF without
 * a licence note is not used (reported), and a note whose file is missing is reported too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PacketError } from '../errors.js';
import { projectPath } from '../project-paths.js';

export const defaultCardsDir = projectPath('assets', 'cards');

const manifestSchema = z.strictObject({
  comment: z.string().optional(),
  cards: z.array(
    z.strictObject({
      /** BCP 47 tag of the card's front language, the same as the locale folder. */
      locale: z.string().min(2),
      /** File under assets/cards/, by convention "<tag>.pdf". */
      file: z.string().regex(/^[A-Za-z0-9._-]+\.pdf$/),
      /** 1-based pages of the front and, when the card has one, the back (else the built-in English back prints). */
      frontPage: z.number().int().min(1).default(1),
      backPage: z.number().int().min(1).optional(),
      /** Who made it and where it came from. */
      source: z.string().min(1),
      /** Under what terms it may be reprinted: a licence name or the permission received. */
      licence: z.string().min(1),
    }),
  ),
});

export interface OfficialCard {
  locale: string;
  /** Absolute path; the writer reads and embeds it (pdf-lib embedPage). */
  path: string;
  frontPageIndex: number;
  backPageIndex?: number;
  source: string;
  licence: string;
}

export function loadOfficialCards(cardsDir = defaultCardsDir): ReadonlyMap<string, OfficialCard> {
  const manifestPath = join(cardsDir, 'cards.json');
  const cards = new Map<string, OfficialCard>();
  if (!existsSync(manifestPath)) return cards;
  let manifest: z.infer<typeof manifestSchema>;
  try {
    manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch (cause) {
    throw new PacketError('PKT_ERR_INTERNAL', { cause, detail: `assets/cards/cards.json is invalid: ${(cause as Error).message}` });
  }
  for (const entry of manifest.cards) {
    const path = join(cardsDir, entry.file);
    if (!existsSync(path)) throw new PacketError('PKT_ERR_INTERNAL', { detail: `assets/cards/cards.json names ${entry.file}, which is missing` });
    cards.set(entry.locale, {
      locale: entry.locale,
      path,
      frontPageIndex: entry.frontPage - 1,
      ...(entry.backPage ? { backPageIndex: entry.backPage - 1 } : {}),
      source: entry.source,
      licence: entry.licence,
    });
  }
  return cards;
}
