import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalytics } from './client.js';
import type { AnalyticsOptions } from './options.js';
import { fakeFetch } from './test-support/fake-fetch.js';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

function serverClient(endpoint: ReturnType<typeof fakeFetch>, options: AnalyticsOptions = {}) {
  return createAnalytics({
    writeKey: 'wk',
    endpoint: 'http://127.0.0.1:9/base/',
    window: null,
    fetch: endpoint.fetch,
    ...options,
  });
}

describe('batching', () => {
  it('sends once flushAt calls are queued', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint, { flushAt: 3 });
    const results = [1, 2, 3].map((n) => analytics.track({ event: `E${n}`, userId: 'u' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.body.batch.map((m) => m.event)).toEqual(['E1', 'E2', 'E3']);
    expect((await Promise.all(results)).every((r) => r.success)).toBe(true);
  });

  it('sends a partial queue flushIntervalMs after the first call', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint, { flushAt: 10, flushIntervalMs: 1000 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.advanceTimersByTimeAsync(999);
    expect(endpoint.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.requests).toHaveLength(1);
    expect((await result).success).toBe(true);
  });

  it('resolves a result only once its outcome is known', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint, { flushAt: 10, flushIntervalMs: 1000 });
    let settled = false;
    void analytics.track({ event: 'E', userId: 'u' }).then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(settled).toBe(true);
  });

  it('puts calls with different writeKeys in different requests', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint, { flushAt: 10 });
    void analytics.track({ event: 'A', userId: 'u' });
    void analytics.track({ event: 'B', userId: 'u', writeKey: 'other' });
    void analytics.track({ event: 'C', userId: 'u' });
    await analytics.flush();
    const byKey = Object.fromEntries(
      endpoint.requests.map((r) => [r.body.writeKey, r.body.batch.map((m) => m.event)]),
    );
    expect(byKey).toEqual({ wk: ['A', 'C'], other: ['B'] });
  });

  it('splits a 2,600-item batch into requests within both limits, in order', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint);
    const batch = Array.from({ length: 2600 }, (_, i) => ({
      type: 'track' as const,
      event: `E${i}`,
      userId: 'u',
    }));
    const result = analytics.batch({ batch });
    await analytics.flush();
    expect(endpoint.requests.length).toBeGreaterThan(1);
    for (const request of endpoint.requests) {
      expect(request.body.batch.length).toBeLessThanOrEqual(2500);
      expect(Buffer.byteLength(JSON.stringify(request.body))).toBeLessThanOrEqual(500 * 1024);
    }
    expect(endpoint.messages().map((m) => m.event)).toEqual(batch.map((item) => item.event));
    expect(await result).toMatchObject({ success: true, count: 2600 });
  });

  it('bounds the queue with maxQueueSize', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint, { flushAt: 100, maxQueueSize: 2 });
    void analytics.track({ event: 'A', userId: 'u' });
    void analytics.track({ event: 'B', userId: 'u' });
    const third = await analytics.track({ event: 'C', userId: 'u' });
    expect(third.error?.code).toBe('queue_full');
    await analytics.flush();
    expect(endpoint.messages().map((m) => m.event)).toEqual(['A', 'B']);
  });
});

describe('wire format', () => {
  it('POSTs {batch, sentAt, writeKey} to {endpoint}/v1/batch with Basic auth on a server', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint, { flushAt: 2 });
    await Promise.all([
      analytics.track({ event: 'E', userId: 'u', properties: { a: 1 } }),
      analytics.identify({ userId: 'u' }),
    ]);
    const [request] = endpoint.requests;
    expect(request?.url).toBe('http://127.0.0.1:9/base/v1/batch');
    expect(request?.headers).toEqual({
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from('wk:').toString('base64')}`,
    });
    expect(request?.body.sentAt).toBe('2026-11-28T12:00:00.000Z');
    expect(request?.body.writeKey).toBe('wk');
    const [track, identify] = request?.body.batch ?? [];
    expect(track).toEqual({
      type: 'track',
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timestamp: '2026-11-28T12:00:00.000Z',
      userId: 'u',
      event: 'E',
      properties: { a: 1 },
      context: { library: { name: '@trackplan/core', version: expect.any(String) } },
    });
    expect(identify?.type).toBe('identify');
    expect(identify?.messageId).not.toBe(track?.messageId);
  });

  it('uses the EU endpoint for region eu', async () => {
    const endpoint = fakeFetch();
    const analytics = createAnalytics({
      writeKey: 'wk',
      region: 'eu',
      window: null,
      fetch: endpoint.fetch,
      flushAt: 1,
    });
    await analytics.track({ event: 'E', userId: 'u' });
    expect(endpoint.requests[0]?.url).toBe('https://events.eu1.segmentapis.com/v1/batch');
  });

  it('defaults to Segment US', async () => {
    const endpoint = fakeFetch();
    const analytics = createAnalytics({
      writeKey: 'wk',
      window: null,
      fetch: endpoint.fetch,
      flushAt: 1,
    });
    await analytics.track({ event: 'E', userId: 'u' });
    expect(endpoint.requests[0]?.url).toBe('https://api.segment.io/v1/batch');
  });

  it('merges the batch-level context under each item context', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint);
    const result = analytics.batch({
      context: { app: { name: 'shop', version: '1' }, locale: 'en-GB' },
      batch: [
        { type: 'track', event: 'E', userId: 'u', context: { app: { version: '2' } } },
        { type: 'page', name: 'Home', anonymousId: 'a' },
      ],
    });
    await analytics.flush();
    const [track, page] = endpoint.messages();
    expect(track?.context).toMatchObject({ app: { name: 'shop', version: '2' }, locale: 'en-GB' });
    expect(page?.context).toMatchObject({ app: { name: 'shop', version: '1' }, locale: 'en-GB' });
    expect(await result).toEqual({
      success: true,
      count: 2,
      messageIds: [track?.messageId, page?.messageId],
    });
  });

  it('refuses a whole batch when one item is invalid, naming the item', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint);
    const result = await analytics.batch({
      batch: [{ type: 'track', event: 'E', userId: 'u' }, { type: 'group', userId: 'u' } as never],
    });
    expect(result).toMatchObject({ success: false, count: 0, error: { code: 'missing_group_id' } });
    expect(result.error?.message).toContain('batch item 1 (group)');
    const unknownType = await analytics.batch({ batch: [{ type: 'click', userId: 'u' } as never] });
    expect(unknownType.error?.code).toBe('invalid_batch');
    const empty = await analytics.batch({ batch: [] });
    expect(empty.error?.code).toBe('invalid_batch');
    await analytics.flush();
    expect(endpoint.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries a 500 with the same messageId and succeeds', async () => {
    const endpoint = fakeFetch({ status: 500 }, { status: 503 });
    const analytics = serverClient(endpoint, { flushAt: 1 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.runAllTimersAsync();
    expect((await result).success).toBe(true);
    const ids = endpoint.requests.map((r) => r.body.batch[0]?.messageId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
  });

  it('retries 408 and network errors', async () => {
    const endpoint = fakeFetch({ status: 408 }, { networkError: 'ECONNRESET' });
    const analytics = serverClient(endpoint, { flushAt: 1 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.runAllTimersAsync();
    expect((await result).success).toBe(true);
    expect(endpoint.requests).toHaveLength(3);
  });

  it('waits for Retry-After on 429', async () => {
    const endpoint = fakeFetch({ status: 429, headers: { 'Retry-After': '5' } });
    const analytics = serverClient(endpoint, { flushAt: 1, retryBaseDelayMs: 10 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.advanceTimersByTimeAsync(4999);
    expect(endpoint.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.requests).toHaveLength(2);
    expect((await result).success).toBe(true);
  });

  it('caps a long Retry-After at retryMaxDelayMs', async () => {
    const endpoint = fakeFetch({ status: 429, headers: { 'Retry-After': '3600' } });
    const analytics = serverClient(endpoint, { flushAt: 1, retryMaxDelayMs: 2000 });
    void analytics.track({ event: 'E', userId: 'u' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('does not retry a 400 and reports rejected with the status', async () => {
    const endpoint = fakeFetch({ status: 400 });
    const analytics = serverClient(endpoint, { flushAt: 1 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.runAllTimersAsync();
    const { error } = await result;
    expect(error?.code).toBe('rejected');
    expect(error?.status).toBe(400);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('halves a request refused with 400 or 413, so only the message refused alone is dropped', async () => {
    for (const status of [400, 413]) {
      const sent: string[][] = [];
      const analytics = serverClient(fakeFetch(), {
        flushAt: 5,
        fetch: async (_url, init) => {
          const events = JSON.parse(String(init?.body)).batch.map(
            (m: { event: string }) => m.event,
          );
          sent.push(events);
          return new Response('{}', { status: events.includes('Bad') ? status : 200 });
        },
      });
      const results = await Promise.all(
        ['A', 'B', 'Bad', 'C', 'D'].map((event) => analytics.track({ event, userId: 'u' })),
      );
      expect(results.map((r) => r.success)).toEqual([true, true, false, true, true]);
      expect(results[2]?.error).toMatchObject({ code: 'rejected', status });
      expect(sent).toEqual([
        ['A', 'B', 'Bad', 'C', 'D'],
        ['A', 'B'],
        ['Bad', 'C', 'D'],
        ['Bad'],
        ['C', 'D'],
      ]);
    }
  });

  it('stops halving once close() has given up', async () => {
    const sent: number[] = [];
    const analytics = serverClient(fakeFetch(), {
      flushAt: 4,
      fetch: (_url, init) => {
        const count = JSON.parse(String(init?.body)).batch.length;
        sent.push(count);
        if (count > 1) return Promise.resolve(new Response('{}', { status: 400 }));
        return new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      },
    });
    const results = ['A', 'B', 'C', 'D'].map((event) => analytics.track({ event, userId: 'u' }));
    const closing = analytics.close({ timeoutMs: 500 });
    await vi.advanceTimersByTimeAsync(500);
    expect(await closing).toEqual({ drained: false });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sent).toEqual([4, 2, 1]);
    for (const result of await Promise.all(results)) {
      expect(result.error?.code).toBe('close_timeout');
    }
  });

  it('refuses a whole request at once for other 4xx, such as a bad writeKey', async () => {
    const endpoint = fakeFetch({ status: 401 });
    const analytics = serverClient(endpoint, { flushAt: 3 });
    const results = await Promise.all(
      ['A', 'B', 'C'].map((event) => analytics.track({ event, userId: 'u' })),
    );
    expect(results.map((r) => r.error?.status)).toEqual([401, 401, 401]);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('gives up after maxRetries with delivery_failed', async () => {
    const endpoint = fakeFetch({ status: 500 }, { status: 500 }, { status: 500 });
    const analytics = serverClient(endpoint, { flushAt: 1, maxRetries: 2 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.runAllTimersAsync();
    expect((await result).error?.code).toBe('delivery_failed');
    expect(endpoint.requests).toHaveLength(3);
  });

  it('backs off exponentially, capped', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const endpoint = fakeFetch({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const analytics = serverClient(endpoint, {
      flushAt: 1,
      maxRetries: 4,
      retryBaseDelayMs: 1000,
      retryMaxDelayMs: 3000,
    });
    const started = Date.now();
    const sentAt: number[] = [];
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.advanceTimersByTimeAsync(0);
    sentAt.push(Date.parse(endpoint.requests[0]?.body.sentAt ?? '') - started);
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersToNextTimerAsync();
      sentAt.push(Date.parse(endpoint.requests.at(-1)?.body.sentAt ?? '') - started);
    }
    await result;
    expect([...new Set(sentAt)]).toEqual([0, 1000, 3000, 6000, 9000]);
  });

  it('aborts a request that outlives requestTimeoutMs and retries it', async () => {
    const endpoint = fakeFetch('hang');
    const analytics = serverClient(endpoint, { flushAt: 1, requestTimeoutMs: 2000 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(endpoint.requests).toHaveLength(1);
    await vi.runAllTimersAsync();
    expect((await result).success).toBe(true);
    expect(endpoint.requests).toHaveLength(2);
  });
});

describe('close', () => {
  it('drains the queue', async () => {
    const endpoint = fakeFetch();
    const analytics = serverClient(endpoint, { flushAt: 100, flushIntervalMs: 60_000 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    expect(await analytics.close()).toEqual({ drained: true });
    expect((await result).success).toBe(true);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('gives up after timeoutMs and settles what is left with close_timeout', async () => {
    const endpoint = fakeFetch('hang');
    const analytics = serverClient(endpoint, { flushAt: 1, requestTimeoutMs: 60_000 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    const closing = analytics.close({ timeoutMs: 500 });
    await vi.advanceTimersByTimeAsync(500);
    expect(await closing).toEqual({ drained: false });
    expect((await result).error?.code).toBe('close_timeout');
  });

  it('makes no further attempt once close() has given up on a retry that was waiting', async () => {
    const endpoint = fakeFetch({ status: 500 });
    const analytics = serverClient(endpoint, { flushAt: 1, retryBaseDelayMs: 10_000 });
    const result = analytics.track({ event: 'E', userId: 'u' });
    await vi.advanceTimersByTimeAsync(0);
    expect(endpoint.requests).toHaveLength(1);
    const closing = analytics.close({ timeoutMs: 500 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await closing).toEqual({ drained: false });
    expect((await result).error?.code).toBe('close_timeout');
    expect(endpoint.requests).toHaveLength(1);
  });
});
