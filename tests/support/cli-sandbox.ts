/** A fresh folder and captured stderr for each CLI test, removed afterwards. */
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
      sandbox.stderr.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(sandbox.folder, { recursive: true, force: true });
  });
  return sandbox;
}
