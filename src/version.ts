/** The package's version, read once from package.json (the same file from src/ and dist/). */
import { readFileSync } from 'node:fs';
import { projectPath } from './project-paths.js';

let version: string | undefined;

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
