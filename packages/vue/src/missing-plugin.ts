import {
  type Analytics,
  type BoundCalls,
  type CallOptions,
  callThrough,
  createAnalytics,
  getDefaultClient,
  type PageCallOptions,
  type PlanShape,
} from '@trackplan/core';
import { hasInjectionContext, inject } from 'vue';
import { type TrackplanContext, trackplanKey } from './context.js';

/**
 * The plugin's context, for the composable named `composable`, or undefined
 * without the plugin: the composables then use the client registered with
 * `setDefaultClient()`. With neither, development builds throw an error that
 * says how to fix it; production builds carry on without a client, because
 * analytics must never break a page.
 */
export function injectContext(composable: string): TrackplanContext | undefined {
  // hasInjectionContext() first, so a call outside setup() gets our error, not Vue's warning.
  const context = hasInjectionContext() ? inject(trackplanKey, null) : null;
  if (context) return context;
  if (__DEV__ && !getDefaultClient()) {
    throw new Error(
      hasInjectionContext()
        ? `${composable}() found no Trackplan plugin: call app.use(createTrackplan({ client })) first, or setDefaultClient(client) at startup.`
        : `${composable}() was called outside setup() and there is no default client: call it at the top of setup() or <script setup>, or call setDefaultClient(client) at startup.`,
    );
  }
  return undefined;
}

let fallback: BoundCalls<PlanShape> | undefined;

/**
 * Calls through the default client, looked up on each call so that one set
 * after startup is used. With none, the calls resolve `success: false` with
 * the `no_client` error; they never throw. The same functions every time.
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

let unconfigured: Analytics<PlanShape> | undefined;

/**
 * The default client; in production without one, a client with no writeKey
 * and no window, whose calls resolve `success: false` and send nothing.
 */
export function fallbackClient(): Analytics<PlanShape> {
  const client = getDefaultClient() as Analytics<PlanShape> | undefined;
  if (client) return client;
  unconfigured ??= createAnalytics({ window: null });
  return unconfigured;
}
