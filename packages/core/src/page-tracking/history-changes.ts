/** The slice of `window` that page tracking reads; injectable for tests. */
export interface PageTrackingWindow {
  location: { href: string; pathname: string; search: string; hash: string };
  document: { title: string; referrer: string };
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: never): void;
  requestAnimationFrame?: (callback: () => void) => unknown;
}

type Listener = () => void;

/**
 * Listeners told of every pushState and replaceState, per window. History is
 * patched once per window however many trackers listen, and the patch calls
 * the original first, so routers see no difference.
 */
const historyListeners = new WeakMap<PageTrackingWindow, Set<Listener>>();

function patchHistory(win: PageTrackingWindow): Set<Listener> {
  let listeners = historyListeners.get(win);
  if (listeners) return listeners;
  const current = new Set<Listener>();
  listeners = current;
  historyListeners.set(win, current);
  const { history } = win;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function patched(this: History, ...args: Parameters<History['pushState']>) {
      const outcome = original.apply(this, args);
      for (const listener of [...current]) listener();
      return outcome;
    };
  }
  return current;
}

/**
 * Calls `listener` after every History API navigation: pushState,
 * replaceState, back/forward (popstate) and hash changes. Returns the stop
 * function.
 */
export function onHistoryChange(win: PageTrackingWindow, listener: Listener): () => void {
  const listeners = patchHistory(win);
  listeners.add(listener);
  win.addEventListener('popstate', listener);
  win.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    win.removeEventListener('popstate', listener);
    win.removeEventListener('hashchange', listener);
  };
}
