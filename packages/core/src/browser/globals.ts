/**
 * The slice of `window` that core reads. Injectable, so tests and server
 * rendering never touch the real globals.
 */
export interface BrowserGlobals {
  location: { href: string; pathname: string; search: string; hash?: string; hostname?: string };
  document: { title: string; referrer: string; cookie: string };
  navigator?: { userAgent?: string; language?: string };
  localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** The real window when running in a browser, otherwise null. */
export function detectBrowser(): BrowserGlobals | null {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window === 'object' && g.window !== null && typeof g.document === 'object'
    ? (g.window as BrowserGlobals)
    : null;
}
