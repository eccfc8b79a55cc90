/**
 * `npm start`: start the render workers, serve on HOST:PORT (default 127.0.0.1:3000), and on SIGTERM or
 * SIGINT finish in-flight requests and exit. Limits come from RELEASE_PACKET_* variables (service-limits.ts).
 */
import { getEngine } from '../engine.js';
import { RenderPool } from '../worker/render-pool.js';
import { buildApp } from './app.js';
import { limitsFromEnv } from './limits/service-limits.js';
import { closeGracefully } from './shutdown.js';

const limits = limitsFromEnv();
const threads = process.env.RELEASE_PACKET_WORKERS ? Number(process.env.RELEASE_PACKET_WORKERS) : undefined;
const renderer = new RenderPool({ ...(threads ? { threads } : {}) });
// The main thread keeps its own engine for the form's lists, errors and the directory routes.
const engine = getEngine();
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

await app.listen({ host, port });
// /readyz says 503 until every worker is warm; a shutdown during warm-up ends the wait quietly.
renderer.ready().then(
  () => app.log.info({ startupMs: Math.round(engine.startupMs), workers: renderer.threads }, 'engine ready'),
  () => undefined,
);
