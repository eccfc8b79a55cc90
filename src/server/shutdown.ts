/**
 * Graceful shutdown: stop accepting, let in-flight requests finish, then stop the render workers.
 * A connection that stalls (a body that never ends) cannot hold the process: after the grace period
 * every remaining connection is cut.
 */
import type { FastifyInstance } from 'fastify';
import type { Renderer } from '../worker/render-pool.js';

export async function closeGracefully(app: FastifyInstance, renderer: Renderer, graceMs: number): Promise<void> {
  const deadline = setTimeout(() => app.server.closeAllConnections(), graceMs);
  deadline.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(deadline);
  }
  await renderer.close();
}
