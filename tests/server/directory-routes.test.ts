/** GET /api/v1/counties and /api/v1/directory: the directory as JSON, the same data the packets print. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { buildApp } from '../../src/server/app.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildApp({ engine: getEngine(), logger: false });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

/** The raw California files, read here and judged by the test itself, not by the code the route calls. */
interface RawEntry {
  id: string;
  kind: string;
  scope: string;
  status?: string;
  serviceArea: { counties: string[] };
}
const rawEntries: RawEntry[] = ['rapid-response', 'legal-providers', 'public-defenders', 'consulates'].flatMap(
  (file) => (JSON.parse(readFileSync(new URL(`../../assets/directory/ca/${file}.json`, import.meta.url), 'utf8')) as { entries: RawEntry[] }).entries,
);
const rawCounties = (JSON.parse(readFileSync(new URL('../../assets/directory/ca/state.json', import.meta.url), 'utf8')) as { counties: { slug: string; fips: string }[] }).counties;

/** A county's coverage as DESIGN.md words it: its own network, one shared with neighbours, or none; a public defender or not. */
function expectedCoverage(slug: string): { network: string; publicDefender: boolean } {
  const serving = rawEntries.filter((entry) => (entry.status ?? 'active') === 'active' && entry.serviceArea.counties.includes(slug));
  const networks = serving.filter((entry) => entry.kind === 'rapid-response' && entry.scope !== 'statewide');
  return {
    network: networks.some((entry) => entry.scope === 'county') ? 'local' : networks.length ? 'regional' : 'none',
    publicDefender: serving.some((entry) => entry.kind === 'public-defender'),
  };
}

describe('GET /api/v1/counties', () => {
  it('lists all 58 counties with their FIPS codes and the coverage their entries give them', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/counties' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.state).toEqual({ id: 'ca', name: 'California' });
    expect(body.counties).toHaveLength(58);
    expect(body.counties.map((county: { slug: string }) => county.slug)).toEqual(rawCounties.map((county) => county.slug));
    for (const county of body.counties) {
      const expected = expectedCoverage(county.slug);
      expect({ slug: county.slug, network: county.coverage.network, publicDefender: county.coverage.publicDefender }).toEqual({ slug: county.slug, ...expected });
    }
    // Known cases, so the expectation itself is held to the data: no network on file, and a local one.
    expect(body.counties.find((county: { slug: string }) => county.slug === 'modoc').coverage.network).toBe('none');
    expect(body.counties.find((county: { slug: string }) => county.slug === 'los-angeles').coverage.network).toBe('local');
    expect(new Set(body.counties.map((county: { coverage: { network: string } }) => county.coverage.network))).toEqual(new Set(['local', 'regional', 'none']));
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
