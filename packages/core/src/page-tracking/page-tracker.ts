import { campaignFields } from '../browser/context.js';
import { detectBrowser } from '../browser/globals.js';
import type { JsonObjectInput } from '../json-input.js';
import type { PageResult } from '../results.js';
import { NAVIGATE_EVENT, onHistoryChange, type PageTrackingWindow } from './history-changes.js';
import { type PageChangePolicy, type PageLocation, pageHash, pageKey } from './page-key.js';

/** Any client, whatever plan it is typed by: the tracker only sends pages. */
export interface PageClient {
  page(input: never): Promise<PageResult>;
}

/** What a page call says about the page besides its URL and title. */
export interface PageDetails {
  /** A page of the tracking plan, e.g. the route's name. */
  name?: string | undefined;
  category?: string | undefined;
  properties?: JsonObjectInput | undefined;
}

export interface PageTrackerOptions {
  /** The browser window, or null on a server, where nothing is tracked. @default `window` when there is one */
  window?: PageTrackingWindow | null | undefined;
  /** Which URL changes make a new page. @default `{ query: true, hash: 'routes' }` */
  policy?: PageChangePolicy | undefined;
  /** Names a page when no router adapter passes details, e.g. from a table of paths. */
  describePage?: ((location: PageLocation) => PageDetails | undefined) | undefined;
  /**
   * Calls back once the new page has rendered, so that its title is read and
   * not the previous page's.
   * @default after the next animation frame and a task; after 100 ms when frames are paused, as in a hidden tab
   */
  afterRender?: ((callback: () => void) => void) | undefined;
  /**
   * Whether `listen()` follows the History API. A router adapter claims the
   * pages while it is mounted (see {@link claimPages}), so this matters only
   * when the adapter mounts after the first page has been read: a router that
   * renders its first route after a root loader, a lazy route or Suspense.
   * Nothing can tell the tracker in time that a router is coming, so the
   * History API would track that page first, unnamed, with the loading
   * screen's title. Turn it off then, and the router reports every page.
   * @default true
   */
  history?: boolean | undefined;
}

export interface PageTracker {
  /**
   * Tracks the first page, then every History API navigation: pushState,
   * replaceState, back/forward and hash changes. Sends nothing while a router
   * has claimed the client's pages (see {@link claimPages}). Returns the stop
   * function.
   */
  listen(): () => void;
  /**
   * Tracks the current location once it has rendered, unless it is the page
   * tracked last. Router adapters call this after each navigation with the
   * route's details; when two reports come before the page is read, the
   * latest one names it.
   */
  navigated(details?: PageDetails): void;
  /** Stops listening and cancels captures not yet sent. */
  stop(): void;
}

/** What the trackers of one client share, so that together they count each page once. */
interface ClientPages {
  /** Where the page tracked last was read. */
  at?: PageLocation;
  /** The URL the last page call reported: the next page's referrer. */
  url?: string;
  /** How many routers report the client's pages (see {@link claimPages}). */
  routers?: number;
  /** In development: whether the History API tracked the last page, for the warning below. */
  fromHistory?: boolean;
}

const clients = new WeakMap<object, ClientPages>();

function pagesOf(client: PageClient): ClientPages {
  const shared = clients.get(client) ?? {};
  clients.set(client, shared);
  return shared;
}

/**
 * Says that a router reports the client's pages, through a tracker's
 * `navigated()`: until the returned release function is called, the History
 * API listeners of every tracker over the client send nothing, so that each
 * page is the router's, named, even with several providers or apps over one
 * client. Router adapters claim while they are mounted; once the last claim
 * is released, History API tracking goes on by itself, starting with the page
 * the app is on then, so that the navigation which unmounted the router (read
 * while it still claimed) is not lost.
 *
 * @example
 * // A router adapter, from mount to unmount:
 * const release = claimPages(analytics);
 * const unsubscribe = router.subscribe((route) => tracker.navigated({ name: route.name }));
 * // …
 * unsubscribe();
 * release();
 */
export function claimPages(client: PageClient): () => void {
  const shared = pagesOf(client);
  shared.routers = (shared.routers ?? 0) + 1;
  let held = true;
  return () => {
    // Every tracker listening to the History API reads the page again; each
    // still counts a page it has already tracked once.
    if (held && !--shared.routers!) globalThis.dispatchEvent?.(new Event(NAVIGATE_EVENT));
    held = false;
  };
}

function afterNextFrame(win: PageTrackingWindow): (callback: () => void) => void {
  return (callback) => {
    // Whichever of the frame and the 100 ms comes first runs the callback.
    let calls = 0;
    const run = () => calls++ || win.setTimeout(callback, 0);
    win.requestAnimationFrame?.(run);
    win.setTimeout(run, 100);
  };
}

/**
 * Sends exactly one page call per page: one for the first load and one per
 * navigation, none for re-renders, repeated effects, remounts or a navigation
 * to the page already tracked. The last page is remembered per client, so
 * any number of trackers over one client still count each page once, each
 * comparing it under its own policy.
 *
 * In-app navigations report the previous page's URL as the referrer. The
 * utm_ campaign is read when the navigation is reported, so an app may drop
 * the parameters from its URL while the page renders. The first page a
 * tracker reads falls back to the campaign of the URL it was created at, so
 * an app may also strip them as it starts (in a component's mount effect,
 * which can run before the first page is reported). That page carries it
 * wherever it is, a redirect's target or a page reached before `listen()`:
 * the visit came from that campaign, and analytics.js would have sent it with
 * the page call it makes as it loads.
 *
 * @example
 * const stop = createPageTracker(analytics).listen();
 * @see https://segment.com/docs/connections/spec/page/
 */
export function createPageTracker(
  client: PageClient,
  options: PageTrackerOptions = {},
): PageTracker {
  const win =
    options.window === undefined
      ? (detectBrowser() as unknown as PageTrackingWindow | null)
      : options.window;
  // Without a window there is nothing to render, read or track.
  const afterRender = win && (options.afterRender ?? afterNextFrame(win));
  const { policy } = options;
  const shared = pagesOf(client);
  let generation = 0;
  let unlisten: (() => void) | undefined;
  /** What the router said about the page in its latest report. */
  let reported: PageDetails | undefined;
  /** The campaign of the URL at creation, while the app renders: until the first page is read. */
  let landing = campaignFields(win?.location.search);
  /** The page without its query: what a navigation of its own would change. */
  const routeOf = (location: PageLocation) => pageKey(location, policy, false);

  /** Reads the page once it has rendered; `router` when a router reported it. */
  const schedule = (router?: boolean) => {
    if (!afterRender) return;
    const route = routeOf(win.location);
    const campaign = campaignFields(win.location.search) ?? landing;
    const current = generation;
    afterRender(() => {
      const { location } = win;
      // Read by the first page, or found to be an earlier page's; either way, used.
      landing = undefined;
      // Skipped once stopped, and for the History API while a router reports
      // pages. If the URL changed while the page rendered, another route is a
      // navigation of its own (a redirect, say), which reports itself; the
      // same route with its query edited where a router cannot see it (utm_
      // parameters stripped) is still this page, tracked at the URL it has now.
      if (current !== generation || (!router && shared.routers) || routeOf(location) !== route) {
        return;
      }
      if (shared.at && pageKey(shared.at, policy) === pageKey(location, policy)) {
        if (__DEV__ && router && reported && shared.fromHistory) {
          // Once per page, though a router may report it again (StrictMode).
          shared.fromHistory = false;
          console.warn(
            '[trackplan] A router reported a page that the History API had already tracked, unnamed: the router adapter mounted after that page was read. Render the adapter in a route that is always mounted (the root route). If the router itself renders its first route late (after a root loader, in a lazy router, below Suspense) and its adapter covers every page, turn the History API off for that client with the page tracking option history: false (in React, <AnalyticsProvider pageTracking={{ history: false }}>).',
          );
        }
        return;
      }
      const url = location.href.split('#')[0] + pageHash(location.hash, policy);
      const page = (router ? reported : undefined) ?? options.describePage?.(location);
      const referrer = shared.url ?? win.document.referrer;
      shared.at = new URL(location.href);
      shared.url = url;
      if (__DEV__) shared.fromHistory = !router;
      // Core ignores a name, category or campaign that is undefined, and
      // describes the page in context from these properties.
      void (client.page as (input: object) => Promise<PageResult>)({
        ...page,
        properties: { ...(page?.properties as object | undefined), url, referrer },
        context: { campaign },
      });
    });
  };

  const stop = () => {
    generation++;
    // Left set: calling it again, as listen() does, finds nothing to remove.
    unlisten?.();
  };

  return {
    listen() {
      if (!afterRender || options.history === false) return stop;
      unlisten?.();
      unlisten = onHistoryChange(win, () => schedule());
      schedule();
      return stop;
    },
    navigated(details) {
      reported = details;
      schedule(true);
    },
    stop,
  };
}
