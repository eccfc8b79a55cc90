/**
 * Reads one state folder of assets/directory/ and collects every problem instead of stopping at the
 * first, so `directory check` can list them all. The loader refuses data with any problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { directoryEntrySchema, stateFileSchema, type DirectoryEntry, type StateFile } from './schema.js';
import { regionsFile } from './regions.js';

export interface DirectoryProblem {
  file: string;
  /** The entry's id when it has one, else its position in the file. */
  entry?: string;
  message: string;
}

export interface StateInspection {
  stateDir: string;
  stateFile?: StateFile;
  entries: DirectoryEntry[];
  problems: DirectoryProblem[];
}

const entriesFileSchema = z.strictObject({ entries: z.array(z.unknown()) });

function readJson(path: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { error: error instanceof SyntaxError ? `not valid JSON (${error.message})` : 'cannot be read' };
  }
}

/** Zod's message, except for the two a maintainer most needs to see in plain words. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    if (path === 'source') return 'has no source';
    if (path === 'source.readOn') return 'source has no readOn date (the day it was read)';
  }
  return `${path}: ${issue.message}`;
}

export function inspectStateDirectory(stateDir: string): StateInspection {
  const problems: DirectoryProblem[] = [];
  const statePath = join(stateDir, 'state.json');
  const stateJson = readJson(statePath);
  const stateResult = stateJson.error ? undefined : stateFileSchema.safeParse(stateJson.value);
  let stateFile: StateFile | undefined;
  if (stateJson.error) problems.push({ file: statePath, message: stateJson.error });
  else if (!stateResult!.success) problems.push({ file: statePath, message: describeIssue(stateResult!.error.issues[0]!) });
  else stateFile = stateResult!.data;

  const slugs = new Set<string>();
  for (const county of stateFile?.counties ?? []) {
    if (slugs.has(county.slug)) problems.push({ file: statePath, message: `duplicate county slug ${county.slug}` });
    slugs.add(county.slug);
  }

  // Adjacency is symmetric and names known counties, or "nearest" would depend on which side was typed.
  for (const county of stateFile?.counties ?? []) {
    for (const neighbour of county.adjacent) {
      const other = stateFile!.counties.find((candidate) => candidate.slug === neighbour);
      if (!other) problems.push({ file: statePath, message: `${county.slug} is adjacent to unknown county ${neighbour}` });
      else if (!other.adjacent.includes(county.slug)) problems.push({ file: statePath, message: `${county.slug} lists ${neighbour} as adjacent, but not the other way round` });
    }
  }
  if (stateFile && stateFile.counties.some((county) => county.adjacent.length > 0) && !stateFile.adjacencySource) {
    problems.push({ file: statePath, message: 'counties list adjacent counties but adjacencySource does not say where they come from' });
  }

  const entries: DirectoryEntry[] = [];
  const ids = new Set<string>();
  // regions.json groups counties for batches (src/directory/regions.ts); it lists no entries.
  const files = readdirSync(stateDir).filter((file) => file.endsWith('.json') && file !== 'state.json' && file !== regionsFile).sort();
  for (const file of files) {
    const path = join(stateDir, file);
    const json = readJson(path);
    const shape = json.error ? undefined : entriesFileSchema.safeParse(json.value);
    if (json.error || !shape!.success) {
      problems.push({ file: path, message: json.error ?? 'expected { "entries": [ ... ] }' });
      continue;
    }
    shape!.data.entries.forEach((raw, index) => {
      const result = directoryEntrySchema.safeParse(raw);
      const rawId = (raw as { id?: unknown })?.id;
      const label = typeof rawId === 'string' ? rawId : `entries.${index}`;
      if (!result.success) {
        for (const issue of result.error.issues) problems.push({ file: path, entry: label, message: describeIssue(issue) });
        return;
      }
      const entry = result.data;
      if (ids.has(entry.id)) problems.push({ file: path, entry: entry.id, message: 'duplicate id' });
      ids.add(entry.id);
      // The claim "DOJ-recognized" prints from `recognition` only, so an expired one can never slip through in words.
      if (/recogni[sz]ed/i.test(`${entry.service.name} ${entry.service.description}`)) {
        problems.push({ file: path, entry: entry.id, message: 'service name or description claims a recognition: record it in `recognition`, which prints it only while current' });
      }
      const unknown = stateFile ? entry.serviceArea.counties.filter((slug) => !slugs.has(slug)) : [];
      if (unknown.length) problems.push({ file: path, entry: entry.id, message: `serves unknown county ${unknown.join(', ')}` });
      entries.push(entry);
    });
  }
  return { stateDir, ...(stateFile ? { stateFile } : {}), entries, problems };
}

export function describeProblem(problem: DirectoryProblem): string {
  return `${problem.file}${problem.entry ? ` [${problem.entry}]` : ''}: ${problem.message}`;
}
