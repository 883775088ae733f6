import { useRouter, useRouterState } from '@tanstack/react-router';
import type { PlanPage } from '@trackplan/core/page-tracking';
import { createElement } from 'react';
import { useRouterPageTracking } from './binding-context.js';
import { pageOfRoutes, type RoutePage } from './route-page.js';

export type { RoutePage } from './route-page.js';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The page of the tracking plan this route shows, for `<TanStackRouterPageTracking />`. */
    page?: RoutePage;
  }
}

export interface TanStackRouterPageTrackingProps {
  /** Names the page when the routes' `staticData.page` does not. */
  describePage?: ((href: string) => PlanPage | undefined) | undefined;
}

function PageTracking({ describePage }: TanStackRouterPageTrackingProps): null {
  const router = useRouter();
  // The location once its loaders have resolved, so the page is there to read.
  const href = useRouterState({ select: (state) => state.resolvedLocation?.href });
  const details =
    (href === undefined ? undefined : describePage?.(href)) ??
    pageOfRoutes(
      router.state.matches.map((match) => ({
        page: (match.staticData as { page?: RoutePage } | undefined)?.page,
        params: match.params as Record<string, string | undefined>,
      })),
    );
  useRouterPageTracking(href, details);
  return null;
}

/**
 * Page tracking driven by TanStack Router: one page per resolved navigation,
 * named by the deepest matched route's `staticData.page`. Render it once in
 * the root route's component, below `<AnalyticsProvider>`.
 */
export function TanStackRouterPageTracking(props: TanStackRouterPageTrackingProps) {
  return createElement(PageTracking, props);
}
