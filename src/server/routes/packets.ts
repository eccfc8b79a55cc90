/** POST /api/v1/packets: PacketRequest JSON → the PDF, or the HTML preview for Accept: text/html. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Renderer } from '../../worker/render-pool.js';
import { PacketError } from '../../errors.js';
import { previewPolicy } from '../limits/security-headers.js';
import { negotiatePacketType } from '../negotiate.js';
import type { Engine } from '../../engine.js';
import { vocabularyOf } from '../../generate.js';
import type { RequestVocabulary } from '../../request/schema.js';
import { resolveCounty, resolveLanguage } from '../../request/resolve-names.js';


/**
 * The download's file name says what the packet is for, never who: names stay out of headers and disks.
 * County and language as the packet resolved them ("Los Angeles", "es-MX" → los-angeles, es).
 */
export function fileNameFor(body: unknown, vocabulary: RequestVocabulary): string {
  const { county, language } = (body ?? {}) as { county?: unknown; language?: unknown };
  const countySlug = typeof county === 'string' ? resolveCounty(county, vocabulary.counties ?? []) : undefined;
  const languageId = typeof language === 'string' ? resolveLanguage(language, vocabulary.locales ?? []) : 'en';
  return `release-packet-${countySlug ?? 'county'}-${languageId ?? 'en'}.pdf`;
}

/** Aborted when the client closes its connection before the answer: its queued work is then dropped. */
export function clientSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

export function sendPdf(reply: FastifyReply, bytes: Uint8Array, disposition: 'attachment' | 'inline', fileName: string) {
  return reply
    .header('cache-control', 'no-store')
    .type('application/pdf')
    .header('content-disposition', `${disposition}; filename="${fileName}"`)
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

export function sendPreview(reply: FastifyReply, html: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-security-policy', previewPolicy(html))
    .type('text/html; charset=utf-8')
    .send(html);
}

export function registerPacketRoutes(app: FastifyInstance, renderer: Renderer, engine: Engine): void {
  const vocabulary = vocabularyOf(engine);
  app.post('/api/v1/packets', {
    // A full queue refuses before the body is read and parsed: under a flood of clients, each refusal then
    // costs the main thread less, and /healthz and the packets in the queue wait less for it.
    onRequest: async () => {
      if (renderer.isFull()) throw new PacketError('PKT_ERR_BUSY', { detail: 'render queue full' });
    },
  }, async (request, reply) => {
    reply.header('vary', 'Accept');
    const mediaType = negotiatePacketType(request.headers.accept);
    if (!mediaType) throw new PacketError('PKT_ERR_NOT_ACCEPTABLE');
    const signal = clientSignal(reply);
    if (mediaType === 'text/html') {
      return sendPreview(reply, (await renderer.render({ format: 'html', request: request.body }, signal)) as string);
    }
    const bytes = (await renderer.render({ format: 'pdf', request: request.body }, signal)) as Uint8Array;
    return sendPdf(reply, bytes, 'attachment', fileNameFor(request.body, vocabulary));
  });
}
