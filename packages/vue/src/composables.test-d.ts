import type {
  Analytics,
  IdentifyResult,
  LoosePlan,
  PageResult,
  TrackFunction,
  TrackResult,
} from '@trackplan/core';
import { describe, expectTypeOf, it } from 'vitest';
import { useAnalytics, useIdentify, usePage, useTrack } from './composables.js';
import { createTrackplan } from './create-trackplan.js';
import { type RoutePage, trackRouter } from './router.js';

interface StorePlan {
  events: {
    'Order Completed': { order_id: string; total: number };
    'Signed Out': { reason?: 'timeout' | 'user' };
  };
  pages: { 'Product Detail': { product_id: string }; Home: Record<string, never> };
  identifyTraits: { email?: string };
  groupTraits: { name: string };
}

describe('composables typed by a plan', () => {
  it('useTrack() takes only the plan’s events, with their properties', () => {
    const track = useTrack<StorePlan>();
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
    // @ts-expect-error a property of the wrong type
    track('Order Completed', { order_id: 1, total: 2 });
    // @ts-expect-error an enum value outside the plan
    track('Signed Out', { reason: 'bored' });
  });

  it('useIdentify() takes the plan’s traits, usePage() its pages', () => {
    const identify = useIdentify<StorePlan>();
    const page = usePage<StorePlan>();
    expectTypeOf(identify('u_1', { email: 'a@example.com' })).toEqualTypeOf<
      Promise<IdentifyResult>
    >();
    // @ts-expect-error not a trait of the plan
    identify('u_1', { emial: 'a@example.com' });
    expectTypeOf(page()).toEqualTypeOf<Promise<PageResult>>();
    page('Home');
    page('Product Detail', { product_id: 'p1' }, { category: 'Catalog' });
    // @ts-expect-error not a page of the plan
    page('Checkout');
    // @ts-expect-error the page’s required property is missing
    page('Product Detail');
  });

  it('useAnalytics() gives the client typed by the plan', () => {
    expectTypeOf(useAnalytics<StorePlan>()).toEqualTypeOf<Analytics<StorePlan>>();
  });

  it('defaults to the registered plan, which is the loose one here', () => {
    expectTypeOf(useTrack()).toEqualTypeOf<TrackFunction<LoosePlan>>();
    useTrack()('Anything', { any: ['json'] });
  });
});

describe('createTrackplan', () => {
  it('takes a client of any plan, and a router only through trackRouter()', () => {
    const client = {} as Analytics<StorePlan>;
    createTrackplan({ client });
    createTrackplan({ client, pageTracking: { policy: { query: false, hash: 'routes' } } });
    // @ts-expect-error a policy value that does not exist
    createTrackplan({ client, pageTracking: { policy: { hash: 'anchors' } } });
    const router = {} as Parameters<typeof trackRouter>[0];
    createTrackplan({ client, router: trackRouter(router) });
    // @ts-expect-error the router itself is not a RouterTracking
    createTrackplan({ client, router });
  });
});

describe('RoutePage', () => {
  it('is one of the plan’s pages with its properties', () => {
    const detail: RoutePage<StorePlan> = {
      name: 'Product Detail',
      properties: { product_id: 'p' },
    };
    const home: RoutePage<StorePlan> = { name: 'Home' };
    expectTypeOf([detail, home]).toEqualTypeOf<RoutePage<StorePlan>[]>();
    // @ts-expect-error a page with required properties needs them
    const bare: RoutePage<StorePlan> = { name: 'Product Detail' };
    // @ts-expect-error not a page of the plan
    const unknown: RoutePage<StorePlan> = { name: 'Checkout' };
    expectTypeOf([bare, unknown]).toBeArray();
  });
});
