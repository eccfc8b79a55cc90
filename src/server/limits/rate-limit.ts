/** Requests per minute per client address (@fastify/rate-limit); over the limit, 429 problem+json with Retry-After. */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { PacketError } from '../../errors.js';

/** Probes from a load balancer or orchestrator must never be refused. */
const exemptRoutes = new Set(['/healthz', '/readyz']);

export async function registerRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    allowList: (request) => exemptRoutes.has(request.url.split('?')[0]!),
    // The thrown error reaches our error handler, which writes the problem body in the reader's language.
    errorResponseBuilder: () => new PacketError('PKT_ERR_RATE_LIMITED'),
  });
}
