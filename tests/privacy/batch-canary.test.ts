/**
 * Batches take no personal data, so a name can only reach one by mistake: typed where a county, a language or
 * a field name goes. Canaries put there must not come back in the API's logs (all levels), headers or problem
 * body, nor on the CLI's stderr or in any file it writes. (Issue 13, privacy canary over batch.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTracedApp } from '../support/traced-app.js';
import { main } from '../../src/cli/program.js';
import { useCliSandbox } from '../support/cli-sandbox.js';

const canary = 'CANARY';
const hostileBatches: Record<string, unknown>[] = [
  { counties: ['CANARY-NAME-1'], languages: ['en'] },
  { counties: ['fresno'], languages: ['CANARY-NAME-2'] },
  { counties: ['fresno'], languages: ['en'], 'CANARY-KEY-3': 'x' },
  { counties: ['fresno'], languages: ['en'], variants: ['CANARY-4'] },
  { counties: ['fresno'], languages: ['en'], paper: 'CANARY-5' },
];

describe('POST /api/v1/batches with canaries where a name does not belong', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTracedApp(lines);
  });
  afterAll(async () => {
    await app.close();
  });

  for (const [index, payload] of hostileBatches.entries()) {
    it(`refuses batch ${index + 1} with no canary in logs, headers or body`, async () => {
      lines.length = 0;
      const response = await app.inject({ method: 'POST', url: '/api/v1/batches', payload });
      expect(response.statusCode).toBe(400);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((line) => line.includes(canary))).toEqual([]);
      expect(JSON.stringify(response.headers)).not.toContain(canary);
      expect(response.body).not.toContain(canary);
    });
  }
});

describe('release-packet batch with canaries in its flags', () => {
  const sandbox = useCliSandbox('release-packet-batch-canary-');
  for (const flags of [['--counties', 'CANARY-NAME-1', '--langs', 'en'], ['--counties', 'fresno', '--langs', 'CANARY-NAME-2']]) {
    it(`exits 1 for ${flags.join(' ')}, quoting none of it and writing nothing`, async () => {
      const out = join(sandbox.folder, 'out');
      expect(await main(['batch', ...flags, '--out', out])).toBe(1);
      expect(sandbox.stderr.join('')).not.toContain(canary);
      expect(readdirSync(sandbox.folder)).toEqual([]);
    });
  }
});

