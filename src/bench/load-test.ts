/**
 * `npm run load`: the service under mixed traffic on 127.0.0.1 (autocannon), at 1, 8, 64 and 256
 * connections, against the single-thread in-process rate measured in the same run. Bounded time:
 * LOAD_SECONDS per level (default 8), two runs to see whether resident memory stays flat.
 * Reports packets/s, p50/p99, status mix, timeouts, /healthz p99 (probed alongside) and the server's RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { createEngine } from '../engine.js';
import { generatePacket, generatePreview } from '../generate.js';
import { projectPath } from '../project-paths.js';

const seconds = Number(process.env.LOAD_SECONDS ?? 8);
const port = Number(process.env.LOAD_PORT ?? 3101);
const levels = (process.env.LOAD_CONNECTIONS ?? '1,8,64,256').split(',').map(Number);
const runs = Number(process.env.LOAD_RUNS ?? 2);
const base = `http://127.0.0.1:${port}`;

/** The traffic: packets in several languages and counties, previews, and requests that must be refused. */
const packets = [
  { county: 'los-angeles', language: 'es', person: { name: 'José Núñez' }, release: { date: '2026-12-01' } },
  { county: 'fresno', language: 'es', youth: true, iceHold: { received: true }, person: { name: 'Nguyễn Thị Hoa' } },
  { county: 'san-diego', language: 'en', print: { staffChecklist: true } },
  { county: 'Kern', language: 'es-MX', destinationCounty: 'Los Angeles', contacts: [{ role: 'family', name: 'Ana Ruiz', phone: '559-555-0101' }] },
  { county: 'alameda', language: 'en', person: { name: 'محمد علي' }, print: { paper: 'a4', largePrint: true } },
];
const json = { 'content-type': 'application/json' };
const mix = [
  ...packets.map((body) => ({ method: 'POST' as const, path: '/api/v1/packets', headers: json, body: JSON.stringify(body) })),
  { method: 'POST' as const, path: '/api/v1/packets', headers: { ...json, accept: 'text/html' }, body: JSON.stringify(packets[1]) },
  { method: 'POST' as const, path: '/api/v1/packets', headers: json, body: JSON.stringify({ county: 'atlantis' }) },
  { method: 'POST' as const, path: '/api/v1/packets', headers: json, body: JSON.stringify({ county: 'fresno', language: 'xx', person: { name: 42 } }) },
];
/**
 * Malformed JSON goes on its own connection beside the load, not in autocannon's mix: fastify answers it 400
 * with `Connection: close` (the client may still be sending), and autocannon then reconnects and counts the
 * wait in the next request's latency (measured: 1 connection, 2,500 requests/s, "p50 719 ms").
 */
const malformed = { method: 'POST', headers: json, body: '{"county":' };

/** Packets per second on one thread, no HTTP: the baseline the service's throughput is compared with. */
/**
 * The work behind the mix's 200s, in the same proportions: five packets and one HTML preview. The service's
 * packets/s counts every 200 (previews too), so the baseline makes the same things.
 */
type Made = { engine: ReturnType<typeof createEngine>; today: Date };
const servedWork: ((made: Made) => Promise<unknown>)[] = [
  ...packets.map((request) => (made: Made) => generatePacket(request, made)),
  async (made: Made) => generatePreview(packets[1], made),
];

/** A warmed engine: built, then the mix made four times over, so what is measured next is the steady rate. */
async function warmEngine(): Promise<Made> {
  const made = { engine: createEngine(), today: new Date('2026-11-27T00:00:00Z') };
  for (let warm = 0; warm < servedWork.length * 4; warm++) await servedWork[warm % servedWork.length]!(made);
  return made;
}

/** Served answers per second on one thread, no HTTP: the baseline the service's throughput is compared with. */
async function measureInProcess(warmed?: Made): Promise<number> {
  const made = warmed ?? (await warmEngine());
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < 3_000) {
    await servedWork[count % servedWork.length]!(made);
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}

function startServer(): Promise<ChildProcess> {
  // LOAD_SERVER_NODE_FLAGS: node flags for the service under test (to compare, e.g., V8's GC options).
  const nodeFlags = (process.env.LOAD_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, projectPath('dist', 'server', 'main.js')], {
    // Every simulated client comes from 127.0.0.1: the per-address cap (abuse protection, 256 by default) would
    // refuse the probes beside 256 connections, as it should one real client holding them all.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RELEASE_PACKET_RATE_LIMIT: '0',
      RELEASE_PACKET_MAX_CONNECTIONS_PER_ADDRESS: String(Math.max(...levels) + 16),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        if ((await fetch(`${base}/readyz`)).status === 200) return resolve(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) return reject(new Error('server did not become ready in 60 s'));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * One request every 50 ms on its own connection while the load runs, its answer times sorted: /healthz is what
 * a load balancer sees; malformed JSON shows that bad bodies are still refused quickly under load.
 */
function probe(path: string, init: RequestInit = {}, expected: readonly number[] = [200]): { stop: () => Promise<number[]> } {
  const times: number[] = [];
  let isRunning = true;
  const loop = (async () => {
    while (isRunning) {
      const started = performance.now();
      try {
        const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        times.push(expected.includes(response.status) ? performance.now() - started : 5_000);
      } catch {
        times.push(5_000);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      isRunning = false;
      await loop;
      return times.sort((a, b) => a - b);
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

interface Row {
  run: number;
  connections: number;
  requestsPerSecond: number;
  packetsPerSecond: number;
  p50: number;
  p99: number;
  /** Of the packets and previews served (200) only: a flood of quick 503s lowers the overall percentiles. */
  servedP50: number;
  servedP99: number;
  ok: number;
  client4xx: number;
  busy503: number;
  other: number;
  timeouts: number;
  errors: number;
  healthP99: number;
  malformedP99: number;
  rssMb: number;
}

async function level(run: number, connections: number, pid: number): Promise<Row> {
  const healthProbe = probe('/healthz');
  // 400, or 503 when the queue is full: a full queue refuses before reading any body.
  const malformedProbe = probe('/api/v1/packets', malformed, [400, 503]);
  const served: number[] = [];
  const setupClient = (client: { on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): void }) => {
    client.on('response', (status, _bytes, ms) => {
      if (status === 200) served.push(ms);
    });
  };
  const result = await autocannon({ url: base, connections, duration: seconds, timeout: 10, requests: mix, setupClient } as Parameters<typeof autocannon>[0]);
  served.sort((a, b) => a - b);
  const health = await healthProbe.stop();
  const malformedTimes = await malformedProbe.stop();
  const statuses = result.statusCodeStats as Record<string, { count: number }>;
  const count = (test: (status: number) => boolean) => Object.entries(statuses).filter(([status]) => test(Number(status))).reduce((sum, [, stat]) => sum + stat.count, 0);
  const ok = count((status) => status === 200);
  return {
    run,
    connections,
    requestsPerSecond: result.requests.average,
    // Six of the eight requests in the mix are packets or previews; 200s are those (the probes are not counted),
    // and the in-process baseline makes the same five packets and one preview.
    packetsPerSecond: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    servedP50: Math.round(percentile(served, 50)),
    servedP99: Math.round(percentile(served, 99)),
    ok,
    client4xx: count((status) => status >= 400 && status < 500),
    busy503: count((status) => status === 503),
    other: count((status) => status >= 500 && status !== 503),
    timeouts: result.timeouts,
    errors: result.errors,
    healthP99: Math.round(percentile(health, 99) * 10) / 10,
    malformedP99: Math.round(percentile(malformedTimes, 99) * 10) / 10,
    rssMb: rssMb(pid),
  };
}

/**
 * Two engines on two threads at once, no HTTP: what two render threads can make together on this machine,
 * the ceiling for the service's two workers (two CPU-bound threads do not make twice one's packets here).
 */
async function measureTwoThreadsAtOnce(): Promise<number> {
  // Both threads build and warm their engines first, then measure over the same three seconds.
  const workers = [0, 1].map(() => new Worker(new URL(import.meta.url), { workerData: { role: 'in-process-rate' } }));
  const answer = (worker: Worker) =>
    new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await Promise.all(workers.map(answer));
  const rates = workers.map(answer);
  for (const worker of workers) worker.postMessage('go');
  const [first, second] = await Promise.all(rates);
  await Promise.all(workers.map((worker) => worker.terminate()));
  return first! + second!;
}

/** A worker of measureTwoThreadsAtOnce: warm, say so, wait for the word, measure, answer. */
async function serveRate(): Promise<void> {
  const warmed = await warmEngine();
  parentPort!.postMessage('ready');
  await new Promise((resolve) => parentPort!.once('message', resolve));
  parentPort!.postMessage(await measureInProcess(warmed));
}

async function main(): Promise<void> {
  const inProcess = await measureInProcess();
  console.log(`single-thread in-process: ${inProcess.toFixed(1)} packets/s (five packets and a preview, as the mix's 200s; same machine, this run)`);
  const twoThreads = await measureTwoThreadsAtOnce();
  console.log(`two threads at once, in-process: ${twoThreads.toFixed(1)} packets/s = ${(twoThreads / inProcess).toFixed(2)}x one thread (the ceiling for two render workers here)`);
  const server = await startServer();
  const rows: Row[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const connections of levels) {
        const row = await level(run, connections, server.pid!);
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
  } finally {
    server.kill('SIGTERM');
  }
  console.log('\n| run | connections | packets/s | vs in-process | vs two threads | p50 ms | p99 ms | served p50 ms | served p99 ms | 200 | 4xx | 503 | 5xx other | timeouts | /healthz p99 ms | malformed JSON p99 ms | RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.run} | ${row.connections} | ${row.packetsPerSecond.toFixed(1)} | ${(row.packetsPerSecond / inProcess).toFixed(2)}x | ${(row.packetsPerSecond / twoThreads).toFixed(2)}x | ${row.p50} | ${row.p99} | ${row.servedP50} | ${row.servedP99} | ${row.ok} | ${row.client4xx} | ${row.busy503} | ${row.other} | ${row.timeouts} | ${row.healthP99} | ${row.malformedP99} | ${row.rssMb} |`,
    );
  }
}

if (isMainThread) await main();
else if ((workerData as { role?: string } | undefined)?.role === 'in-process-rate') await serveRate();
