/**
 * POST /api/v1/batches: a streamed ZIP of generic packets and their manifest, refusals before any byte of
 * the answer, and a batch that stops rendering when its client goes away.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { buildApp } from '../../src/server/app.js';
import { createInProcessRenderer, type Renderer } from '../../src/worker/render-pool.js';
import { pageCount } from '../support/poppler.js';
import { readZip } from '../support/zip.js';

/** The in-process renderer, counting the packets it is asked for and taking `delayMs` over each. */
function countingRenderer(delayMs: number): Renderer & { calls: () => number } {
  const inner = createInProcessRenderer(getEngine());
  let calls = 0;
  return {
    ...inner,
    async render(job, signal) {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return inner.render(job, signal);
    },
    calls: () => calls,
  };
}

let app: FastifyInstance;
const renderer = countingRenderer(0);

beforeAll(async () => {
  app = await buildApp({ engine: getEngine(), logger: false, renderer });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('POST /api/v1/batches', () => {
  it('streams a ZIP with one PDF per county and language, and a manifest whose hashes match them', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/batches', payload: { counties: ['alpine', 'Fresno'], languages: ['en', 'es'] } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['cache-control']).toBe('no-store');
    const entries = await readZip(response.rawPayload);
    expect([...entries.keys()]).toEqual(['alpine-en.pdf', 'alpine-es.pdf', 'fresno-en.pdf', 'fresno-es.pdf', 'manifest.csv', 'manifest.json']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { packets: { file: string; sha256: string; pages: number }[] };
    for (const row of manifest.packets) {
      const pdf = entries.get(row.file)!;
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(row.sha256);
      expect(pageCount(pdf)).toBe(row.pages);
    }
  });

  it('makes youth variants and A4 packets when asked', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/batches', payload: { counties: ['alpine'], languages: ['es'], variants: ['adult', 'youth'], paper: 'a4' } });
    expect(response.statusCode).toBe(200);
    const entries = await readZip(response.rawPayload);
    expect([...entries.keys()].filter((name) => name.endsWith('.pdf'))).toEqual(['alpine-es.pdf', 'alpine-es-youth.pdf']);
  });

  it('refuses an unknown county or language with 400 and the valid values, before rendering anything', async () => {
    const before = renderer.calls();
    const response = await app.inject({ method: 'POST', url: '/api/v1/batches', payload: { counties: ['atlantis'], languages: ['en', 'xx'] } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json() as { issues: { path: string; message: string }[] };
    expect(problem.issues.map((issue) => issue.path)).toEqual(['counties', 'languages']);
    expect(problem.issues[0]!.message).toMatch(/bay-area.*alameda/);
    expect(renderer.calls()).toBe(before);
  });

  it('refuses fields that are not part of a batch request', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/batches', payload: { counties: ['alpine'], languages: ['en'], person: { name: 'x' } } });
    expect(response.statusCode).toBe(400);
  });
});

describe('POST /api/v1/batches when the client goes away', () => {
  it('stops asking the renderer for packets once the connection is closed', async () => {
    const slow = countingRenderer(25);
    const server = await buildApp({ engine: getEngine(), logger: false, renderer: slow });
    await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = server.server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/batches', headers: { 'content-type': 'application/json' } }, (response) => {
          expect(response.statusCode).toBe(200);
          // The first bytes of the ZIP arrive while the batch is still being made: hang up then.
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        });
        request.on('error', () => undefined);
        request.once('error', reject);
        request.end(JSON.stringify({ counties: ['all'], languages: ['en', 'es'] }));
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const afterHangUp = slow.calls();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(slow.calls()).toBe(afterHangUp);
      expect(afterHangUp).toBeLessThan(116);
    } finally {
      await server.close();
    }
  });
});
