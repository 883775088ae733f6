import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from '../stats.js';
import type { HeldQueue, QueueLibrary } from './hold-queue.js';

const CHILD = fileURLToPath(new URL('./hold-queue.ts', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface QueueMemory {
  /** Median heap growth, in bytes, from before the client exists to all events held. */
  heldBytes: number;
  bytesPerEvent: number;
  runs: number[];
}

/** One fresh process, so nothing another library or run allocated is counted. */
function heldOnce(library: QueueLibrary, events: number): number {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', CHILD, library, String(events)],
    {
      cwd: BENCH_DIR,
      encoding: 'utf8',
      timeout: 5 * 60_000,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (child.status !== 0) {
    throw new Error(`Memory run of ${library} failed:\n${child.stdout}\n${child.stderr}`);
  }
  const held = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as HeldQueue;
  if (held.failures > 0 || held.messagesInRequests !== events) {
    throw new Error(
      `${library} should hold all ${events} events: ${held.messagesInRequests} reached its HTTP layer, ${held.failures} failed.`,
    );
  }
  return held.heapAfterBytes - held.heapBeforeBytes;
}

/**
 * Heap held by `events` queued track calls in each library, neither able to
 * send; runs alternate between the libraries, each in a fresh process.
 */
export function measureQueueMemory(events: number, runs: number) {
  const trackplan: number[] = [];
  const segmentNode: number[] = [];
  for (let run = 0; run < runs; run++) {
    trackplan.push(heldOnce('trackplan', events));
    segmentNode.push(heldOnce('segment-node', events));
  }
  const summary = (values: number[]): QueueMemory => ({
    heldBytes: median(values),
    bytesPerEvent: median(values) / events,
    runs: values,
  });
  return { events, trackplan: summary(trackplan), segmentNode: summary(segmentNode) };
}
