/**
 * The start-up warning when the service listens beyond loopback with /api/* open (no RELEASE_PACKET_API_KEYS):
 * a container's HOST=0.0.0.0 without keys lets anyone who reaches the port make packets, and only this line
 * says so. Checked on the real process (src/server/main.ts with tsx, port 0: nothing stays bound) and by rule over
 * host spellings.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, warnIfOpenBeyondLoopback } from '../../src/server/open-warning.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const warning = /listening beyond loopback without RELEASE_PACKET_API_KEYS/;

/** Starts the service with this environment on port 0, waits until its workers are warm, stops it; its log lines. */
function startupLog(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const environment: NodeJS.ProcessEnv = { ...process.env, PORT: '0', RELEASE_PACKET_WORKERS: '1', LOG_LEVEL: 'info', ...env };
    if (env.RELEASE_PACKET_API_KEYS === undefined) delete environment.RELEASE_PACKET_API_KEYS;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: projectRoot, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not get ready: ${log}`));
    }, 60_000);
    const collect = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      // The warning, if any, is written right after listen and before the workers report ready.
      if (/engine ready/.test(log)) child.kill('SIGTERM');
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', () => {
      clearTimeout(timer);
      if (/engine ready/.test(log)) resolve(log);
      else reject(new Error(`server exited before it was ready: ${log}`));
    });
  });
}

// A start of the service takes ~10 s alone and more while the whole suite runs beside it.
describe('start-up warning of an open API', { timeout: 90_000 }, () => {
  it('is logged when HOST=0.0.0.0 and no API keys are set', async () => {
    const log = await startupLog({ HOST: '0.0.0.0' });
    expect(log).toMatch(warning);
    expect(log).toMatch(/"level":40/);
  });

  it('is not logged when HOST=0.0.0.0 and API keys are set', async () => {
    const log = await startupLog({ HOST: '0.0.0.0', RELEASE_PACKET_API_KEYS: 'test-key-1,test-key-2' });
    expect(log).toMatch(/listening at/);
    expect(log).not.toMatch(warning);
  });

});

describe('isLoopbackHost', () => {
  it('counts only addresses this machine alone can reach as loopback', () => {
    const loopback = ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '::ffff:127.0.0.1'];
    const open = ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'example.org', '::ffff:10.0.0.1', '0:0:0:0:0:0:0:0'];
    expect(loopback.filter((host) => !isLoopbackHost(host))).toEqual([]);
    expect(open.filter((host) => isLoopbackHost(host))).toEqual([]);
  });

  // Loopback without keys is checked here rather than by a third start of the service (10 s each).
  it('warns through the given logger only for an open host without keys', () => {
    const warned: unknown[] = [];
    const log = { warn: (...args: unknown[]) => void warned.push(args) };
    warnIfOpenBeyondLoopback(log, '::', []);
    warnIfOpenBeyondLoopback(log, '::', ['key']);
    warnIfOpenBeyondLoopback(log, '::1', []);
    expect(warned).toHaveLength(1);
  });
});
