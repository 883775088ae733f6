import {
  type Analytics,
  type BoundCalls,
  bindCalls,
  fallbackClient,
  type PlanShape,
} from '@trackplan/core';
import type { PageTracker } from '@trackplan/core/page-tracking';
import { createContext, useContext } from 'react';

/** What the provider shares with every hook below it. */
export interface Binding {
  client: Analytics<PlanShape>;
  tracker: PageTracker;
  /** Set by a router adapter: the router, not the History API, then says when pages change. */
  routerDriven?: boolean;
}

export const BindingContext = createContext<Binding | null>(null);

/**
 * The client for hooks: the provider's, else core's fallback (the default
 * client; an error that says how to fix it in development; a client that
 * sends nothing in production).
 */
export function useClient(hook: string): Analytics<PlanShape> {
  return (
    useContext(BindingContext)?.client ??
    fallbackClient(
      __DEV__
        ? () =>
            `${hook} found no analytics client. Wrap your app in <AnalyticsProvider client={analytics}>, or call setDefaultClient(analytics) at startup.`
        : undefined,
    )
  );
}

/** The positional calls of {@link useClient}'s client; stable for that client. */
export function useCalls(hook: string): BoundCalls<PlanShape> {
  return bindCalls(useClient(hook));
}
