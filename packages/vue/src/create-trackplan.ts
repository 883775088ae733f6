import { type Analytics, bindCalls, type PlanShape, type RegisteredPlan } from '@trackplan/core';
import { createPageTracker } from '@trackplan/core/page-tracking';
import type { Plugin } from 'vue';
import { whileMounted } from './app-lifecycle.js';
import { trackplanKey } from './context.js';
import type { TrackplanOptions } from './options.js';

/**
 * The Vue plugin: provides the client to {@link useAnalytics}, {@link useTrack},
 * {@link useIdentify} and {@link usePage}, and sends one page call per page
 * while the app is mounted. Page tracking starts at `app.mount()`, so server
 * rendering, which never mounts, sends nothing.
 *
 * @example
 * import { createTrackplan } from '@trackplan/vue';
 * import { trackRouter } from '@trackplan/vue/router';
 *
 * const analytics = createAnalytics({ writeKey: 'YOUR_WRITE_KEY' });
 * createApp(App)
 *   .use(router)
 *   .use(createTrackplan({ client: analytics, router: trackRouter(router) }))
 *   .mount('#app');
 * @see https://segment.com/docs/connections/spec/page/
 */
export function createTrackplan<P extends PlanShape = RegisteredPlan>(
  options: TrackplanOptions<P>,
): Plugin {
  return {
    install(app) {
      const { router, pageTracking = true } = options;
      const client = options.client as unknown as Analytics<PlanShape>;
      if (__DEV__) {
        if (!client) {
          throw new Error(
            'createTrackplan() needs a client: createTrackplan({ client: createAnalytics({ writeKey }) }).',
          );
        }
        if (router && typeof router.start !== 'function') {
          throw new Error(
            "createTrackplan({ router }) takes trackRouter(router) from '@trackplan/vue/router', not the router itself.",
          );
        }
      }
      app.provide(trackplanKey, { client, calls: bindCalls(client) });
      if (!pageTracking) return;
      whileMounted(
        app,
        // Before the components mount: one may strip the landing URL's utm_
        // parameters in its onMounted, and the tracker keeps their campaign.
        () => createPageTracker(client, pageTracking === true ? {} : pageTracking),
        (tracker) => (router ? router.start(tracker, client) : tracker.listen()),
      );
    },
  };
}
