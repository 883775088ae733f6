import {
  type Analytics,
  type BoundCalls,
  bindCalls,
  fallbackClient,
  type PlanShape,
} from '@trackplan/core';
import { claimPages, type PageTracker, type PlanPage } from '@trackplan/core/page-tracking';
import { createContext, useContext, useEffect, useRef } from 'react';

// Every hook that reads the binding lives in this one module, so that the
// package imports React once: a bundler that keeps React external (esbuild)
// keeps each module's import of it, names and all, even in an app that uses
// nothing of that module, such as one without a router adapter.

/** What the provider shares with every hook below it. */
export interface Binding {
  client: Analytics<PlanShape>;
  /** None when the provider turns page tracking off: then no router below claims the pages. */
  tracker?: PageTracker | undefined;
}

export const BindingContext = createContext<Binding | null>(null);

/**
 * The client for the hook `use<Name>()`: the provider's, else core's fallback
 * (the default client; an error that says how to fix it in development; a
 * client that sends nothing in production).
 */
export function useClient(name: string): Analytics<PlanShape> {
  return (
    useContext(BindingContext)?.client ??
    fallbackClient(
      __DEV__
        ? () =>
            `use${name[0]!.toUpperCase()}${name.slice(1)}() found no analytics client. Wrap your app in <AnalyticsProvider client={analytics}>, or call setDefaultClient(analytics) at startup.`
        : undefined,
    )
  );
}

/** One positional call of {@link useClient}'s client, for the hook named after it; stable for that client. */
export function useCall<K extends keyof BoundCalls<PlanShape>>(name: K): BoundCalls<PlanShape>[K] {
  return bindCalls(useClient(name))[name];
}

/**
 * Lets a router say when pages change instead of the History API. Call it in
 * a component inside both the router and `<AnalyticsProvider>` with the
 * current location (any string that changes with it, or undefined while the
 * router has not settled) and what the route says about the page. While it is
 * mounted, the History API tracks no page of the client; once it unmounts,
 * the provider follows the History API again. The router adapters are a few
 * lines over this; use it for other routers.
 */
export function useRouterPageTracking(
  location: string | undefined,
  details?: PlanPage | undefined,
): void {
  const binding = useRouterClaim();
  const latest = useRef(details);
  latest.current = details;
  useEffect(() => {
    if (location !== undefined) binding?.tracker?.navigated(latest.current);
  }, [binding, location]);
}

/**
 * Claims the pages of the nearest provider's client for a router while the
 * calling component is mounted. An adapter whose router part may render late
 * (below its own Suspense boundary) claims from outside it, so that the
 * History API does not read the first page before the router reports it.
 */
export function useRouterClaim(): Binding | null {
  const binding = useContext(BindingContext);
  useEffect(() => {
    if (binding?.tracker) return claimPages(binding.client);
  }, [binding]);
  return binding;
}
