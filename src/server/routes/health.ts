/**
 * GET /healthz (the process answers: liveness) and GET /readyz (every render worker is warm and the
 * service is not shutting down: send traffic here). Both answer from the main thread, never queued.
 */
import type { FastifyInstance } from 'fastify';
import type { Renderer } from '../../worker/render-pool.js';

export function registerHealthRoutes(app: FastifyInstance, renderer: Renderer): void {
  let isClosing = false;
  app.addHook('onClose', async () => {
    isClosing = true;
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const isReady = renderer.isReady() && !isClosing;
    return reply.code(isReady ? 200 : 503).send({ status: isReady ? 'ready' : 'starting', workers: renderer.stats() });
  });
}
