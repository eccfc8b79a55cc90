/** buildApp: the fastify service over generatePacket. Stateless: scale by running more instances. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { getEngine, type Engine } from '../engine.js';
import { createInProcessRenderer, type Renderer } from '../worker/render-pool.js';
import { createErrorHandler } from './error-handler.js';
import { registerPacketRoutes } from './routes/packets.js';
import { registerDirectoryRoutes } from './routes/directory.js';
import { registerBatchRoutes } from './routes/batches.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerFormRoutes } from './form/form-routes.js';
import { registerDocsRoutes } from './api/docs-routes.js';
import { defaultLimits, type ServiceLimits } from './limits/service-limits.js';
import { createLimitedServer } from './limits/http-server.js';
import { registerSecurityHeaders } from './limits/security-headers.js';
import { registerRateLimit } from './limits/rate-limit.js';
import { registerApiKeys } from './limits/api-keys.js';
import { registerNotFound } from './not-found.js';
import { recordRouteTable } from './route-table.js';

export interface AppOptions {
  engine?: Engine;
  logger?: FastifyServerOptions['logger'];
  /** Where packets are rendered: the worker pool in production (main.ts); the calling thread by default. */
  renderer?: Renderer;
  limits?: Partial<ServiceLimits>;
  /** @deprecated use limits.bodyLimitBytes */
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
  const renderer = options.renderer ?? createInProcessRenderer(engine);
  const limits: ServiceLimits = { ...defaultLimits, ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}), ...options.limits };
  const app = Fastify({
    logger: options.logger ?? defaultLogger,
    bodyLimit: limits.bodyLimitBytes,
    // Finish in-flight requests on close (graceful shutdown); idle keep-alive sockets close at once.
    forceCloseConnections: 'idle',
    serverFactory: (handler) => createLimitedServer(handler, limits),
  });
  recordRouteTable(app);
  // An empty JSON body reaches its route as no body at all, so the route's own schema says what is missing
  // (fastify's default parser refuses it before any route knows which fields it needed). Anything else
  // goes to fastify's own parser, prototype-poisoning checks included.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if ((body as string).trim() === '') done(null, undefined);
    else parseJson(request, body as string, done);
  });
  app.setErrorHandler(createErrorHandler(engine.catalogs, { retryAfterSeconds: () => renderer.retryAfterSeconds() }));
  registerNotFound(app);
  await registerSecurityHeaders(app);
  await registerRateLimit(app, limits.rateLimitPerMinute);
  registerApiKeys(app, limits.apiKeys);
  registerHealthRoutes(app, renderer);
  registerPacketRoutes(app, renderer, engine);
  registerBatchRoutes(app, engine, renderer, { threads: Math.max(1, renderer.stats().threads) });
  registerDirectoryRoutes(app, engine);
  registerDocsRoutes(app, engine);
  await registerFormRoutes(app, renderer, engine);
  return app;
}
