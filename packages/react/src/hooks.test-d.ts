import type {
  IdentifyResult,
  PageResult,
  RegisteredPlan,
  TrackFunction,
  TrackResult,
} from '@trackplan/core';
import { describe, expectTypeOf, it } from 'vitest';
import { useIdentify, usePage, useTrack } from './hooks.js';

interface StorePlan {
  events: {
    'Product Added': { product_id: string; price: number; quantity: number };
    'Signed Out': { reason?: 'timeout' | 'user' };
  };
  pages: { 'Product Detail': { product_id: string }; Cart: Record<string, never> };
  identifyTraits: { email?: string; plan?: 'free' | 'pro' };
  groupTraits: { name: string };
}

describe('hooks typed by a plan', () => {
  it('useTrack takes only the plan’s events with their properties', () => {
    const track = useTrack<StorePlan>();
    expectTypeOf(track('Product Added', { product_id: 'p1', price: 1, quantity: 1 })).toEqualTypeOf<
      Promise<TrackResult>
    >();
    track('Signed Out');
    // @ts-expect-error an event that is not in the plan
    track('Product Add', { product_id: 'p1', price: 1, quantity: 1 });
    // @ts-expect-error a misspelled property
    track('Product Added', { product_id: 'p1', prise: 1, quantity: 1 });
    // @ts-expect-error a property of the wrong type
    track('Product Added', { product_id: 'p1', price: '1', quantity: 1 });
    // @ts-expect-error required properties missing
    track('Product Added');
    // @ts-expect-error an enum value outside the plan
    track('Signed Out', { reason: 'bored' });
  });

  it('useIdentify and usePage follow the plan’s traits and pages', () => {
    const identify = useIdentify<StorePlan>();
    expectTypeOf(identify('u_1', { plan: 'pro' })).toEqualTypeOf<Promise<IdentifyResult>>();
    // @ts-expect-error a trait value outside the plan
    identify('u_1', { plan: 'gold' });
    const page = usePage<StorePlan>();
    expectTypeOf(page('Cart')).toEqualTypeOf<Promise<PageResult>>();
    page('Product Detail', { product_id: 'p1' });
    // @ts-expect-error a page that is not in the plan
    page('Checkout');
    // @ts-expect-error the page's required property is missing
    page('Product Detail', {});
  });

  it('defaults to the plan registered with codegen', () => {
    expectTypeOf(useTrack()).toEqualTypeOf<TrackFunction<RegisteredPlan>>();
  });
});
