import type { PlanShape, RegisteredPlan } from '@trackplan/core';
import {
  claimPages,
  type PageDetails,
  type PlainPageName,
  type PlanPage,
} from '@trackplan/core/page-tracking';
import { nextTick } from 'vue';
import type { RouteLocationNormalizedLoaded, Router } from 'vue-router';
import type { RouterTracking } from './options.js';

/** One of the plan's pages with its properties, as a route's `meta.page` function returns it. */
export type RoutePage<P extends PlanShape = RegisteredPlan> = PlanPage<P>;

export type { PlainPageName };

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * The plan page this route is tracked as: its name; for pages with
     * properties, `{ name, properties }` or a function of the route, e.g.
     * `(route) => ({ name: 'Product Detail', properties: { product_id: String(route.params.id) } })`.
     * Without it, the route's `name` names the page.
     */
    page?:
      | PlainPageName
      | RoutePage
      | ((route: RouteLocationNormalizedLoaded) => RoutePage)
      | undefined;
  }
}

/** Options of {@link trackRouter}. */
export interface TrackRouterOptions {
  /**
   * What each route's page call says about it.
   * @default {@link describeRoute}: `meta.page`, else the route's `name` when it is a string
   */
  describeRoute?: ((route: RouteLocationNormalizedLoaded) => PageDetails | undefined) | undefined;
}

/**
 * The page details of a route: from `meta.page` (a page name, the details
 * themselves or a function of the route), else the route's `name` when it is
 * a string. The default of {@link TrackRouterOptions.describeRoute}.
 *
 * @example
 * // Every page in one category, named as usual.
 * trackRouter(router, {
 *   describeRoute: (route) => ({ ...describeRoute(route), category: 'Shop' }),
 * });
 */
export function describeRoute(route: RouteLocationNormalizedLoaded): PageDetails | undefined {
  const { page } = route.meta;
  if (typeof page === 'function') return page(route) as PageDetails;
  if (typeof page === 'string') return { name: page };
  if (page) return page as PageDetails;
  return typeof route.name === 'string' ? { name: route.name } : undefined;
}

/**
 * Page tracking driven by vue-router, for `createTrackplan({ router })`: one
 * page for the first route once `router.isReady()` resolves, then one per
 * successful navigation, read after the new route has rendered. Aborted,
 * cancelled, duplicated and failed navigations send nothing. While the app is
 * mounted, no tracker over the same client tracks pages from the History API
 * (see `claimPages`).
 *
 * @example
 * import { trackRouter } from '@trackplan/vue/router';
 *
 * const router = createRouter({
 *   history: createWebHistory(),
 *   routes: [
 *     { path: '/', name: 'Home', component: HomePage },
 *     {
 *       path: '/products/:id',
 *       component: ProductPage,
 *       meta: { page: (route) => ({ name: 'Product Detail', properties: { product_id: String(route.params.id) } }) },
 *     },
 *   ],
 * });
 * app.use(router).use(createTrackplan({ client: analytics, router: trackRouter(router) }));
 * @see https://segment.com/docs/connections/spec/page/
 */
export function trackRouter(router: Router, options: TrackRouterOptions = {}): RouterTracking {
  const describe = options.describeRoute ?? describeRoute;
  return {
    start(tracker, client) {
      // The router reports every page: meanwhile no tracker over the client,
      // another app's included, follows the History API.
      const release = claimPages(client);
      let ready = false;
      let stopped = false;
      const report = (route: RouteLocationNormalizedLoaded) => {
        // A later navigation superseded this one before it rendered: that one reports.
        if (!stopped && router.currentRoute.value === route) tracker.navigated(describe(route));
      };
      // The route's components render on the next tick; report after them.
      const reportRendered = (route: RouteLocationNormalizedLoaded) =>
        nextTick().then(() => report(route));
      const removeHook = router.afterEach((to, _from, failure) => {
        // Before ready, the first navigation is reported below, once. A failure
        // (aborted, cancelled, duplicated) left the page as it was.
        if (ready && !failure) reportRendered(to);
      });
      router.isReady().then(
        () => {
          ready = true;
          reportRendered(router.currentRoute.value);
        },
        // The first navigation failed, so it made no page; later ones still count.
        () => {
          ready = true;
        },
      );
      return () => {
        stopped = true;
        removeHook();
        release();
        tracker.stop();
      };
    },
  };
}
