/**
 * Exit code 2 is for what the caller could not have caused (DESIGN.md 2: 0 ok, 1 bad input, 2 internal
 * error): scripts retry or page someone on 2, and fix their input on 1. generatePacket is replaced here by
 * one that fails the way a bug would, with the person's name in the error it throws.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { PacketError } from '../../src/errors.js';

const failure = vi.hoisted(() => ({ error: new Error('boom') as Error }));

vi.mock('../../src/generate.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/generate.js')>();
  return {
    ...original,
    generatePacket: () => Promise.reject(failure.error),
    generatePacketWithSummary: () => Promise.reject(failure.error),
  };
});

const { main } = await import('../../src/cli/program.js');

const sandbox = useCliSandbox('release-packet-internal-');

describe('release-packet generate on an internal error', () => {
  it('exits 2 when the engine throws something that is not a PacketError, and writes nothing', async () => {
    failure.error = new TypeError('Cannot read properties of undefined (reading \'glyphs\') for Ana Pérez');
    const code = await main(['generate', '--county', 'fresno', '--name', 'Ana Pérez', '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(2);
    expect(sandbox.stderr.join('')).toContain('PKT_ERR_INTERNAL');
    // The raw message may hold what the person typed: it is not printed.
    expect(sandbox.stderr.join('')).not.toContain('Ana');
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });

  it('exits 2 for a PacketError of the engine (a 5xx), 1 only for the request\'s own', async () => {
    failure.error = new PacketError('PKT_ERR_LAYOUT_OVERFLOW', { detail: 'card text in es does not fit at 8 pt' });
    expect(await main(['generate', '--county', 'fresno', '--out', join(sandbox.folder, 'a.pdf')])).toBe(2);
    failure.error = new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: 'county', messageKey: 'errors:field.county' }] });
    expect(await main(['generate', '--county', 'fresno', '--out', join(sandbox.folder, 'b.pdf')])).toBe(1);
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });
});
