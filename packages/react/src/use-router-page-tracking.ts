import type { PlanPage } from '@trackplan/core/page-tracking';
import { useContext, useEffect, useRef } from 'react';
import { BindingContext } from './binding-context.js';

/**
 * Lets a router say when pages change instead of the History API. Call it in
 * a component inside both the router and `<AnalyticsProvider>` with the
 * current location (any string that changes with it, or undefined while the
 * router has not settled) and what the route says about the page. The router adapters are a few lines over this; use it for
 * other routers.
 */
export function useRouterPageTracking(
  location: string | undefined,
  details?: PlanPage | undefined,
): void {
  const binding = useContext(BindingContext);
  const latest = useRef(details);
  latest.current = details;
  useEffect(() => {
    if (!binding) return;
    binding.routerDriven = true;
    // Stops the provider's History API listener if it had already started.
    binding.tracker.stop();
  }, [binding]);
  useEffect(() => {
    if (!binding || location === undefined) return;
    binding.tracker.navigated(latest.current);
    return binding.tracker.stop;
  }, [binding, location]);
}
