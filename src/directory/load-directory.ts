/** Reads assets/directory/<state>/*.json once, validates every entry, and refuses invalid data. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PacketError } from '../errors.js';
import { projectPath } from '../project-paths.js';
import type { County, DirectoryEntry } from './schema.js';
import { describeProblem, inspectStateDirectory } from './inspect-directory.js';
import { loadEntryTranslations, type EntryTranslations } from './entry-translations.js';

export interface StateDirectory {
  state: string;
  name: string;
  counties: County[];
  countyBySlug: ReadonlyMap<string, County>;
  entries: DirectoryEntry[];
  /** Service names and hours in languages other than the sources' English (translations/<lang>.json). */
  translations: EntryTranslations;
}

export interface Directory {
  states: ReadonlyMap<string, StateDirectory>;
}

export const defaultDirectoryDir = projectPath('assets', 'directory');

/** Loads one state folder; any problem at all stops the service from starting on bad data. */
export function loadStateDirectory(stateDir: string): StateDirectory {
  const { stateFile, entries, problems } = inspectStateDirectory(stateDir);
  if (problems.length > 0 || !stateFile) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; run \`release-packet directory check\`)` : '';
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${describeProblem(problems[0]!)}${more}` });
  }
  const { state, name, counties } = stateFile;
  const translations = loadEntryTranslations(stateDir, entries);
  return { state, name, counties, countyBySlug: new Map(counties.map((county) => [county.slug, county])), entries, translations };
}

export function loadDirectory(directoryDir = defaultDirectoryDir): Directory {
  const states = new Map<string, StateDirectory>();
  for (const entry of readdirSync(directoryDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const loaded = loadStateDirectory(join(directoryDir, entry.name));
    states.set(loaded.state, loaded);
  }
  return { states };
}

let memo: Directory | undefined;

export function getDirectory(): Directory {
  memo ??= loadDirectory();
  return memo;
}

export function resetDirectory(): void {
  memo = undefined;
}
