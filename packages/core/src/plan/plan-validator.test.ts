import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnalytics } from '../client.js';
import { createTestAnalytics } from '../testing/index.js';
import { createPlanValidator } from './index.js';

const plan = createPlanValidator((message) =>
  message.type === 'track' && typeof message.properties.total !== 'number'
    ? [{ path: 'properties.total', message: 'Expected a number' }]
    : [],
);

afterEach(() => vi.restoreAllMocks());

describe('onViolation', () => {
  it("'warn' (the default) logs and still sends", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { analytics, tracked } = createTestAnalytics({ plan, window: null });
    const result = await analytics.track({
      event: 'Order Completed',
      userId: 'u',
      properties: { total: '3' },
    });
    expect(result.success).toBe(true);
    expect(tracked()).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('properties.total: Expected a number'),
    );
  });

  it("'drop' sends nothing and resolves plan_violation", async () => {
    const { analytics, tracked } = createTestAnalytics({ plan, onViolation: 'drop', window: null });
    const result = await analytics.track({ event: 'Order Completed', userId: 'u', properties: {} });
    expect(result.error?.code).toBe('plan_violation');
    expect(result.error?.message).toContain(
      'track "Order Completed" does not match the tracking plan',
    );
    expect(tracked()).toHaveLength(0);
  });

  it("'throw' throws at the call site, for development and tests", () => {
    const { analytics } = createTestAnalytics({ plan, onViolation: 'throw', window: null });
    expect(() => analytics.track({ event: 'Order Completed', userId: 'u' })).toThrow(
      /properties.total/,
    );
    expect(() =>
      analytics.batch({ batch: [{ type: 'track', event: 'E', userId: 'u' }] }),
    ).toThrow();
  });

  it('a callback is told and the call is sent', async () => {
    const onViolation = vi.fn();
    const { analytics, tracked } = createTestAnalytics({ plan, onViolation, window: null });
    await analytics.track({ event: 'Order Completed', userId: 'u' });
    expect(onViolation).toHaveBeenCalledWith({
      message: expect.objectContaining({ event: 'Order Completed' }),
      violations: [{ path: 'properties.total', message: 'Expected a number' }],
    });
    expect(tracked()).toHaveLength(1);
  });

  it('conforming calls pass untouched', async () => {
    const warn = vi.spyOn(console, 'warn');
    const fetch = async () => new Response('{}');
    const analytics = createAnalytics({ plan, writeKey: 'k', window: null, fetch, flushAt: 1 });
    expect(
      (await analytics.track({ event: 'E', userId: 'u', properties: { total: 1 } })).success,
    ).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });
});
