/**
 * Replaces the entry files of a state folder (one file per kind) with new entries. The new files are
 * checked together with the folder's state.json before any of them replaces an old one.
 */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PacketError } from '../errors.js';
import { describeProblem, inspectStateDirectory } from './inspect-directory.js';
import { entryKinds, type DirectoryEntry, type EntryKind } from './schema.js';

export const fileOfKind: Record<EntryKind, string> = {
  'rapid-response': 'rapid-response.json',
  'legal-provider': 'legal-providers.json',
  'public-defender': 'public-defenders.json',
  consulate: 'consulates.json',
};

export function writeStateEntries(stateDir: string, entries: DirectoryEntry[]): string[] {
  if (!existsSync(join(stateDir, 'state.json'))) {
    throw new PacketError('PKT_ERR_USAGE', { detail: `${stateDir} has no state.json: import into a state folder` });
  }
  const staging = mkdtempSync(join(stateDir, '.import-'));
  try {
    copyFileSync(join(stateDir, 'state.json'), join(staging, 'state.json'));
    const written = entryKinds.map((kind) => {
      const file = fileOfKind[kind];
      const ofKind = entries.filter((entry) => entry.kind === kind);
      writeFileSync(join(staging, file), `${JSON.stringify({ entries: ofKind }, null, 2)}\n`);
      return file;
    });
    const problems = inspectStateDirectory(staging).problems;
    // Named as the state folder's file it would have become: the staging folder is gone when this is read.
    if (problems.length) {
      const problem = problems[0]!;
      throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `imported ${describeProblem({ ...problem, file: join(stateDir, basename(problem.file)) })}` });
    }
    for (const file of written) renameSync(join(staging, file), join(stateDir, file));
    return written;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
