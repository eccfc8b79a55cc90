/**
 * Absolute paths to the project's data folders, the same from src/ (tsx, vitest), dist/ (built) and
 * dist/bundle/ (the command line's one-file build): the root is the nearest folder holding package.json.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

function findRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`release-packet: no package.json above ${start}`);
  }
}

const root = findRoot(dirname(fileURLToPath(import.meta.url)));

export function projectPath(...parts: string[]): string {
  return join(root, ...parts);
}
