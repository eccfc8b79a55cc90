/**
 * V8's tiering, set for a short-lived command-line process (imported first by src/cli/main.ts). V8 compiles
 * a function that has run a while with TurboFan, on a background thread. A CLI call, or a batch of a few
 * hundred packets, ends before most of those compiles pay back, and on a two-core machine they take the core
 * a second render thread needs. Measured here, Node 20, 116 packets to a ZIP with a worker thread: 1.59–1.68 s
 * and 2.6 s of CPU with V8's default, 1.22–1.24 s and 2.0 s with it raised 16x; one packet 0.25 → 0.23 s and
 * 91 → 86 MB peak. Functions that stay hot (a 10,000-packet batch) are still optimized, a little later.
 * The service keeps V8's defaults: it runs for days.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The flag for this V8, or none: its name changed with V8's tiering, from a budget in bytes of bytecode run
 * (V8 11, Node 20; default 66 KB) to an invocation count (V8 12 and 13, Node 22 and 24; default 3,000), and
 * a flag V8 does not know is reported on stderr, so an unknown V8 keeps its defaults.
 */
export function tieringFlagFor(v8Version: string): string | undefined {
  const major = Number(v8Version.split('.')[0]);
  if (major === 11) return '--interrupt-budget=1081344';
  if (major === 12 || major === 13) return '--invocation-count-for-turbofan=30000';
  return undefined;
}

const flag = tieringFlagFor(process.versions.v8);
if (flag) setFlagsFromString(flag);
