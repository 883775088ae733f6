import { describe, expectTypeOf, it } from 'vitest';
import {
  type Analytics,
  bindCalls,
  createAnalytics,
  type PageResult,
  type TrackResult,
} from './index.js';

interface StorePlan {
  events: {
    'Order Completed': { order_id: string; total: number };
    'Signed Out': { reason?: 'timeout' | 'user' };
  };
  pages: { 'Product Detail': { product_id: string }; Home: Record<string, never> };
  identifyTraits: { email?: string };
  groupTraits: { name: string };
}

declare const store: Analytics<StorePlan>;

describe('bindCalls with a plan', () => {
  const { track, identify, page } = bindCalls(store);

  it('takes only the plan’s events, with their properties', () => {
    expectTypeOf(track('Order Completed', { order_id: '1', total: 2 })).toEqualTypeOf<
      Promise<TrackResult>
    >();
    track('Signed Out');
    track('Signed Out', { reason: 'user' }, { userId: 'u_1' });
    // @ts-expect-error not an event of the plan
    track('Order Complete', { order_id: '1', total: 2 });
    // @ts-expect-error required properties missing
    track('Order Completed');
    // @ts-expect-error a misspelled property
    track('Order Completed', { order_id: '1', totl: 2 });
    // @ts-expect-error wrong type
    track('Order Completed', { order_id: 1, total: 2 });
  });

  it('types identify traits and page names', () => {
    identify('u_1', { email: 'a@example.com' });
    identify(undefined, { email: 'a@example.com' });
    // @ts-expect-error not a trait of the plan
    identify('u_1', { emial: 'a@example.com' });
    expectTypeOf(page()).toEqualTypeOf<Promise<PageResult>>();
    page('Home');
    page('Product Detail', { product_id: 'p1' }, { category: 'Catalog' });
    // @ts-expect-error not a page of the plan
    page('Checkout');
    // @ts-expect-error the page's required property is missing
    page('Product Detail');
  });
});

describe('bindCalls without a plan', () => {
  it('takes any name and any JSON object', () => {
    const { track, page } = bindCalls(createAnalytics({ writeKey: 'k' }));
    track('Anything', { a: 1 });
    track('Anything');
    page('Any Page', { b: [1] });
  });
});
