/** The service as production builds it, but logging at trace level into memory, for tests that read every log line. */
import type { FastifyInstance } from 'fastify';
import { getEngine } from '../../src/engine.js';
import { buildApp, defaultLogger } from '../../src/server/app.js';

export async function buildTracedApp(lines: string[]): Promise<FastifyInstance> {
  // The production logger options, at the most talkative level: what production could log, tests see.
  const productionOptions = typeof defaultLogger === 'object' ? defaultLogger : {};
  const app = await buildApp({ engine: getEngine(), logger: { ...productionOptions, level: 'trace', stream: { write: (line: string) => void lines.push(line) } } });
  await app.ready();
  return app;
}
