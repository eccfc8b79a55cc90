/**
 * The installed command (package.json "bin": the one-file build in dist/bundle/, made by `npm run build`)
 * prints exactly what the source prints, its render workers included. Stale? Run `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin['release-packet'] as string;
const folder = mkdtempSync(join(tmpdir(), 'release-packet-bundle-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function batch(entry: string[], jobs: number, out: string): { file: string; sha256: string }[] {
  const args = [...entry, 'batch', '--counties', 'fresno,modoc', '--langs', 'en,es', '--youth', 'both', '--jobs', String(jobs), '--today', '2026-11-27', '--out', out];
  // A worker for every packet: eight packets would not pay one's start-up, and this test is about its bytes.
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, RELEASE_PACKET_PACKETS_PER_WORKER: '1' } });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain(`(${jobs} thread${jobs === 1 ? '' : 's'})`);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { packets: { file: string; sha256: string }[] };
  return manifest.packets.map(({ file, sha256 }) => ({ file, sha256 }));
}

describe('the installed command', () => {
  it('runs as a file of its own (its first line names node and its flags)', () => {
    const run = spawnSync(join(root, bin), ['--version'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('refuses a bad request with the catalog\'s field messages (zod bundled with its English messages only)', () => {
    const run = spawnSync(join(root, bin), ['generate', '--county', 'fresnoo', '--lang', 'es', '--release-date', '2026-02-30', '--out', join(folder, 'bad.pdf')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/county: .*Did you mean fresno\?/);
    expect(run.stderr).toMatch(/release\.date: /);
  });

  it('is the bundle, and with two jobs (this thread and a worker) prints the same bytes as the source', () => {
    expect(bin).toBe('dist/bundle/main.js');
    const fromBundle = batch([bin], 2, join(folder, 'bundle'));
    const fromSource = batch(['--import', 'tsx', 'src/cli/main.ts'], 1, join(folder, 'source'));
    expect(fromBundle).toHaveLength(8);
    expect(fromBundle).toEqual(fromSource);
  }, 120_000);
});
