/**
 * The service's limits in one place, with defaults and their environment variables (README, Deployment).
 * Each bound answers a way the service was seen to fail: connections held open without a body, a
 * Content-Length larger than the body, one client flooding the queue, a key that did nothing.
 */
export interface ServiceLimits {
  /** Largest accepted body: a PacketRequest is a few hundred bytes, five contacts at most a few KiB. */
  bodyLimitBytes: number;
  /** Whole request (headers and body) must arrive within this; a short body with a long Content-Length is cut here. */
  requestTimeoutMs: number;
  /** Headers must arrive within this (slow-header clients). */
  headersTimeoutMs: number;
  /** A socket with no traffic for this long is closed. */
  idleTimeoutMs: number;
  /** Keep-alive connections wait this long for the next request. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; beyond, new ones are refused by the kernel's accept queue. */
  maxConnections: number;
  /**
   * Open connections from one client address at most (0: no per-address cap). Without it one client can hold
   * every connection up to maxConnections and /healthz cannot get in (seen in tests/abuse). Behind a reverse
   * proxy every request comes from the proxy's address: raise it to the proxy's pool size, or set 0.
   */
  maxConnectionsPerAddress: number;
  /** Requests per minute per client address (0: no limit). /healthz and /readyz are exempt. */
  rateLimitPerMinute: number;
  /** When non-empty, /api/* needs one of these keys (Authorization: Bearer or X-API-Key). */
  apiKeys: string[];
  /** On SIGTERM/SIGINT, in-flight requests get this long before connections are cut. */
  shutdownGraceMs: number;
}

export const defaultLimits: ServiceLimits = {
  bodyLimitBytes: 64 * 1024,
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  idleTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
  maxConnectionsPerAddress: 256,
  rateLimitPerMinute: 600,
  apiKeys: [],
  shutdownGraceMs: 10_000,
};

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, allowZero = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new Error(`${name} must be a whole number${allowZero ? '' : ' above 0'}, got "${raw}"`);
  return value;
}

/** Reads RELEASE_PACKET_* variables; a malformed value stops start-up with its name rather than being ignored. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceLimits {
  return {
    bodyLimitBytes: positiveInteger(env, 'RELEASE_PACKET_BODY_LIMIT_BYTES', defaultLimits.bodyLimitBytes),
    requestTimeoutMs: positiveInteger(env, 'RELEASE_PACKET_REQUEST_TIMEOUT_MS', defaultLimits.requestTimeoutMs),
    headersTimeoutMs: positiveInteger(env, 'RELEASE_PACKET_HEADERS_TIMEOUT_MS', defaultLimits.headersTimeoutMs),
    idleTimeoutMs: positiveInteger(env, 'RELEASE_PACKET_IDLE_TIMEOUT_MS', defaultLimits.idleTimeoutMs),
    keepAliveTimeoutMs: positiveInteger(env, 'RELEASE_PACKET_KEEP_ALIVE_TIMEOUT_MS', defaultLimits.keepAliveTimeoutMs),
    maxConnections: positiveInteger(env, 'RELEASE_PACKET_MAX_CONNECTIONS', defaultLimits.maxConnections),
    maxConnectionsPerAddress: positiveInteger(env, 'RELEASE_PACKET_MAX_CONNECTIONS_PER_ADDRESS', defaultLimits.maxConnectionsPerAddress, true),
    rateLimitPerMinute: positiveInteger(env, 'RELEASE_PACKET_RATE_LIMIT', defaultLimits.rateLimitPerMinute, true),
    apiKeys: (env.RELEASE_PACKET_API_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    shutdownGraceMs: positiveInteger(env, 'RELEASE_PACKET_SHUTDOWN_GRACE_MS', defaultLimits.shutdownGraceMs),
  };
}
