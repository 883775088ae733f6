import type { PlanPage } from '@trackplan/core/page-tracking';
import { usePathname, useSearchParams } from 'next/navigation';
import { createElement, Suspense } from 'react';
import { useRouterClaim, useRouterPageTracking } from './binding-context.js';

export interface NextPageTrackingProps {
  /** Names the page from the path and query, e.g. with a table of your routes. */
  describePage?:
    | ((pathname: string, searchParams: URLSearchParams) => PlanPage | undefined)
    | undefined;
}

function PageTracking({ describePage }: NextPageTrackingProps): null {
  const pathname = usePathname() ?? '';
  const searchParams = new URLSearchParams(useSearchParams()?.toString());
  const search = searchParams.toString();
  useRouterPageTracking(
    search ? `${pathname}?${search}` : pathname,
    describePage?.(pathname, searchParams),
  );
  return null;
}

/**
 * Page tracking for the Next.js App Router. It reads `useSearchParams()`
 * inside its own `<Suspense>`, so statically rendered routes still build.
 * Render it once in the root layout, inside `<AnalyticsProvider>`.
 *
 * @example
 * <AnalyticsProvider client={analytics}><NextPageTracking />{children}</AnalyticsProvider>
 */
export function NextPageTracking(props: NextPageTrackingProps) {
  // On a statically rendered route, the boundary renders its content only
  // after hydration: claimed from out here, the first page waits for it.
  useRouterClaim();
  return createElement(Suspense, { fallback: null }, createElement(PageTracking, props));
}
