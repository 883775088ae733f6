import { describe, expect, it, vi } from 'vitest';
import { createAnalytics } from '../client.js';
import { type AnalyticsJsLike, analyticsJsDelivery } from './analytics-js.js';

/** A stand-in with analytics.js's positional signatures that records each call. */
function fakeAnalyticsJs() {
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      calls.push({ method, args: args.slice(0, -1) });
      const callback = args.at(-1) as () => void;
      queueMicrotask(callback);
    };
  const sdk: AnalyticsJsLike = {
    track: record('track'),
    identify: record('identify'),
    page: record('page'),
    screen: record('screen'),
    group: record('group'),
    alias: record('alias'),
  };
  return { sdk, calls };
}

describe('analyticsJsDelivery', () => {
  it('maps each call onto analytics.js positional arguments', async () => {
    const { sdk, calls } = fakeAnalyticsJs();
    const analytics = createAnalytics({ delivery: analyticsJsDelivery(sdk), window: null });
    const timestamp = '2026-11-28T10:00:00Z';
    const results = await Promise.all([
      analytics.track({
        event: 'Clicked',
        anonymousId: 'a',
        properties: { x: 1 },
        timestamp,
        messageId: 'm1',
      }),
      analytics.identify({ userId: 'u', traits: { plan: 'pro' }, timestamp }),
      analytics.page({
        anonymousId: 'a',
        category: 'Docs',
        name: 'Intro',
        properties: { p: 1 },
        timestamp,
      }),
      analytics.screen({ anonymousId: 'a', name: 'Settings', timestamp }),
      analytics.group({
        userId: 'u',
        groupId: 'g',
        traits: { n: 1 },
        timestamp,
        integrations: { All: false },
      }),
      analytics.alias({ userId: 'u', previousId: 'a', timestamp }),
    ]);
    expect(results.every((r) => r.success)).toBe(true);
    const options = expect.objectContaining({
      timestamp,
      context: expect.objectContaining({ library: expect.any(Object) }),
    });
    expect(calls).toEqual([
      {
        method: 'track',
        args: ['Clicked', { x: 1 }, expect.objectContaining({ anonymousId: 'a', messageId: 'm1' })],
      },
      { method: 'identify', args: ['u', { plan: 'pro' }, options] },
      { method: 'page', args: ['Docs', 'Intro', { p: 1 }, options] },
      { method: 'screen', args: [null, 'Settings', {}, options] },
      {
        method: 'group',
        args: ['g', { n: 1 }, expect.objectContaining({ integrations: { All: false } })],
      },
      { method: 'alias', args: ['u', 'a', options] },
    ]);
  });

  it('turns an SDK that throws into a rejected result', async () => {
    const sdk = fakeAnalyticsJs().sdk;
    sdk.track = vi.fn(() => {
      throw new Error('blocked by an extension');
    });
    const analytics = createAnalytics({ delivery: analyticsJsDelivery(sdk), window: null });
    const result = await analytics.track({ event: 'E', userId: 'u' });
    expect(result.error?.code).toBe('rejected');
  });

  it('needs no writeKey, since analytics.js holds its own', async () => {
    const analytics = createAnalytics({
      delivery: analyticsJsDelivery(fakeAnalyticsJs().sdk),
      window: null,
    });
    expect((await analytics.track({ event: 'E', userId: 'u' })).success).toBe(true);
  });
});
