/** A fresh folder and captured stderr for each CLI test, removed afterwards; stdout captured where a test asks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { getEngine } from '../../src/engine.js';

export interface CliSandbox {
  folder: string;
  stderr: string[];
}

export function useCliSandbox(prefix: string): CliSandbox {
  const sandbox: CliSandbox = { folder: '', stderr: [] };
  beforeAll(() => {
    // Built once here so the first test's timing is not the engine's startup.
    getEngine();
  });
  beforeEach(() => {
    sandbox.folder = mkdtempSync(join(tmpdir(), prefix));
    sandbox.stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      sandbox.stderr.push(asText(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(sandbox.folder, { recursive: true, force: true });
  });
  return sandbox;
}

const asText = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));

/** Captures what this test writes to stdout from here on (the sandbox's afterEach restores it). */
export function captureStdout(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(asText(chunk));
    return true;
  });
  return { text: () => chunks.join('') };
}

/** Stdout captured for every test of the file, in one array emptied before each. */
export function useStdoutCapture(): string[] {
  const chunks: string[] = [];
  beforeEach(() => {
    chunks.length = 0;
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(asText(chunk));
      return true;
    });
  });
  return chunks;
}
