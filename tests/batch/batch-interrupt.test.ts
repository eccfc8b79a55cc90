/**
 * Ctrl-C during a batch: the CLI, run as its own process, stops, exits 130 and leaves no file at all where
 * the ZIP, the folder or the merged PDF would have been (no temporary or half-written file either).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let folder = '';

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'release-packet-sigint-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Starts a whole-state batch, sends SIGINT once the first progress line shows packets being made. */
function interruptedBatch(outArgs: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'batch', '--counties', 'all', '--langs', 'en,es', '--youth', 'both', '--jobs', '1', ...outArgs], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let sent = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    if (!sent && /packets \(/.test(stderr)) {
      sent = true;
      child.kill('SIGINT');
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('release-packet batch interrupted by SIGINT', () => {
  it('leaves no partial ZIP, folder or merged PDF, and exits 130', async () => {
    const { code, stderr } = await interruptedBatch(['--out', join(folder, 'stack.zip'), '--merge', join(folder, 'print.pdf')]);
    expect(stderr).toMatch(/packets \(/);
    expect(code).toBe(130);
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);

  it('leaves an output folder as it found it: no packets, no manifest, no staging folder', async () => {
    const { code } = await interruptedBatch(['--out', join(folder, 'stack')]);
    expect(code).toBe(130);
    expect(readdirSync(join(folder, 'stack'))).toEqual([]);
  }, 60_000);
});
