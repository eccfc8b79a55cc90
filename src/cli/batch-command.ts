/**
 * `release-packet batch`: generic packets (no personal data; fill-in lines instead) for every county ×
 * language × variant asked for, into a folder or a ZIP, optionally merged into one print-ready PDF, with a
 * manifest. Bad counties, regions or languages are refused before any work; Ctrl-C leaves nothing half-written.
 */
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { getPreparedEngine } from '../engine.js';
import { PacketError } from '../errors.js';
import { creator, todayUtc } from '../generate.js';
import { planBatch, splitList, type BatchVariant } from '../batch/plan-batch.js';
import { bookmarkTitle, makeBatch, type BatchSummary } from '../batch/make-batch.js';
import { createFolderOutput, createMergedOutput, createZipFileOutput, type BatchOutput } from '../batch/write-batch.js';
import { createBatchRenderer, type ClosableRenderer } from '../batch/batch-renderer.js';

export interface BatchFlags {
  counties: string;
  langs: string;
  youth?: string;
  paper?: string;
  largePrint?: boolean;
  out?: string;
  merge?: string;
  jobs?: string;
  force?: boolean;
  today?: string;
  repeat?: string;
}

const variantsFor: Record<string, BatchVariant[]> = { no: ['adult'], both: ['adult', 'youth'], only: ['youth'] };

function usage(path: string, detail: string): PacketError {
  return new PacketError('PKT_ERR_USAGE', { issues: [{ path, messageKey: 'errors:PKT_ERR_USAGE' }], detail });
}

function positiveInteger(value: string | undefined, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw usage(path, `${path} must be a whole number of at least 1`);
  return parsed;
}

function dayOf(value: string | undefined): Date {
  if (value === undefined) return todayUtc();
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) throw usage('--today', '--today must be YYYY-MM-DD');
  return date;
}

/** A bar with an ETA on a terminal; otherwise a plain line at most once a second (logs, CI, pipes). */
function progressReporter(total: number): { update(done: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'batch {bar} {value}/{total} packets | {percentage}% | ETA {eta_formatted}', hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  const started = performance.now();
  let lastLine = 0;
  return {
    update(done) {
      const now = performance.now();
      if (done !== total && now - lastLine < 1000) return;
      lastLine = now;
      const etaSeconds = done > 0 ? Math.round(((now - started) / done) * (total - done) / 1000) : 0;
      process.stderr.write(`release-packet batch: ${done}/${total} packets (${Math.floor((done / total) * 100)}%), ETA ${etaSeconds} s\n`);
    },
    stop() {},
  };
}

function describeSummary(summary: BatchSummary, targets: string[], threads: number): string {
  const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
  return `release-packet batch: ${summary.packets} packets, ${summary.pages} pages, ${megabytes} MB in ${(summary.elapsedMs / 1000).toFixed(1)} s (${threads} thread${threads === 1 ? '' : 's'}) → ${targets.join(', ')}\n`;
}

/**
 * Packets each thread beyond this one must have to make, for its start-up to pay: a worker loads the
 * prepared file and compiles its hot code anew, and two render threads make fewer than twice one's packets
 * on a two-core machine. Measured here with the tiering of src/startup/tiering.ts (2 jobs, a worker against
 * none): 18 packets 0.57 s vs 0.50, 36 packets 0.77 vs 0.69, 58 packets 0.86 vs 0.89, 116 packets 1.30 vs
 * 1.50. RELEASE_PACKET_PACKETS_PER_WORKER changes it (a machine with more, faster cores pays a thread back
 * sooner).
 */
export const defaultPacketsPerWorker = 50;

/** `--jobs` is at most that many threads: one per `packetsPerWorker` packets beyond the first thread. */
export function threadsFor(packets: number, jobs: number, env: NodeJS.ProcessEnv = process.env): number {
  const perWorker = positiveInteger(env.RELEASE_PACKET_PACKETS_PER_WORKER, 'RELEASE_PACKET_PACKETS_PER_WORKER', defaultPacketsPerWorker);
  return Math.max(1, Math.min(jobs, 1 + Math.floor(packets / perWorker)));
}

/**
 * Past this many packets a batch runs long enough for V8's heap sizing to matter more than its speed: by
 * default each isolate lets its heap grow to three times what is live (measured: ~55 MB live, 135–190 MB
 * heap, per thread) and the peak creeps up the longer it runs (1,044 packets 513 MB, 3,480 packets 556 MB,
 * 2 jobs). Growing by at most 25% past what is live: 290, 299 and 316 MB at 1,044, 3,480 and 10,092
 * packets, for ~10% more time, which short batches (116 packets: 0.25 s) do not pay.
 */
export const longBatchPackets = 500;

function boundHeapGrowth(): void {
  // Read by V8 at each full collection, for every isolate (this thread's, and the workers' started next).
  v8.setFlagsFromString('--heap-growing-percent=25');
}

export async function runBatchCommand(flags: BatchFlags): Promise<BatchSummary> {
  if (!flags.out && !flags.merge) throw usage('--out', 'give --out (a folder or a .zip file), --merge (a .pdf file), or both');
  const variants = variantsFor[flags.youth ?? 'no'];
  if (!variants) throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '--youth', messageKey: 'errors:field.choice', params: { choices: 'no, both, only' } }] });
  const paper = flags.paper ?? 'letter';
  if (paper !== 'letter' && paper !== 'a4') throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '--paper', messageKey: 'errors:field.choice', params: { choices: 'letter, a4' } }] });
  const jobs = positiveInteger(flags.jobs, '--jobs', availableParallelism());
  const repeat = positiveInteger(flags.repeat, '--repeat', 1);
  const today = dayOf(flags.today);
  if (flags.merge && !flags.merge.toLowerCase().endsWith('.pdf')) throw usage('--merge', '--merge names a .pdf file');
  const engine = getPreparedEngine();
  // Everything is checked here, before a file is opened or a packet made.
  const plan = planBatch({ counties: splitList(flags.counties), languages: splitList(flags.langs), variants, paper, largePrint: flags.largePrint === true }, engine, { repeat });
  if (plan.items.length > longBatchPackets) boundHeapGrowth();

  const force = flags.force === true;
  const outputs: BatchOutput[] = [];
  const targets: string[] = [];
  const signal = new AbortController();
  const onInterrupt = () => signal.abort();
  process.once('SIGINT', onInterrupt);
  const threads = threadsFor(plan.items.length, jobs);
  const window = threads * 4;
  let renderer: ClosableRenderer | undefined;
  let progress: ReturnType<typeof progressReporter> | undefined;
  try {
    if (flags.out) {
      outputs.push(flags.out.toLowerCase().endsWith('.zip') ? createZipFileOutput(flags.out, today, { force }) : createFolderOutput(flags.out, plan, { force }));
      targets.push(flags.out);
    }
    if (flags.merge) {
      outputs.push(await createMergedOutput(flags.merge, (packet) => bookmarkTitle(packet.item, engine), { title: `Release packets (${plan.items.length})`, creator, date: today }, { force }));
      targets.push(basename(flags.merge));
    }
    // Threads start only once the outputs are known to be writable; this thread starts making packets at once.
    renderer = createBatchRenderer(engine, threads, window);
    const bar = progressReporter(plan.items.length);
    progress = bar;
    const running = renderer;
    const summary = await makeBatch(plan, { engine, renderer, outputs, window, today, signal: signal.signal, onPacket: (done) => bar.update(done), afterRendering: () => running.close() });
    bar.stop();
    process.stderr.write(describeSummary(summary, targets, threads));
    return summary;
  } catch (error) {
    progress?.stop();
    await Promise.all(outputs.map((output) => output.abort()));
    throw error;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    await renderer?.close();
  }
}
