// Written out rather than taken from the DOM lib, so that a Node project
// compiling core's declarations without that lib still type-checks them.

/** A Web Lock as `navigator.locks.query()` lists it. */
export interface TabLockInfo {
  name?: string;
  mode?: 'exclusive' | 'shared';
}

/** The two Web Locks methods the durable queue uses. */
export interface TabLocks {
  request(
    name: string,
    options: { mode?: 'exclusive' | 'shared'; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
  request(name: string, callback: (lock: unknown) => unknown): Promise<unknown>;
  query(): Promise<{ held?: TabLockInfo[]; pending?: TabLockInfo[] }>;
}

/** The three Storage methods core calls on `localStorage`. */
export interface WebStorageMethods {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The slice of `window` that core reads. Injectable, so tests and server
 * rendering never touch the real globals.
 */
export interface BrowserGlobals {
  location: { href: string; pathname: string; search: string; hash?: string; hostname?: string };
  document: {
    title: string;
    referrer: string;
    cookie: string;
    /** Read when the page is hidden, to send what is queued before it may be closed. */
    visibilityState?: 'hidden' | 'visible' | (string & {});
  };
  navigator?: {
    userAgent?: string;
    language?: string;
    /** Sending pauses while this is false. */
    onLine?: boolean;
    /** Lets tabs of one origin share the durable queue; without it they fall back to a lease. */
    locks?: TabLocks;
  };
  /** Persists identity and, unless `persist` is false, the queue. Enumerated with `Object.keys`. */
  localStorage?: WebStorageMethods;
  /** For `pagehide`, `visibilitychange`, `online`. */
  addEventListener?(
    type: string,
    listener: (event: unknown) => void,
    options?: { once?: boolean; signal?: AbortSignal },
  ): void;
}

/** The real window when running in a browser, otherwise null. */
export function detectBrowser(): BrowserGlobals | null {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window === 'object' && g.window !== null && typeof g.document === 'object'
    ? (g.window as BrowserGlobals)
    : null;
}
