/**
 * `generate --out` never damages what it writes to. Why: a probe found the packet written to a temporary file
 * and renamed over the target, so `--out /dev/full` replaced the device with a regular PDF (seen on this machine),
 * a FIFO or a symbolic link became a plain file, an existing file was overwritten without a word, and a closed
 * pipe or a full disk ended in a stack trace.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { main } from '../../src/cli/program.js';
import { writeOutput, type OutputFs } from '../../src/cli/write-output.js';
import { isPacketError } from '../../src/errors.js';

const sandbox = useCliSandbox('release-packet-out-');
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/** Runs the real CLI in a child process (tsx, from source): what a shell user sees, exit code and stderr. */
function runCli(args: string[], closeStdoutAtOnce = false): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // `| head -c 0`, made certain: the reading end is gone before the packet is written.
    if (closeStdoutAtOnce) child.stdout.destroy();
    else child.stdout.resume();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('generate --out', () => {
  it('refuses to overwrite an existing file without --force, naming --out and not the path', async () => {
    const out = join(sandbox.folder, 'Maria Lopez.pdf');
    fs.writeFileSync(out, 'my notes');
    expect(await main(['generate', '--county', 'fresno', '--out', out])).toBe(1);
    expect(fs.readFileSync(out, 'utf8')).toBe('my notes');
    expect(sandbox.stderr.join('')).toContain('--out: This file already exists. Choose another name, or add --force to replace it.');
    expect(sandbox.stderr.join('')).toContain('PKT_ERR_OUTPUT_EXISTS');
    expect(sandbox.stderr.join('')).not.toContain('Maria');
  });

  it('replaces an existing file with --force and keeps its permissions', async () => {
    const out = join(sandbox.folder, 'packet.pdf');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o640);
    expect(await main(['generate', '--county', 'fresno', '--force', '--out', out])).toBe(0);
    expect(isPdf(fs.readFileSync(out))).toBe(true);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(sandbox.folder)).toEqual(['packet.pdf']);
  });

  it('writes into a FIFO instead of replacing it with a regular file', async () => {
    const fifo = join(sandbox.folder, 'printer.fifo');
    execFileSync('mkfifo', [fifo]);
    // The reader is another process: a FIFO blocks its writer until someone reads.
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    const received: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => received.push(chunk));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    try {
      expect(await main(['generate', '--county', 'fresno', '--out', fifo])).toBe(0);
      await Promise.race([readerDone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    } finally {
      reader.kill(); // a reader still blocked means nothing was written into the FIFO
    }
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(isPdf(Buffer.concat(received))).toBe(true);
  });

  it('writes through a symbolic link to a device and leaves the link a link', async () => {
    const link = join(sandbox.folder, 'to-null');
    fs.symlinkSync('/dev/null', link);
    expect(await main(['generate', '--county', 'fresno', '--out', link])).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('with --force replaces the file a symbolic link points to, and keeps the link', async () => {
    const real = join(sandbox.folder, 'real.pdf');
    const link = join(sandbox.folder, 'latest.pdf');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, link);
    expect(await main(['generate', '--county', 'fresno', '--out', link])).toBe(1);
    expect(fs.readFileSync(real, 'utf8')).toBe('old');
    expect(await main(['generate', '--county', 'fresno', '--force', '--out', link])).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(isPdf(fs.readFileSync(real))).toBe(true);
  });

  it('refuses a folder and a link to nothing, and writes nothing', async () => {
    const dangling = join(sandbox.folder, 'dangling.pdf');
    fs.symlinkSync(join(sandbox.folder, 'missing.pdf'), dangling);
    expect(await main(['generate', '--county', 'fresno', '--out', sandbox.folder])).toBe(1);
    expect(await main(['generate', '--county', 'fresno', '--out', dangling])).toBe(1);
    expect(fs.readdirSync(sandbox.folder)).toEqual(['dangling.pdf']);
    expect(sandbox.stderr.join('').match(/--out: /g)).toHaveLength(2);
    // Each says what the path is, so the operator knows what to type instead.
    expect(sandbox.stderr.join('')).toContain('--out: This is a folder. Give a file name inside it.');
    expect(sandbox.stderr.join('')).toContain('--out: This is a link to a file that does not exist. Give the real file name.');
  });

  it('leaves no half-written file when the disk fills during the write', async () => {
    // A file system that takes half the bytes, then reports ENOSPC, as a full disk does.
    const fullDisk: OutputFs = {
      ...fs,
      writeFileSync: (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView) => {
        const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const out = join(sandbox.folder, 'packet.pdf');
    const failure = await writeOutput(out, new Uint8Array(4096), { fs: fullDisk }).catch((error: unknown) => error);
    expect(isPacketError(failure) && failure.code).toBe('PKT_ERR_OUTPUT_UNWRITABLE');
    expect(isPacketError(failure) && failure.issues).toEqual([
      { path: '--out', messageKey: 'errors:field.outputNoSpace', params: { reason: 'ENOSPC' } },
    ]);
    expect(fs.readdirSync(sandbox.folder)).toEqual([]);
  });

  it.runIf(fs.existsSync('/dev/full') && fs.statSync('/dev/full').isCharacterDevice())(
    'exits 1 with a message on a full disk (/dev/full), and /dev/full stays a device',
    async () => {
      const { code, stderr } = await runCli(['generate', '--county', 'fresno', '--out', '/dev/full']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/--out: .*ENOSPC/);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
    },
  );

  it('exits 1 with a message, not a stack trace, when standard output is a closed pipe', async () => {
    const { code, stderr } = await runCli(['generate', '--county', 'fresno', '--out', '-'], true);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--out: .*EPIPE/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
