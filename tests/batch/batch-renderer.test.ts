/**
 * The CLI batch's renderer with more than one job: this thread and the pool's workers take packets from
 * one queue, this thread from the start (while the workers start), and every packet has the bytes this
 * thread alone would have made, in plan order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { planBatch } from '../../src/batch/plan-batch.js';
import { runBatch, type BatchRenderer } from '../../src/batch/run-batch.js';
import { makeBatch } from '../../src/batch/make-batch.js';
import { SharedWorkRenderer } from '../../src/batch/batch-renderer.js';
import { defaultPacketsPerWorker, threadsFor } from '../../src/cli/batch-command.js';
import { createInProcessRenderer, RenderPool } from '../../src/worker/render-pool.js';

const engine = getEngine();
const today = '2026-11-27';
const plan = planBatch({ counties: ['alpine', 'fresno', 'modoc'], languages: ['en', 'es'], variants: ['adult', 'youth'], paper: 'letter', largePrint: false }, engine);
const pools: RenderPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

async function renderAll(renderer: BatchRenderer): Promise<Uint8Array[]> {
  const made: Uint8Array[] = [];
  await runBatch(plan, { renderer, window: 4, today }, async (packet) => {
    expect(packet.index).toBe(made.length);
    made.push(packet.pdf);
  });
  return made;
}

describe('a batch with this thread and a worker making packets', () => {
  it('makes the first packet here while the worker is still starting', async () => {
    const pool = new RenderPool({ threads: 1, maxQueue: 4, startup: 'prepared' });
    pools.push(pool);
    const renderer = new SharedWorkRenderer(engine, pool);
    const first = await renderer.render({ format: 'pdf', request: plan.items[0]!.request, today });
    expect(first).toBeInstanceOf(Uint8Array);
    expect(renderer.counts).toEqual({ here: 1, pool: 0 });
  });

  it('shares the packets with a ready worker, and each is the same bytes as made on this thread alone', async () => {
    const pool = new RenderPool({ threads: 1, maxQueue: 4, startup: 'prepared' });
    pools.push(pool);
    await pool.ready();
    const renderer = new SharedWorkRenderer(engine, pool);
    const shared = await renderAll(renderer);
    const alone = await renderAll(createInProcessRenderer(engine));
    expect(shared).toHaveLength(plan.items.length);
    expect(renderer.counts.pool).toBeGreaterThan(0);
    expect(renderer.counts.here).toBeGreaterThan(0);
    expect(renderer.counts.here + renderer.counts.pool).toBe(plan.items.length);
    shared.forEach((pdf, index) => expect(Buffer.from(pdf).equals(Buffer.from(alone[index]!)), plan.items[index]!.file).toBe(true));
  }, 120_000);
});

describe('how many threads a batch starts', () => {
  it('starts a worker only for every 50 packets, up to --jobs', () => {
    expect(defaultPacketsPerWorker).toBe(50);
    expect(threadsFor(18, 2, {})).toBe(1);
    expect(threadsFor(49, 2, {})).toBe(1);
    expect(threadsFor(50, 2, {})).toBe(2);
    expect(threadsFor(116, 2, {})).toBe(2);
    expect(threadsFor(10_092, 8, {})).toBe(8);
    expect(threadsFor(160, 8, {})).toBe(4);
    expect(threadsFor(10_092, 1, {})).toBe(1);
  });

  it('takes another measure from RELEASE_PACKET_PACKETS_PER_WORKER, and refuses a value that is not one', () => {
    expect(threadsFor(8, 2, { RELEASE_PACKET_PACKETS_PER_WORKER: '1' })).toBe(2);
    expect(() => threadsFor(8, 2, { RELEASE_PACKET_PACKETS_PER_WORKER: 'lots' })).toThrow(/RELEASE_PACKET_PACKETS_PER_WORKER/);
  });
});

describe('when a batch lets its threads go', () => {
  it('closes the renderer after the last packet and before any output is finished, once however often asked', async () => {
    const events: string[] = [];
    const pool = new RenderPool({ threads: 1, maxQueue: 4, startup: 'prepared' });
    const renderer = new SharedWorkRenderer(engine, pool);
    const closePool = pool.close.bind(pool);
    pool.close = () => (events.push('threads closed'), closePool());
    const small = planBatch({ counties: ['alpine'], languages: ['en', 'es'], variants: ['adult'], paper: 'letter', largePrint: false }, engine);
    const output = { add: async () => void events.push('packet'), finish: async () => void events.push('finish'), abort: async () => void events.push('abort') };
    await makeBatch(small, { engine, renderer, outputs: [output], window: 2, today: new Date(`${today}T00:00:00Z`), afterRendering: () => renderer.close() });
    await renderer.close();
    expect(events).toEqual(['packet', 'packet', 'threads closed', 'finish']);
  });
});
