/**
 * Benchmark of whole processes (issue 10): one packet through the CLI against a cold Chromium launch
 * printing the same preview; 116 packets (58 counties × en, es) to a ZIP with 2 jobs against one warm
 * Chromium printing the 116 previews (launch included); identical ZIP bytes with 1 and 2 jobs; peak RSS
 * at 10,000 packets against 1,000. Ratios are measured in one run, on the same machine, at the same time.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../engine.js';
import { generatePreview } from '../generate.js';
import { projectPath } from '../project-paths.js';

// The command as installed (package.json "bin"): the one-file build of `npm run build`.
const cli = projectPath(JSON.parse(readFileSync(projectPath('package.json'), 'utf8')).bin['release-packet'] as string);
const peakRss = new URL('./peak-rss.js', import.meta.url).href;
const fixedDay = '2026-11-27';
const folder = mkdtempSync(join(tmpdir(), 'release-packet-bench-'));

interface ProcessRun {
  ms: number;
  peakMb: number;
}

function runCli(args: string[], env: Record<string, string> = {}): ProcessRun {
  const started = performance.now();
  // Run as installed: the file itself, so its first line's node flags apply; the peak-RSS hook rides in NODE_OPTIONS.
  const result = spawnSync(cli, args, { encoding: 'utf8', env: { ...process.env, ...env, NODE_OPTIONS: `--import=${peakRss}` } });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`release-packet ${args[0]} failed (${result.status}): ${result.stderr}`);
  const kb = Number(/peak-rss-kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { ms, peakMb: kb / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function medianRun(runs: number, args: () => string[], env: Record<string, string> = {}): ProcessRun {
  const results = Array.from({ length: runs }, () => runCli(args(), env));
  return { ms: median(results.map((run) => run.ms)), peakMb: median(results.map((run) => run.peakMb)) };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function launchChromium() {
  const playwright = await import('playwright-core');
  return playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh Chromium each time: launch, print one preview, close. */
async function coldChromium(html: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.setContent(html);
    await page.pdf({ format: 'Letter' });
    await browser.close();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** One Chromium printing every preview in turn, its launch included. */
async function warmChromium(previews: string[]): Promise<number> {
  const started = performance.now();
  const browser = await launchChromium();
  const page = await browser.newPage();
  for (const html of previews) {
    await page.setContent(html);
    await page.pdf({ format: 'Letter' });
  }
  await browser.close();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_PROCESS_RUNS ?? 7);
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  try {
    // Builds (or checks) the prepared startup file first, as `npm run build` does.
    runCli(['generate', '--county', 'fresno', '--out', join(folder, 'warm-up.pdf'), '--force']);
    const one = medianRun(runs, () => ['generate', '--county', 'los-angeles', '--lang', 'es', '--out', join(folder, 'one.pdf'), '--force']);

    const engine = createEngine();
    const today = new Date(`${fixedDay}T00:00:00Z`);
    const preview = generatePreview({ county: 'los-angeles', language: 'es' }, { engine, today });
    const cold = await coldChromium(preview, Math.max(3, Math.floor(runs / 2)));

    const batchArgs = (jobs: number, out: string) => ['batch', '--counties', 'all', '--langs', 'en,es', '--jobs', String(jobs), '--out', out, '--today', fixedDay, '--force'];
    // As installed, `--jobs 2`: this thread and a worker (116 packets pay one); then one thread alone, whose
    // bytes the two threads' must equal.
    const two = medianRun(Math.max(3, Math.floor(runs / 2)), () => batchArgs(2, join(folder, 'two.zip')));
    const oneJob = medianRun(Math.max(3, Math.floor(runs / 2)), () => batchArgs(1, join(folder, 'one-job.zip')));
    const isSame = sha256(join(folder, 'two.zip')) === sha256(join(folder, 'one-job.zip'));

    const counties = engine.directory.states.get(engine.stateId)!.counties.map((county) => county.slug);
    const previews = counties.flatMap((county) => ['en', 'es'].map((language) => generatePreview({ county, language, print: { fillIn: true } }, { engine, today })));
    const warm = await warmChromium(previews);

    // 9 and 87 rounds of the 116: 1,044 and 10,092 packets. A peak depends on when collections happen to fall:
    // the median of a few runs of each, taken in turns.
    const longRuns = Math.max(1, Number(process.env.BENCH_LONG_RUNS ?? 3));
    const repeated = (rounds: number) => {
      const run = runCli(['batch', '--counties', 'all', '--langs', 'en,es', '--jobs', '2', '--repeat', String(rounds), '--out', join(folder, `r${rounds}.zip`), '--today', fixedDay, '--force']);
      rmSync(join(folder, `r${rounds}.zip`), { force: true });
      return run;
    };
    const smallRuns: ProcessRun[] = [];
    const largeRuns: ProcessRun[] = [];
    for (let run = 0; run < longRuns; run++) {
      smallRuns.push(repeated(9));
      largeRuns.push(repeated(87));
    }
    const medianOf = (runs: ProcessRun[]): ProcessRun => ({ ms: median(runs.map((run) => run.ms)), peakMb: median(runs.map((run) => run.peakMb)) });
    const small = medianOf(smallRuns);
    const large = medianOf(largeRuns);

    say('');
    say(`Whole processes, ${new Date().toISOString().slice(0, 10)}, ${runs} runs (medians); load average at the end: ${(await import('node:os')).loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    say('');
    say('| path | wall ms | peak RSS MB | goal |');
    say('|---|---|---|---|');
    say(`| CLI, one packet (generate, whole process) | ${one.ms.toFixed(0)} | ${one.peakMb.toFixed(0)} | ≤ 300 ms, ≤ 100 MB |`);
    say(`| cold Chromium: launch, print the same preview, close | ${cold.toFixed(0)} | | |`);
    say(`| CLI batch, 116 packets to a ZIP, 2 jobs (this thread and a worker) | ${two.ms.toFixed(0)} | ${two.peakMb.toFixed(0)} | ≤ 1,500 ms |`);
    say(`| the same with 1 job (one thread) | ${oneJob.ms.toFixed(0)} | ${oneJob.peakMb.toFixed(0)} | |`);
    say(`| warm Chromium printing the 116 previews, launch included | ${warm.toFixed(0)} | | |`);
    const peaks = (runs: ProcessRun[]) => runs.map((run) => run.peakMb.toFixed(0)).join(', ');
    say(`| CLI batch, 1,044 packets to a ZIP, 2 jobs (median of ${longRuns}; peaks ${peaks(smallRuns)}) | ${small.ms.toFixed(0)} | ${small.peakMb.toFixed(0)} | |`);
    say(`| CLI batch, 10,092 packets to a ZIP, 2 jobs (median of ${longRuns}; peaks ${peaks(largeRuns)}) | ${large.ms.toFixed(0)} | ${large.peakMb.toFixed(0)} | peak within 10% of 1,044's |`);
    say('');
    say(`- one packet vs cold Chromium: ${(cold / one.ms).toFixed(1)}x faster [goal ≥ 2x]`);
    say(`- 116 to ZIP vs warm Chromium: ${(warm / two.ms).toFixed(1)}x faster [goal ≥ 5x]`);
    say(`- ZIP bytes with 1 job and 2 jobs: ${isSame ? 'identical' : 'DIFFERENT'}`);
    say(`- peak RSS 10,092 vs 1,044 packets: ${((large.peakMb / small.peakMb - 1) * 100).toFixed(1)}% [goal within 10%]`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
