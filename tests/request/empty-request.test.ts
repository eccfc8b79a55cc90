/**
 * A request with no body, over HTTP and from the CLI: one problem for the body as a whole, then the fields the
 * route's own schema requires, in the operator's language. Why: an empty body once answered "county is
 * required" on every route (hard-coded, even for batches, which have no county), and before that path "".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getEngine } from '../../src/engine.js';
import { main } from '../../src/cli/program.js';
import { batchRequestSchema } from '../../src/server/routes/batches.js';
import { vocabularyOf } from '../../src/generate.js';
import { createRequestSchema } from '../../src/request/schema.js';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { useQuietApp } from '../support/quiet-app.js';

interface Problem {
  code: string;
  issues: { path: string; message: string }[];
}

const errors = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/errors.json`, import.meta.url), 'utf8')) as { field: Record<string, string> };

/** The fields a JSON Schema object requires: what an empty body must be told it lacks. */
const requiredOf = (schema: z.ZodType) => (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { required?: string[] }).required ?? [];

const app = useQuietApp();

describe('an empty request body over HTTP', () => {
  const packetRequired = () => requiredOf(createRequestSchema(vocabularyOf(getEngine())));
  const routes = [
    { url: '/api/v1/packets', required: packetRequired },
    { url: '/api/v1/batches', required: () => requiredOf(batchRequestSchema) },
  ];

  for (const route of routes) {
    for (const [how, headers] of [
      ['an empty JSON body', { 'content-type': 'application/json' }],
      ['a JSON body of spaces', { 'content-type': 'application/json' }],
      ['no body and no content type', {}],
    ] as const) {
      it(`${route.url}: ${how} is a problem with the body, then each field the schema requires`, async () => {
        const response = await app().inject({ method: 'POST', url: route.url, headers, ...(how === 'a JSON body of spaces' ? { payload: '   ' } : how === 'an empty JSON body' ? { payload: '' } : {}) });
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const problem = response.json<Problem>();
        expect(problem.code).toBe('PKT_ERR_REQUEST_INVALID');
        expect(problem.issues.map((issue) => issue.path)).toEqual(['', ...route.required()]);
        expect(problem.issues[0]!.message).toBe(errors('en').field.bodyMissing);
        expect(problem.issues.slice(1).map((issue) => issue.message)).toEqual(route.required().map(() => errors('en').field.required));
      });
    }
  }

  it('has required fields to name on both routes (so the rule above is not vacuous)', () => {
    expect(packetRequired()).toContain('county');
    expect(requiredOf(batchRequestSchema)).toEqual(['counties', 'languages']);
  });

  it('explains it in the operator\'s Accept-Language', async () => {
    const response = await app().inject({ method: 'POST', url: '/api/v1/packets', headers: { 'content-type': 'application/json', 'accept-language': 'es-MX,es;q=0.9' }, payload: '' });
    const problem = response.json<Problem>();
    expect(problem.issues.map((issue) => issue.message)).toEqual([errors('es').field.bodyMissing, errors('es').field.required]);
  });

  it('still refuses a body that is not JSON as invalid JSON, and prototype poisoning', async () => {
    const bad = await app().inject({ method: 'POST', url: '/api/v1/packets', headers: { 'content-type': 'application/json' }, payload: '{"county":' });
    expect(bad.json<Problem>().code).toBe('PKT_ERR_REQUEST_JSON');
    const poisoned = await app().inject({ method: 'POST', url: '/api/v1/packets', headers: { 'content-type': 'application/json' }, payload: '{"county":"fresno","__proto__":{"x":1}}' });
    expect(poisoned.statusCode).toBe(400);
  });
});

describe('an empty request file in the CLI', () => {
  const sandbox = useCliSandbox('release-packet-empty-');

  it('names --request as empty, then the fields the request still needs, in the --ui-lang language', async () => {
    const file = join(sandbox.folder, 'request.json');
    writeFileSync(file, '\n');
    const code = await main(['--ui-lang', 'es', 'generate', '--request', file, '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(1);
    const lines = sandbox.stderr.join('').split('\n');
    expect(lines).toContain(`  --request: ${errors('es').field.bodyMissing}`);
    expect(lines).toContain(`  county: ${errors('es').field.required}`);
  });

  it('does not ask for a field a flag gave, but still says the file is empty', async () => {
    const file = join(sandbox.folder, 'request.json');
    writeFileSync(file, '');
    const code = await main(['generate', '--request', file, '--county', 'fresno', '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(1);
    const text = sandbox.stderr.join('');
    expect(text).toContain(`--request: ${errors('en').field.bodyMissing}`);
    expect(text).not.toContain('county:');
  });
});
