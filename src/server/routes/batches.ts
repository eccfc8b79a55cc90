/**
 * POST /api/v1/batches {counties, languages, variants, paper, largePrint} → application/zip, streamed as
 * the packets are made: generic packets (fill-in lines, no personal data) and the manifest last. The
 * packets go through the same renderer (worker pool, queue and its limits) as single packets, a few at a
 * time; a client that disconnects stops the batch and its queued packets.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import type { Renderer } from '../../worker/render-pool.js';
import { PacketError, type FieldIssue } from '../../errors.js';
import { todayUtc } from '../../generate.js';
import { planBatch, batchVariants } from '../../batch/plan-batch.js';
import { ManifestBuilder } from '../../batch/manifest.js';
import { runBatch } from '../../batch/run-batch.js';
import { createZipStream } from '../../batch/write-batch.js';
import { clientSignal } from './packets.js';
import { missingBodyIssues } from '../../request/parse-request.js';

/** 58 counties × 4 languages × 2 variants fit; past that, ask for several batches. */
export const maxPacketsPerBatch = 500;

const listOfNames = z.array(z.string().min(1).max(40)).min(1).max(100);
/** The body of a batch request; /openapi.json documents it from this same schema. */
export const batchRequestSchema = z.strictObject({
  counties: listOfNames,
  languages: listOfNames,
  variants: z.array(z.enum(batchVariants)).min(1).max(2).default(['adult']),
  paper: z.enum(['letter', 'a4']).default('letter'),
  largePrint: z.boolean().default(false),
});

function parseBatchRequest(body: unknown) {
  if (body === undefined) {
    const issues = missingBodyIssues(batchRequestSchema, '');
    throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues, detail: issues.map((issue) => `${issue.path || '(body)'} ${issue.messageKey}`).join('; ') });
  }
  const parsed = batchRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    messageKey: issue.code === 'unrecognized_keys' ? 'errors:field.unknown' : issue.code === 'invalid_value' ? 'errors:field.choice' : 'errors:field.invalid',
    ...(issue.code === 'invalid_value' ? { params: { choices: issue.values.join(', ') } } : {}),
  }));
  throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues, detail: issues.map((issue) => `${issue.path || '(root)'} ${issue.messageKey}`).join('; ') });
}

export function registerBatchRoutes(app: FastifyInstance, engine: Engine, renderer: Renderer, options: { threads: number }): void {
  app.post('/api/v1/batches', async (request, reply) => {
    const body = parseBatchRequest(request.body);
    const lowerCase = (names: string[]) => names.map((name) => name.trim().toLowerCase());
    // Every county, region and language is checked before the first byte of the answer.
    const plan = planBatch({ counties: lowerCase(body.counties), languages: lowerCase(body.languages), variants: body.variants, paper: body.paper, largePrint: body.largePrint }, engine);
    if (plan.items.length > maxPacketsPerBatch) {
      throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: 'counties', messageKey: 'errors:field.tooMany', params: { maximum: maxPacketsPerBatch } }], detail: `${plan.items.length} packets` });
    }
    const stats = renderer.stats();
    if (stats.maxQueue > 0 && stats.queued >= stats.maxQueue) throw new PacketError('PKT_ERR_BUSY', { detail: 'render queue full' });

    const signal = clientSignal(reply);
    const today = todayUtc();
    const zipBody = new PassThrough();
    const zip = createZipStream(zipBody, today);
    const manifest = new ManifestBuilder(plan, engine, today);
    // Two packets per thread in flight: the pool stays busy without one batch filling the shared queue.
    const window = Math.max(2, options.threads * 2);
    void (async () => {
      try {
        await runBatch(plan, { renderer, window, signal }, async (packet) => {
          manifest.add(packet.item, packet.pdf);
          await zip.add(packet.item.file, packet.pdf);
        });
        await zip.addManifest(manifest.manifest());
        await zip.end();
      } catch (error) {
        // Headers are gone: a cut stream is the only way left to say the ZIP is incomplete.
        if (!signal.aborted) request.log.error({ code: error instanceof PacketError ? error.code : 'PKT_ERR_INTERNAL' }, 'batch failed mid-stream');
        zipBody.destroy(error instanceof Error ? error : undefined);
      }
    })();
    return reply
      .header('cache-control', 'no-store')
      .type('application/zip')
      .header('content-disposition', `attachment; filename="release-packets-${plan.items.length}.zip"`)
      .send(zipBody);
  });
}
