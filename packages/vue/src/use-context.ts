import {
  type Analytics,
  bindCalls,
  createAnalytics,
  getDefaultClient,
  type PlanShape,
} from '@trackplan/core';
import { hasInjectionContext, inject } from 'vue';
import { type TrackplanContext, trackplanKey } from './context.js';

/**
 * What the composable named `composable` works with: the plugin's client, else
 * the one registered with `setDefaultClient()`. With neither, development
 * builds throw an error that says how to fix it; production builds get a
 * client with no writeKey, whose calls resolve `success: false` and send
 * nothing, because analytics must never break a page.
 */
export function useContext(composable: string): TrackplanContext {
  // Outside setup() Vue's inject() warns in development; ours is the clearer message.
  const context = !__DEV__ || hasInjectionContext() ? inject(trackplanKey, null) : null;
  if (context) return context;
  const client = getDefaultClient() as Analytics<PlanShape> | undefined;
  if (__DEV__ && !client) {
    throw new Error(
      hasInjectionContext()
        ? `${composable}() found no Trackplan plugin: call app.use(createTrackplan({ client })) first, or setDefaultClient(client) at startup.`
        : `${composable}() was called outside setup() and there is no default client: call it at the top of setup() or <script setup>, or call setDefaultClient(client) at startup.`,
    );
  }
  // Made on each use: only a misconfigured production app gets here, and the
  // plugin's calls, the ones apps use, are bound once.
  const fallbackClient = client ?? createAnalytics({ window: null });
  return { client: fallbackClient, calls: bindCalls(fallbackClient) };
}
