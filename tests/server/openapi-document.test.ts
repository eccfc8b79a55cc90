/**
 * The OpenAPI document against the app's own route table: a route added under /api without documentation
 * fails here by rule (POST /api/v1/batches was served for a while with no word in /openapi.json or /docs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { batchRequestSchema } from '../../src/server/routes/batches.js';
import { useQuietApp } from '../support/quiet-app.js';

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };

const app = useQuietApp();
let document: OpenApi;

beforeAll(async () => {
  document = (await app().inject({ method: 'GET', url: '/openapi.json' })).json<OpenApi>();
});

/** fastify's "/x/:id" is OpenAPI's "/x/{id}". */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
/** The machine-facing routes: everything under /api, and the probes a load balancer calls. */
const isApiRoute = (url: string) => url.startsWith('/api/') || url === '/healthz' || url === '/readyz';
/** HEAD routes are fastify's automatic twins of GET routes, documented by their GET. */
const apiRoutes = () => app().routeTable.filter((route) => isApiRoute(route.url) && route.method !== 'HEAD');

describe('OpenAPI document', () => {
  it('has the route table to check against', () => {
    // Guards the rule below against an empty table passing vacuously.
    expect(apiRoutes().map((route) => `${route.method} ${route.url}`)).toEqual(expect.arrayContaining(['POST /api/v1/packets', 'GET /healthz']));
  });

  it('documents every registered API route under its method', () => {
    const undocumented = apiRoutes()
      .filter((route) => document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()] === undefined)
      .map((route) => `${route.method} ${route.url}`);
    expect(undocumented).toEqual([]);
  });

  it('documents no operation the app does not serve', () => {
    const served = new Set(apiRoutes().map((route) => `${route.method.toLowerCase()} ${openApiPath(route.url)}`));
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(documented.filter((operation) => !served.has(operation))).toEqual([]);
  });

  it('gives every operation problem+json errors', () => {
    const withoutProblems = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => !Object.entries(operation.responses).some(([status, response]) => Number(status) >= 400 && response.content?.['application/problem+json']))
        .map(([method]) => `${method} ${path}`),
    );
    // The probes answer plain JSON on purpose: a load balancer reads the status, not a problem body.
    expect(withoutProblems.filter((operation) => !/ \/(healthz|readyz)$/.test(operation))).toEqual([]);
  });
});

describe('POST /api/v1/batches in the OpenAPI document', () => {
  const batches = () => document.paths['/api/v1/batches']!.post!;

  it('takes the batch route\'s own zod schema as its request body', () => {
    const expected = z.toJSONSchema(batchRequestSchema, { io: 'input' }) as { properties: Record<string, unknown> };
    const body = batches().requestBody!.content['application/json']!.schema as { $ref: string };
    const name = body.$ref.replace('#/components/schemas/', '');
    expect(Object.keys(document.components.schemas[name]!.properties!)).toEqual(Object.keys(expected.properties));
    expect(document.components.schemas[name]).toMatchObject({ additionalProperties: false, required: ['counties', 'languages'] });
  });

  it('answers a ZIP, and problem+json for bad input, a full queue and a missing key', () => {
    expect(Object.keys(batches().responses[200]!.content!)).toEqual(['application/zip']);
    for (const status of ['400', '401', '413', '429', '503']) expect(Object.keys(batches().responses[status]?.content ?? {})).toEqual(['application/problem+json']);
  });

  it('is listed on the /docs page with its request schema', async () => {
    const page = (await app().inject({ method: 'GET', url: '/docs' })).body;
    expect(page).toContain('POST /api/v1/batches');
    expect(page).toContain('BatchRequest');
  });
});
