/** POST /api/v1/packets: PacketRequest JSON → the PDF, or the HTML preview for Accept: text/html. */
import type { FastifyInstance } from 'fastify';
import { generatePacket, generatePreview } from '../../generate.js';
import type { Engine } from '../../engine.js';
import { PacketError } from '../../errors.js';
import { negotiatePacketType } from '../negotiate.js';


/** The download's file name says what the packet is for, never who: names stay out of headers and disks. */
function fileNameFor(body: unknown): string {
  const { county, language } = (body ?? {}) as { county?: unknown; language?: unknown };
  const safe = (value: unknown, fallback: string) => (typeof value === 'string' && /^[a-z-]{1,40}$/i.test(value) ? value : fallback);
  return `release-packet-${safe(county, 'county')}-${safe(language, 'en')}.pdf`;
}

export function registerPacketRoutes(app: FastifyInstance, engine: Engine): void {
  app.post('/api/v1/packets', async (request, reply) => {
    reply.header('cache-control', 'no-store').header('vary', 'Accept');
    const mediaType = negotiatePacketType(request.headers.accept);
    if (!mediaType) throw new PacketError('PKT_ERR_NOT_ACCEPTABLE');
    if (mediaType === 'text/html') {
      return reply.type('text/html; charset=utf-8').send(generatePreview(request.body, { engine }));
    }
    const bytes = await generatePacket(request.body, { engine });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileNameFor(request.body)}"`)
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
