/**
 * Render threads lower their own priority so the main thread (HTTP, /healthz, the form) is served first when
 * the CPU is contended; the main thread's own priority is left alone.
 */
import { Worker } from 'node:worker_threads';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { currentThreadId, renderThreadNiceSteps } from '../../src/worker/thread-priority.js';

const onLinux = currentThreadId() !== undefined;

describe.runIf(onLinux)('render thread priority', () => {
  it('raises a worker thread nice value by its steps and leaves the main thread as it was', async () => {
    const mainBefore = getPriority(currentThreadId()!);
    // The worker registers tsx itself, then loads the TypeScript module under test.
    const entry = new URL('../support/priority-worker.ts', import.meta.url).href;
    const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
    const answer = await new Promise<{ id: number; before: number; after: number; lowered: boolean }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(answer.lowered).toBe(true);
    expect(answer.id).not.toBe(currentThreadId());
    expect(answer.after).toBe(Math.min(19, answer.before + renderThreadNiceSteps));
    expect(getPriority(currentThreadId()!)).toBe(mainBefore);
  });
});
