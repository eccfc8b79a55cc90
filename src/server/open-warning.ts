/** The start-up warning when /api/* is open to the network: listening beyond loopback with no API keys. */
import { isIP } from 'node:net';

/** Addresses only this machine can connect to: localhost, 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z). */
export function isLoopbackHost(host: string): boolean {
  const address = host.toLowerCase().replace(/^::ffff:/, '');
  if (address === 'localhost' || address === '::1') return true;
  return isIP(address) === 4 && address.startsWith('127.');
}

/**
 * Beyond loopback (a container's 0.0.0.0, a LAN address) anyone who can reach the port can use /api/*:
 * say so once at start-up, where whoever deployed it reads the log.
 */
export function warnIfOpenBeyondLoopback(log: { warn: (object: object, message: string) => void }, host: string, apiKeys: readonly string[]): void {
  if (isLoopbackHost(host) || apiKeys.length > 0) return;
  log.warn({ host }, 'listening beyond loopback without RELEASE_PACKET_API_KEYS: /api/* is open to anyone who can reach this address');
}
