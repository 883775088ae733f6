// The plan registered as codegen registers it. Augmenting Register changes the
// types of every file in a program, so this folder is its own program: its
// tsconfig.json is used only by the `registered-plan` project of vitest.config.ts.
import type { Analytics, TrackResult } from '@trackplan/core';
import { describe, expectTypeOf, it } from 'vitest';
import { defineComponent } from 'vue';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useAnalytics, useIdentify, usePage, useTrack } from '../../src/index.js';
import { trackRouter } from '../../src/router.js';

interface StorePlan {
  events: {
    'Product Added': { product_id: string; price: number; quantity: number };
    'Signed In': { method: 'email' | 'google' };
  };
  pages: {
    Home: Record<string, never>;
    Checkout: { step?: number };
    'Product Detail': { product_id: string };
  };
  identifyTraits: { email?: string };
  groupTraits: { name: string };
}

declare module '@trackplan/core' {
  interface Register {
    plan: StorePlan;
  }
}

describe('with a plan registered', () => {
  it('types useTrack() by it, with no type argument', () => {
    const track = useTrack();
    expectTypeOf(track('Signed In', { method: 'email' })).toEqualTypeOf<Promise<TrackResult>>();
    track('Product Added', { product_id: 'p1', price: 120, quantity: 1 });
    // @ts-expect-error an event the plan does not have
    track('Product Addded', { product_id: 'p1', price: 120, quantity: 1 });
    // @ts-expect-error a required property is missing
    track('Product Added', { product_id: 'p1', price: 120 });
    // @ts-expect-error a property of the wrong type
    track('Product Added', { product_id: 'p1', price: '120', quantity: 1 });
    // @ts-expect-error a value outside the plan's enum
    track('Signed In', { method: 'github' });
    // @ts-expect-error the properties are required
    track('Signed In');
  });

  it('types useIdentify(), usePage() and useAnalytics() by it', () => {
    useIdentify()('u_1', { email: 'ada@example.com' });
    // @ts-expect-error a trait outside the plan
    useIdentify()('u_1', { nickname: 'ada' });
    const page = usePage();
    page('Checkout', { step: 1 });
    page('Product Detail', { product_id: 'p1' });
    // @ts-expect-error a page outside the plan
    page('Basket');
    // @ts-expect-error a required page property is missing
    page('Product Detail', {});
    expectTypeOf(useAnalytics()).toEqualTypeOf<Analytics<StorePlan>>();
  });

  it('types a route’s meta.page by it', () => {
    const component = defineComponent({});
    const routes: RouteRecordRaw[] = [
      { path: '/', component, meta: { page: 'Home' } },
      { path: '/checkout', component, meta: { page: 'Checkout' } },
      {
        path: '/checkout/2',
        component,
        meta: { page: { name: 'Checkout', properties: { step: 2 } } },
      },
      {
        path: '/products/:id',
        component,
        meta: {
          page: (route) => ({
            name: 'Product Detail',
            properties: { product_id: String(route.params.id) },
          }),
        },
      },
      // @ts-expect-error a page outside the plan
      { path: '/basket', component, meta: { page: 'Basket' } },
      // @ts-expect-error a page with required properties needs the function form
      { path: '/p/:id', component, meta: { page: 'Product Detail' } },
      // @ts-expect-error the function must give the page's required properties
      { path: '/q/:id', component, meta: { page: () => ({ name: 'Product Detail' }) } },
      {
        path: '/checkout/3',
        component,
        // @ts-expect-error a property of the wrong type
        meta: { page: { name: 'Checkout', properties: { step: '3' } } },
      },
    ];
    trackRouter(createRouter({ history: createWebHistory(), routes }));
  });
});
