/** The service as production builds it, without a logger: built before a file's tests, closed after them. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { buildApp } from '../../src/server/app.js';

/** Call at the top of a test file; the returned function gives the ready app inside tests. */
export function useQuietApp(): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp({ engine: getEngine(), logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('useQuietApp: the app is built in beforeAll; use it inside a test');
    return app;
  };
}
