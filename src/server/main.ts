/** `npm start`: warm the engine, then serve on HOST:PORT (default 127.0.0.1:3000); close gracefully on SIGTERM/SIGINT. */
import { getEngine, type Engine } from '../engine.js';
import { isPacketError } from '../errors.js';
import { buildApp } from './app.js';
import { listLeftOutLocales } from '../i18n/list-locales.js';

let engine: Engine;
try {
  engine = getEngine();
} catch (error) {
  // Only English or the directory being broken stops the service: say which file, without a stack trace.
  if (!isPacketError(error)) throw error;
  process.stderr.write(`release-packet: cannot start: ${error.message} (${error.code})\n`);
  process.exit(1);
}
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

// Locale folders left out at startup (broken files, fonts missing): the service runs without them, and says so.
for (const leftOut of listLeftOutLocales(engine.catalogs)) app.log.warn({ locale: leftOut.folder, problems: leftOut.problems }, 'locale left out');

await app.listen({ host, port });
app.log.info({ startupMs: Math.round(engine.startupMs) }, 'engine ready');
