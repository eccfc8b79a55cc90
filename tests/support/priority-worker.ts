/** A worker thread that lowers its own priority and reports it (tests/worker/thread-priority.test.ts). */
import { parentPort } from 'node:worker_threads';
import { getPriority } from 'node:os';
import { currentThreadId, lowerThisThreadsPriority } from '../../src/worker/thread-priority.js';

const id = currentThreadId()!;
const before = getPriority(id);
const lowered = lowerThisThreadsPriority();
parentPort!.postMessage({ id, before, after: getPriority(id), lowered });
