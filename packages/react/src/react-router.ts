import type { PlanPage } from '@trackplan/core/page-tracking';
import { createElement, useContext } from 'react';
import { type Location, UNSAFE_DataRouterStateContext, useLocation } from 'react-router';
import { useRouterPageTracking } from './binding-context.js';
import { pageOfRoutes, type RoutePage } from './route-page.js';

export type { RoutePage } from './route-page.js';

/**
 * What a route's `handle` holds for page tracking. React Router types
 * `handle` as `any`, so write `handle: { page: 'Home' } satisfies RouteHandle`
 * to have the plan check the page.
 */
export interface RouteHandle {
  page?: RoutePage | undefined;
}

export interface ReactRouterPageTrackingProps {
  /** Names the page when the routes' `handle.page` does not (or without a data router). */
  describePage?: ((location: Location) => PlanPage | undefined) | undefined;
}

function PageTracking({ describePage }: ReactRouterPageTrackingProps): null {
  const location = useLocation();
  const dataRouter = useContext(UNSAFE_DataRouterStateContext);
  const details =
    describePage?.(location) ??
    pageOfRoutes(
      (dataRouter?.matches ?? []).map((match) => ({
        page: (match.route.handle as { page?: RoutePage } | undefined)?.page,
        params: match.params,
      })),
    );
  useRouterPageTracking(location.pathname + location.search + location.hash, details);
  return null;
}

/**
 * Page tracking driven by React Router v6.4+ and v7: one page per navigation,
 * named by the deepest matched route's `handle.page` in a data router
 * (`createBrowserRouter`), or by `describePage`. Render it once inside the
 * router, e.g. in the root route's element, below `<AnalyticsProvider>`.
 *
 * @example
 * { path: '/', element: <><ReactRouterPageTracking /><Outlet /></>, handle: { page: 'Home' } }
 */
export function ReactRouterPageTracking(props: ReactRouterPageTrackingProps) {
  return createElement(PageTracking, props);
}
