import { afterEach, expect, it, vi } from 'vitest';
import { createAnalytics } from '../client.js';
import { type AnalyticsNodeLike, analyticsNodeDelivery } from './analytics-node.js';

afterEach(() => {
  vi.useRealTimers();
});

/** An SDK that takes every call and never reports back, and whose close never ends. */
function silentSdk(): AnalyticsNodeLike & { callbacks: Array<(error?: unknown) => void> } {
  const callbacks: Array<(error?: unknown) => void> = [];
  const take = (_params: Record<string, unknown>, callback?: (error?: unknown) => void) => {
    if (callback) callbacks.push(callback);
  };
  return {
    callbacks,
    track: take,
    identify: take,
    page: take,
    screen: take,
    group: take,
    alias: take,
    closeAndFlush: () => new Promise<void>(() => {}),
  };
}

it('resolves what the SDK has not confirmed with close_timeout when close() runs out of time', async () => {
  vi.useFakeTimers();
  const sdk = silentSdk();
  const analytics = createAnalytics({ delivery: analyticsNodeDelivery(sdk), window: null });
  const tracked = analytics.track({ event: 'E', userId: 'u' });
  const closed = analytics.close({ timeoutMs: 200 });
  await vi.advanceTimersByTimeAsync(200);

  expect(await closed).toEqual({ drained: false });
  const result = await tracked;
  expect(result.success).toBe(false);
  expect(result.error?.code).toBe('close_timeout');

  // The SDK's report after the timeout changes nothing.
  sdk.callbacks[0]?.();
  expect(await tracked).toBe(result);
  expect(result.error?.code).toBe('close_timeout');
});

it('still reports drained when the SDK confirms every call in time', async () => {
  const sdk = silentSdk();
  sdk.closeAndFlush = async () => {
    for (const done of sdk.callbacks) done();
  };
  const analytics = createAnalytics({ delivery: analyticsNodeDelivery(sdk), window: null });
  const tracked = analytics.track({ event: 'E', userId: 'u' });
  expect(await analytics.close({ timeoutMs: 1000 })).toEqual({ drained: true });
  expect((await tracked).success).toBe(true);
});
