import type { Measurements } from '../measure-all.js';
import { count, mb, table, times } from './format.js';

const signed = (value: number) => `${value >= 0 ? '+' : '−'}${count(Math.abs(value))}`;
const roundsList = (rounds: number[]) => rounds.map((r) => count(r)).join(', ');

export function enqueueSection({ enqueue, config }: Measurements): string[] {
  return [
    '## Enqueue throughput in Node',
    '',
    `Calls per second from the first \`track\` until all ${count(config.enqueueCalls)} calls are handed to an HTTP layer that answers 200 at once; both clients batch 100 per request. Median of ${config.enqueueRounds} interleaved rounds after a warm-up.`,
    '',
    ...table(
      ['Client', 'Median calls/s', 'Rounds'],
      [
        [
          '@trackplan/core',
          count(enqueue.trackplan.callsPerSecond),
          roundsList(enqueue.trackplan.rounds),
        ],
        [
          '@segment/analytics-node',
          count(enqueue.segmentNode.callsPerSecond),
          roundsList(enqueue.segmentNode.rounds),
        ],
        ['Ratio', times(enqueue.ratio), ''],
      ],
    ),
    '',
  ];
}

export function overheadSection({ overhead, config }: Measurements): string[] {
  return [
    '## Production-mode cost of a typed call in Node',
    '',
    `A generated event function, \`feature500Used(properties, { userId })\` from the 1,000-event plan, against \`analytics.track({ event, properties, userId })\` on the same client, whose delivery keeps nothing. The generated module and core are bundled for Node with \`NODE_ENV=production\` folded in, so every development-only branch, the plan checks included, is gone. ${count(config.overheadCalls)} calls a round, timed until their results settle; median of ${config.overheadRounds} rounds, the order alternating, after a warm-up. No budget was set.`,
    '',
    ...table(
      ['Call', 'Median ns/call', 'Rounds'],
      [
        ['Generated function', count(overhead.typedNsPerCall), roundsList(overhead.typedRounds)],
        [
          '`analytics.track` directly',
          count(overhead.plainNsPerCall),
          roundsList(overhead.plainRounds),
        ],
        [
          'Ratio (difference)',
          `${times(overhead.ratio, 2)} (${signed(overhead.typedNsPerCall - overhead.plainNsPerCall)} ns)`,
          '',
        ],
      ],
    ),
    '',
  ];
}

export function memorySection({ memory }: Measurements): string[] {
  const { trackplan, segmentNode, events } = memory;
  const row = (name: string, m: typeof trackplan) => [
    name,
    mb(m.heldBytes),
    count(m.bytesPerEvent),
    m.runs.map(mb).join(', '),
  ];
  return [
    '## Memory of queued events in Node',
    '',
    `Heap used (after \`global.gc()\`) once ${count(events)} \`track\` calls are held, minus the heap before the client was created, each run in a fresh \`node --expose-gc\` process. Both clients batch 100 per request to an HTTP layer that never answers (its pending requests stay reachable, as a socket would keep them), with flush, request-timeout and retry timers far beyond the run; core's \`maxQueueSize\` is ${count(events)}. Each run checks that every event reached a request and none failed. Median of ${trackplan.runs.length} runs, the libraries alternating. No budget was set.`,
    '',
    ...table(
      ['Client', 'Median heap held', 'Bytes per event', 'Runs'],
      [
        row('@trackplan/core', trackplan),
        row('@segment/analytics-node', segmentNode),
        [
          'Ratio (analytics-node / core)',
          times(segmentNode.heldBytes / trackplan.heldBytes),
          '',
          '',
        ],
      ],
    ),
    '',
  ];
}
