/** One render job against an engine: the work a pool worker (or the main thread, in-process) does. */
import { generatePacket, generatePreview } from '../generate.js';
import type { Engine } from '../engine.js';
import { toFailure, type RenderJob, type RenderOutcome } from './render-job.js';

export async function runJob(job: RenderJob, engine: Engine): Promise<RenderOutcome> {
  const options = { engine, ...(job.today ? { today: new Date(`${job.today}T00:00:00Z`) } : {}) };
  try {
    if (job.format === 'html') return { ok: true, html: generatePreview(job.request, options) };
    return { ok: true, pdf: await generatePacket(job.request, options) };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  }
}
