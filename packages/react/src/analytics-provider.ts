import {
  type Analytics,
  type AnalyticsOptions,
  createAnalytics,
  type PlanShape,
} from '@trackplan/core';
import { createPageTracker, type PageTrackerOptions } from '@trackplan/core/page-tracking';
import { createElement, type ReactNode, useEffect, useMemo, useState } from 'react';
import { type Binding, BindingContext } from './binding-context.js';

/** How the provider tracks pages: off, or on with these options. */
export type PageTrackingOption = boolean | Omit<PageTrackerOptions, 'window'>;

export interface AnalyticsProviderProps {
  /** The client to share. */
  client?: Analytics<PlanShape> | Analytics | undefined;
  /**
   * Options to create the client with when `client` is not given. The client
   * is created once per writeKey and kept, so remounting the provider neither
   * creates a second client nor tracks the page again.
   */
  options?: AnalyticsOptions | undefined;
  /**
   * Automatic page tracking through the History API: one page for the first
   * load and one per navigation. A router adapter such as
   * `<ReactRouterPageTracking />` takes over while it is mounted. When the
   * router renders its first route late (after a root loader, in a lazy
   * route, below Suspense), pass `{ history: false }` so that the adapter
   * names the first page too. Read once.
   * @default true
   */
  pageTracking?: PageTrackingOption | undefined;
  children?: ReactNode;
}

const clientsByWriteKey = new Map<string, Analytics<PlanShape>>();

function sharedClient(options: AnalyticsOptions): Analytics<PlanShape> {
  const key = options.writeKey ?? '';
  return (
    clientsByWriteKey.get(key) ?? clientsByWriteKey.set(key, createAnalytics(options)).get(key)!
  );
}

/**
 * Shares an analytics client with the hooks below it and tracks pages.
 * Safe to render on a server: nothing runs there but rendering.
 *
 * @example
 * <AnalyticsProvider client={analytics}>
 *   <App />
 * </AnalyticsProvider>
 */
export function AnalyticsProvider({
  client,
  options,
  pageTracking,
  children,
}: AnalyticsProviderProps) {
  const [created] = useState(() => (client ? undefined : sharedClient(options ?? {})));
  const analytics = (client ?? created) as Analytics<PlanShape>;
  const [trackerOptions] = useState(pageTracking);
  const binding = useMemo<Binding>(
    () => ({
      client: analytics,
      // Turned off, there is no tracker: neither the History API nor a router
      // adapter below sends a page, and the adapter claims none of the
      // client's pages from other providers. (Spreading `true` or undefined
      // gives the defaults.)
      tracker:
        trackerOptions === false
          ? undefined
          : createPageTracker(analytics, { ...(trackerOptions as object) }),
    }),
    [analytics, trackerOptions],
  );
  // While a router adapter anywhere over this client is mounted, the tracker
  // leaves the pages to it; see useRouterPageTracking.
  useEffect(() => binding.tracker?.listen(), [binding]);
  return createElement(BindingContext.Provider, { value: binding }, children);
}
