/**
 * Abusive clients against the real service (src/server/main.ts run by node with tsx, worker pool and all) on 127.0.0.1,
 * with bounded loops: slow headers, slow bodies and a flood of idle connections are cut by the timeouts and
 * the connection cap while /healthz keeps answering; requests over the rate limit get 429; an API key is
 * enforced. Each scenario reports /healthz's latency while it ran. Why: a probe held connections open for
 * ever (20,000 of them stopped /healthz), and keys and a rate limit were configured but did nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Running {
  process: ChildProcess;
  port: number;
  log: string[];
}

/** Starts the built service with these limits on an ephemeral port and waits for its "listening" line. */
function startServer(env: Record<string, string>): Promise<Running> {
  return new Promise((resolve, reject) => {
    // From source, not dist/: a dist/ left from an older build would test an older server.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', RELEASE_PACKET_WORKERS: '1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    const timer = setTimeout(() => reject(new Error(`server did not start: ${log.join('')}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.push(chunk.toString('utf8'));
      const listening = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(log.join(''));
      if (listening) {
        clearTimeout(timer);
        resolve({ process: child, port: Number(listening[1]), log });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    child.on('exit', () => reject(new Error(`server exited: ${log.join('')}`)));
  });
}

async function stopServer(server: Running | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (server.process.exitCode === null) server.process.kill('SIGKILL');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openSocket(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves when the server closes the socket: what it said, and after how long. */
function closedBy(socket: Socket): Promise<{ text: string; ms: number }> {
  const started = performance.now();
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  return new Promise((resolve) => socket.once('close', () => resolve({ text, ms: performance.now() - started })));
}

interface Probe {
  latenciesMs: number[];
  failures: number;
}

/** Asks /healthz every 100 ms on a fresh connection until stopped; a probe that takes over 2 s is a failure. */
function probeHealth(port: number): { stop: () => Promise<Probe> } {
  const result: Probe = { latenciesMs: [], failures: 0 };
  let isRunning = true;
  const loop = (async () => {
    while (isRunning) {
      const started = performance.now();
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000), headers: { connection: 'close' } });
        if (response.status === 200) result.latenciesMs.push(performance.now() - started);
        else result.failures++;
        await response.arrayBuffer();
      } catch {
        result.failures++;
      }
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      isRunning = false;
      await loop;
      return result;
    },
  };
}

function summary(probe: Probe): string {
  const sorted = [...probe.latenciesMs].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1) : '-');
  return `${sorted.length} ok, ${probe.failures} failed, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

function report(scenario: string, probe: Probe, extra = ''): void {
  process.stdout.write(`abuse: ${scenario}: /healthz ${summary(probe)}${extra ? `; ${extra}` : ''}\n`);
}

describe('the running service under abuse', () => {
  describe('timeouts and the connection cap', () => {
    let server: Running;
    beforeAll(async () => {
      server = await startServer({
        RELEASE_PACKET_HEADERS_TIMEOUT_MS: '1000',
        RELEASE_PACKET_REQUEST_TIMEOUT_MS: '2000',
        // Longer than the request timeout, so a stalled body gets its 408 before the idle cut.
        RELEASE_PACKET_IDLE_TIMEOUT_MS: '3000',
        RELEASE_PACKET_MAX_CONNECTIONS: '100',
        RELEASE_PACKET_MAX_CONNECTIONS_PER_ADDRESS: '50',
        RELEASE_PACKET_RATE_LIMIT: '0',
      });
    });
    afterAll(() => stopServer(server));

    it('cuts 40 clients that send their headers a byte at a time, within the headers timeout', async () => {
      const probe = probeHealth(server.port);
      const sockets = await Promise.all(Array.from({ length: 40 }, () => openSocket(server.port)));
      const closings = sockets.map(closedBy);
      // Each writes a byte every 200 ms, for at most 8 s: the server must have cut it long before.
      const drip = sockets.map(async (socket) => {
        const request = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(40);
        for (let index = 0; index < request.length && !socket.destroyed; index++) {
          socket.write(request[index]!);
          await sleep(200);
        }
      });
      const closed = await Promise.all(closings);
      await Promise.all(drip);
      const health = await probe.stop();
      report('40 slow-header clients', health, `cut after max ${Math.max(...closed.map((entry) => entry.ms)).toFixed(0)} ms`);
      for (const entry of closed) expect(entry.ms).toBeLessThan(3_500);
      expect(health.failures).toBe(0);
      expect(health.latenciesMs.length).toBeGreaterThan(5);
    });

    it('cuts 40 clients whose bodies stall (Content-Length larger than what they send) with 408', async () => {
      const probe = probeHealth(server.port);
      const sockets = await Promise.all(Array.from({ length: 40 }, () => openSocket(server.port)));
      const closings = sockets.map(closedBy);
      for (const socket of sockets) {
        socket.write('POST /api/v1/packets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"county":"fre');
      }
      const closed = await Promise.all(closings);
      const health = await probe.stop();
      report('40 slow-body clients', health, `cut after max ${Math.max(...closed.map((entry) => entry.ms)).toFixed(0)} ms`);
      for (const entry of closed) {
        expect(entry.ms).toBeLessThan(4_500);
        expect(entry.text).toMatch(/^HTTP\/1\.1 408/);
      }
      expect(health.failures).toBe(0);
    });

    it('holds at most its per-address cap from a flood of 300 idle connections, cuts them by the timeouts, and /healthz keeps answering', async () => {
      const probe = probeHealth(server.port);
      const started = performance.now();
      // The flood comes from another loopback address, as from another machine.
      const results = await Promise.allSettled(Array.from({ length: 300 }, () => openSocket(server.port, '127.0.0.2')));
      const sockets = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const closings = sockets.map(closedBy);
      await sleep(300);
      const openAfterCap = sockets.filter((socket) => !socket.destroyed && socket.readyState === 'open').length;
      const closed = await Promise.all(closings);
      const allCutMs = performance.now() - started;
      await sleep(500);
      const health = await probe.stop();
      report('300 idle connections from one address (cap 100, 50 per address)', health, `${openAfterCap} held after 300 ms, all cut after ${allCutMs.toFixed(0)} ms`);
      expect(openAfterCap).toBeLessThanOrEqual(50);
      // The flood's address holds at most half the connections: probes from elsewhere still get in.
      expect(health.failures).toBe(0);
      expect(Math.max(...closed.map((entry) => entry.ms))).toBeLessThan(5_000);
      // After the flood is cut, /healthz answers again.
      const after = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(after.status).toBe(200);
      expect(health.latenciesMs.length).toBeGreaterThan(0);
    });
  });

  describe('rate limit and API keys', () => {
    let server: Running;
    beforeAll(async () => {
      server = await startServer({ RELEASE_PACKET_RATE_LIMIT: '30', RELEASE_PACKET_API_KEYS: 'test-key-1,test-key-2' });
    });
    afterAll(() => stopServer(server));

    it('refuses a packet without a key or with a wrong one (401), and prints with a right one', async () => {
      const post = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${server.port}/api/v1/packets`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ county: 'fresno' }) });
      const withKey = await post({ 'x-api-key': 'test-key-2' });
      expect(withKey.status).toBe(200);
      expect(withKey.headers.get('content-type')).toMatch(/^application\/pdf/);
      const without = await post({});
      expect(without.status).toBe(401);
      expect(without.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await post({ authorization: 'Bearer test-key-1x' })).status).toBe(401);
    });

    it('answers 429 with Retry-After past the rate limit, and never limits /healthz', async () => {
      const probe = probeHealth(server.port);
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      // Three requests of the key test above count too: 42 more reach 45.
      for (let index = 0; index < 42; index++) {
        const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/counties`, { headers: { authorization: 'Bearer test-key-1' } });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
        await response.arrayBuffer();
      }
      const health = await probe.stop();
      report('45 API requests against a limit of 30 a minute', health, `${statuses.filter((status) => status === 429).length} answered 429`);
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(30);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(12);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(health.failures).toBe(0);
    });
  });
});
