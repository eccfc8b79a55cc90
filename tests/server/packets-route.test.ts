/** POST /api/v1/packets and GET /healthz through app.inject(): no port, the same engine for every request. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { buildApp } from '../../src/server/app.js';

interface ProblemBody {
  code: string;
  status: number;
  title: string;
  issues: { path: string; message: string }[];
}

function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/requests/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

const spanishErrors = JSON.parse(readFileSync(new URL('../../locales/es/errors.json', import.meta.url), 'utf8')) as {
  field: Record<string, string>;
};

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildApp({ engine: getEngine(), logger: false });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

describe('POST /api/v1/packets', () => {
  it('returns the packet as a PDF for a valid JSON request', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/packets', payload: readFixture('minimal-en.json') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/pdf/);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('offers the PDF as an attachment named after the county, never the person', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/packets', payload: readFixture('youth-es-ice-hold.json') });
    expect(response.statusCode).toBe(200);
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[^"]+\.pdf"$/);
    expect(disposition).toContain('fresno');
    expect(disposition).not.toMatch(/jos|n[uú][nñ]ez/i);
  });

  it('tells caches not to store the packet', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/packets', payload: readFixture('minimal-en.json') });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('returns the HTML preview, with its section markers, for Accept: text/html', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/packets',
      headers: { accept: 'text/html' },
      payload: readFixture('minimal-en.json'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('data-section="cover"');
  });

  it('answers a body that is not JSON with 400 problem+json PKT_ERR_REQUEST_JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/packets',
      headers: { 'content-type': 'application/json' },
      payload: '{"county": "fresno",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<ProblemBody>().code).toBe('PKT_ERR_REQUEST_JSON');
  });

  it('names the bad field in the language the request asked for', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/packets', payload: { language: 'es', county: 'nowhere' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<ProblemBody>();
    expect(problem.code).toBe('PKT_ERR_REQUEST_INVALID');
    expect(problem.issues[0]?.path).toBe('county');
    expect(problem.issues[0]?.message).toContain(spanishErrors.field.county!.split('{{')[0]);
  });

  it('explains errors in the operator\'s Accept-Language, not the packet\'s language', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/packets',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { language: 'es', county: 'Fresmo' },
    });
    const problem = response.json<ProblemBody>();
    expect(response.statusCode).toBe(400);
    expect(problem.title).toMatch(/^The request has errors/);
    expect(problem.issues[0]).toMatchObject({ path: 'county' });
    expect(problem.issues[0]!.message).toMatch(/Did you mean fresno\?/);
  });

  it('accepts a county by name and a language by regional tag', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/packets', payload: { language: 'es-MX', county: 'Los Angeles' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('los-angeles');
  });

  it('answers an empty body with a problem of the body, then the fields it needs (tests/request/empty-request.test.ts)', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/packets', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json<ProblemBody>().issues.map((issue) => issue.path)).toEqual(['', 'county']);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const payload = JSON.stringify({ county: 'fresno', padding: 'x'.repeat(64 * 1024) });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/packets',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<ProblemBody>().code).toBe('PKT_ERR_REQUEST_TOO_LARGE');
  });
});

describe('GET /healthz', () => {
  it('answers 200 with status ok', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
