/**
 * 404s as a problem body, logged without the URL: fastify's default handler logs and echoes
 * "Route GET:/path?query not found", and a URL someone typed or a scanner sent can carry a name in its path
 * or query. The log line keeps method and status only; the body says the route is unknown, nothing more.
 */
import type { FastifyInstance } from 'fastify';
import { PacketError } from '../errors.js';

export function registerNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => {
    // Through the error handler: the same problem+json shape, language and no-store as every other error.
    reply.send(new PacketError('PKT_ERR_NOT_FOUND'));
  });
}
