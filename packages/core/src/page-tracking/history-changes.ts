/** The slice of `window` that page tracking reads; injectable for tests. */
export interface PageTrackingWindow {
  location: { href: string; pathname: string; search: string; hash: string };
  document: { title: string; referrer: string };
  /** Written out rather than taken from the DOM lib, which a Node project may not load. */
  history: {
    pushState(data: unknown, unused: string, url?: string | URL | null): void;
    replaceState(data: unknown, unused: string, url?: string | URL | null): void;
  };
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  dispatchEvent(event: Event): boolean;
  setTimeout(callback: () => void, ms: number): unknown;
  requestAnimationFrame?: (callback: () => void) => unknown;
}

/** Dispatched on the window after every pushState and replaceState. */
export const NAVIGATE_EVENT = 'trackplan:navigate';
const EVENTS = ['popstate', 'hashchange', NAVIGATE_EVENT];
const patched = new WeakSet<object>();

/**
 * Calls `listener` after every History API navigation: pushState,
 * replaceState, back/forward (popstate) and hash changes. History is patched
 * once per window, and the patch calls the original first, so routers see no
 * difference. Returns the stop function.
 */
export function onHistoryChange(win: PageTrackingWindow, listener: () => void): () => void {
  const { history } = win;
  if (!patched.has(history)) {
    patched.add(history);
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function patched(this: unknown, ...args) {
        original.apply(this, args);
        win.dispatchEvent(new Event(NAVIGATE_EVENT));
      };
    }
  }
  for (const type of EVENTS) win.addEventListener(type, listener);
  return () => {
    for (const type of EVENTS) win.removeEventListener(type, listener);
  };
}
