/**
 * "Never kept after the response" (DESIGN.md 6), checked where it finally lives: after packets for a
 * person, no string holding their name, place or contacts is left in the process's heap, whatever module
 * might keep it (a memo kept past its packet, a cache keyed by the request, a logger's buffer).
 *
 * The canaries are built at run time from a random tag, so that no source text holds them, and the needle
 * is rebuilt only after the heap snapshot is taken.
 */
import { randomBytes } from 'node:crypto';
import { getHeapSnapshot } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { generatePacket, generatePreview } from '../../src/generate.js';
import { today } from '../support/packets.js';

/** Upper-case letters only: the tag must survive shaping and printing as itself. */
function randomTag(): string {
  return [...randomBytes(10)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

async function packetsFor(tag: string): Promise<number> {
  const engine = getEngine();
  const request = () => ({
    county: 'fresno',
    language: 'es',
    person: { name: `Heapname${tag}` },
    release: { location: `Heapplace${tag}` },
    contacts: [{ role: 'attorney', name: `Heaplawyer${tag}` }],
  });
  let bytes = 0;
  for (let round = 0; round < 2; round++) bytes += (await generatePacket(request(), { engine, today })).length;
  bytes += generatePreview(request(), { engine, today }).length;
  return bytes;
}

async function heapText(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the heap after a packet', () => {
  it('holds no string of the person\'s name, place or contacts once the packets are made', async () => {
    const tag = randomTag();
    expect(await packetsFor(tag)).toBeGreaterThan(0);
    // RegExp keeps the input of its last successful match (RegExp.input, a legacy static): a match on
    // something else first, so that only real retention counts.
    /./.exec('reset');
    // Taken with nothing of this test holding the values: the snapshot keeps only what is reachable.
    const heap = await heapText();
    const left = ['Heapname', 'Heapplace', 'Heaplawyer'].filter((word) => heap.includes(`${word}${tag}`));
    expect(left).toEqual([]);
    // The snapshot sees strings at all: the tag itself is held, by this test.
    expect(heap.includes(tag)).toBe(true);
  });
});
