/**
 * The renderer a CLI batch uses. `--jobs N` is N threads making packets: this thread and N-1 workers of
 * desk's pool (src/worker, piscina), each worker loading the prepared startup file. This thread makes
 * packets from the first one on, while the workers start: a worker costs a start-up and a cold JIT that
 * a batch of a hundred packets does not pay back if every thread waits for it (116 packets: 1.57 s with
 * one job, 1.96 s with two worker threads that both had to start). Which thread made a packet never
 * changes its bytes (tests/batch/batch-renderer.test.ts).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Engine } from '../engine.js';
import { createInProcessRenderer, RenderPool, type Renderer } from '../worker/render-pool.js';
import type { RenderJob } from '../worker/render-job.js';
import type { BatchRenderer } from './run-batch.js';

export interface ClosableRenderer extends BatchRenderer {
  close(): Promise<void>;
}

interface Queued {
  job: RenderJob;
  signal: AbortSignal | undefined;
  resolve: (value: Uint8Array | string) => void;
  reject: (error: unknown) => void;
}

/** Who made how many packets: what the tests read to see that both kinds of hands worked. */
export interface SharedWorkCounts {
  here: number;
  pool: number;
}

/**
 * One queue, in plan order, served by two kinds of hands: an idle, ready pool thread takes the next job;
 * this thread takes the next one between turns of its event loop (so worker answers, writes and Ctrl-C
 * are seen between packets). Both take from the front, so packets finish close to plan order and the
 * batch's window of packets in memory stays small.
 */
export class SharedWorkRenderer implements ClosableRenderer {
  readonly counts: SharedWorkCounts = { here: 0, pool: 0 };
  private readonly queue: Queued[] = [];
  private readonly here: Renderer;
  private isHereScheduled = false;

  constructor(
    engine: Engine,
    private readonly pool: RenderPool,
  ) {
    this.here = createInProcessRenderer(engine);
    // A thread still starting takes nothing: its first job would wait for it while this thread could make it.
    pool.ready().then(
      () => this.dispatch(),
      () => undefined,
    );
  }

  render(job: RenderJob, signal?: AbortSignal): Promise<Uint8Array | string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, signal, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.pool.isReady() && this.pool.stats().running < this.pool.capacity) {
      const next = this.queue.shift()!;
      this.counts.pool++;
      this.pool
        .render(next.job, next.signal)
        .then(next.resolve, next.reject)
        .finally(() => this.dispatch());
    }
    if (this.queue.length > 0 && !this.isHereScheduled) {
      this.isHereScheduled = true;
      void nextTurn().then(() => this.renderOneHere());
    }
  }

  private async renderOneHere(): Promise<void> {
    this.isHereScheduled = false;
    const next = this.queue.shift();
    if (next) {
      this.counts.here++;
      await this.here.render(next.job, next.signal).then(next.resolve, next.reject);
    }
    this.dispatch();
  }

  private closing: Promise<void> | undefined;

  /** Stops the worker threads; a second call (the batch's end, then its cleanup) waits for the first. */
  close(): Promise<void> {
    this.closing ??= this.pool.close();
    return this.closing;
  }
}

/** `window`: packets the batch keeps in flight, so the pool's queue never refuses one of them. */
export function createBatchRenderer(engine: Engine, jobs: number, window: number): ClosableRenderer {
  if (jobs <= 1) return createInProcessRenderer(engine);
  // Two jobs handed to each worker: this thread, busy rendering, reads a worker's answer only between its own
  // packets, and a worker holding its next job does not wait for that (1,044 packets: 9.4 s → 8.3 s).
  return new SharedWorkRenderer(engine, new RenderPool({ threads: jobs - 1, maxQueue: window, startup: 'prepared', jobsPerThread: 2 }));
}
