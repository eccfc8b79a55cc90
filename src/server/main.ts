/** `npm start`: warm the engine, then serve on HOST:PORT (default 127.0.0.1:3000); close gracefully on SIGTERM/SIGINT. */
import { getEngine } from '../engine.js';
import { buildApp } from './app.js';

const engine = getEngine();
const app = await buildApp({ engine });
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await app.listen({ host, port });
app.log.info({ startupMs: Math.round(engine.startupMs) }, 'engine ready');
