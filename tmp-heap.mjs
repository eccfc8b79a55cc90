import { getPreparedEngine } from './dist/engine.js';
import { planBatch } from './dist/batch/plan-batch.js';
import { makeBatch } from './dist/batch/make-batch.js';
import { createZipFileOutput } from './dist/batch/write-batch.js';
import { createInProcessRenderer } from './dist/worker/render-pool.js';
const engine = getPreparedEngine();
const plan = planBatch({ counties: ['all'], languages: ['en', 'es'], variants: ['adult'], paper: 'letter', largePrint: false }, engine, { repeat: Number(process.argv[2] ?? 30) });
const today = new Date('2026-11-27T00:00:00Z');
const mb = (n) => (n / 1048576).toFixed(1);
await makeBatch(plan, { engine, renderer: createInProcessRenderer(engine), outputs: [createZipFileOutput('/tmp/heap.zip', today, { force: true })], window: 4, today,
  onPacket: (done) => { if (done % 580 === 0) { globalThis.gc(); const m = process.memoryUsage(); console.log(done, 'heapUsed', mb(m.heapUsed), 'heapTotal', mb(m.heapTotal), 'external', mb(m.external), 'ab', mb(m.arrayBuffers), 'rss', mb(m.rss)); } } });
