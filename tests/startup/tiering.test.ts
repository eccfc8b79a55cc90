/**
 * The command-line process raises V8's threshold for optimizing a function (src/startup/tiering.ts): by the
 * flag the running V8 knows, and by none on a V8 whose flags are not known, since an unknown flag is
 * reported on stderr. The installed command sets it without a word on stderr; the bench measures its effect.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tieringFlagFor } from '../../src/startup/tiering.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin['release-packet'] as string;

describe('the tiering of a command-line process', () => {
  it('names the flag of each V8 the supported Node lines carry, and none for another', () => {
    expect(tieringFlagFor('11.3.244.8-node.33')).toBe('--interrupt-budget=1081344');
    expect(tieringFlagFor('12.4.254.21-node.33')).toBe('--invocation-count-for-turbofan=30000');
    expect(tieringFlagFor('13.6.233.10-node.28')).toBe('--invocation-count-for-turbofan=30000');
    expect(tieringFlagFor('10.2.154.26-node.26')).toBeUndefined();
    expect(tieringFlagFor('14.1.0')).toBeUndefined();
  });

  it('is set by the installed command with nothing on stderr, on this Node', () => {
    expect(tieringFlagFor(process.versions.v8)).toBeDefined();
    const run = spawnSync(join(root, bin), ['--version'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    // The same flag given to this V8 directly is one it knows.
    const direct = spawnSync(process.execPath, [tieringFlagFor(process.versions.v8)!, '-e', '0'], { encoding: 'utf8' });
    expect(direct.status, direct.stderr).toBe(0);
  });
});
