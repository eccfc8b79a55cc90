/**
 * Optional API keys for /api/* (RELEASE_PACKET_API_KEYS, comma-separated). Keys are compared as SHA-256
 * digests with timingSafeEqual, so neither a key's length nor its prefix leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PacketError } from '../../errors.js';

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

export function registerApiKeys(app: FastifyInstance, keys: readonly string[]): void {
  if (keys.length === 0) return;
  const digests = keys.map(digest);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const key = presentedKey(request);
    const presented = key === undefined ? undefined : digest(key);
    // Every stored key is compared, matched or not, so the time taken does not say which one is close.
    let isKnown = false;
    for (const known of digests) if (presented && timingSafeEqual(known, presented)) isKnown = true;
    if (!isKnown) {
      reply.header('www-authenticate', 'Bearer realm="release-packet"');
      throw new PacketError('PKT_ERR_UNAUTHORIZED');
    }
  });
}
