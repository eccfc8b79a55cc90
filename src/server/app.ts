/** buildApp: the fastify service over generatePacket. Stateless: scale by running more instances. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { getEngine, type Engine } from '../engine.js';
import { createErrorHandler } from './error-handler.js';
import { registerPacketRoutes } from './routes/packets.js';
import { registerDirectoryRoutes } from './routes/directory.js';
import { registerNotFound } from './not-found.js';

export interface AppOptions {
  engine?: Engine;
  logger?: FastifyServerOptions['logger'];
  /** Largest accepted body; a PacketRequest is a few hundred bytes. */
  bodyLimitBytes?: number;
}

/** Request logs name method, route and status only: bodies are never logged, and URLs never carry personal data. */
export const defaultLogger: FastifyServerOptions['logger'] = {
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'], censor: '[redacted]' },
  serializers: {
    req: (request: { method: string; routeOptions?: { url?: string }; url: string }) => ({
      method: request.method,
      // The route's pattern ("/api/v1/packets"), never the URL: an unmatched one may carry a name in path or query.
      route: request.routeOptions?.url ?? '(no route)',
    }),
  },
};

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const engine = options.engine ?? getEngine();
  const app = Fastify({
    logger: options.logger ?? defaultLogger,
    bodyLimit: options.bodyLimitBytes ?? 64 * 1024,
    // Finish in-flight requests on close (graceful shutdown).
    forceCloseConnections: 'idle',
  });
  app.setErrorHandler(createErrorHandler(engine.catalogs));
  registerNotFound(app);
  app.get('/healthz', async () => ({ status: 'ok' }));
  registerPacketRoutes(app, engine);
  registerDirectoryRoutes(app, engine);
  return app;
}
