/** Absolute paths to the project's data folders, the same from src/ (tsx, vitest) and dist/ (built). */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// This file sits at src/project-paths.ts or dist/project-paths.js: one level below the root.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function projectPath(...parts: string[]): string {
  return join(root, ...parts);
}
