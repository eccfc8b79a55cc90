/**
 * Render threads yield to the main thread. On Linux every thread has a nice value of its own, so a worker that
 * raises its own by a few steps leaves the main thread (HTTP, /healthz, the form, the batch's ZIP) the CPU the
 * moment it needs it, and renders with the rest; throughput is unchanged when the CPU is not contended.
 * Elsewhere (no /proc/thread-self) nothing is changed.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { basename } from 'node:path';

export const renderThreadNiceSteps = 5;

/** This thread's id (Linux), or undefined where threads cannot be told apart. */
export function currentThreadId(): number | undefined {
  try {
    const id = Number(basename(readlinkSync('/proc/thread-self')));
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Raises the calling thread's nice value by `steps` (at most 19); false where that cannot be done. */
export function lowerThisThreadsPriority(steps = renderThreadNiceSteps): boolean {
  const id = currentThreadId();
  if (id === undefined) return false;
  try {
    setPriority(id, Math.min(19, getPriority(id) + steps));
    return true;
  } catch {
    return false;
  }
}
