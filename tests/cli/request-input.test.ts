/**
 * Personal details reach the CLI without the process list: a request file or standard input. Why: a name given
 * with --name is visible to every user of the machine (ps), and the help did not say so or offer the way round.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { main } from '../../src/cli/program.js';

const sandbox = useCliSandbox('release-packet-request-');
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('generate --request', () => {
  it('reads the request from standard input with --request -', () => {
    const out = join(sandbox.folder, 'packet.pdf');
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'generate', '--request', '-', '--out', out], {
      cwd: projectRoot,
      input: JSON.stringify({ county: 'fresno', person: { name: 'Ana Stdin' } }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    // Standard error says what was written (standard output may be the packet itself).
    expect(child.stderr).toMatch(/^release-packet: wrote .+: \d+ pages, [\d,]+ bytes, en \+ es\n$/);
    expect(child.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a request file whose name is not UTF-8, naming the field', async () => {
    const file = join(sandbox.folder, 'request.json');
    writeFileSync(file, Buffer.concat([Buffer.from('{"county":"fresno","person":{"name":"Jos'), Buffer.from([0xe9]), Buffer.from('"}}')]));
    expect(await main(['generate', '--request', file, '--out', join(sandbox.folder, 'packet.pdf')])).toBe(1);
    expect(sandbox.stderr.join('')).toMatch(/^\s+person\.name: This text was damaged/m);
  });

  it('says in its help that --name shows in the process list, and how to use --request instead', async () => {
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
    await main(['generate', '--help']);
    const help = stdout.join('').replace(/\s+/g, ' ');
    expect(help).toContain('can see it in the process list');
    expect(help).toContain('--request - --out packet.pdf < request.json');
  });
});
