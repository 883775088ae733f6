// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analytics } from '../analytics.js';
import { createAnalytics } from '../client.js';
import { AnalyticsError } from '../errors.js';
import type { AnalyticsOptions } from '../options.js';
import { createTestAnalytics } from '../testing/index.js';
import { LIBRARY_VERSION } from '../version.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type WireMessage = Record<string, unknown> & {
  type: string;
  userId?: string;
  anonymousId?: string;
  context: Record<string, unknown>;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
};
interface WireBody {
  batch: WireMessage[];
  sentAt: string;
  writeKey: string;
}

function fakeFetch() {
  return vi.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response('{"success":true}', { status: 200 }),
  );
}
type FakeFetch = ReturnType<typeof fakeFetch>;

const open: Analytics[] = [];

/** A browser client over the jsdom window, sending each call at once through `fetch`. */
function browserClient(extra: Omit<AnalyticsOptions, 'fetch'> = {}): {
  analytics: Analytics;
  fetch: FakeFetch;
} {
  const fetch = fakeFetch();
  const analytics = createAnalytics({ writeKey: 'wk', fetch, flushAt: 1, ...extra });
  open.push(analytics);
  return { analytics, fetch };
}

function bodies(fetch: FakeFetch): WireBody[] {
  return fetch.mock.calls.map(([, init]) => JSON.parse(String(init?.body)) as WireBody);
}

function sent(fetch: FakeFetch): WireMessage[] {
  return bodies(fetch).flatMap((body) => body.batch);
}

function lastSent(fetch: FakeFetch): WireMessage {
  const message = sent(fetch).at(-1);
  if (!message) throw new Error('nothing was sent');
  return message;
}

function setReferrer(referrer: string): void {
  Object.defineProperty(document, 'referrer', { value: referrer, configurable: true });
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

function rawCookie(name: string): string | undefined {
  for (const part of document.cookie.split('; ')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return undefined;
}

beforeEach(() => {
  localStorage.clear();
  clearCookies();
  history.replaceState(null, '', '/');
  document.title = '';
});

afterEach(async () => {
  // Drops the own `referrer` some tests define, uncovering jsdom's.
  Reflect.deleteProperty(document, 'referrer');
  await Promise.all(open.splice(0).map((analytics) => analytics.close({ timeoutMs: 1000 })));
});

describe('browser identity', () => {
  it('makes an anonymousId, persists it, and reuses it after a reload', async () => {
    const first = browserClient();
    const result = await first.analytics.track({ event: 'Viewed' });

    const anonymousId = lastSent(first.fetch).anonymousId;
    expect(anonymousId).toMatch(UUID);
    expect(result).toMatchObject({ success: true, anonymousId, userId: null });
    expect(localStorage.getItem('ajs_anonymous_id')).toBe(JSON.stringify(anonymousId));
    expect(rawCookie('ajs_anonymous_id')).toBe(anonymousId);

    const afterReload = browserClient();
    await afterReload.analytics.track({ event: 'Viewed Again' });

    expect(lastSent(afterReload.fetch).anonymousId).toBe(anonymousId);
    expect(afterReload.analytics.user().anonymousId).toBe(anonymousId);
  });

  it('keeps the same anonymousId across calls of one client', async () => {
    const { analytics, fetch } = browserClient();
    await analytics.track({ event: 'A' });
    await analytics.page();
    await analytics.identify({ traits: { plan: 'free' } });

    const ids = new Set(sent(fetch).map((message) => message.anonymousId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(UUID);
  });

  it('remembers identify: later calls carry the userId and user() shows the traits', async () => {
    const { analytics, fetch } = browserClient();
    await analytics.identify({ userId: 'u_1', traits: { email: 'ada@example.com' } });
    const anonymousId = analytics.user().anonymousId;

    const result = await analytics.track({ event: 'Order Completed' });

    expect(result).toMatchObject({ success: true, userId: 'u_1', anonymousId });
    expect(lastSent(fetch)).toMatchObject({ type: 'track', userId: 'u_1', anonymousId });
    expect(analytics.user()).toEqual({
      userId: 'u_1',
      anonymousId,
      traits: { email: 'ada@example.com' },
    });
    expect(localStorage.getItem('ajs_user_id')).toBe('"u_1"');
    expect(browserClient().analytics.user()).toEqual(analytics.user());
  });

  it('merges the traits of a later identify for the same user', async () => {
    const { analytics, fetch } = browserClient();
    await analytics.identify({ userId: 'u_1', traits: { email: 'ada@example.com' } });
    await analytics.identify({ traits: { plan: 'pro' } });

    expect(lastSent(fetch)).toMatchObject({ type: 'identify', userId: 'u_1' });
    expect(analytics.user().traits).toEqual({ email: 'ada@example.com', plan: 'pro' });
  });

  it('replaces the traits when another user identifies', async () => {
    const { analytics } = browserClient();
    await analytics.identify({ userId: 'u_1', traits: { email: 'ada@example.com', plan: 'pro' } });
    await analytics.identify({ userId: 'u_2', traits: { email: 'grace@example.com' } });

    expect(analytics.user().userId).toBe('u_2');
    expect(analytics.user().traits).toEqual({ email: 'grace@example.com' });
  });

  it('reset() forgets the userId and traits and makes a new anonymousId', async () => {
    const { analytics, fetch } = browserClient();
    await analytics.identify({ userId: 'u_1', traits: { email: 'ada@example.com' } });
    const before = analytics.user().anonymousId;

    analytics.reset();
    const after = analytics.user();
    await analytics.track({ event: 'Signed Out' });

    expect(after.userId).toBeNull();
    expect(after.traits).toEqual({});
    expect(after.anonymousId).toMatch(UUID);
    expect(after.anonymousId).not.toBe(before);
    const message = lastSent(fetch);
    expect(message).not.toHaveProperty('userId');
    expect(message.anonymousId).toBe(after.anonymousId);
    expect(localStorage.getItem('ajs_user_id')).toBeNull();
    expect(localStorage.getItem('ajs_user_traits')).toBeNull();
    expect(browserClient().analytics.user()).toEqual(after);
  });

  it('reuses an anonymousId that analytics.js left in localStorage', async () => {
    localStorage.setItem('ajs_anonymous_id', '"legacy-id"');
    const { analytics, fetch } = browserClient();

    const result = await analytics.track({ event: 'Viewed' });

    expect(result.anonymousId).toBe('legacy-id');
    expect(lastSent(fetch).anonymousId).toBe('legacy-id');
    expect(analytics.user().anonymousId).toBe('legacy-id');
    expect(rawCookie('ajs_anonymous_id')).toBe('legacy-id');
  });

  it('lets an explicit id on the call win over the remembered ones', async () => {
    const { analytics, fetch } = browserClient();
    await analytics.identify({ userId: 'u_1' });

    await analytics.track({ event: 'Viewed', userId: 'u_9', anonymousId: 'anon-9' });

    expect(lastSent(fetch)).toMatchObject({ userId: 'u_9', anonymousId: 'anon-9' });
  });
});

describe('browser alias()', () => {
  it('defaults previousId to the anonymousId, then to the stored userId, as analytics.js does', async () => {
    const { analytics, fetch } = browserClient();
    const anonymousId = analytics.user().anonymousId;

    const first = await analytics.alias({ userId: 'u_1' });
    expect(first).toMatchObject({ success: true, userId: 'u_1', previousId: anonymousId });
    expect(lastSent(fetch)).toMatchObject({
      type: 'alias',
      userId: 'u_1',
      previousId: anonymousId,
    });

    await analytics.identify({ userId: 'u_1' });
    const second = await analytics.alias({ userId: 'u_2' });
    expect(second).toMatchObject({ success: true, userId: 'u_2', previousId: 'u_1' });
    expect(lastSent(fetch)).toMatchObject({ type: 'alias', userId: 'u_2', previousId: 'u_1' });
  });

  it('keeps an explicit previousId', async () => {
    const { analytics, fetch } = browserClient();
    await analytics.identify({ userId: 'u_1' });
    await analytics.alias({ userId: 'u_2', previousId: 'legacy-7' });
    expect(lastSent(fetch)).toMatchObject({ userId: 'u_2', previousId: 'legacy-7' });
  });
});

describe('browser context', () => {
  it('reads context.page at call time, following title and pushState', async () => {
    setReferrer('https://search.example/?q=shoes');
    const { analytics, fetch } = browserClient();
    document.title = 'Home';
    await analytics.track({ event: 'Viewed Home' });

    history.pushState(null, '', '/products/42?color=red#reviews');
    document.title = 'Product 42';
    await analytics.track({ event: 'Viewed Product' });

    const [home, product] = sent(fetch);
    expect(home?.context.page).toEqual({
      path: '/',
      referrer: 'https://search.example/?q=shoes',
      search: '',
      title: 'Home',
      url: `${location.origin}/`,
    });
    expect(product?.context.page).toEqual({
      path: '/products/42',
      referrer: 'https://search.example/?q=shoes',
      search: '?color=red',
      title: 'Product 42',
      url: `${location.origin}/products/42?color=red`,
    });
  });

  it('fills userAgent, locale, timezone and campaign', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('TestAgent/1.0');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-CH');
    history.pushState(
      null,
      '',
      '/landing?utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=hero',
    );
    const { analytics, fetch } = browserClient();

    await analytics.track({ event: 'Landed' });

    expect(lastSent(fetch).context).toMatchObject({
      userAgent: 'TestAgent/1.0',
      locale: 'de-CH',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      campaign: {
        source: 'newsletter',
        medium: 'email',
        name: 'spring',
        term: 'shoes',
        content: 'hero',
      },
    });
  });

  it('leaves campaign out without utm parameters', async () => {
    history.pushState(null, '', '/plain?q=shoes');
    const { analytics, fetch } = browserClient();

    await analytics.track({ event: 'Searched' });

    expect(lastSent(fetch).context).not.toHaveProperty('campaign');
  });

  it('names the library', async () => {
    const { analytics, fetch } = browserClient();

    await analytics.track({ event: 'Viewed' });

    expect(lastSent(fetch).context.library).toEqual({
      name: '@trackplan/core',
      version: LIBRARY_VERSION,
    });
  });

  it('merges the call context over the automatic one', async () => {
    document.title = 'Home';
    const { analytics, fetch } = browserClient();

    await analytics.track({ event: 'Viewed', context: { locale: 'ja-JP', page: { title: 'T' } } });

    expect(lastSent(fetch).context).toMatchObject({
      locale: 'ja-JP',
      page: { title: 'T', path: '/' },
      library: { name: '@trackplan/core' },
    });
  });
});

describe('browser page()', () => {
  it('fills properties from the location and document', async () => {
    setReferrer('https://ref.example/');
    history.pushState(null, '', '/docs/intro?lang=en#setup');
    document.title = 'Intro';
    const { analytics, fetch } = browserClient();

    const result = await analytics.page();

    expect(result.success).toBe(true);
    expect(lastSent(fetch)).toMatchObject({ type: 'page' });
    expect(lastSent(fetch).properties).toEqual({
      path: '/docs/intro',
      referrer: 'https://ref.example/',
      search: '?lang=en',
      title: 'Intro',
      url: `${location.origin}/docs/intro?lang=en`,
    });
  });

  it('lets explicit properties win', async () => {
    history.pushState(null, '', '/products/42');
    document.title = 'Product 42';
    const { analytics, fetch } = browserClient();

    const result = await analytics.page({
      name: 'Product Detail',
      properties: { title: 'Custom Title', product_id: 'p_42' },
    });

    expect(result).toMatchObject({ success: true, name: 'Product Detail' });
    expect(lastSent(fetch)).toMatchObject({
      type: 'page',
      name: 'Product Detail',
      properties: {
        path: '/products/42',
        url: `${location.origin}/products/42`,
        search: '',
        referrer: '',
        title: 'Custom Title',
        product_id: 'p_42',
      },
    });
  });

  it('describes the page in context with the page’s own properties, as analytics.js does', async () => {
    history.pushState(null, '', '/after-redirect');
    document.title = 'Now';
    const { analytics, fetch } = browserClient();

    await analytics.page({
      properties: {
        url: 'https://shop.example/landing?utm_source=ad&utm_campaign=spring',
        path: '/landing',
        search: '?utm_source=ad&utm_campaign=spring',
        referrer: 'https://search.example/',
        plan: 'pro',
      },
    });

    const { context } = lastSent(fetch);
    expect(context.page).toEqual({
      url: 'https://shop.example/landing?utm_source=ad&utm_campaign=spring',
      path: '/landing',
      search: '?utm_source=ad&utm_campaign=spring',
      referrer: 'https://search.example/',
      title: 'Now',
    });
    expect(context.campaign).toEqual({ source: 'ad', name: 'spring' });
  });

  it('keeps a page call’s own context.page and campaign over its properties', async () => {
    const { analytics, fetch } = browserClient();

    await analytics.page({
      properties: { title: 'From Properties', search: '?utm_source=properties' },
      context: { page: { title: 'From Context' }, campaign: { source: 'context' } },
    });

    const { context } = lastSent(fetch);
    expect(context.page).toMatchObject({ title: 'From Context', search: '?utm_source=properties' });
    expect(context.campaign).toEqual({ source: 'context' });
  });

  it('reads the campaign from the call’s own context.page.search, and keeps its own campaign whole', async () => {
    history.pushState(null, '', '/?utm_source=location&utm_medium=cpc');
    const { analytics, fetch } = browserClient();

    await analytics.track({ event: 'A', context: { page: { search: '?utm_source=ctx' } } });
    await analytics.page({
      properties: { search: '?utm_source=ad&utm_campaign=spring' },
      context: { campaign: { source: 'ctx' } },
    });

    const [track, page] = sent(fetch);
    expect(track?.context.campaign).toEqual({ source: 'ctx' });
    expect(page?.context.campaign).toEqual({ source: 'ctx' });
  });

  it('sends a page whose search property is not a string, with no campaign from it', async () => {
    history.pushState(null, '', '/?utm_source=location');
    const { analytics, fetch } = browserClient();

    const result = await analytics.page({ properties: { search: ['not', 'a', 'query'] } });

    expect(result.success).toBe(true);
    expect(lastSent(fetch).context.campaign).toBeUndefined();
  });

  it('reads other calls’ context.page and campaign from the location, whatever their properties say', async () => {
    history.pushState(null, '', '/cart?utm_source=location');
    const { analytics, fetch } = browserClient();

    await analytics.track({ event: 'Viewed', properties: { url: 'https://elsewhere.example/' } });

    const { context } = lastSent(fetch);
    expect(context.page).toMatchObject({
      path: '/cart',
      url: `${location.origin}/cart?utm_source=location`,
    });
    expect(context.campaign).toEqual({ source: 'location' });
  });

  it('does not fill screen() properties from the location', async () => {
    const { analytics, fetch } = browserClient();

    await analytics.screen({ name: 'Home', properties: { tab: 'feed' } });

    expect(lastSent(fetch).properties).toEqual({ tab: 'feed' });
  });
});

describe('browser request', () => {
  it('sends text/plain with no Authorization header and the writeKey in the body', async () => {
    const { analytics, fetch } = browserClient();

    await analytics.track({ event: 'Viewed' });

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://api.segment.io/v1/batch');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('content-type')).toBe('text/plain');
    expect(headers.has('authorization')).toBe(false);
    expect([...headers.keys()]).toEqual(['content-type']);
    const body = bodies(fetch)[0];
    expect(body?.writeKey).toBe('wk');
    expect(body?.batch).toHaveLength(1);
  });

  it('sends a per-call writeKey in that request body', async () => {
    const { analytics, fetch } = browserClient();

    await analytics.track({ event: 'Viewed', writeKey: 'other' });

    expect(bodies(fetch)[0]?.writeKey).toBe('other');
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).has('authorization')).toBe(false);
  });
});

describe('createAnalytics({ window: null }) in a browser-like environment', () => {
  function serverClient(): { analytics: Analytics; fetch: FakeFetch } {
    return browserClient({ window: null });
  }

  it('acts as a server: no remembered identity, so missing_identity without ids', async () => {
    const { analytics, fetch } = serverClient();

    const result = await analytics.track({ event: 'Viewed' });

    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(AnalyticsError);
    expect(result.error?.code).toBe('missing_identity');
    expect(fetch).not.toHaveBeenCalled();
    expect(analytics.user()).toEqual({ userId: null, anonymousId: null, traits: {} });
    expect(localStorage.getItem('ajs_anonymous_id')).toBeNull();
    expect(rawCookie('ajs_anonymous_id')).toBeUndefined();
  });

  it('adds no browser context and sends Basic auth as JSON', async () => {
    history.pushState(null, '', '/landing?utm_source=ads');
    const { analytics, fetch } = serverClient();

    const result = await analytics.track({ event: 'Viewed', userId: 'u_1' });

    expect(result.success).toBe(true);
    expect(Object.keys(lastSent(fetch).context)).toEqual(['library']);
    const headers = new Headers(fetch.mock.calls[0]?.[1]?.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('authorization')).toBe(`Basic ${btoa('wk:')}`);
  });

  it('does not remember identify', async () => {
    const { analytics } = serverClient();

    await analytics.identify({ userId: 'u_1', traits: { plan: 'pro' } });
    const result = await analytics.track({ event: 'Viewed' });

    expect(result.error?.code).toBe('missing_identity');
    expect(localStorage.getItem('ajs_user_id')).toBeNull();
  });
});

describe('createTestAnalytics', () => {
  it('records messages, filters tracked events, and fails the next call on demand', async () => {
    const recorder = createTestAnalytics({ window: null });
    const { analytics } = recorder;

    await analytics.track({ event: 'Signed Up', userId: 'u_1' });
    await analytics.identify({ userId: 'u_1', traits: { plan: 'pro' } });
    await analytics.track({ event: 'Order Completed', userId: 'u_1', properties: { total: 9 } });

    expect(recorder.messages.map((message) => message.type)).toEqual([
      'track',
      'identify',
      'track',
    ]);
    expect(recorder.tracked()).toHaveLength(2);
    expect(recorder.tracked('Order Completed')).toEqual([
      expect.objectContaining({ event: 'Order Completed', properties: { total: 9 } }),
    ]);
    expect(recorder.tracked('Never Sent')).toEqual([]);

    const error = new AnalyticsError('delivery_failed', 'Simulated outage.');
    recorder.failNext(error);
    const failed = await analytics.track({ event: 'Checkout Started', userId: 'u_1' });
    const next = await analytics.track({ event: 'Checkout Started', userId: 'u_1' });

    expect(failed.success).toBe(false);
    expect(failed.error).toBe(error);
    expect(next.success).toBe(true);
    expect(recorder.tracked('Checkout Started')).toHaveLength(1);

    recorder.clear();
    expect(recorder.messages).toEqual([]);
  });

  it('keeps identity in memory, so a user does not carry over to the next test', async () => {
    const first = createTestAnalytics();
    await first.analytics.identify({ userId: 'u_1', traits: { plan: 'pro' } });
    const second = createTestAnalytics();

    expect(second.analytics.user()).toMatchObject({ userId: null, traits: {} });
    expect(second.analytics.user().anonymousId).not.toBe(first.analytics.user().anonymousId);
    expect(localStorage.getItem('ajs_user_id')).toBeNull();
    expect(document.cookie).not.toContain('ajs_');
  });

  it('records the browser context and identity when given the window', async () => {
    document.title = 'Home';
    const { analytics, messages } = createTestAnalytics();

    await analytics.track({ event: 'Viewed' });

    expect(messages[0]?.anonymousId).toMatch(UUID);
    expect(messages[0]?.context).toMatchObject({ page: { title: 'Home', path: '/' } });
  });
});
