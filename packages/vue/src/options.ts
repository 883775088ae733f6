import type { Analytics, PlanShape, RegisteredPlan } from '@trackplan/core';
import type { PageClient, PageTracker, PageTrackerOptions } from '@trackplan/core/page-tracking';

/**
 * Drives page tracking from a router's navigations instead of the History
 * API. Made by `trackRouter(router)` from `@trackplan/vue/router`, so apps
 * without vue-router never load it.
 */
export interface RouterTracking {
  /**
   * Reports each navigation to `tracker`, and claims the client's pages
   * meanwhile (`claimPages(client)` from `@trackplan/core/page-tracking`), so
   * that no tracker over the client, another app's included, follows the
   * History API. Returns the function that stops both, as `tracker.listen()`
   * does.
   */
  start(tracker: PageTracker, client: PageClient): () => void;
}

/** Options of {@link createTrackplan}. */
export interface TrackplanOptions<P extends PlanShape = RegisteredPlan> {
  /** The client that the composables and page tracking use. */
  client: Analytics<P>;
  /**
   * Tracks vue-router's navigations: pass `trackRouter(router)` from
   * `@trackplan/vue/router`. Without it, History API changes are tracked.
   */
  router?: RouterTracking | undefined;
  /**
   * Automatic page calls, one per page. `false` turns them off; an object
   * tunes them, e.g. `{ policy: { query: false } }` so that query-only
   * changes are not new pages.
   * @default true
   */
  pageTracking?: boolean | PageTrackerOptions | undefined;
}
