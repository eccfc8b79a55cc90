/**
 * Renders packets on a pool of worker threads (piscina), one per core, behind a bounded queue of our own:
 * a full queue refuses at once (the server answers 503 with Retry-After) instead of letting latency grow,
 * and a job whose client has gone away leaves the queue before it costs a render. A running render is
 * not interrupted (it takes milliseconds; killing its thread would cost a new engine's startup).
 * Used by the server and by batch; `createInProcessRenderer` is the same interface on the calling thread.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { PacketError } from '../errors.js';
import type { Engine } from '../engine.js';
import { fromFailure, type RenderJob } from './render-job.js';
import { runJob } from './run-job.js';
import type { WorkerAnswer } from './render-worker.js';

export interface RendererStats {
  threads: number;
  running: number;
  queued: number;
  maxQueue: number;
}

export interface Renderer {
  /** PDF bytes for format "pdf", the preview's HTML for "html"; a PacketError otherwise. */
  render(job: RenderJob, signal?: AbortSignal): Promise<Uint8Array | string>;
  /** Resolves when every worker has built its engine. */
  ready(): Promise<void>;
  isReady(): boolean;
  stats(): RendererStats;
  /** Every thread busy and the queue full: a job given now would be refused. */
  isFull(): boolean;
  /** Seconds a refused client should wait: the queue ahead of it at the recent pace. */
  retryAfterSeconds(): number;
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  /** Worker threads; default one per core. */
  threads?: number;
  /** Jobs waiting beyond those running; default 32 per thread (about 0.1–0.4 s of work each). */
  maxQueue?: number;
  /**
   * How each worker starts: both load the prepared startup file; 'warm' (the service) also parses and
   * exercises every font at thread start, 'prepared' (a CLI batch, whose threads must be ready at once) not.
   */
  startup?: 'warm' | 'prepared';
  /**
   * Jobs handed to each thread at once (default 1). A batch whose own thread renders too hands two: the
   * second waits inside the worker, which starts it the moment the first is done instead of idling until
   * the busy main thread reads the answer and posts the next.
   */
  jobsPerThread?: number;
}

interface Waiting {
  job: RenderJob;
  signal: AbortSignal | undefined;
  resolve: (value: Uint8Array | string) => void;
  reject: (error: unknown) => void;
  onAbort: () => void;
}

// Under vitest the sources run as TypeScript: the worker then loads its .ts through tsx.
const isSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(`./render-worker.${isSource ? 'ts' : 'js'}`, import.meta.url);

function settle(answer: WorkerAnswer): Uint8Array | string {
  if (typeof answer === 'string' || answer instanceof Uint8Array) return answer;
  if ('failure' in answer) throw fromFailure(answer.failure);
  throw new PacketError('PKT_ERR_INTERNAL', { detail: 'unexpected worker answer' });
}

export function clientGone(): PacketError {
  return new PacketError('PKT_ERR_CLIENT_GONE');
}

export class RenderPool implements Renderer {
  readonly threads: number;
  readonly maxQueue: number;
  /** Jobs running or handed to a thread at most: threads × jobsPerThread. */
  readonly capacity: number;
  private readonly piscina: Piscina;
  private readonly waiting: Waiting[] = [];
  private running = 0;
  /** Moving average of one render, in ms: what Retry-After is estimated from. */
  private averageMs = 20;
  private readonly warmed: Promise<void>;
  private isWarm = false;
  private isClosed = false;

  constructor(options: RenderPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? availableParallelism());
    this.maxQueue = Math.max(0, options.maxQueue ?? this.threads * 32);
    const jobsPerThread = Math.max(1, options.jobsPerThread ?? 1);
    this.capacity = this.threads * jobsPerThread;
    this.piscina = new Piscina({
      filename: workerUrl.href,
      workerData: { startup: options.startup ?? 'warm' },
      minThreads: this.threads,
      maxThreads: this.threads,
      // Workers hold a warmed engine: never let them idle out.
      idleTimeout: Number.MAX_SAFE_INTEGER,
      concurrentTasksPerWorker: jobsPerThread,
      ...(isSource ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
    });
    // One warm-up task per thread: each runs on its own worker, whose module built the engine on load.
    this.warmed = Promise.all(Array.from({ length: this.threads }, () => this.piscina.run({ format: 'warm' }))).then(() => {
      this.isWarm = true;
    });
    this.warmed.catch(() => undefined);
  }

  ready(): Promise<void> {
    return this.warmed;
  }

  isReady(): boolean {
    return this.isWarm && !this.isClosed;
  }

  stats(): RendererStats {
    return { threads: this.threads, running: this.running, queued: this.waiting.length, maxQueue: this.maxQueue };
  }

  isFull(): boolean {
    return this.running >= this.capacity && this.waiting.length >= this.maxQueue;
  }

  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(((this.waiting.length / this.threads) * this.averageMs) / 1000));
  }

  render(job: RenderJob, signal?: AbortSignal): Promise<Uint8Array | string> {
    if (this.isClosed) return Promise.reject(new PacketError('PKT_ERR_BUSY', { detail: 'shutting down' }));
    if (signal?.aborted) return Promise.reject(clientGone());
    if (this.running < this.capacity) return this.dispatch(job);
    if (this.isFull()) return Promise.reject(new PacketError('PKT_ERR_BUSY', { detail: 'render queue full' }));
    return new Promise((resolve, reject) => {
      const waiting: Waiting = {
        job,
        signal,
        resolve,
        reject,
        onAbort: () => {
          const index = this.waiting.indexOf(waiting);
          if (index !== -1) this.waiting.splice(index, 1);
          reject(clientGone());
        },
      };
      signal?.addEventListener('abort', waiting.onAbort, { once: true });
      this.waiting.push(waiting);
    });
  }

  private async dispatch(job: RenderJob): Promise<Uint8Array | string> {
    this.running++;
    const started = performance.now();
    try {
      return settle((await this.piscina.run(job)) as WorkerAnswer);
    } catch (error) {
      // A worker that died mid-render: piscina replaces it; this request gets a 500 without details.
      if (error instanceof PacketError) throw error;
      throw new PacketError('PKT_ERR_INTERNAL', { cause: error, detail: 'render worker failed' });
    } finally {
      this.averageMs = this.averageMs * 0.9 + (performance.now() - started) * 0.1;
      this.running--;
      this.next();
    }
  }

  private next(): void {
    const waiting = this.waiting.shift();
    if (!waiting) return;
    waiting.signal?.removeEventListener('abort', waiting.onAbort);
    this.dispatch(waiting.job).then(waiting.resolve, waiting.reject);
  }

  /** Refuses new work, lets queued and running jobs finish, then stops the threads. */
  async close(): Promise<void> {
    this.isClosed = true;
    while (this.running > 0 || this.waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.piscina.destroy();
  }
}

/** The same interface on the calling thread: the CLI, and tests that do not exercise the pool. */
export function createInProcessRenderer(engine: Engine): Renderer {
  return {
    async render(job, signal) {
      if (signal?.aborted) throw clientGone();
      const outcome = await runJob(job, engine);
      if (!outcome.ok) throw fromFailure(outcome.failure);
      return 'pdf' in outcome ? outcome.pdf : outcome.html;
    },
    ready: async () => undefined,
    isReady: () => true,
    stats: () => ({ threads: 0, running: 0, queued: 0, maxQueue: 0 }),
    isFull: () => false,
    retryAfterSeconds: () => 1,
    close: async () => undefined,
  };
}
