import {
  AnalyticsError,
  type BoundCalls,
  type CallOptions,
  callThrough,
  type PageCallOptions,
  type PlanShape,
} from '@trackplan/core';
import { hasInjectionContext, inject } from 'vue';
import { type TrackplanContext, trackplanKey } from './context.js';

/**
 * The plugin's context, for the composable named `composable`. Without the
 * plugin, development builds throw an error saying how to fix it; production
 * builds return undefined, and the composables fall back to the default client
 * (see {@link fallbackCalls}), because analytics must never break a page.
 */
export function injectContext(composable: string): TrackplanContext | undefined {
  // hasInjectionContext() first, so a call outside setup() is our error, not Vue's warning.
  const context = hasInjectionContext() ? inject(trackplanKey, null) : null;
  if (context) return context;
  if (__DEV__) {
    throw new Error(
      hasInjectionContext()
        ? `${composable}() found no Trackplan plugin: call app.use(createTrackplan({ client })) first.`
        : `${composable}() was called outside setup(): call it at the top of setup() or <script setup>, or inside app.runWithContext().`,
    );
  }
  return undefined;
}

let fallback: BoundCalls<PlanShape> | undefined;

/**
 * Calls through the client registered with `setDefaultClient()`, looked up on
 * each call so that one set after startup is used. With none, the calls
 * resolve `success: false` with the `no_client` error; they never throw.
 */
export function fallbackCalls(): BoundCalls<PlanShape> {
  fallback ??= {
    track: ((event: string, properties?: object, options?: CallOptions) =>
      callThrough('track', { event, properties }, options)) as BoundCalls<PlanShape>['track'],
    identify: (userId, traits, options) => callThrough('identify', { userId, traits }, options),
    page: ((name?: string, properties?: object, options?: PageCallOptions) =>
      callThrough('page', { name, properties }, options)) as BoundCalls<PlanShape>['page'],
  };
  return fallback;
}

/** Thrown by useAnalytics() in production with neither a plugin nor a default client. */
export function noClient(): AnalyticsError {
  return new AnalyticsError('no_client', '');
}
