// Type checks under a registered plan, as codegen registers it: `tsc -p` this
// folder (the typecheck script does). Augmenting Register retypes every file
// of a program, so these are a program of their own and no vitest type test.
import { createRootRoute, createRoute } from '@tanstack/react-router';
import type { Analytics, PageResult, RegisteredPlan } from '@trackplan/core';
import { expectTypeOf } from 'vitest';
import {
  useAnalytics,
  useIdentify,
  usePage,
  useRouterPageTracking,
  useTrack,
} from '../../src/index.js';
import type { NextPageTrackingProps } from '../../src/next.js';
import type {
  ReactRouterPageTrackingProps,
  RouteHandle,
  RoutePage,
} from '../../src/react-router.js';
import type { TanStackRouterPageTrackingProps } from '../../src/tanstack-router.js';

declare module '@trackplan/core' {
  interface Register {
    plan: {
      events: { 'Coupon Applied': { code: string; percent_off?: number } };
      pages: { Landing: { campaign?: string }; Article: { slug: string } };
      identifyTraits: { plan?: 'free' | 'pro' };
      groupTraits: { name: string };
    };
  }
}

export function useHooksFollowingThePlan() {
  const track = useTrack();
  track('Coupon Applied', { code: 'SPRING' });
  // @ts-expect-error an event missing from the plan
  track('Coupon Removed', { code: 'SPRING' });
  // @ts-expect-error a property of the wrong type
  track('Coupon Applied', { code: 'SPRING', percent_off: '10' });
  // @ts-expect-error a trait value outside the plan
  useIdentify()('u_1', { plan: 'gold' });
  const page = usePage();
  expectTypeOf(page('Article', { slug: 'hello' })).toEqualTypeOf<Promise<PageResult>>();
  // @ts-expect-error the page's required property is missing
  page('Article');
  expectTypeOf(useAnalytics()).toEqualTypeOf<Analytics<RegisteredPlan>>();
}

export function routesNamePlanPages() {
  const handles: { page: RoutePage }[] = [
    { page: 'Landing' },
    { page: ({ slug }) => ({ name: 'Article', properties: { slug: slug ?? '' } }) },
    // @ts-expect-error a page missing from the plan
    { page: 'Pricing' },
    // @ts-expect-error a page with required properties needs them
    { page: 'Article' },
  ];
  const root = createRootRoute();
  const under = { getParentRoute: () => root, path: '/landing' } as const;
  createRoute({ ...under, staticData: { page: 'Landing' } });
  // @ts-expect-error a page missing from the plan
  createRoute({ ...under, staticData: { page: 'Pricing' } });
  return handles;
}

export function useAdapterPagesFromThePlan() {
  // React Router types handle as any: `satisfies RouteHandle` brings the plan in.
  const handles = [
    { page: 'Landing' } satisfies RouteHandle,
    // @ts-expect-error a page missing from the plan
    { page: 'Pricing' } satisfies RouteHandle,
  ];
  const reactRouter: ReactRouterPageTrackingProps['describePage'] = () => ({ name: 'Landing' });
  // @ts-expect-error a page missing from the plan
  const reactRouterWrong: ReactRouterPageTrackingProps['describePage'] = () => ({
    name: 'Pricing',
  });
  // @ts-expect-error a page with required properties needs them
  const tanstack: TanStackRouterPageTrackingProps['describePage'] = () => ({ name: 'Article' });
  // @ts-expect-error a page missing from the plan
  const next: NextPageTrackingProps['describePage'] = () => ({ name: 'Pricing' });
  useRouterPageTracking('/landing', { name: 'Landing' });
  // @ts-expect-error a page missing from the plan
  useRouterPageTracking('/pricing', { name: 'Pricing' });
  return [handles, reactRouter, reactRouterWrong, tanstack, next];
}
