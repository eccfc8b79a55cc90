/** POST /api/v1/packets: PacketRequest JSON → the PDF, or the HTML preview for Accept: text/html. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Renderer } from '../../worker/render-pool.js';
import { PacketError } from '../../errors.js';
import { previewPolicy } from '../limits/security-headers.js';
import { negotiatePacketType } from '../negotiate.js';


/** The download's file name says what the packet is for, never who: names stay out of headers and disks. */
export function fileNameFor(body: unknown): string {
  const { county, language } = (body ?? {}) as { county?: unknown; language?: unknown };
  const safe = (value: unknown, fallback: string) => (typeof value === 'string' && /^[a-z-]{1,40}$/i.test(value) ? value : fallback);
  return `release-packet-${safe(county, 'county')}-${safe(language, 'en')}.pdf`;
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

export function registerPacketRoutes(app: FastifyInstance, renderer: Renderer): void {
  app.post('/api/v1/packets', async (request, reply) => {
    reply.header('vary', 'Accept');
    const mediaType = negotiatePacketType(request.headers.accept);
    if (!mediaType) throw new PacketError('PKT_ERR_NOT_ACCEPTABLE');
    const signal = clientSignal(reply);
    if (mediaType === 'text/html') {
      return sendPreview(reply, (await renderer.render({ format: 'html', request: request.body }, signal)) as string);
    }
    const bytes = (await renderer.render({ format: 'pdf', request: request.body }, signal)) as Uint8Array;
    return sendPdf(reply, bytes, 'attachment', fileNameFor(request.body));
  });
}
