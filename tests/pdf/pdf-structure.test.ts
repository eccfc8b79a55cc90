import { describe, expect, it } from 'vitest';
import { packetFor } from '../support/packets.js';

/** Object number → byte offset, read back from the file's own cross-reference table. */
function readXref(bytes: Uint8Array): Map<number, number> {
  const text = Buffer.from(bytes).toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)?.[1]);
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
  const offsets = new Map<number, number>();
  const entries = text.slice(startxref).split('\n').slice(2, 2 + Number(count));
  entries.forEach((entry, index) => {
    if (entry.endsWith('n ')) offsets.set(Number(first) + index, Number(entry.slice(0, 10)));
  });
  return offsets;
}

describe('the PDF file structure', () => {
  it('points every cross-reference entry of a packet at the start of its object', async () => {
    const bytes = await packetFor({ county: 'fresno', language: 'es', person: { name: 'محمد 张伟' } });
    const text = Buffer.from(bytes).toString('latin1');
    const offsets = readXref(bytes);
    expect(offsets.size).toBeGreaterThan(10);
    for (const [number, offset] of offsets) expect(text.startsWith(`${number} 0 obj\n`, offset)).toBe(true);
  });
});
