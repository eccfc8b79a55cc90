/** Editing a copy of the fixture state (tests/fixtures/directory/zz) the way a directory keeper edits a file. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Rewrites the entries of one of the copy's entry files (`file` under `<root>/zz`). */
export function editEntries(root: string, file: string, edit: (entries: Record<string, any>[]) => void): void {
  const path = join(root, 'zz', file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json.entries);
  writeFileSync(path, JSON.stringify(json));
}
