/**
 * helmet's security headers on every answer, with a Content-Security-Policy the staff form satisfies:
 * scripts and styles only from this origin (no inline script anywhere), forms post only here, never framed.
 * The HTML preview, whose one <style> block is inline, gets its own policy allowing that block by hash.
 *
 * helmet itself, its middleware built once: the @fastify/helmet wrapper builds it anew for every request
 * (parsing the CSP directives each time), which was 7% of the main thread's time answering 503s under
 * load, time /healthz then waited for (docs/PERFORMANCE.md).
 */
import { createHash } from 'node:crypto';
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

export const contentSecurityPolicy = {
  // The service may run on plain HTTP inside a jail's network: upgrading the form's post to https would break it.
  useDefaults: true,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    upgradeInsecureRequests: null,
  },
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const setSecurityHeaders = helmet({ contentSecurityPolicy });
  app.addHook('onRequest', (request, reply, done) => {
    setSecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    // Nothing this service answers may be kept by a cache unless the route says so (public directory data).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

const styleHashes = new Map<string, string>();

/** The preview's policy: no script at all, its inline styles by hash, nothing else loaded. */
export function previewPolicy(html: string): string {
  const sources: string[] = [];
  for (const match of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    const css = match[1]!;
    let hash = styleHashes.get(css);
    if (!hash) {
      hash = `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
      // The preview's stylesheet is a constant of its template: a handful of entries at most.
      if (styleHashes.size < 16) styleHashes.set(css, hash);
    }
    sources.push(hash);
  }
  return `default-src 'none'; style-src ${sources.join(' ') || "'none'"}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
