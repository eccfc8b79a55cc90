/** Reads assets/directory/<state>/*.json once, validates every entry, and refuses invalid data. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PacketError } from '../errors.js';
import { projectPath } from '../project-paths.js';
import { directoryFileSchema, stateFileSchema, type County, type DirectoryEntry } from './schema.js';

export interface StateDirectory {
  state: string;
  name: string;
  counties: County[];
  countyBySlug: ReadonlyMap<string, County>;
  entries: DirectoryEntry[];
}

export interface Directory {
  states: ReadonlyMap<string, StateDirectory>;
}

export const defaultDirectoryDir = projectPath('assets', 'directory');

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { cause, detail: `${path} is not readable JSON` });
  }
}

function invalid(file: string, why: string): PacketError {
  return new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${file}: ${why}` });
}

export function loadStateDirectory(stateDir: string): StateDirectory {
  const stateResult = stateFileSchema.safeParse(readJson(join(stateDir, 'state.json')));
  if (!stateResult.success) throw invalid(join(stateDir, 'state.json'), formatZodIssue(stateResult.error.issues[0]));
  const { state, name, counties } = stateResult.data;
  const countyBySlug = new Map(counties.map((county) => [county.slug, county]));
  if (countyBySlug.size !== counties.length) throw invalid(join(stateDir, 'state.json'), 'duplicate county slug');

  const entries: DirectoryEntry[] = [];
  const ids = new Set<string>();
  const files = readdirSync(stateDir).filter((file) => file.endsWith('.json') && file !== 'state.json').sort();
  for (const file of files) {
    const path = join(stateDir, file);
    const result = directoryFileSchema.safeParse(readJson(path));
    if (!result.success) throw invalid(path, formatZodIssue(result.error.issues[0]));
    for (const entry of result.data.entries) {
      if (ids.has(entry.id)) throw invalid(path, `duplicate id ${entry.id}`);
      ids.add(entry.id);
      const unknown = entry.serviceArea.counties.filter((slug) => !countyBySlug.has(slug));
      if (unknown.length > 0) throw invalid(path, `${entry.id} serves unknown county ${unknown.join(', ')}`);
      entries.push(entry);
    }
  }
  return { state, name, counties, countyBySlug, entries };
}

function formatZodIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
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
