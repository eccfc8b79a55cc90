/**
 * What the service logs and answers for bad or odd requests. Why: a probe found a 404 logging the full URL
 * with its query string, an unknown JSON key logged as a field path (a key can hold a name), invalid UTF-8
 * printed as boxes, and `Accept: text/html;q=0` still answered with HTML.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTracedApp } from '../support/traced-app.js';

const lines: string[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTracedApp(lines);
});

afterAll(async () => {
  await app.close();
});

beforeEach(() => {
  lines.length = 0;
});

const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/packets', headers: { 'content-type': 'application/json', ...headers }, payload });

describe('logs', () => {
  it('logs a 404 without its path or query, and does not echo them in the body', async () => {
    const response = await app.inject({ method: 'GET', url: '/packets/Maria-Lopez?name=Maria%20Lopez&dob=1990-01-01' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'PKT_ERR_NOT_FOUND', status: 404 });
    expect(lines.length).toBeGreaterThan(0);
    // "1990-01" rather than "1990": a responseTime such as 5.5451990 must not fail the test by chance.
    expect(lines.join("\n")).not.toMatch(/Maria|1990-01/);
    expect(response.body).not.toMatch(/Maria|1990/);
  });

  it('logs an unknown key by its position, never the key, and answers the same', async () => {
    const response = await post(JSON.stringify({ county: 'fresno', person: { name: 'x', 'Maria Lopez': true } }));
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: 'person.#2', message: 'This field is not part of a packet request.' }]);
    expect(lines.some((line) => line.includes('person.#2'))).toBe(true);
    expect(lines.join('\n')).not.toContain('Maria');
    expect(response.body).not.toContain('Maria');
  });
});

describe('body encoding', () => {
  it('refuses invalid UTF-8 in a name with the field path (no replacement boxes printed)', async () => {
    const body = Buffer.concat([Buffer.from('{"county":"fresno","person":{"name":"Jos'), Buffer.from([0xe9]), Buffer.from('"}}')]);
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().issues.map((issue: { path: string }) => issue.path)).toEqual(['person.name']);
  });
});

describe('content negotiation', () => {
  const request = JSON.stringify({ county: 'fresno' });

  it('answers 406 when the client refuses HTML and does not list PDF (text/html;q=0)', async () => {
    const response = await post(request, { accept: 'text/html;q=0' });
    expect(response.statusCode).toBe(406);
    expect(response.json().code).toBe('PKT_ERR_NOT_ACCEPTABLE');
  });

  it('answers the PDF for text/html;q=0 with */*, and the preview for a preferred text/html', async () => {
    expect((await post(request, { accept: 'text/html;q=0, */*' })).headers['content-type']).toMatch(/^application\/pdf/);
    expect((await post(request, { accept: 'application/pdf;q=0.5, text/html' })).headers['content-type']).toMatch(/^text\/html/);
    expect((await post(request, { accept: 'text/html;q=0.4, application/pdf;q=0.9' })).headers['content-type']).toMatch(/^application\/pdf/);
  });

  it('answers the PDF without an Accept header and says the answer varies by Accept', async () => {
    const response = await post(request);
    expect(response.headers['content-type']).toMatch(/^application\/pdf/);
    expect(response.headers.vary).toMatch(/Accept/i);
  });
});
