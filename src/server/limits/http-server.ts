/**
 * The node:http server under fastify, built with the timeouts fastify leaves at 0 (no request timeout)
 * and a connection cap, and with Node's timeout sweep every second instead of every 30 s, so a
 * stalled body is cut within about a second of its deadline.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ServiceLimits } from './service-limits.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export function createLimitedServer(handler: Handler, limits: ServiceLimits): Server {
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: 1_000,
    },
    handler,
  );
  // Socket inactivity: an idle or silent connection is closed, freeing its file descriptor.
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  server.maxConnections = limits.maxConnections;
  if (limits.maxConnectionsPerAddress > 0) capConnectionsPerAddress(server, limits.maxConnectionsPerAddress);
  return server;
}

/** One client address may hold at most `cap` connections; the next is closed at once, leaving room for others. */
function capConnectionsPerAddress(server: Server, cap: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
