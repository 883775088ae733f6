import { describe, expect, it } from 'vitest';
import { bindCalls } from './bind-calls.js';
import { createTestAnalytics } from './testing/index.js';

describe('bindCalls', () => {
  it('sends positional calls as the object calls would', async () => {
    const recorder = createTestAnalytics({ window: null });
    const { track, identify, page } = bindCalls(recorder.analytics);
    const tracked = await track('Order Completed', { order_id: '42' }, { userId: 'u_1' });
    expect(tracked).toMatchObject({ success: true, event: 'Order Completed', userId: 'u_1' });
    await identify('u_1', { email: 'ada@example.com' }, { timestamp: '2026-01-01T00:00:00.000Z' });
    await page(
      'Product Detail',
      { product_id: 'p_1' },
      { anonymousId: 'a_1', category: 'Catalog' },
    );
    expect(recorder.messages).toMatchObject([
      { type: 'track', event: 'Order Completed', properties: { order_id: '42' }, userId: 'u_1' },
      {
        type: 'identify',
        userId: 'u_1',
        traits: { email: 'ada@example.com' },
        timestamp: '2026-01-01T00:00:00.000Z',
      },
      {
        type: 'page',
        name: 'Product Detail',
        category: 'Catalog',
        properties: { product_id: 'p_1' },
        anonymousId: 'a_1',
      },
    ]);
  });

  it('hands out the same functions for the same client', () => {
    const { analytics } = createTestAnalytics({ window: null });
    expect(bindCalls(analytics)).toBe(bindCalls(analytics));
    expect(bindCalls(analytics)).not.toBe(
      bindCalls(createTestAnalytics({ window: null }).analytics),
    );
  });

  it('resolves a refused call instead of throwing', async () => {
    const { track } = bindCalls(createTestAnalytics({ window: null }).analytics);
    const result = await track('Order Completed');
    expect(result).toMatchObject({ success: false, error: { code: 'missing_identity' } });
  });
});
