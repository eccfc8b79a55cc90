/**
 * A whole batch: the planned packets rendered in order and handed to every output (folder or ZIP, merged
 * PDF), the manifest written last, and on any failure or interruption every output removed.
 */
import type { Engine } from '../engine.js';
import { ManifestBuilder, type Manifest } from './manifest.js';
import { runBatch, type BatchRenderer } from './run-batch.js';
import type { BatchOutput } from './write-batch.js';
import type { BatchPlan, BatchItem } from './plan-batch.js';

export interface BatchSummary {
  packets: number;
  pages: number;
  bytes: number;
  elapsedMs: number;
  manifest: Manifest;
}

export interface MakeBatchOptions {
  engine: Engine;
  renderer: BatchRenderer;
  outputs: BatchOutput[];
  /** Packets in flight; default four per thread. */
  window: number;
  today: Date;
  signal?: AbortSignal;
  onPacket?: (done: number, total: number) => void;
  /** Called once the last packet is made, before the outputs are finished: the CLI stops its worker threads there. */
  afterRendering?: () => Promise<void>;
}

/** The merged PDF's bookmark for a packet: "Fresno — Español / English — youth". */
export function bookmarkTitle(item: BatchItem, engine: Engine): string {
  const county = engine.directory.states.get(engine.stateId)?.countyBySlug.get(item.county)?.name ?? item.county;
  const name = (id: string) => engine.catalogs.locales.get(id)?.meta.name ?? id;
  return `${county} — ${name(item.language)} / ${name(item.secondLanguage)}${item.variant === 'youth' ? ' — youth' : ''}`;
}

export async function makeBatch(plan: BatchPlan, options: MakeBatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const manifest = new ManifestBuilder(plan, options.engine, options.today);
  let pages = 0;
  let bytes = 0;
  try {
    await runBatch(
      plan,
      { renderer: options.renderer, window: options.window, today: options.today.toISOString().slice(0, 10), ...(options.signal ? { signal: options.signal } : {}), ...(options.onPacket ? { onPacket: options.onPacket } : {}) },
      async (packet) => {
        const row = manifest.add(packet.item, packet.pdf);
        pages += row.pages;
        bytes += row.bytes;
        for (const output of options.outputs) await output.add(packet);
      },
    );
    // The threads' heaps are let go before the manifest is written: the batch's peak memory is then the rendering's.
    await options.afterRendering?.();
    const done = manifest.manifest();
    for (const output of options.outputs) await output.finish(done);
    return { packets: plan.items.length, pages, bytes, elapsedMs: performance.now() - started, manifest: done };
  } catch (error) {
    await Promise.all(options.outputs.map((output) => output.abort()));
    throw error;
  }
}

