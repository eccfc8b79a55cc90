/**
 * The service on a real socket (127.0.0.1, port 0): bodies that never finish are cut by the request timeout,
 * a stalled connection cannot hold shutdown past its grace, in-flight requests finish on shutdown, and a
 * client that hangs up is logged at info, never as an error-level 500 (issue 13, items 1 and 7).
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { buildApp, defaultLogger } from '../../src/server/app.js';
import { closeGracefully } from '../../src/server/shutdown.js';
import { createInProcessRenderer } from '../../src/worker/render-pool.js';
import type { ServiceLimits } from '../../src/server/limits/service-limits.js';

const renderer = createInProcessRenderer(getEngine());
const apps: FastifyInstance[] = [];

async function listening(limits: Partial<ServiceLimits>, lines: string[] = []): Promise<{ app: FastifyInstance; port: number }> {
  const productionOptions = typeof defaultLogger === 'object' ? defaultLogger : {};
  const app = await buildApp({
    engine: getEngine(),
    renderer,
    limits,
    logger: { ...productionOptions, level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  apps.push(app);
  return { app, port: (app.server.address() as AddressInfo).port };
}

afterEach(async () => {
  for (const app of apps.splice(0)) {
    app.server.closeAllConnections();
    await app.close();
  }
});

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Headers announcing a 1,000-byte JSON body, of which only a few bytes follow. */
function sendPartialBody(socket: Socket): void {
  socket.write('POST /api/v1/packets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"county":');
}

/** Everything the server sends until it closes the socket, and how long that took. */
function untilClosed(socket: Socket): Promise<{ text: string; ms: number }> {
  const started = performance.now();
  let text = '';
  socket.on('data', (chunk) => (text += chunk.toString('latin1')));
  return new Promise((resolve) => socket.on('close', () => resolve({ text, ms: performance.now() - started })));
}

describe('connection limits', () => {
  it('cuts a request whose body never arrives in full (Content-Length larger than the body) with 408', async () => {
    const { port } = await listening({ requestTimeoutMs: 1_000, headersTimeoutMs: 1_000 });
    const socket = await openSocket(port);
    const closed = untilClosed(socket);
    sendPartialBody(socket);
    const { text, ms } = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    // Node sweeps for timeouts every second: the deadline plus at most one sweep.
    expect(ms).toBeLessThan(3_500);
  });

  it('closes a connection that never sends its headers', async () => {
    const { port } = await listening({ headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    const socket = await openSocket(port);
    const closed = untilClosed(socket);
    socket.write('GET /healthz HTTP/1.1\r\nHost: loc');
    const { ms } = await closed;
    expect(ms).toBeLessThan(3_500);
  });

  it('caps the number of open connections', async () => {
    const { app } = await listening({ maxConnections: 7 });
    expect(app.server.maxConnections).toBe(7);
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight before closing', async () => {
    // A renderer that holds the packet until the shutdown has begun.
    let release: () => void = () => undefined;
    let hasArrived: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => (hasArrived = resolve));
    const slow = { ...renderer, render: async (...args: Parameters<typeof renderer.render>) => (hasArrived(), await released, renderer.render(...args)) };
    const app = await buildApp({ engine: getEngine(), renderer: slow, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const answer = fetch(`http://127.0.0.1:${port}/api/v1/packets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ county: 'fresno' }),
    });
    await arrived;
    const closing = closeGracefully(app, slow, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer()).subarray(0, 5)).toEqual(new TextEncoder().encode('%PDF-'));
    await closing;
  });

  it('is not held open by a stalled connection: after the grace period the connection is cut', async () => {
    const { app, port } = await listening({ requestTimeoutMs: 60_000, headersTimeoutMs: 60_000, idleTimeoutMs: 60_000 });
    const socket = await openSocket(port);
    const closed = untilClosed(socket);
    sendPartialBody(socket);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await closeGracefully(app, renderer, 500);
    expect(performance.now() - started).toBeLessThan(3_000);
    await closed;
  });
});

describe('client aborts', () => {
  it('logs a client that hangs up mid-body at info level, with no error-level line and no 500', async () => {
    const lines: string[] = [];
    const { port } = await listening({}, lines);
    const socket = await openSocket(port);
    sendPartialBody(socket);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const records = lines.map((line) => JSON.parse(line) as { level: number; msg: string; res?: { statusCode?: number } });
    expect(records.some((record) => record.level === 30 && /client closed/.test(record.msg))).toBe(true);
    expect(records.filter((record) => record.level >= 50)).toEqual([]);
    expect(records.filter((record) => record.res?.statusCode === 500)).toEqual([]);
  });
});
