// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createIdentity, IDENTITY_KEYS } from '../identity.js';
import type { BrowserGlobals } from './globals.js';
import { browserIdentityStorage } from './identity-storage.js';

const { anonymousId: ANON_KEY, userId: USER_KEY, traits: TRAITS_KEY } = IDENTITY_KEYS;

/** The raw value of a cookie as `document.cookie` shows it, undecoded. */
function rawCookie(name: string): string | undefined {
  for (const part of document.cookie.split('; ')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return undefined;
}

/** Writes a raw cookie the way analytics.js or the user's browser would. */
function writeCookie(cookie: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the jar under test is document.cookie itself.
  document.cookie = cookie;
}

function clearCookies(): void {
  for (const part of document.cookie.split('; ')) {
    const name = part.split('=')[0];
    if (name) writeCookie(`${name}=; path=/; max-age=0`);
  }
}

/** jsdom's window, whose localStorage throws on every access like Safari's private mode. */
function windowWithBrokenLocalStorage(): BrowserGlobals {
  return {
    location: window.location,
    document: window.document,
    get localStorage(): never {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  };
}

/** A window whose storage methods throw, e.g. quota exceeded or disabled by policy. */
function windowWithThrowingStorageMethods(): BrowserGlobals {
  const fail = (): never => {
    throw new DOMException('Storage is disabled.', 'SecurityError');
  };
  return {
    location: window.location,
    document: window.document,
    localStorage: { getItem: fail, setItem: fail, removeItem: fail },
  };
}

/** No localStorage at all, and a document that silently ignores cookie writes. */
function windowWithoutAnyStorage(): BrowserGlobals {
  const document = {
    title: '',
    referrer: '',
    get cookie(): string {
      return '';
    },
    set cookie(_ignored: string) {},
  };
  return { location: window.location, document };
}

beforeEach(() => {
  localStorage.clear();
  clearCookies();
});

describe('browserIdentityStorage writes where analytics.js does', () => {
  it('persists the anonymousId under ajs_anonymous_id in localStorage (JSON) and a cookie', () => {
    browserIdentityStorage(window).set(ANON_KEY, 'anon-1');

    expect(localStorage.getItem('ajs_anonymous_id')).toBe('"anon-1"');
    expect(rawCookie('ajs_anonymous_id')).toBe('anon-1');
  });

  it('persists the userId under ajs_user_id in localStorage (JSON) and a cookie', () => {
    browserIdentityStorage(window).set(USER_KEY, 'user-1');

    expect(localStorage.getItem('ajs_user_id')).toBe('"user-1"');
    expect(rawCookie('ajs_user_id')).toBe('user-1');
  });

  it('persists traits under ajs_user_traits in localStorage only', () => {
    browserIdentityStorage(window).set(TRAITS_KEY, { email: 'ada@example.com', plan: 'pro' });

    expect(JSON.parse(localStorage.getItem('ajs_user_traits') ?? 'null')).toEqual({
      email: 'ada@example.com',
      plan: 'pro',
    });
    expect(rawCookie('ajs_user_traits')).toBeUndefined();
  });

  it('URI-encodes ids in the cookie and reads them back', () => {
    const storage = browserIdentityStorage(window);
    storage.set(USER_KEY, 'ada@example.com; x=1');

    expect(rawCookie('ajs_user_id')).toBe(encodeURIComponent('ada@example.com; x=1'));
    expect(browserIdentityStorage(window).get(USER_KEY)).toBe('ada@example.com; x=1');
  });

  it('reads back what an earlier page wrote', () => {
    const before = browserIdentityStorage(window);
    before.set(ANON_KEY, 'anon-1');
    before.set(USER_KEY, 'user-1');
    before.set(TRAITS_KEY, { plan: 'pro' });

    const after = browserIdentityStorage(window);

    expect(after.get(ANON_KEY)).toBe('anon-1');
    expect(after.get(USER_KEY)).toBe('user-1');
    expect(after.get(TRAITS_KEY)).toEqual({ plan: 'pro' });
  });
});

describe('browserIdentityStorage reads what analytics.js wrote', () => {
  const table: {
    name: string;
    given: { localStorage?: Record<string, string>; cookie?: string[] };
    want: Record<string, unknown>;
  }[] = [
    {
      name: 'JSON-encoded strings in localStorage',
      given: { localStorage: { ajs_anonymous_id: '"legacy-anon"', ajs_user_id: '"legacy-user"' } },
      want: { [ANON_KEY]: 'legacy-anon', [USER_KEY]: 'legacy-user' },
    },
    {
      name: 'JSON-encoded traits in localStorage',
      given: { localStorage: { ajs_user_traits: '{"email":"ada@example.com"}' } },
      want: { [TRAITS_KEY]: { email: 'ada@example.com' } },
    },
    {
      name: 'plain cookies',
      given: { cookie: ['ajs_anonymous_id=legacy-anon', 'ajs_user_id=legacy-user'] },
      want: { [ANON_KEY]: 'legacy-anon', [USER_KEY]: 'legacy-user' },
    },
    {
      name: 'JSON-quoted, URI-encoded cookies',
      given: { cookie: ['ajs_anonymous_id=%22legacy-anon%22', 'ajs_user_id=%22legacy-user%22'] },
      want: { [ANON_KEY]: 'legacy-anon', [USER_KEY]: 'legacy-user' },
    },
    {
      name: 'a plain, non-JSON string in localStorage',
      given: { localStorage: { ajs_anonymous_id: 'not-json-anon' } },
      want: { [ANON_KEY]: 'not-json-anon' },
    },
  ];

  it.each(table)('$name', ({ given, want }) => {
    for (const [key, value] of Object.entries(given.localStorage ?? {})) {
      localStorage.setItem(key, value);
    }
    for (const cookie of given.cookie ?? []) writeCookie(`${cookie}; path=/`);

    const storage = browserIdentityStorage(window);

    for (const [key, value] of Object.entries(want)) expect(storage.get(key)).toEqual(value);
  });

  it('gives an Identity the id analytics.js left in localStorage', () => {
    localStorage.setItem('ajs_anonymous_id', '"legacy-id"');

    expect(createIdentity(browserIdentityStorage(window)).anonymousId()).toBe('legacy-id');
  });
});

describe('browserIdentityStorage when the copies disagree', () => {
  it('takes the cookie, as analytics.js does, and brings localStorage up to date', () => {
    localStorage.setItem('ajs_user_id', '"user-from-this-subdomain"');
    writeCookie('ajs_user_id=%22user-from-the-site%22; path=/');

    expect(browserIdentityStorage(window).get(USER_KEY)).toBe('user-from-the-site');
    expect(localStorage.getItem('ajs_user_id')).toBe('"user-from-the-site"');
  });

  it('does not let a blanked cookie erase an id kept in localStorage', () => {
    localStorage.setItem('ajs_anonymous_id', '"anon-1"');
    writeCookie('ajs_anonymous_id=; path=/');

    expect(browserIdentityStorage(window).get(ANON_KEY)).toBe('anon-1');
    expect(rawCookie('ajs_anonymous_id')).toBe('anon-1');
  });

  it('treats a stored JSON null as no value', () => {
    localStorage.setItem('ajs_user_id', 'null');

    expect(createIdentity(browserIdentityStorage(window)).userId()).toBeNull();
  });
});

describe('browserIdentityStorage heals a missing copy', () => {
  it('rewrites the cookie from localStorage when cookies were cleared', () => {
    browserIdentityStorage(window).set(ANON_KEY, 'anon-1');
    clearCookies();
    expect(rawCookie('ajs_anonymous_id')).toBeUndefined();

    expect(browserIdentityStorage(window).get(ANON_KEY)).toBe('anon-1');
    expect(rawCookie('ajs_anonymous_id')).toBe('anon-1');
  });

  it('rewrites localStorage from the cookie when localStorage was cleared', () => {
    browserIdentityStorage(window).set(USER_KEY, 'user-1');
    localStorage.clear();

    expect(browserIdentityStorage(window).get(USER_KEY)).toBe('user-1');
    expect(localStorage.getItem('ajs_user_id')).toBe('"user-1"');
  });

  it('gives a plain analytics.js cookie a JSON-encoded localStorage copy', () => {
    writeCookie('ajs_anonymous_id=legacy-anon; path=/');

    expect(browserIdentityStorage(window).get(ANON_KEY)).toBe('legacy-anon');
    expect(localStorage.getItem('ajs_anonymous_id')).toBe('"legacy-anon"');
  });
});

describe('browserIdentityStorage when localStorage is unusable', () => {
  const broken: { name: string; makeWindow: () => BrowserGlobals }[] = [
    { name: 'a localStorage getter that throws', makeWindow: windowWithBrokenLocalStorage },
    { name: 'storage methods that throw', makeWindow: windowWithThrowingStorageMethods },
  ];

  it.each(broken)('does not throw with $name', ({ makeWindow }) => {
    const storage = browserIdentityStorage(makeWindow());

    expect(() => storage.set(ANON_KEY, 'anon-1')).not.toThrow();
    expect(() => storage.get(ANON_KEY)).not.toThrow();
    expect(() => storage.set(TRAITS_KEY, { plan: 'pro' })).not.toThrow();
    expect(() => storage.remove(TRAITS_KEY)).not.toThrow();
  });

  it.each(broken)('keeps ids in the cookie with $name', ({ makeWindow }) => {
    const storage = browserIdentityStorage(makeWindow());
    storage.set(ANON_KEY, 'anon-1');
    storage.set(USER_KEY, 'user-1');

    expect(rawCookie('ajs_anonymous_id')).toBe('anon-1');
    expect(rawCookie('ajs_user_id')).toBe('user-1');
    expect(storage.get(ANON_KEY)).toBe('anon-1');
    expect(storage.get(USER_KEY)).toBe('user-1');
  });

  it.each(broken)('keeps traits in memory for the page with $name', ({ makeWindow }) => {
    const storage = browserIdentityStorage(makeWindow());
    storage.set(TRAITS_KEY, { plan: 'pro' });

    expect(storage.get(TRAITS_KEY)).toEqual({ plan: 'pro' });
    expect(localStorage.getItem('ajs_user_traits')).toBeNull();
  });

  it('keeps one identity for the page when neither localStorage nor cookies work', () => {
    const identity = createIdentity(browserIdentityStorage(windowWithoutAnyStorage()));
    const anonymousId = identity.anonymousId();
    identity.remember('user-1', { plan: 'pro' });

    expect(identity.anonymousId()).toBe(anonymousId);
    expect(identity.snapshot()).toEqual({
      userId: 'user-1',
      anonymousId,
      traits: { plan: 'pro' },
    });
  });

  it('keeps one identity for the page behind a throwing localStorage getter', () => {
    const identity = createIdentity(browserIdentityStorage(windowWithBrokenLocalStorage()));
    const anonymousId = identity.anonymousId();
    identity.remember('user-1', { plan: 'pro' });

    expect(identity.snapshot()).toEqual({
      userId: 'user-1',
      anonymousId,
      traits: { plan: 'pro' },
    });
  });
});

describe('browserIdentityStorage when localStorage fills up', () => {
  /** jsdom's localStorage, refusing every write once `full` is set, as a full quota does. */
  function windowWithFillingStorage(): { win: BrowserGlobals; fill(): void } {
    let full = false;
    const storage = {
      getItem: (key: string) => localStorage.getItem(key),
      setItem(key: string, value: string) {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        localStorage.setItem(key, value);
      },
      removeItem: (key: string) => localStorage.removeItem(key),
    };
    return {
      win: { location: window.location, document: window.document, localStorage: storage },
      fill: () => {
        full = true;
      },
    };
  }

  it("does not give the next user the previous user's traits", () => {
    const { win, fill } = windowWithFillingStorage();
    const identity = createIdentity(browserIdentityStorage(win));
    identity.remember('alice', { email: 'alice@example.com' });
    fill();
    identity.remember('bob', { plan: 'pro' });

    expect(identity.snapshot()).toMatchObject({ userId: 'bob', traits: { plan: 'pro' } });
    expect(localStorage.getItem(TRAITS_KEY)).toBeNull();
  });

  it('reads back a value it could only keep in memory', () => {
    const { win, fill } = windowWithFillingStorage();
    const storage = browserIdentityStorage(win);
    storage.set(TRAITS_KEY, { plan: 'free' });
    fill();
    storage.set(TRAITS_KEY, { plan: 'pro' });

    expect(storage.get(TRAITS_KEY)).toEqual({ plan: 'pro' });
  });
});

describe('browserIdentityStorage.remove', () => {
  it('forgets ids in localStorage and the cookie', () => {
    const storage = browserIdentityStorage(window);
    storage.set(ANON_KEY, 'anon-1');
    storage.set(USER_KEY, 'user-1');
    storage.set(TRAITS_KEY, { plan: 'pro' });

    for (const key of [ANON_KEY, USER_KEY, TRAITS_KEY]) storage.remove(key);

    expect(localStorage.getItem('ajs_anonymous_id')).toBeNull();
    expect(localStorage.getItem('ajs_user_id')).toBeNull();
    expect(localStorage.getItem('ajs_user_traits')).toBeNull();
    expect(rawCookie('ajs_anonymous_id')).toBeUndefined();
    expect(rawCookie('ajs_user_id')).toBeUndefined();
    expect(storage.get(ANON_KEY)).toBeUndefined();
    expect(storage.get(USER_KEY)).toBeUndefined();
    expect(storage.get(TRAITS_KEY)).toBeUndefined();
    expect(browserIdentityStorage(window).get(ANON_KEY)).toBeUndefined();
  });

  it('forgets what was kept in memory', () => {
    const storage = browserIdentityStorage(windowWithoutAnyStorage());
    storage.set(ANON_KEY, 'anon-1');
    storage.set(TRAITS_KEY, { plan: 'pro' });
    expect(storage.get(ANON_KEY)).toBe('anon-1');

    storage.remove(ANON_KEY);
    storage.remove(TRAITS_KEY);

    expect(storage.get(ANON_KEY)).toBeUndefined();
    expect(storage.get(TRAITS_KEY)).toBeUndefined();
  });

  it('lets Identity.reset make a new anonymousId', () => {
    const identity = createIdentity(browserIdentityStorage(window));
    const before = identity.anonymousId();
    identity.remember('user-1', { plan: 'pro' });

    identity.reset();

    const after = createIdentity(browserIdentityStorage(window)).snapshot();
    expect(after.userId).toBeNull();
    expect(after.traits).toEqual({});
    expect(after.anonymousId).not.toBe(before);
    expect(rawCookie('ajs_anonymous_id')).toBe(after.anonymousId);
  });
});

describe('browserIdentityStorage cookie attributes', () => {
  /**
   * A page on `hostname` whose cookie jar keeps the last value per name and
   * records every write it accepts. Given `publicSuffixes`, it refuses a
   * domain that is one of them or does not contain the host, as browsers do.
   */
  function cookieJarWindow(hostname = 'localhost', publicSuffixes?: string[]) {
    const writes: string[] = [];
    const jar = new Map<string, string>();
    const document = {
      title: '',
      referrer: '',
      get cookie(): string {
        return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      },
      set cookie(written: string) {
        const [pair = '', ...attributes] = written.split('; ');
        const domain = attributes.find((a) => a.startsWith('domain='))?.slice(7);
        const refused =
          publicSuffixes !== undefined &&
          domain !== undefined &&
          (publicSuffixes.includes(domain) || !`.${hostname}`.endsWith(`.${domain}`));
        if (refused) return;
        writes.push(written);
        const eq = pair.indexOf('=');
        if (attributes.includes('max-age=0')) jar.delete(pair.slice(0, eq));
        else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      },
    };
    const location = { href: `https://${hostname}/`, pathname: '/', search: '', hostname };
    return { win: { location, document } as BrowserGlobals, writes, jar };
  }
  const recordingWindow = () => cookieJarWindow();

  const table: {
    name: string;
    given: Parameters<typeof browserIdentityStorage>[1];
    want: string;
  }[] = [
    {
      name: 'defaults: root path, one year, Lax',
      given: undefined,
      want: 'ajs_anonymous_id=anon-1; path=/; max-age=31536000; SameSite=Lax',
    },
    {
      name: 'a domain, path and lifetime',
      given: { domain: '.shop.example', path: '/app', maxAgeSeconds: 60 },
      want: 'ajs_anonymous_id=anon-1; path=/app; max-age=60; SameSite=Lax; domain=.shop.example',
    },
    {
      name: 'SameSite=None implies Secure',
      given: { sameSite: 'None' },
      want: 'ajs_anonymous_id=anon-1; path=/; max-age=31536000; SameSite=None; Secure',
    },
    {
      name: 'Strict with an explicit secure',
      given: { sameSite: 'Strict', secure: true },
      want: 'ajs_anonymous_id=anon-1; path=/; max-age=31536000; SameSite=Strict; Secure',
    },
  ];

  it.each(table)('$name', ({ given, want }) => {
    const { win, writes } = recordingWindow();
    browserIdentityStorage(win, given).set(ANON_KEY, 'anon-1');

    expect(writes).toEqual([want]);
  });

  it.each([
    { hostname: 'app.shop.example', publicSuffixes: ['example'], want: 'shop.example' },
    { hostname: 'www.shop.co.uk', publicSuffixes: ['uk', 'co.uk'], want: 'shop.co.uk' },
    { hostname: 'shop.example', publicSuffixes: ['example'], want: 'shop.example' },
  ])(
    'puts the ids on the widest domain that takes a cookie: $hostname → $want',
    ({ hostname, publicSuffixes, want }) => {
      const { win, writes, jar } = cookieJarWindow(hostname, publicSuffixes);
      browserIdentityStorage(win).set(ANON_KEY, 'anon-1');

      expect(writes.at(-1)).toBe(
        `ajs_anonymous_id=anon-1; path=/; max-age=31536000; SameSite=Lax; domain=${want}`,
      );
      expect([...jar.keys()]).toEqual(['ajs_anonymous_id']);
    },
  );

  it('does not let a cookie it cannot replace win over what this page stored', () => {
    const { win } = cookieJarWindow('app.shop.example', ['example']);
    // A copy no write can expire, listed before the one this page writes.
    const jar = Object.getOwnPropertyDescriptor(win.document, 'cookie')!;
    Object.defineProperty(win.document, 'cookie', {
      get: () => `ajs_user_id=stuck-user; ${jar.get!.call(win.document)}`,
      set: jar.set!,
    });
    const identity = createIdentity(browserIdentityStorage(win));
    expect(identity.userId()).toBe('stuck-user');

    identity.remember('new-user', undefined);
    expect(identity.userId()).toBe('new-user');
  });

  it('is not misled by a probe cookie another page left', () => {
    const { win, writes, jar } = cookieJarWindow('app.example.co.uk', ['uk', 'co.uk']);
    jar.set('ajs_domain_probe', '1');
    browserIdentityStorage(win).set(ANON_KEY, 'anon-1');

    expect(writes.at(-1)).toBe(
      'ajs_anonymous_id=anon-1; path=/; max-age=31536000; SameSite=Lax; domain=example.co.uk',
    );
  });

  it.each(['localhost', '127.0.0.1'])('keeps the ids host-only on %s, without probing', (host) => {
    const { win, writes } = cookieJarWindow(host, []);
    browserIdentityStorage(win).set(ANON_KEY, 'anon-1');

    expect(writes).toEqual(['ajs_anonymous_id=anon-1; path=/; max-age=31536000; SameSite=Lax']);
  });

  it('keeps the ids host-only when told to with domain ""', () => {
    const { win, writes } = cookieJarWindow('app.shop.example', ['example']);
    browserIdentityStorage(win, { domain: '' }).set(ANON_KEY, 'anon-1');

    expect(writes).toEqual(['ajs_anonymous_id=anon-1; path=/; max-age=31536000; SameSite=Lax']);
  });

  it('expires the cookie with the same path and domain on remove, and on every parent domain', () => {
    const { win: recording, writes } = recordingWindow();
    const location = {
      href: 'https://app.shop.example/',
      pathname: '/',
      search: '',
      hostname: 'app.shop.example',
    };
    const win = { ...recording, location };
    browserIdentityStorage(win, { domain: '.shop.example', path: '/app' }).remove(USER_KEY);

    expect(writes).toEqual([
      'ajs_user_id=; path=/app; max-age=0; SameSite=Lax',
      'ajs_user_id=; path=/app; max-age=0; SameSite=Lax; domain=.shop.example',
      'ajs_user_id=; path=/app; max-age=0; SameSite=Lax; domain=app.shop.example',
      'ajs_user_id=; path=/app; max-age=0; SameSite=Lax; domain=shop.example',
    ]);
  });
});
