import {
  type Analytics,
  type BoundCalls,
  bindCalls,
  createAnalytics,
  getDefaultClient,
  type PlanShape,
} from '@trackplan/core';
import type { PageTracker } from '@trackplan/core/page-tracking';
import { createContext, useContext } from 'react';

/** What the provider shares with every hook below it. */
export interface Binding {
  client: Analytics<PlanShape>;
  tracker: PageTracker;
  /** Set by a router adapter: the router, not the History API, then says when pages change. */
  routerDriven: { current: boolean };
}

export const BindingContext = createContext<Binding | null>(null);

let unconfigured: Analytics<PlanShape> | undefined;

/**
 * The client for hooks: the provider's; else the one registered with
 * `setDefaultClient`; else, in development, an error that says how to fix it,
 * and in production a client without a writeKey whose calls resolve
 * `success: false` (`missing_write_key`) rather than break the page.
 */
export function useClient(hook: string): Analytics<PlanShape> {
  const binding = useContext(BindingContext);
  const client = binding?.client ?? (getDefaultClient() as Analytics<PlanShape> | undefined);
  if (client) return client;
  if (__DEV__) {
    throw new Error(
      `${hook} found no analytics client. Wrap your app in <AnalyticsProvider client={analytics}>, or call setDefaultClient(analytics) at startup.`,
    );
  }
  unconfigured ??= createAnalytics({ window: null });
  return unconfigured;
}

/** The positional calls of {@link useClient}'s client; stable for that client. */
export function useCalls(hook: string): BoundCalls<PlanShape> {
  return bindCalls(useClient(hook));
}
