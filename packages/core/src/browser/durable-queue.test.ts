// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalytics } from '../client.js';
import type { AnalyticsError } from '../errors.js';
import type { AnalyticsOptions } from '../options.js';
import { fakeFetch } from '../test-support/fake-fetch.js';
import { type FakeTab, fakeLockManager, fakeTab } from '../test-support/fake-tabs.js';
import { LEASE_MS, QUEUE_KEY, TAB_LOCK } from './durable-queue.js';
import type { TabLocks } from './globals.js';

const ENDPOINT = 'https://api.example';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00.000Z') });
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

type Reply = Parameters<typeof fakeFetch>[number];

/**
 * A page of the origin with its own client. `kill()` is the page going away:
 * its locks are released and it sends nothing more.
 */
function openPage(
  locks: ReturnType<typeof fakeLockManager> | undefined,
  id: number,
  { replies = [], tab, ...options }: AnalyticsOptions & { replies?: Reply[]; tab?: FakeTab } = {},
) {
  const page = tab ?? fakeTab(locks?.forTab(id));
  const endpoint = fakeFetch(...replies);
  let dead = false;
  const errors: AnalyticsError[] = [];
  const analytics = createAnalytics({
    writeKey: 'wk',
    endpoint: ENDPOINT,
    window: page.win,
    storage: false,
    flushAt: 1,
    maxRetries: 0,
    fetch: (url, init) => (dead ? new Promise<Response>(() => {}) : endpoint.fetch(url, init)),
    onError: (error) => errors.push(error),
    ...options,
  });
  return {
    ...page,
    analytics,
    endpoint,
    errors,
    kill() {
      dead = true;
      locks?.close(id);
    },
  };
}

type Entry = { o: string; t: number; u: string; k: string; m: unknown };

/** The stored messages by messageId; an unreadable entry as its raw text. */
function stored(): Record<string, Entry | string> {
  const read = (raw: string): Entry | string => {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };
  return Object.fromEntries(
    Object.keys(localStorage)
      .filter((key) => key.startsWith(QUEUE_KEY))
      .map((key) => [key.slice(QUEUE_KEY.length), read(localStorage.getItem(key)!)]),
  );
}

const sentIds = (page: { endpoint: ReturnType<typeof fakeFetch> }) =>
  page.endpoint.messages().map((message) => String(message.messageId));

describe('the durable queue', () => {
  it('stores each call before the call returns, and forgets it once the endpoint confirms it', async () => {
    const page = openPage(fakeLockManager(), 1, { flushAt: 10 });
    const pending = page.analytics.track({ event: 'Viewed' });
    const [id, entry] = Object.entries(stored())[0] ?? [];
    expect(entry).toMatchObject({ u: ENDPOINT, k: 'wk', m: { messageId: id, event: 'Viewed' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toMatchObject({ success: true, messageId: id });
    expect(stored()).toEqual({});
  });

  it('sends what an earlier page left unconfirmed, under its messageId, without a caller', async () => {
    const locks = fakeLockManager();
    const first = openPage(locks, 1, { replies: ['hang'] });
    void first.analytics.track({ event: 'Added' });
    await vi.advanceTimersByTimeAsync(0);
    const [id] = sentIds(first);
    first.kill();

    const second = openPage(locks, 2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sentIds(second)).toEqual([id]);
    // The very message, timestamp and context included.
    expect(second.endpoint.messages()).toEqual(first.endpoint.messages());
    expect(stored()).toEqual({});
    expect(second.errors).toEqual([]);
  });

  it('keeps a message whose retries ran out, and sends it again after the next success', async () => {
    const page = openPage(fakeLockManager(), 1, { replies: [{ status: 503 }] });
    const failed = await Promise.all([
      page.analytics.track({ event: 'A' }),
      vi.advanceTimersByTimeAsync(0),
    ]);
    expect(failed[0]).toMatchObject({ success: false, error: { code: 'delivery_failed' } });
    expect(Object.keys(stored())).toEqual([failed[0].messageId]);

    await Promise.all([page.analytics.track({ event: 'B' }), vi.advanceTimersByTimeAsync(0)]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.endpoint.messages().map((m) => m.event)).toEqual(['A', 'B', 'A']);
    expect(new Set(sentIds(page)).size).toBe(2);
    expect(stored()).toEqual({});
  });

  it('drops a restored message the endpoint rejects, reports it through onError, and does not retry it', async () => {
    const locks = fakeLockManager();
    const first = openPage(locks, 1, { replies: ['hang'] });
    void first.analytics.track({ event: 'Bad' });
    await vi.advanceTimersByTimeAsync(0);
    first.kill();

    const second = openPage(locks, 2, { replies: [{ status: 400 }] });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(second.endpoint.requests).toHaveLength(1);
    expect(second.errors.map((e) => [e.code, e.status])).toEqual([['rejected', 400]]);
    expect(stored()).toEqual({});
  });

  it('drops a live call the endpoint rejects; its result carries the error', async () => {
    const page = openPage(fakeLockManager(), 1, { replies: [{ status: 400 }] });
    const [result] = await Promise.all([
      page.analytics.track({ event: 'Bad' }),
      vi.advanceTimersByTimeAsync(0),
    ]);
    expect(result).toMatchObject({ success: false, error: { code: 'rejected', status: 400 } });
    expect(page.errors).toHaveLength(1);
    expect(stored()).toEqual({});
  });

  it('leaves messages for another endpoint, and unreadable entries, alone', async () => {
    localStorage.setItem(
      `${QUEUE_KEY}other`,
      JSON.stringify({ o: 'gone', t: 0, u: 'https://elsewhere', k: 'wk', m: { event: 'X' } }),
    );
    localStorage.setItem(`${QUEUE_KEY}broken`, '{not json');
    const page = openPage(fakeLockManager(), 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.endpoint.requests).toHaveLength(0);
    expect(Object.keys(stored()).sort()).toEqual(['broken', 'other']);
  });
});

describe('tabs', () => {
  it('never sends one stored message from two live tabs, and claims it when its tab goes', async () => {
    const locks = fakeLockManager();
    const first = openPage(locks, 1, { replies: ['hang'], requestTimeoutMs: 10 ** 9 });
    void first.analytics.track({ event: 'Shared' });
    await vi.advanceTimersByTimeAsync(0);
    const [id] = sentIds(first);

    const second = openPage(locks, 2);
    const third = openPage(locks, 3);
    second.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(5000);
    expect(second.endpoint.requests).toHaveLength(0);
    expect(third.endpoint.requests).toHaveLength(0);
    expect(stored()[id ?? '']).toMatchObject({ m: { event: 'Shared' } });

    first.kill();
    await vi.advanceTimersByTimeAsync(0);
    // One of the waiting tabs takes it; the other sees a live owner.
    const sent = [...sentIds(second), ...sentIds(third)];
    expect(sent).toEqual([id]);
    expect(stored()).toEqual({});
  });

  it('does not take a message stored while its question about live tabs was on the way', async () => {
    const locks = fakeLockManager();
    const first = openPage(locks, 1, { replies: ['hang'], requestTimeoutMs: 10 ** 9 });
    // Across processes the answer comes a moment after it was made: the first
    // tab asks for its lock and stores a call in between.
    const own = locks.forTab(2);
    let tracked = false;
    const slowToAnswer: TabLocks = {
      request: own.request,
      async query() {
        const answer = await own.query();
        if (!tracked) {
          tracked = true;
          void first.analytics.track({ event: 'Fresh' });
        }
        return answer;
      },
    };
    const second = openPage(locks, 2, { tab: fakeTab(slowToAnswer) });
    await vi.advanceTimersByTimeAsync(5000);

    expect(tracked).toBe(true);
    expect(sentIds(first)).toHaveLength(1);
    expect(second.endpoint.requests).toHaveLength(0);
  });

  it('waits on a live owner in shared mode, so waiting tabs never look like owners', async () => {
    const locks = fakeLockManager();
    const first = openPage(locks, 1, { replies: ['hang'], requestTimeoutMs: 10 ** 9 });
    void first.analytics.track({ event: 'Shared' });
    await vi.advanceTimersByTimeAsync(0);
    openPage(locks, 2);
    await vi.advanceTimersByTimeAsync(0);
    const { held = [], pending = [] } = await locks.forTab(9).query();
    const owner = held.find((lock) => lock.name?.startsWith(TAB_LOCK));
    expect(owner).toMatchObject({ mode: 'exclusive', clientId: '1' });
    expect(pending).toEqual([{ name: owner?.name, mode: 'shared', clientId: '2' }]);
  });

  it('claims from a gone owner even while another tab holds its name in shared mode', async () => {
    const locks = fakeLockManager();
    void locks
      .forTab(9)
      .request(`${TAB_LOCK}gone`, { mode: 'shared' }, () => new Promise(() => {}));
    localStorage.setItem(
      `${QUEUE_KEY}left-1`,
      JSON.stringify({ o: 'gone', t: 0, u: ENDPOINT, k: 'wk', m: { event: 'Left' } }),
    );
    const page = openPage(locks, 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.endpoint.messages().map((m) => m.event)).toEqual(['Left']);
  });

  it('holds its tab lock only while it owns stored messages', async () => {
    const locks = fakeLockManager();
    const page = openPage(locks, 1, { replies: ['hang'], requestTimeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(locks.held()).toEqual([]);
    const result = page.analytics.track({ event: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    expect(locks.held().filter((name) => name.startsWith(TAB_LOCK))).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await result).success).toBe(false);
    // Still owned (unconfirmed), so still locked: no other tab may take it.
    expect(locks.held().filter((name) => name.startsWith(TAB_LOCK))).toHaveLength(1);
    page.fire('online');
    await vi.advanceTimersByTimeAsync(1000);
    expect(stored()).toEqual({});
    expect(locks.held()).toEqual([]);
  });

  it('after close() stops listening, and lets another tab take what it could not confirm', async () => {
    const locks = fakeLockManager();
    const first = openPage(locks, 1, { replies: ['hang'], requestTimeoutMs: 10 ** 9 });
    void first.analytics.track({ event: 'Unconfirmed' });
    await vi.advanceTimersByTimeAsync(0);
    const [id] = sentIds(first);
    const second = openPage(locks, 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(second.endpoint.requests).toHaveLength(0);

    expect(first.listening()).toBeGreaterThan(0);
    const closing = first.analytics.close({ timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(await closing).toEqual({ drained: false });
    expect(locks.held().filter((name) => name.startsWith(TAB_LOCK))).toEqual([]);
    expect(sentIds(second)).toEqual([id]);
    expect(stored()).toEqual({});

    // An orphan the closed page would claim if it still listened.
    localStorage.setItem(
      `${QUEUE_KEY}orphan`,
      JSON.stringify({ o: 'gone', t: 0, u: ENDPOINT, k: 'wk', m: { event: 'Orphan' } }),
    );
    first.set({ hidden: true });
    first.fire('pagehide');
    first.fire('visibilitychange');
    first.set({ hidden: false });
    first.fire('visibilitychange');
    first.fire('online');
    await vi.advanceTimersByTimeAsync(5000);
    expect(first.endpoint.requests).toHaveLength(1);
    expect(Object.keys(stored())).toEqual(['orphan']);
    expect(first.listening()).toBe(0);
  });

  it('without Web Locks, takes over another tab’s message only after LEASE_MS', async () => {
    const first = openPage(undefined, 1, { replies: ['hang'], requestTimeoutMs: 10 ** 9 });
    void first.analytics.track({ event: 'Slow' });
    await vi.advanceTimersByTimeAsync(0);
    const [id] = sentIds(first);

    const second = openPage(undefined, 2);
    await vi.advanceTimersByTimeAsync(LEASE_MS - 1);
    second.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(second.endpoint.requests).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    second.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(sentIds(second)).toEqual([id]);
  });
});

describe('storage limits and failures', () => {
  const quotaExceeded = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const securityError = (): never => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  };
  const cases: { name: string; storage: Parameters<typeof fakeTab>[1] }[] = [
    {
      name: 'full (QuotaExceededError)',
      storage: { getItem: () => null, setItem: quotaExceeded, removeItem: () => {} },
    },
    { name: 'disabled (reading localStorage throws)', storage: securityError },
    { name: 'missing', storage: undefined },
  ];
  it.each(cases)('sends every call from memory when storage is $name', async ({ storage }) => {
    const locks = fakeLockManager();
    const page = openPage(locks, 1, { tab: fakeTab(locks.forTab(1), storage) });
    const [result] = await Promise.all([
      page.analytics.track({ event: 'A' }),
      vi.advanceTimersByTimeAsync(0),
    ]);
    expect(result.success).toBe(true);
    expect(page.errors).toEqual([]);
    expect(sentIds(page)).toEqual([result.messageId]);
  });

  it('stores at most maxPersistedMessages; calls past it are still sent, from memory', async () => {
    const page = openPage(fakeLockManager(), 1, {
      maxPersistedMessages: 2,
      flushAt: 10,
    });
    const results = ['A', 'B', 'C'].map((event) => page.analytics.track({ event }));
    expect(Object.values(stored())).toMatchObject([{ m: { event: 'A' } }, { m: { event: 'B' } }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await Promise.all(results)).every((r) => r.success)).toBe(true);
    expect(page.endpoint.messages().map((m) => m.event)).toEqual(['A', 'B', 'C']);
    expect(stored()).toEqual({});
  });

  it('counts the messages other tabs stored against the cap', async () => {
    for (const n of [1, 2]) {
      localStorage.setItem(
        `${QUEUE_KEY}elsewhere-${n}`,
        JSON.stringify({ o: 'x', t: 0, u: 'https://elsewhere', k: 'wk', m: {} }),
      );
    }
    const page = openPage(fakeLockManager(), 1, { maxPersistedMessages: 3, flushAt: 10 });
    await vi.advanceTimersByTimeAsync(0);
    void page.analytics.track({ event: 'A' });
    void page.analytics.track({ event: 'B' });
    expect(Object.keys(stored())).toHaveLength(3);
  });

  it('persist: false stores nothing and restores nothing', async () => {
    localStorage.setItem(
      `${QUEUE_KEY}left`,
      JSON.stringify({ o: 'gone', t: 0, u: ENDPOINT, k: 'wk', m: { event: 'Old' } }),
    );
    const page = openPage(fakeLockManager(), 1, { persist: false, flushAt: 10 });
    void page.analytics.track({ event: 'New' });
    expect(Object.keys(stored())).toEqual(['left']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.endpoint.messages().map((m) => m.event)).toEqual(['New']);
  });
});

describe('leaving the page', () => {
  it.each([
    ['pagehide', false],
    ['visibilitychange', true],
  ] as const)('sends what is queued at once, as keepalive, on %s', async (type, hidden) => {
    const page = openPage(fakeLockManager(), 1, { flushAt: 10, flushIntervalMs: 60_000 });
    void page.analytics.track({ event: 'A' });
    void page.analytics.track({ event: 'B' });
    page.set({ hidden });
    page.fire(type);
    await vi.advanceTimersByTimeAsync(0);
    expect(page.endpoint.requests.map((r) => [r.keepalive, r.body.batch.length])).toEqual([
      [true, 2],
    ]);
  });

  it('does not send when the page becomes visible; it looks for stored messages instead', async () => {
    const page = openPage(fakeLockManager(), 1, { flushAt: 10, flushIntervalMs: 60_000 });
    void page.analytics.track({ event: 'A' });
    page.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(page.endpoint.requests).toHaveLength(0);
  });

  it('keeps the keepalive bodies in flight within 64 KB, and splits requests to fit', async () => {
    const page = openPage(fakeLockManager(), 1, {
      flushAt: 100,
      replies: Array(10).fill('hang'),
      requestTimeoutMs: 10 ** 9,
    });
    const padding = 'x'.repeat(20_000);
    for (let i = 0; i < 6; i++)
      void page.analytics.track({ event: 'Big', properties: { padding } });
    page.fire('pagehide');
    await vi.advanceTimersByTimeAsync(0);
    const sizes = page.endpoint.requests.map((r) => ({
      keepalive: r.keepalive,
      bytes: new TextEncoder().encode(JSON.stringify(r.body)).length,
    }));
    expect(sizes.every((r) => r.bytes <= 64 * 1024)).toBe(true);
    expect(sizes.map((r) => r.keepalive)).toEqual([true, false]);
    expect(page.endpoint.messages()).toHaveLength(6);
  });
});

describe('connectivity', () => {
  it('waits while offline without spending retries, and sends once back online', async () => {
    const page = openPage(fakeLockManager(), 1, { maxRetries: 0 });
    page.set({ onLine: false });
    const result = page.analytics.track({ event: 'Offline' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(page.endpoint.requests).toHaveLength(0);
    page.set({ onLine: true });
    page.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect((await result).success).toBe(true);
    expect(page.endpoint.requests).toHaveLength(1);
  });

  it('lets go of its listeners after each wait for online', async () => {
    const page = openPage(fakeLockManager(), 1);
    await vi.advanceTimersByTimeAsync(0);
    const idle = page.listening();
    for (let i = 0; i < 20; i++) {
      page.set({ onLine: false });
      const result = page.analytics.track({ event: `Trip ${i}` });
      await vi.advanceTimersByTimeAsync(1000);
      expect(page.listening()).toBe(idle + 1);
      page.set({ onLine: true });
      page.fire('online');
      expect((await result).success).toBe(true);
    }
    expect(page.listening()).toBe(idle);
  });

  it('sends nothing, and settles, when close() gave up while a request waited to go online', async () => {
    const page = openPage(fakeLockManager(), 1, {
      flushAt: 2,
      replies: [{ status: 400 }, 'hang'],
      requestTimeoutMs: 10 ** 9,
    });
    void page.analytics.track({ event: 'A' });
    void page.analytics.track({ event: 'B' });
    await vi.advanceTimersByTimeAsync(0);
    // [A, B] was refused; [A] alone now hangs, and [B] waits behind it.
    expect(page.endpoint.requests.map((r) => r.body.batch.length)).toEqual([2, 1]);
    page.set({ onLine: false });
    const closed = page.analytics.close({ timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(await closed).toEqual({ drained: false });
    let flushed = false;
    void page.analytics.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(flushed).toBe(true);
    expect(page.endpoint.requests).toHaveLength(2);
  });

  it('gives up waiting when the client is closed', async () => {
    const page = openPage(fakeLockManager(), 1, { replies: ['hang', 'hang'] });
    page.set({ onLine: false });
    const result = page.analytics.track({ event: 'Offline' });
    const closed = page.analytics.close({ timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(await closed).toEqual({ drained: false });
    expect((await result).error?.code).toBe('close_timeout');
    // Left stored for the next page.
    expect(Object.keys(stored())).toEqual([(await result).messageId]);
  });
});

describe('servers', () => {
  it('never persists, never asks for keepalive, and adds no listeners', async () => {
    const endpoint = fakeFetch();
    const analytics = createAnalytics({
      writeKey: 'wk',
      window: null,
      fetch: endpoint.fetch,
      flushAt: 1,
    });
    await Promise.all([
      analytics.track({ event: 'A', userId: 'u' }),
      vi.advanceTimersByTimeAsync(0),
    ]);
    expect(endpoint.requests.map((r) => r.keepalive)).toEqual([false]);
    expect(Object.keys(localStorage)).toEqual([]);
  });
});

// The lock manager double must behave like the browser's for these tests to mean anything.
describe('fakeLockManager', () => {
  it('grants shared requests together, never beside an exclusive holder', async () => {
    const locks = fakeLockManager();
    const granted: string[] = [];
    const [a, b, c] = [1, 2, 3].map((tab) => locks.forTab(tab));
    let release = (): void => {};
    void a!.request('x', () => new Promise<void>((resolve) => (release = resolve)));
    void b!.request('x', { mode: 'shared' }, () => void granted.push('b'));
    void c!.request('x', { mode: 'shared' }, () => new Promise(() => granted.push('c')));
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(granted.sort()).toEqual(['b', 'c']);
  });

  it('grants one holder at a time, in order, and frees a closed tab’s locks', async () => {
    const locks = fakeLockManager();
    const order: string[] = [];
    const a: TabLocks = locks.forTab(1);
    const b: TabLocks = locks.forTab(2);
    void a.request('x', () => new Promise(() => order.push('a')));
    void b.request('x', async () => void order.push('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['a']);
    expect(await b.query()).toMatchObject({ held: [{ name: 'x' }], pending: [{ name: 'x' }] });
    locks.close(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['a', 'b']);
    expect(locks.held()).toEqual([]);
  });
});
