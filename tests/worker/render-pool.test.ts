/** RenderPool: packets rendered on worker threads, a bounded queue that refuses when full, and jobs of departed clients dropped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderPool } from '../../src/worker/render-pool.js';
import { PacketError } from '../../src/errors.js';
import { extractText } from '../support/poppler.js';

let pool: RenderPool;

beforeAll(async () => {
  // One thread and a queue of one: the tests below fill it on purpose.
  pool = new RenderPool({ threads: 1, maxQueue: 1 });
  await pool.ready();
}, 60_000);

afterAll(async () => {
  await pool.close();
});

const request = { county: 'fresno', language: 'es', person: { name: 'Nguyễn Thị Hoa' } };

describe('RenderPool', () => {
  it('is ready once its worker has built an engine', () => {
    expect(pool.isReady()).toBe(true);
    expect(pool.stats()).toMatchObject({ threads: 1, running: 0, queued: 0, maxQueue: 1 });
  });

  it('returns the PDF rendered on a worker thread, with the name in its text', async () => {
    const pdf = await pool.render({ format: 'pdf', request, today: '2026-11-27' });
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(extractText(pdf as Uint8Array)).toContain('Nguyễn Thị Hoa');
  });

  it('returns the HTML preview as a string', async () => {
    const html = await pool.render({ format: 'html', request: { county: 'fresno' } });
    expect(typeof html).toBe('string');
    expect(html).toContain('data-section="cover"');
  });

  it('rebuilds a request error from the worker with its code and field paths', async () => {
    const error = await pool.render({ format: 'pdf', request: { county: 'nowhere' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PacketError);
    expect((error as PacketError).code).toBe('PKT_ERR_REQUEST_INVALID');
    expect((error as PacketError).issues).toEqual([expect.objectContaining({ path: 'county', messageKey: 'errors:field.county' })]);
  });

  it('refuses at once with PKT_ERR_BUSY when the queue is full, instead of waiting', async () => {
    const running = pool.render({ format: 'pdf', request: { county: 'fresno' } });
    const queued = pool.render({ format: 'pdf', request: { county: 'kern' } });
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
    expect(pool.isFull()).toBe(true);
    const refused = await pool.render({ format: 'pdf', request: { county: 'inyo' } }).catch((caught: unknown) => caught);
    expect((refused as PacketError).code).toBe('PKT_ERR_BUSY');
    expect(pool.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    await Promise.all([running, queued]);
    expect(pool.isFull()).toBe(false);
  });

  it('refuses without capturing a stack trace (routine under load), and other errors keep theirs', async () => {
    const limit = Error.stackTraceLimit;
    const busy = new PacketError('PKT_ERR_BUSY');
    expect(busy.stack?.split('\n')).toHaveLength(1);
    expect(Error.stackTraceLimit).toBe(limit);
    const internal = new PacketError('PKT_ERR_INTERNAL');
    expect(internal.stack?.split('\n').length).toBeGreaterThan(1);
  });

  it('drops a queued job whose client has gone away, before it is rendered', async () => {
    const running = pool.render({ format: 'pdf', request: { county: 'fresno' } });
    const controller = new AbortController();
    const queued = pool.render({ format: 'pdf', request: { county: 'kern' } }, controller.signal).catch((caught: unknown) => caught);
    expect(pool.stats().queued).toBe(1);
    controller.abort();
    expect(((await queued) as PacketError).code).toBe('PKT_ERR_CLIENT_GONE');
    expect(pool.stats().queued).toBe(0);
    await running;
  });
});
