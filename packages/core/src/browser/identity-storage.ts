import { IDENTITY_KEYS, type KeyValueStorage, memoryStorage } from '../identity.js';
import type { CookieOptions } from '../options.js';
import type { BrowserGlobals } from './globals.js';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
// Ids go in cookies as well as localStorage, like analytics.js; traits can outgrow a cookie.
const COOKIE_KEYS = new Set<string>([IDENTITY_KEYS.anonymousId, IDENTITY_KEYS.userId]);

function decode(raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    // analytics.js wrote plain strings to cookies in some versions.
    return raw;
  }
}

function readCookie(cookieHeader: string, key: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === key) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return part.slice(eq + 1).trim();
      }
    }
  }
  return undefined;
}

function cookieAttributes(options: CookieOptions, maxAgeSeconds: number): string {
  const sameSite = options.sameSite ?? 'Lax';
  const secure = options.secure ?? sameSite === 'None';
  let attributes = `; path=${options.path ?? '/'}; max-age=${maxAgeSeconds}; SameSite=${sameSite}`;
  if (options.domain) attributes += `; domain=${options.domain}`;
  if (secure) attributes += '; Secure';
  return attributes;
}

/**
 * Identity persisted the way analytics.js persists it: localStorage holds
 * JSON-encoded values and cookies hold the ids. Either copy restores the
 * other. Storage that throws (disabled, full, Safari private mode) falls back
 * to memory for the rest of the page's life instead of failing the call.
 */
export function browserIdentityStorage(
  win: BrowserGlobals,
  options: CookieOptions = {},
): KeyValueStorage {
  const fallback = memoryStorage();
  const maxAge = options.maxAgeSeconds ?? ONE_YEAR_SECONDS;

  const local = {
    get(key: string): unknown {
      try {
        return decode(win.localStorage?.getItem(key));
      } catch {
        return undefined;
      }
    },
    set(key: string, value: unknown): boolean {
      try {
        if (!win.localStorage) return false;
        win.localStorage.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
    remove(key: string): void {
      try {
        win.localStorage?.removeItem(key);
      } catch {
        // Nothing stored there to forget.
      }
    },
  };

  const cookie = {
    get(key: string): unknown {
      try {
        return decode(readCookie(win.document.cookie, key));
      } catch {
        return undefined;
      }
    },
    set(key: string, value: unknown): boolean {
      if (!COOKIE_KEYS.has(key) || typeof value !== 'string') return false;
      try {
        win.document.cookie = `${key}=${encodeURIComponent(value)}${cookieAttributes(options, maxAge)}`;
        return readCookie(win.document.cookie, key) === value;
      } catch {
        return false;
      }
    },
    remove(key: string): void {
      // analytics.js sets its cookies on the top-level domain, so a copy may
      // sit on any parent of this host: expire them all, or reset() would
      // bring the previous user back from a parent-domain cookie.
      const labels = (win.location.hostname ?? '').split('.');
      const domains = labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
      for (const domain of ['', options.domain ?? '', ...domains]) {
        try {
          win.document.cookie = `${key}=${cookieAttributes({ ...options, domain }, 0)}`;
        } catch {
          // Cookies are disabled; nothing to forget.
        }
      }
    },
  };

  return {
    get(key) {
      const fromLocal = local.get(key);
      const fromCookie = COOKIE_KEYS.has(key) ? cookie.get(key) : undefined;
      const persisted = fromLocal ?? fromCookie;
      if (persisted === undefined) return fallback.get(key);
      const oneCopyMissing =
        fromLocal === undefined || (COOKIE_KEYS.has(key) && fromCookie === undefined);
      // Heal the copy that went missing, e.g. cookies cleared or expired.
      if (oneCopyMissing) this.set(key, persisted);
      return persisted;
    },
    set(key, value) {
      const storedLocally = local.set(key, value);
      const storedInCookie = cookie.set(key, value);
      if (!storedLocally && !storedInCookie) fallback.set(key, value);
    },
    remove(key) {
      local.remove(key);
      cookie.remove(key);
      fallback.remove(key);
    },
  };
}
