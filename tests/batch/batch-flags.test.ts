/**
 * `release-packet batch`'s own flags, run in-process on runBatchCommand: every refusal comes before a file is
 * opened, names the flag at fault, and leaves nothing behind; the progress lines and the closing report say
 * what was made, where, and how long it took (a fake clock makes the times exact).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
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
  // Each issue names the flag and a catalog message the operator reads in their language; the log line says why.
  for (const issue of error.issues) {
    if (error.code === 'PKT_ERR_USAGE') {
      expect(issue.messageKey).toBe('errors:PKT_ERR_USAGE');
      expect(error.message).toContain(issue.path);
    } else if (error.code === 'PKT_ERR_REQUEST_INVALID') expect(issue).toMatchObject({ messageKey: 'errors:field.choice', params: { choices: issue.path === '--paper' ? 'letter, a4' : 'no, both, only' } });
  }
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
    // Every reading of the clock is 500 ms after the one before.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 500));
    const out = join(sandbox.folder, 'stack.ZIP');
    const merged = join(sandbox.folder, 'print-shop.pdf');
    const listeners = process.listenerCount('SIGINT');
    const summary = await runBatchCommand({ counties: 'alpine,amador,butte,calaveras', langs: 'en', out, merge: merged, jobs: '4', today });
    expect(summary.packets).toBe(4);
    const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
    expect(sandbox.stderr).toEqual([
      // Started at 500, first packet at 1,500: 1 s for one, three to go.
      'release-packet batch: 1/4 packets (25%), ETA 3 s\n',
      // The second, 500 ms after that line, is not reported; the third, a whole second after it, is.
      'release-packet batch: 3/4 packets (75%), ETA 1 s\n',
      // The last always is, however soon.
      'release-packet batch: 4/4 packets (100%), ETA 0 s\n',
      // An upper-case .ZIP is a ZIP file; four packets pay for no worker, whatever --jobs allows.
      `release-packet batch: 4 packets, ${summary.pages} pages, ${megabytes} MB in 2.5 s (1 thread) → ${out}, print-shop.pdf\n`,
    ]);
    expect(readdirSync(sandbox.folder).sort()).toEqual(['print-shop.pdf', 'stack.ZIP']);
    // The print shop's file says what it holds, who made it and for which day.
    const info = await PDFDocument.load(readFileSync(merged), { updateMetadata: false });
    expect(info.getTitle()).toBe('Release packets (4)');
    expect(info.getCreator()).toMatch(/^release-packet \d/);
    expect(info.getCreationDate()?.toISOString()).toBe(`${today}T00:00:00.000Z`);
    // A long-lived process running batches one after another does not collect Ctrl-C handlers.
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('--large-print makes the same packets in larger type, on more pages', async () => {
    const regular = await runBatchCommand({ counties: 'alpine', langs: 'en', merge: join(sandbox.folder, 'regular.pdf'), today });
    const large = await runBatchCommand({ counties: 'alpine', langs: 'en', merge: join(sandbox.folder, 'large.pdf'), largePrint: true, today });
    expect(large.pages).toBeGreaterThan(regular.pages);
  });

  it('--force replaces a folder\'s packets, a ZIP and a merged PDF; a refused batch leaves no staging files', async () => {
    const folder = join(sandbox.folder, 'stack');
    const zip = join(sandbox.folder, 'stack.zip');
    const merged = join(sandbox.folder, 'merged.pdf');
    await runBatchCommand({ counties: 'alpine', langs: 'en', out: folder, merge: merged, today });
    await runBatchCommand({ counties: 'alpine', langs: 'en', out: zip, today });
    const again = { counties: 'alpine', langs: 'en', today: '2026-11-28' };
    expect(await refusal({ ...again, out: zip })).toMatchObject({ code: 'PKT_ERR_OUTPUT_EXISTS' });
    // The folder is begun, then the merged PDF is refused: the folder's staging goes with the batch.
    expect(await refusal({ ...again, out: join(sandbox.folder, 'second'), merge: merged })).toMatchObject({ code: 'PKT_ERR_OUTPUT_EXISTS' });
    expect(readdirSync(join(sandbox.folder, 'second'))).toEqual([]);
    await runBatchCommand({ ...again, out: folder, merge: merged, force: true });
    await runBatchCommand({ ...again, out: zip, force: true });
    expect(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')).printedOn).toBe('2026-11-28');
    expect((await PDFDocument.load(readFileSync(merged), { updateMetadata: false })).getCreationDate()?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it('a bar with the count, percentage and ETA on a terminal, ended when the batch is', async () => {
    const wasTty = process.stderr.isTTY;
    process.stderr.isTTY = true;
    try {
      await runBatchCommand({ counties: 'alpine', langs: 'en', out: join(sandbox.folder, 'stack'), today });
    } finally {
      process.stderr.isTTY = wasTty;
    }
    const shown = sandbox.stderr.join('');
    expect(shown).toMatch(/batch [░█]+ 1\/1 packets \| 100% \| ETA /);
    expect(shown).not.toContain('release-packet batch: 1/1 packets');
  });

  it('--repeat makes the whole batch that many times over', async () => {
    const summary = await runBatchCommand({ counties: 'alpine', langs: 'en', merge: join(sandbox.folder, 'bench.pdf'), repeat: '2', today });
    expect(summary.packets).toBe(2);
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
