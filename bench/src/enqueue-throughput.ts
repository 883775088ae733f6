import { Analytics as SegmentNode } from '@segment/analytics-node';
import { createAnalytics } from '@trackplan/core';
import { median } from './stats.js';

export interface Throughput {
  callsPerSecond: number;
  rounds: number[];
}

/** What both HTTP layers answer: a 200 with nothing to read. */
const answered = {
  status: 200,
  headers: { get: () => null },
  text: async () => '',
} as unknown as Response;

const properties = { product_id: 'sku-42', price: 19.99, currency: 'EUR', quantity: 2 };

/**
 * Calls per second from the first `track` call until every call has been
 * handed to the HTTP layer, which answers 200 at once without a network.
 * Both clients batch 100 calls a request.
 */
async function trackplanRound(calls: number): Promise<number> {
  const analytics = createAnalytics({
    writeKey: 'bench',
    window: null,
    flushAt: 100,
    // The same bare answer analytics-node's httpClient gets below.
    fetch: async () => answered,
  });
  const started = performance.now();
  const results: Promise<unknown>[] = new Array(calls);
  for (let i = 0; i < calls; i++) {
    results[i] = analytics.track({ event: 'Product Added', userId: `user-${i % 100}`, properties });
  }
  await Promise.all(results);
  const elapsed = performance.now() - started;
  await analytics.close();
  return calls / (elapsed / 1000);
}

async function segmentNodeRound(calls: number): Promise<number> {
  const analytics = new SegmentNode({
    writeKey: 'bench',
    flushAt: 100,
    maxEventsInBatch: 100,
    flushInterval: 10_000,
    httpClient: async () => ({ status: 200, statusText: 'OK' }),
  });
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    analytics.track({ event: 'Product Added', userId: `user-${i % 100}`, properties });
  }
  await analytics.closeAndFlush({ timeout: 120_000 });
  const elapsed = performance.now() - started;
  return calls / (elapsed / 1000);
}

/** Interleaves the two clients round by round so machine noise hits both alike. */
export async function measureEnqueue(calls: number, rounds: number) {
  await trackplanRound(Math.min(calls, 2000));
  await segmentNodeRound(Math.min(calls, 2000));
  const trackplan: number[] = [];
  const segment: number[] = [];
  for (let round = 0; round < rounds; round++) {
    trackplan.push(await trackplanRound(calls));
    segment.push(await segmentNodeRound(calls));
  }
  return {
    trackplan: { callsPerSecond: median(trackplan), rounds: trackplan } satisfies Throughput,
    segmentNode: { callsPerSecond: median(segment), rounds: segment } satisfies Throughput,
  };
}
