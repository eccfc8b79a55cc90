/** GET /api/v1/counties and /api/v1/directory: the directory as JSON, the same data the packets print. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { buildApp } from '../../src/server/app.js';
import { countyCoverage } from '../../src/directory/check-directory.js';

let app: FastifyInstance;
const state = getEngine().directory.states.get('ca')!;

beforeAll(async () => {
  app = await buildApp({ engine: getEngine(), logger: false });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

describe('GET /api/v1/counties', () => {
  it('lists all 58 counties with their FIPS codes and the coverage directory check computes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/counties' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.state).toEqual({ id: 'ca', name: 'California' });
    expect(body.counties).toHaveLength(58);
    const coverage = countyCoverage(state.counties, state.entries);
    for (const [index, county] of body.counties.entries()) {
      expect(county.slug).toBe(coverage[index]!.slug);
      expect(county.coverage.network).toBe(coverage[index]!.network);
      expect(county.coverage.publicDefender).toBe(coverage[index]!.publicDefender);
    }
    expect(body.counties.find((county: { slug: string }) => county.slug === 'humboldt').coverage.network).toBe('none');
  });
});

describe('GET /api/v1/directory', () => {
  it('returns the entries a packet for the county prints, in the same order, each with source, date and freshness', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/directory?county=riverside&destinationCounty=los-angeles' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.county.slug).toBe('riverside');
    expect(body.rapidResponse.map((entry: { id: string }) => entry.id)).toEqual(['coachella-valley-rapid-response-hotline', 'inland-coalition-rapid-response-network']);
    expect(body.destinationRapidResponse.map((entry: { id: string }) => entry.id)).toEqual(['la-rapid-response-network']);
    for (const entry of [...body.rapidResponse, ...body.legalProviders, ...body.consulates]) {
      expect(entry.source.title).toBeTruthy();
      expect(entry.source.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof entry.freshness.needsCheck).toBe('boolean');
    }
  });

  it('says which parameter is wrong, in the language asked for', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/directory?county=atlantis&language=es' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body.issues.map((issue: { path: string }) => issue.path)).toEqual(['county']);
    expect(body.title).toMatch(/solicitud/i);
  });

  it('requires a county', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/directory' });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: 'county', message: expect.any(String) }]);
  });

  it('answers a repeated parameter with a 400, not a crash', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/directory?county=fresno&county=kern' });
    expect(response.statusCode).toBe(400);
  });
});
