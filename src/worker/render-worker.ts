/**
 * A pool worker (piscina): builds its engine when the thread starts, then renders one job at a time.
 * A PDF comes back as a moved Uint8Array (its buffer transferred, not copied), a preview as a string,
 * a failure as a plain JobFailure object.
 */
import { workerData } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { getPreparedEngine } from '../engine.js';
import { warmFaces } from '../layout/shape.js';
import { runJob } from './run-job.js';
import type { RenderJob, JobFailure } from './render-job.js';

// Both start from the prepared file (or compute it, if stale): shaped words stay packed until used. A service
// worker ('warm') also parses and exercises every font at thread start, so its first request with a name in
// any script pays no start-up; a CLI batch's packets hold no names, and its threads must be ready at once.
const engine = getPreparedEngine();
if ((workerData as { startup?: string } | undefined)?.startup !== 'prepared') warmFaces(engine.fontSet);

export type WorkerAnswer = Uint8Array | string | { failure: JobFailure } | { startupMs: number };

export default async function render(job: RenderJob | { format: 'warm' }): Promise<WorkerAnswer> {
  if (job.format === 'warm') return { startupMs: engine.startupMs };
  const outcome = await runJob(job, engine);
  if (!outcome.ok) return { failure: outcome.failure };
  if ('html' in outcome) return outcome.html;
  return Piscina.move(outcome.pdf) as unknown as Uint8Array;
}
