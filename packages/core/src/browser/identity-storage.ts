import { IDENTITY_KEYS, type KeyValueStorage, memoryStorage } from '../identity.js';
import type { CookieOptions } from '../options.js';
import type { BrowserGlobals } from './globals.js';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
/** Set for an instant on each candidate domain while looking for the site's. */
const PROBE_COOKIE = 'ajs_domain_probe';

/** Runs a storage access that may throw (disabled, full, Safari private mode); undefined if it did. */
function attempt<T>(access: () => T): T | undefined {
  try {
    return access();
  } catch {
    return undefined;
  }
}

/** A value from localStorage (JSON), or undefined for none. An empty or null value counts as none. */
function decodeStored(raw: string | null | undefined): unknown {
  let value: unknown = raw;
  try {
    value = raw && JSON.parse(raw);
  } catch {
    // A plain string, as some analytics.js versions wrote.
  }
  return value === '' || value === null ? undefined : value;
}

/**
 * An id from a cookie. Cookies hold the raw id, or the id JSON-quoted as
 * analytics.js writes it; only the quotes are unwrapped, so an id such as
 * `1234567890123456789` or `1.0` is never read as a number.
 */
function decodeCookie(raw: string | undefined): string | undefined {
  let value = raw;
  if (raw?.startsWith('"')) {
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON after all: the raw text is the id.
    }
  }
  return typeof value === 'string' && value !== '' && value !== 'null' ? value : undefined;
}

/**
 * Identity persisted the way analytics.js persists it: localStorage holds
 * JSON-encoded values, and cookies hold the ids too (traits can outgrow a
 * cookie). Either copy restores the other, and when they disagree the cookie
 * wins, as in analytics.js: it is the copy that can be shared across a site's
 * subdomains, so it is the one other pages keep up to date. Storage that
 * throws falls back to memory for the rest of the page's life instead of
 * failing the call.
 */
export function browserIdentityStorage(
  win: BrowserGlobals,
  {
    domain,
    path = '/',
    sameSite = 'Lax',
    secure = sameSite === 'None',
    maxAgeSeconds = ONE_YEAR_SECONDS,
  }: CookieOptions = {},
): KeyValueStorage {
  const fallback = memoryStorage();
  const inCookie = (key: string) => key !== IDENTITY_KEYS.traits;
  /**
   * Ids whose cookie this page could not make read back what it wrote: an
   * older copy that cannot be expired shadows it, so it must not win.
   */
  const shadowed = new Set<string>();

  /** Every domain a copy of a cookie may sit on: host-only, then each parent of the host. */
  function cookieDomains(): string[] {
    const labels = (win.location.hostname ?? '').split('.');
    return ['', ...labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'))];
  }

  function readCookie(key: string): string | undefined {
    for (const part of win.document.cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === key) {
        const raw = part.slice(eq + 1).trim();
        return attempt(() => decodeURIComponent(raw)) ?? raw;
      }
    }
    return undefined;
  }

  function writeCookie(key: string, value: string, maxAge: number, at = siteDomain()): void {
    win.document.cookie = `${key}=${value}; path=${path}; max-age=${maxAge}; SameSite=${sameSite}${
      at ? `; domain=${at}` : ''
    }${secure ? '; Secure' : ''}`;
  }

  /**
   * The cookies' domain: the option, or else the widest domain this page may
   * set cookies on, which is where analytics.js keeps its ids (`shop.example`
   * on `app.shop.example`), so the ids are shared across the site's
   * subdomains and replace analytics.js's cookies instead of shadowing them.
   * Browsers refuse cookies on public suffixes such as `co.uk`, so the
   * shortest parent that takes a probe cookie is the site. Localhost and IP
   * addresses get host-only cookies. Found on first use.
   */
  function siteDomain(): string {
    if (domain === undefined) {
      domain = '';
      // Shortest parent first; none on IP addresses.
      const candidates = /^[\d.]*$|:/.test(win.location.hostname ?? '')
        ? []
        : cookieDomains().slice(1).reverse();
      for (const candidate of candidates) {
        if (domain) break;
        // A value of its own, so another page's probe cannot pass for this one.
        const token = String(Math.random());
        attempt(() => {
          writeCookie(PROBE_COOKIE, token, 60, candidate);
          if (readCookie(PROBE_COOKIE) === token) domain = candidate;
          writeCookie(PROBE_COOKIE, '', 0, candidate);
        });
      }
    }
    return domain;
  }

  return {
    get(key) {
      const fromLocal = attempt(() => decodeStored(win.localStorage?.getItem(key)));
      const fromCookie = inCookie(key) ? attempt(() => decodeCookie(readCookie(key))) : undefined;
      const persisted = shadowed.has(key) ? fromLocal : (fromCookie ?? fromLocal);
      if (persisted === undefined) return fallback.get(key);
      // Heal a copy that went missing (cookies cleared or expired) or fell behind.
      if (fromLocal !== persisted || (inCookie(key) && fromCookie === undefined)) {
        this.set(key, persisted);
      }
      return persisted;
    },
    set(key, value) {
      const storedLocally = attempt(() => {
        win.localStorage!.setItem(key, JSON.stringify(value));
        return true;
      });
      // A full store keeps the previous value, which get() would prefer to the
      // new one: drop it (removing works even when storage is full).
      if (!storedLocally) attempt(() => win.localStorage!.removeItem(key));
      let storedInCookie = false;
      if (inCookie(key) && typeof value === 'string') {
        const write = () =>
          !!attempt(() => {
            writeCookie(key, encodeURIComponent(value), maxAgeSeconds);
            return readCookie(key) === value;
          });
        storedInCookie = write();
        if (!storedInCookie) {
          // An older copy on another domain (a host-only cookie, or
          // analytics.js's on the whole site) is listed first: expire it.
          for (const at of cookieDomains()) {
            if (at !== siteDomain()) attempt(() => writeCookie(key, '', 0, at));
          }
          storedInCookie = write();
        }
        if (storedInCookie) shadowed.delete(key);
        else shadowed.add(key);
      }
      if (!storedLocally && !storedInCookie) fallback.set(key, value);
    },
    remove(key) {
      attempt(() => win.localStorage!.removeItem(key));
      // analytics.js sets its cookies on the top-level domain, so a copy may
      // sit on any parent of this host: expire them all, or reset() would
      // bring the previous user back from a parent-domain cookie.
      const [hostOnly = '', ...parents] = cookieDomains();
      for (const at of [hostOnly, siteDomain(), ...parents]) {
        attempt(() => writeCookie(key, '', 0, at));
      }
      fallback.remove(key);
    },
  };
}
