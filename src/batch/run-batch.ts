/**
 * Batch run: renders a plan's packets through a renderer (the worker pool, or in-process) with a bounded
 * window in flight, and hands them to the writer in plan order, whatever order the threads finish in, so
 * the output is the same byte for byte with 1 or N threads. Only the window's packets are ever in memory.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PacketError } from '../errors.js';
import type { BatchItem, BatchPlan } from './plan-batch.js';

/** What batch needs of desk's Renderer (src/worker): a request in, PDF bytes out. */
export interface BatchRenderer {
  render(job: { format: 'pdf'; request: unknown; today?: string }, signal?: AbortSignal): Promise<Uint8Array | string>;
}

export interface MadePacket {
  index: number;
  item: BatchItem;
  pdf: Uint8Array;
}

export interface RunOptions {
  renderer: BatchRenderer;
  /** Packets rendering or waiting to be written at once; a few per thread keeps every thread busy. */
  window: number;
  /** "Today" (YYYY-MM-DD) printed on every packet; pinned for reproducible output. */
  today?: string;
  signal?: AbortSignal;
  onPacket?: (done: number, total: number) => void;
}

export function interrupted(): PacketError {
  return new PacketError('PKT_ERR_INTERRUPTED');
}

export async function runBatch(plan: BatchPlan, options: RunOptions, write: (packet: MadePacket) => Promise<void>): Promise<void> {
  const { items } = plan;
  const { renderer, signal } = options;
  const window = Math.max(1, options.window);
  const inFlight = new Map<number, Promise<Uint8Array>>();
  let started = 0;
  const start = (index: number) => {
    const job = { format: 'pdf' as const, request: items[index]!.request, ...(options.today ? { today: options.today } : {}) };
    const pending = renderer.render(job, signal).then((bytes) => {
      if (typeof bytes === 'string') throw new PacketError('PKT_ERR_INTERNAL', { detail: 'renderer answered HTML for a PDF job' });
      return bytes;
    });
    // Awaited in order below; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    inFlight.set(index, pending);
  };
  for (let index = 0; index < items.length; index++) {
    if (signal?.aborted) throw interrupted();
    while (started < items.length && started < index + window) start(started++);
    let pdf: Uint8Array;
    try {
      pdf = await inFlight.get(index)!;
    } catch (error) {
      if (signal?.aborted) throw interrupted();
      throw error;
    } finally {
      inFlight.delete(index);
    }
    if (signal?.aborted) throw interrupted();
    await write({ index, item: items[index]!, pdf });
    options.onPacket?.(index + 1, items.length);
    // Packets rendered on this thread resolve as microtasks only: without a turn of the event loop, Ctrl-C
    // (a signal event) would not be seen until the batch was over.
    await nextTurn();
  }
}
