import { bindCalls, fallbackClient } from '@trackplan/core';
import { hasInjectionContext, inject } from 'vue';
import { type TrackplanContext, trackplanKey } from './context.js';

/**
 * What the composable named `composable` works with: the plugin's client, else
 * core's fallback: the client registered with `setDefaultClient()`; with none,
 * an error that says how to fix it in development, and in production a client
 * with no writeKey whose calls resolve `success: false` and send nothing.
 */
export function useContext(composable: string): TrackplanContext {
  // Outside setup() Vue's inject() warns in development; ours is the clearer message.
  const context = !__DEV__ || hasInjectionContext() ? inject(trackplanKey, null) : null;
  if (context) return context;
  const client = fallbackClient(
    __DEV__
      ? () =>
          hasInjectionContext()
            ? `${composable}() found no Trackplan plugin: call app.use(createTrackplan({ client })) first, or setDefaultClient(client) at startup.`
            : `${composable}() was called outside setup() and there is no default client: call it at the top of setup() or <script setup>, or call setDefaultClient(client) at startup.`
      : undefined,
  );
  return { client, calls: bindCalls(client) };
}
