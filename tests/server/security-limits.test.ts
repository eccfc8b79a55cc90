/**
 * The service's guards through app.inject(): API keys on /api/*, the rate limit, helmet's headers and a CSP
 * that allows no inline script, the preview's own CSP, no-store, and 503 + Retry-After when the render queue
 * is full (issue 9, issue 13 item 2).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { buildApp } from '../../src/server/app.js';
import type { ServiceLimits } from '../../src/server/limits/service-limits.js';
import { limitsFromEnv } from '../../src/server/limits/service-limits.js';
import { createInProcessRenderer, RenderPool } from '../../src/worker/render-pool.js';

const apps: FastifyInstance[] = [];

async function appWith(limits: Partial<ServiceLimits>, extra: Parameters<typeof buildApp>[0] = {}): Promise<FastifyInstance> {
  const app = await buildApp({ engine: getEngine(), logger: false, limits, ...extra });
  await app.ready();
  apps.push(app);
  return app;
}

afterAll(async () => {
  for (const app of apps) await app.close();
});

const packet = { method: 'POST' as const, url: '/api/v1/packets', payload: { county: 'fresno' } };

describe('API keys (RELEASE_PACKET_API_KEYS)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith({ apiKeys: ['first-key-0123', 'second-key-4567'] });
  });

  it('refuses /api/* without a key: 401 problem+json with WWW-Authenticate, and no PDF', async () => {
    const response = await app.inject(packet);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json().code).toBe('PKT_ERR_UNAUTHORIZED');
  });

  it('refuses a wrong key, and a right key with a suffix', async () => {
    for (const key of ['wrong', 'first-key-01234', 'first-key-012']) {
      const response = await app.inject({ ...packet, headers: { 'x-api-key': key } });
      expect(response.statusCode).toBe(401);
    }
  });

  it('accepts any configured key, as a Bearer token or an X-API-Key header', async () => {
    const bearer = await app.inject({ ...packet, headers: { authorization: 'Bearer second-key-4567' } });
    expect(bearer.statusCode).toBe(200);
    const header = await app.inject({ method: 'GET', url: '/api/v1/counties', headers: { 'x-api-key': 'first-key-0123' } });
    expect(header.statusCode).toBe(200);
  });

  it('leaves /healthz and /readyz open to probes', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('reads the keys from the environment, comma-separated, blanks ignored', () => {
    expect(limitsFromEnv({ RELEASE_PACKET_API_KEYS: ' a1 ,, b2 ' }).apiKeys).toEqual(['a1', 'b2']);
    expect(limitsFromEnv({}).apiKeys).toEqual([]);
  });

  it('stops start-up on a malformed limit, naming the variable', () => {
    expect(() => limitsFromEnv({ RELEASE_PACKET_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/RELEASE_PACKET_REQUEST_TIMEOUT_MS/);
  });
});

describe('rate limit', () => {
  it('answers 429 problem+json with Retry-After past the limit, and never limits /healthz', async () => {
    const app = await appWith({ rateLimitPerMinute: 2 });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) statuses.push((await app.inject({ method: 'GET', url: '/api/v1/counties' })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await app.inject({ method: 'GET', url: '/api/v1/counties' });
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json().code).toBe('PKT_ERR_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    for (let index = 0; index < 5; index++) expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith({});
  });

  it('sends a CSP that allows scripts and styles from this origin only, and the other helmet headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    // Plain HTTP on an internal network must keep working: no forced upgrade of the form's post.
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('gives the HTML preview a CSP with no script and its one stylesheet allowed by hash', async () => {
    const response = await app.inject({ ...packet, headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    const policy = String(response.headers['content-security-policy']);
    const css = /<style>([\s\S]*?)<\/style>/.exec(response.body)![1]!;
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('script-src');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown address with 404 problem+json', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('PKT_ERR_NOT_FOUND');
  });
});

describe('render queue', () => {
  let pool: RenderPool;
  afterAll(async () => {
    await pool?.close();
  });

  it('answers 503 with Retry-After when the queue is full, and /healthz still answers', async () => {
    pool = new RenderPool({ threads: 1, maxQueue: 0 });
    await pool.ready();
    const app = await appWith({}, { renderer: pool });
    const [first, second] = await Promise.all([app.inject(packet), app.inject({ ...packet, payload: { county: 'kern' } })]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 503]);
    const refused = first.statusCode === 503 ? first : second;
    expect(refused.json().code).toBe('PKT_ERR_BUSY');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json().status).toBe('ready');
  }, 60_000);

  it('refuses while full before reading the body, in the reader\'s language and with the security headers', async () => {
    // A renderer whose queue is full until the test says otherwise: what the route does is the question here.
    let isFull = true;
    const renderer = { ...createInProcessRenderer(getEngine()), isFull: () => isFull, retryAfterSeconds: () => 3 };
    const app = await appWith({}, { renderer });
    const malformed = (headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/v1/packets', headers: { 'content-type': 'application/json', ...headers }, payload: '{"county":' });
    // Malformed JSON would be a 400 had its body been parsed: a full queue answers first.
    const [refusedEs, refusedEn] = [await malformed({ 'accept-language': 'es' }), await malformed()];
    for (const refused of [refusedEs, refusedEn]) {
      expect(refused.statusCode).toBe(503);
      expect(refused.json().code).toBe('PKT_ERR_BUSY');
      expect(refused.headers['retry-after']).toBe('3');
      expect(String(refused.headers['content-security-policy'])).toContain("script-src 'self'");
      expect(refused.headers['cache-control']).toBe('no-store');
    }
    expect(refusedEs.json().title).not.toBe(refusedEn.json().title);
    isFull = false;
    expect((await malformed()).statusCode).toBe(400);
  });
});
