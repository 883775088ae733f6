import { describe, expectTypeOf, it } from 'vitest';
import {
  type AliasResult,
  type Analytics,
  type AnalyticsError,
  type BatchResult,
  createAnalytics,
  type ErrorCode,
  getDefaultClient,
  type PageResult,
  setDefaultClient,
  type TrackResult,
} from './index.js';
import { createTestAnalytics } from './testing/index.js';

interface StorePlan {
  events: {
    'Order Completed': { order_id: string; total: number; coupon?: string | null };
    'Signed Out': { reason?: 'timeout' | 'user' };
  };
  pages: { 'Product Detail': { product_id: string } };
  identifyTraits: { email?: string; plan?: 'free' | 'pro' };
  groupTraits: { name: string };
}

describe('without a registered plan', () => {
  const analytics = createAnalytics({ writeKey: 'k' });

  it('takes any event and any JSON object or JSON text', () => {
    expectTypeOf(analytics.track({ event: 'Anything', properties: { a: 1 } })).toEqualTypeOf<
      Promise<TrackResult>
    >();
    analytics.track({ event: 'Anything', properties: '{"a":1}' });
    analytics.identify({ userId: 'u', traits: { anything: true } });
    analytics.page({ name: 'Any Page' });
    analytics.batch({
      batch: [
        { type: 'track', event: 'E' },
        { type: 'alias', userId: 'u', previousId: 'p' },
      ],
    });
  });

  it('still requires the fields Segment requires', () => {
    // @ts-expect-error track needs an event
    analytics.track({ userId: 'u' });
    // @ts-expect-error group needs a groupId
    analytics.group({ userId: 'u' });
    // @ts-expect-error alias needs a userId
    analytics.alias({ previousId: 'p' });
    // @ts-expect-error previousId is an id, not a number
    analytics.alias({ userId: 'u', previousId: 7 });
    // @ts-expect-error batch items need a known type
    analytics.batch({ batch: [{ type: 'click' }] });
  });

  it('lets a browser alias default previousId, as analytics.js does', () => {
    expectTypeOf(analytics.alias({ userId: 'u' })).resolves.toMatchTypeOf<AliasResult>();
  });

  it('resolves to the documented results', () => {
    expectTypeOf<TrackResult>().toMatchTypeOf<{
      success: boolean;
      event: string;
      userId: string | null;
      anonymousId: string | null;
      messageId?: string;
      error?: AnalyticsError;
    }>();
    expectTypeOf(analytics.page()).toEqualTypeOf<Promise<PageResult>>();
    expectTypeOf(analytics.batch({ batch: [] })).toEqualTypeOf<Promise<BatchResult>>();
    expectTypeOf<AnalyticsError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<'missing_identity'>().toMatchTypeOf<ErrorCode>();
  });
});

describe('typed by a plan', () => {
  const analytics = createAnalytics<StorePlan>({ writeKey: 'k' });

  it('accepts calls that follow the plan', () => {
    analytics.track({
      event: 'Order Completed',
      properties: { order_id: 'o', total: 3, coupon: null },
    });
    analytics.track({ event: 'Signed Out' });
    analytics.page({ name: 'Product Detail', properties: { product_id: 'p' } });
    analytics.page({});
    analytics.identify({ userId: 'u', traits: { plan: 'pro' } });
    analytics.group({ groupId: 'g', traits: { name: 'Acme' } });
  });

  it('rejects what breaks it', () => {
    // @ts-expect-error unknown event
    analytics.track({ event: 'Order Complete', properties: { order_id: 'o', total: 3 } });
    // @ts-expect-error missing required property
    analytics.track({ event: 'Order Completed', properties: { order_id: 'o' } });
    // @ts-expect-error properties are required when a property is
    analytics.track({ event: 'Order Completed' });
    // @ts-expect-error wrong type
    analytics.track({ event: 'Order Completed', properties: { order_id: 'o', total: '3' } });
    // @ts-expect-error excess property
    analytics.track({ event: 'Order Completed', properties: { order_id: 'o', total: 3, totl: 3 } });
    // @ts-expect-error enum value outside the plan
    analytics.track({ event: 'Signed Out', properties: { reason: 'crash' } });
    // @ts-expect-error unknown page
    analytics.page({ name: 'Product Detial', properties: { product_id: 'p' } });
    // @ts-expect-error wrong trait type
    analytics.identify({ traits: { plan: 'enterprise' } });
    // @ts-expect-error missing group trait
    analytics.group({ groupId: 'g', traits: {} });
    // @ts-expect-error batch items are checked too
    analytics.batch({ batch: [{ type: 'track', event: 'Nope' }] });
  });
});

describe('default client and testing', () => {
  it('registers any client', () => {
    setDefaultClient(createAnalytics<StorePlan>());
    expectTypeOf(getDefaultClient()).toMatchTypeOf<Analytics | undefined>();
  });
  it('records with the same typing', () => {
    const { analytics } = createTestAnalytics<StorePlan>();
    // @ts-expect-error unknown event
    analytics.track({ event: 'Nope' });
  });
});
