/**
 * Faults injected on purpose, and what must survive them: a missing or corrupt font, directory or locale file
 * stops start-up naming the file (a locale is left out instead, as the languages issue says); a render worker
 * that dies mid-render is replaced, its request answered 500 without personal data, and the next one prints;
 * SIGTERM under load with stalled clients ends the service within its grace, every answer whole or refused.
 * (Full disk and closed pipe on the CLI: tests/cli/output-safety.test.ts.)
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultFontsDir, loadFontSet } from '../../src/layout/fonts.js';
import { loadDirectory } from '../../src/directory/load-directory.js';
import { loadCatalogs } from '../../src/i18n/catalogs.js';
import { listLeftOutLocales } from '../../src/i18n/list-locales.js';
import { isPacketError } from '../../src/errors.js';
import { getEngine } from '../../src/engine.js';
import { buildApp } from '../../src/server/app.js';
import { RenderPool } from '../../src/worker/render-pool.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'release-packet-fault-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function failureOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

/** The bundled fonts folder, by links (the files are large), with one file changed by `damage`. */
function fontsWith(damage: (folder: string, file: string) => void): { folder: string; file: string } {
  const folder = scratch();
  const files = readdirSync(defaultFontsDir);
  for (const name of files) {
    if (name === 'fonts.json') cpSync(join(defaultFontsDir, name), join(folder, name));
    else symlinkSync(join(defaultFontsDir, name), join(folder, name));
  }
  const file = 'NotoSansArabic-Regular.ttf';
  rmSync(join(folder, file));
  damage(folder, file);
  return { folder, file };
}

describe('start-up faults', () => {
  it('stops on a missing font file, naming it', () => {
    const { folder, file } = fontsWith(() => undefined);
    const error = failureOf(() => loadFontSet(folder));
    expect(isPacketError(error) && error.code).toBe('PKT_ERR_FONT_INVALID');
    expect(error.message).toContain(join(folder, file));
  });

  it('stops on a corrupt font file, naming it', () => {
    const { folder, file } = fontsWith((dir, name) => writeFileSync(join(dir, name), Buffer.alloc(4096, 0x41)));
    const error = failureOf(() => loadFontSet(folder));
    expect(isPacketError(error) && error.code).toBe('PKT_ERR_FONT_INVALID');
    expect(error.message).toMatch(new RegExp(`${file}: is not a font`));
  });

  it('stops on a corrupt fonts.json, naming it', () => {
    const { folder } = fontsWith(() => undefined);
    writeFileSync(join(folder, 'fonts.json'), '{"faces": [');
    const error = failureOf(() => loadFontSet(folder));
    expect(isPacketError(error) && error.code).toBe('PKT_ERR_FONT_INVALID');
    expect(error.message).toContain('fonts.json');
  });

  it('stops on a corrupt directory file, naming it', () => {
    const folder = scratch();
    cpSync(fileURLToPath(new URL('../fixtures/directory', import.meta.url)), folder, { recursive: true });
    writeFileSync(join(folder, 'zz', 'consulates.json'), '{"entries": [ {');
    const error = failureOf(() => loadDirectory(folder));
    expect(isPacketError(error) && error.code).toBe('PKT_ERR_DIRECTORY_INVALID');
    expect(error.message).toContain('consulates.json');
  });

  it('leaves out a locale whose catalog is corrupt, naming the file, and keeps the others', () => {
    const folder = scratch();
    cpSync(fileURLToPath(new URL('../../locales', import.meta.url)), folder, { recursive: true });
    writeFileSync(join(folder, 'es', 'packet.json'), '{"cover": {');
    const catalogs = loadCatalogs(folder);
    expect(catalogs.locales.has('en')).toBe(true);
    expect(catalogs.locales.has('es')).toBe(false);
    const leftOut = listLeftOutLocales(catalogs);
    expect(leftOut.map((locale) => locale.folder)).toEqual(['es']);
    expect(leftOut[0]!.problems.join('\n')).toContain('es/packet.json');
  });
});

describe('a render worker that dies mid-render', () => {
  let pool: RenderPool;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    pool = new RenderPool({ threads: 1, maxQueue: 4 });
    await pool.ready();
    app = await buildApp({ engine: getEngine(), renderer: pool, logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await pool.close();
  });

  it('answers that request 500 without personal data, is replaced, and the next request prints', async () => {
    const threads = (pool as unknown as { piscina: { threads: { terminate: () => Promise<number> }[] } }).piscina.threads;
    const body = { county: 'fresno', person: { name: 'CANARY-CRASH-NAME' }, release: { location: 'CANARY-CRASH-PLACE' } };
    const answer = app.inject({ method: 'POST', url: '/api/v1/packets', payload: body });
    // Kill the worker once the job is on it: a crash in the middle of a render.
    for (let waited = 0; pool.stats().running === 0 && waited < 5_000; waited += 1) await new Promise((resolve) => setTimeout(resolve, 1));
    await threads[0]!.terminate();
    const crashed = await answer;
    expect(crashed.statusCode).toBe(500);
    expect(crashed.json()).toMatchObject({ code: 'PKT_ERR_INTERNAL' });
    expect(crashed.body).not.toContain('CANARY');
    expect(lines.join('\n')).not.toContain('CANARY');
    const next = await app.inject({ method: 'POST', url: '/api/v1/packets', payload: { county: 'fresno' } });
    expect(next.statusCode).toBe(200);
    expect(next.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});

describe('SIGTERM under load, with stalled clients', () => {
  it('finishes or refuses every request in flight and exits within the grace period', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', RELEASE_PACKET_WORKERS: '1', RELEASE_PACKET_SHUTDOWN_GRACE_MS: '3000', RELEASE_PACKET_RATE_LIMIT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(output)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    });
    try {
      await fetch(`http://127.0.0.1:${port}/readyz`);
      // Five clients that never finish their body, then twelve packets at once.
      const stalled = await Promise.all(
        Array.from({ length: 5 }, () =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const socket = connect({ host: '127.0.0.1', port }, () => {
              socket.write('POST /api/v1/packets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"co');
              resolve(socket);
            });
            socket.on('error', () => undefined);
          }),
        ),
      );
      const answers = Array.from({ length: 12 }, () =>
        fetch(`http://127.0.0.1:${port}/api/v1/packets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ county: 'los-angeles' }) })
          .then(async (response) => ({ status: response.status, bytes: Buffer.from(await response.arrayBuffer()) }))
          .catch(() => ({ status: 0, bytes: Buffer.alloc(0) })),
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      const signalled = performance.now();
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000))]);
      const exitMs = performance.now() - signalled;
      const results = await Promise.all(answers);
      for (const socket of stalled) socket.destroy();
      const printed = results.filter((result) => result.status === 200);
      process.stdout.write(`fault: SIGTERM with 12 packets in flight and 5 stalled clients: exit ${code} after ${exitMs.toFixed(0)} ms; ${printed.length} printed, ${results.length - printed.length} refused or cut (statuses ${results.map((result) => result.status).join(",")})\n`);
      expect(code).toBe(0);
      expect(exitMs).toBeLessThan(3_000 + 2_000);
      // Every 200 is a whole PDF; everything else is a refusal (503) or a connection cut before any answer.
      for (const result of printed) expect(result.bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      for (const result of results.filter((entry) => entry.status !== 200)) expect([0, 503]).toContain(result.status);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
