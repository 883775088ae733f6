/**
 * Child process of the memory measure: queues `events` track calls in one
 * library whose HTTP layer never answers, so every call stays held, and
 * prints the heap used before and after as one JSON line.
 *
 * Usage: node --expose-gc --import tsx hold-queue.ts <trackplan|segment-node> <events>
 */
export type QueueLibrary = 'trackplan' | 'segment-node';

export interface HeldQueue {
  heapBeforeBytes: number;
  heapAfterBytes: number;
  /** Messages that reached the HTTP layer, which never answers. */
  messagesInRequests: number;
  /** Calls the library refused or reported failed; must be 0. */
  failures: number;
}

const properties = { product_id: 'sku-42', price: 19.99, currency: 'EUR', quantity: 2 };
/**
 * Requests that never answer. Their resolvers stay reachable, as an open
 * socket keeps a real request, or the garbage collector would drop the
 * unanswerable request with everything waiting on it.
 */
const openRequests: unknown[] = [];
const never = () => new Promise<never>((resolve) => openRequests.push(resolve));
/** Long enough that no timer (flush, request timeout, retry) fires while we measure. */
const LONG_MS = 60 * 60_000;

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc.');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const countMessages = (body: string) => (JSON.parse(body) as { batch: unknown[] }).batch.length;

async function queueInTrackplan(events: number, state: HeldQueue): Promise<() => unknown> {
  const { createAnalytics } = await import('@trackplan/core');
  state.heapBeforeBytes = heapUsed();
  const analytics = createAnalytics({
    writeKey: 'bench',
    window: null,
    flushAt: 100,
    flushIntervalMs: LONG_MS,
    requestTimeoutMs: LONG_MS,
    maxQueueSize: events,
    fetch: (_url, init) => {
      state.messagesInRequests += countMessages(String(init?.body));
      return never();
    },
    onError: () => state.failures++,
  });
  for (let i = 0; i < events; i++) {
    void analytics.track({ event: 'Product Added', userId: `user-${i % 100}`, properties });
  }
  return () => analytics;
}

async function queueInSegmentNode(events: number, state: HeldQueue): Promise<() => unknown> {
  const { Analytics } = await import('@segment/analytics-node');
  state.heapBeforeBytes = heapUsed();
  const analytics = new Analytics({
    writeKey: 'bench',
    flushAt: 100,
    flushInterval: LONG_MS,
    httpRequestTimeout: LONG_MS,
    httpClient: (_url, { body }) => {
      state.messagesInRequests += countMessages(body);
      return never();
    },
  });
  analytics.on('error', () => state.failures++);
  for (let i = 0; i < events; i++) {
    analytics.track({ event: 'Product Added', userId: `user-${i % 100}`, properties });
  }
  return () => analytics;
}

/** Lets queued work reach the HTTP layer, until every message is in a request or 30 s pass. */
async function settle(events: number, state: HeldQueue): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (state.messagesInRequests < events && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const [library, eventsArg] = process.argv.slice(2);
const events = Number(eventsArg);
const state: HeldQueue = {
  heapBeforeBytes: 0,
  heapAfterBytes: 0,
  messagesInRequests: 0,
  failures: 0,
};
const keep =
  library === 'trackplan'
    ? await queueInTrackplan(events, state)
    : await queueInSegmentNode(events, state);
await settle(events, state);
state.heapAfterBytes = heapUsed();
// The client must stay reachable until the heap is read.
keep();
process.stdout.write(`${JSON.stringify(state)}\n`);
process.exit(0);
