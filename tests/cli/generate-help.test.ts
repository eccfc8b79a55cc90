/** `generate --help` states the request schema's own limits: it said "1 to 8" cards while the schema took 20. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { limits } from '../../src/request/schema.js';

afterEach(() => vi.restoreAllMocks());

async function generateHelp(): Promise<string> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  await main(['generate', '--help']);
  return chunks.join('').replace(/\s+/g, ' ');
}

describe('generate --help', () => {
  it('gives the wallet-card and contact limits the request schema enforces', async () => {
    const help = await generateHelp();
    expect(help).toContain(`wallet cards to print, 1 to ${limits.cards}`);
    expect(help).toContain(`(repeat, at most ${limits.contacts})`);
  });
});
