/** The renderer a CLI batch uses: packets made on the calling thread (one job), or on worker threads. */
import type { Engine } from '../engine.js';
import { generatePacket } from '../generate.js';
import type { BatchRenderer } from './run-batch.js';

export interface ClosableRenderer extends BatchRenderer {
  close(): Promise<void>;
}

export function createInProcessBatchRenderer(engine: Engine): ClosableRenderer {
  return {
    async render(job) {
      return generatePacket(job.request, { engine, ...(job.today ? { today: new Date(`${job.today}T00:00:00Z`) } : {}) });
    },
    close: async () => undefined,
  };
}

export async function createBatchRenderer(engine: Engine, _jobs: number): Promise<ClosableRenderer> {
  return createInProcessBatchRenderer(engine);
}
