/**
 * The renderer a CLI batch uses: with one job, packets are made on the calling thread (no thread to start);
 * with more, on desk's worker pool (src/worker, piscina), each thread loading the prepared startup file.
 */
import type { Engine } from '../engine.js';
import { createInProcessRenderer, RenderPool } from '../worker/render-pool.js';
import type { BatchRenderer } from './run-batch.js';

export interface ClosableRenderer extends BatchRenderer {
  close(): Promise<void>;
}

/** `window`: packets the batch keeps in flight, so the pool's queue never refuses one of them. */
export async function createBatchRenderer(engine: Engine, jobs: number, window: number): Promise<ClosableRenderer> {
  if (jobs <= 1) return createInProcessRenderer(engine);
  const pool = new RenderPool({ threads: jobs, maxQueue: window, startup: 'prepared' });
  await pool.ready();
  return pool;
}
