/**
 * Regions: named groups of a state's counties (assets/directory/<state>/regions.json), so an advocate can
 * ask for "bay-area" instead of nine county names. Data, not code: each region names the public body
 * whose membership defines it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PacketError } from '../errors.js';
import { countySlug, isoDate, webUrl } from './schema.js';
import type { StateDirectory } from './load-directory.js';

export const regionsFile = 'regions.json';

const regionsFileSchema = z.strictObject({
  comment: z.string().optional(),
  regions: z.array(
    z.strictObject({
      id: countySlug,
      name: z.string().min(1),
      counties: z.array(countySlug).min(1),
      // `checked`: when the membership was last compared with the source page.
      source: z.strictObject({ title: z.string().min(1), url: webUrl.optional(), checked: isoDate.optional() }),
    }),
  ),
});

export type Region = z.output<typeof regionsFileSchema>['regions'][number];

/** The state's regions; none when the folder has no regions.json. A region naming an unknown county is refused. */
export function loadRegions(stateDir: string, state: StateDirectory): Region[] {
  const path = join(stateDir, regionsFile);
  if (!existsSync(path)) return [];
  let parsed: z.output<typeof regionsFileSchema>;
  try {
    parsed = regionsFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (cause) {
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { cause, detail: `${path}: not a valid regions file` });
  }
  const ids = new Set<string>();
  for (const region of parsed.regions) {
    const unknown = region.counties.filter((slug) => !state.countyBySlug.has(slug));
    if (unknown.length) throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${path} [${region.id}]: unknown county ${unknown.join(', ')}` });
    if (ids.has(region.id) || state.countyBySlug.has(region.id)) throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${path} [${region.id}]: id already used by a region or county` });
    ids.add(region.id);
  }
  return parsed.regions;
}
