/**
 * `npm start`: start the render workers, serve on HOST:PORT (default 127.0.0.1:3000), and on SIGTERM or
 * SIGINT finish in-flight requests and exit. Limits come from RELEASE_PACKET_* variables (service-limits.ts).
 */
import { getPreparedEngine, type Engine } from '../engine.js';
import { isPacketError } from '../errors.js';
import { RenderPool } from '../worker/render-pool.js';
import { buildApp } from './app.js';
import { listLeftOutLocales } from '../i18n/list-locales.js';
import { limitsFromEnv } from './limits/service-limits.js';
import { closeGracefully } from './shutdown.js';
import { warnIfOpenBeyondLoopback } from './open-warning.js';

const limits = limitsFromEnv();
const threads = process.env.RELEASE_PACKET_WORKERS ? Number(process.env.RELEASE_PACKET_WORKERS) : undefined;

// The main thread keeps an engine of its own for the form's lists, errors and the directory routes; it never
// renders, so it starts from the prepared file (its shaped words stay packed, its fonts unparsed): measured,
// the computed engine cost this thread about a second of start-up and some 100 MB it never used.
let engine: Engine;
try {
  engine = getPreparedEngine();
} catch (error) {
  // Only English or the directory being broken stops the service: say which file, without a stack trace.
  if (!isPacketError(error)) throw error;
  process.stderr.write(`release-packet: cannot start: ${error.message} (${error.code})\n`);
  process.exit(1);
}
const renderer = new RenderPool({ ...(threads ? { threads } : {}) });
const app = await buildApp({ engine, renderer, limits });
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);

let isStopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    app.log.info({ signal }, 'shutting down');
    closeGracefully(app, renderer, limits.shutdownGraceMs).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

// Locale folders left out at startup (broken files, fonts missing): the service runs without them, and says so.
for (const leftOut of listLeftOutLocales(engine.catalogs)) app.log.warn({ locale: leftOut.folder, problems: leftOut.problems }, 'locale left out');

await app.listen({ host, port });
warnIfOpenBeyondLoopback(app.log, host, limits.apiKeys);
// /readyz says 503 until every worker is warm; a shutdown during warm-up ends the wait quietly.
renderer.ready().then(
  () => app.log.info({ startupMs: Math.round(engine.startupMs), workers: renderer.threads }, 'engine ready'),
  () => undefined,
);
