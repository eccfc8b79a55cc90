/**
 * A pool worker (piscina): builds its engine when the thread starts, then renders one job at a time.
 * A PDF comes back as a moved Uint8Array (its buffer transferred, not copied), a preview as a string,
 * a failure as a plain JobFailure object.
 */
import { workerData } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { getEngine, getPreparedEngine } from '../engine.js';
import { runJob } from './run-job.js';
import type { RenderJob, JobFailure } from './render-job.js';

// At thread start, so the first request a worker takes does not pay the engine's startup.
const engine = (workerData as { startup?: string } | undefined)?.startup === 'prepared' ? getPreparedEngine() : getEngine();

export type WorkerAnswer = Uint8Array | string | { failure: JobFailure } | { startupMs: number };

export default async function render(job: RenderJob | { format: 'warm' }): Promise<WorkerAnswer> {
  if (job.format === 'warm') return { startupMs: engine.startupMs };
  const outcome = await runJob(job, engine);
  if (!outcome.ok) return { failure: outcome.failure };
  if ('html' in outcome) return outcome.html;
  return Piscina.move(outcome.pdf) as unknown as Uint8Array;
}
