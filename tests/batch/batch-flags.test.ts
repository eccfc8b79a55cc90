/**
 * `release-packet batch`'s own flags, run in-process on runBatchCommand: every refusal comes before a file is
 * opened, names the flag at fault, and leaves nothing behind; the progress lines and the closing report say
 * what was made, where, and how long it took (a fake clock makes the times exact).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runBatchCommand, threadsFor, type BatchFlags } from '../../src/cli/batch-command.js';
import { isPacketError } from '../../src/errors.js';
import { useCliSandbox } from '../support/cli-sandbox.js';

const sandbox = useCliSandbox('release-packet-batch-flags-');
const today = '2026-11-27';

/** The error a batch is refused with (it must be refused). */
async function refusal(flags: Partial<BatchFlags>): Promise<{ code: string; issues: { path: string }[] }> {
  const error: unknown = await runBatchCommand({ counties: 'alpine', langs: 'en', today, ...flags }).then(
    () => expect.fail('the batch ran'),
    (thrown: unknown) => thrown,
  );
  if (!isPacketError(error)) throw error;
  return { code: error.code, issues: error.issues.map(({ path }) => ({ path })) };
}

describe('release-packet batch refuses before any work', () => {
  it('a batch with neither --out nor --merge', async () => {
    expect(await refusal({})).toEqual({ code: 'PKT_ERR_USAGE', issues: [{ path: '--out' }] });
  });

  it('a --youth or --paper that is not one of the choices', async () => {
    const out = join(sandbox.folder, 'out');
    expect(await refusal({ out, youth: 'sometimes' })).toEqual({ code: 'PKT_ERR_REQUEST_INVALID', issues: [{ path: '--youth' }] });
    expect(await refusal({ out, paper: 'b5' })).toEqual({ code: 'PKT_ERR_REQUEST_INVALID', issues: [{ path: '--paper' }] });
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });

  it('--jobs and --repeat that are not whole numbers of at least 1', async () => {
    const out = join(sandbox.folder, 'out');
    for (const jobs of ['0', '-2', '1.5', 'two']) expect(await refusal({ out, jobs }), jobs).toEqual({ code: 'PKT_ERR_USAGE', issues: [{ path: '--jobs' }] });
    for (const repeat of ['0', '2.5']) expect(await refusal({ out, repeat }), repeat).toEqual({ code: 'PKT_ERR_USAGE', issues: [{ path: '--repeat' }] });
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });

  it('a --today that is not a YYYY-MM-DD day', async () => {
    const out = join(sandbox.folder, 'out');
    for (const day of ['27/11/2026', '2026-11-27T08:00', ' 2026-11-27', '2026-13-01']) {
      expect(await refusal({ out, today: day }), day).toEqual({ code: 'PKT_ERR_USAGE', issues: [{ path: '--today' }] });
    }
  });

  it('a --merge that is not a .pdf file, before the --out folder is made', async () => {
    const out = join(sandbox.folder, 'out');
    expect(await refusal({ out, merge: join(sandbox.folder, 'merged.txt') })).toEqual({ code: 'PKT_ERR_USAGE', issues: [{ path: '--merge' }] });
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });

  it('a packets-per-worker setting that is not a whole number', () => {
    expect(() => threadsFor(1_000, 4, { RELEASE_PACKET_PACKETS_PER_WORKER: '0' })).toThrow(/RELEASE_PACKET_PACKETS_PER_WORKER must be a whole number/);
    expect(threadsFor(1_000, 4, { RELEASE_PACKET_PACKETS_PER_WORKER: '250' })).toBe(4);
  });
});

describe('release-packet batch reports', () => {
  it('a progress line at most once a second and the last one always, then what it made, where, on how many threads', async () => {
    // Every reading of the clock is 600 ms after the one before.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 600));
    const out = join(sandbox.folder, 'stack.ZIP');
    const merged = join(sandbox.folder, 'print-shop.pdf');
    const listeners = process.listenerCount('SIGINT');
    const summary = await runBatchCommand({ counties: 'alpine,amador,butte', langs: 'en', out, merge: merged, jobs: '4', today });
    expect(summary.packets).toBe(3);
    const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
    expect(sandbox.stderr).toEqual([
      // Started at 600, first packet at 1,800: 1.2 s for one, two to go.
      'release-packet batch: 1/3 packets (33%), ETA 2 s\n',
      // The second, 600 ms after the first line, is not reported; the last always is.
      'release-packet batch: 3/3 packets (100%), ETA 0 s\n',
      // An upper-case .ZIP is a ZIP file; three packets pay for no worker, whatever --jobs allows.
      `release-packet batch: 3 packets, ${summary.pages} pages, ${megabytes} MB in ${(summary.elapsedMs / 1000).toFixed(1)} s (1 thread) → ${out}, print-shop.pdf\n`,
    ]);
    expect(summary.elapsedMs).toBe(2_400);
    expect(readdirSync(sandbox.folder).sort()).toEqual(['print-shop.pdf', 'stack.ZIP']);
    // A long-lived process running batches one after another does not collect Ctrl-C handlers.
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('the threads in the plural', async () => {
    const out = join(sandbox.folder, 'stack');
    const summary = await runBatchCommand({ counties: 'alpine', langs: 'en,es', out, jobs: '2', today });
    expect(summary.packets).toBe(2);
    expect(existsSync(join(out, 'alpine-es.pdf'))).toBe(true);
    process.env.RELEASE_PACKET_PACKETS_PER_WORKER = '1';
    try {
      await runBatchCommand({ counties: 'alpine', langs: 'en,es', out: join(sandbox.folder, 'again'), jobs: '2', today });
    } finally {
      delete process.env.RELEASE_PACKET_PACKETS_PER_WORKER;
    }
    expect(sandbox.stderr.at(-1)).toMatch(/ \(2 threads\) → /);
  });
});
