// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestAnalytics, type TestAnalytics } from '../testing/index.js';
import { onHistoryChange } from './history-changes.js';
import { claimPages, createPageTracker, type PageTrackerOptions } from './page-tracker.js';

let recorder: TestAnalytics;
let pending: (() => void)[];
/** Runs what waits for the next render, as the browser would after painting. */
const render = () => {
  for (const callback of pending.splice(0)) callback();
};
const pages = () =>
  recorder.messages
    .filter((message) => message.type === 'page')
    .map((message) => ({
      name: message.name,
      path: message.properties.path,
      title: message.properties.title,
      url: message.properties.url,
      referrer: message.properties.referrer,
    }));

function tracker(options: PageTrackerOptions = {}) {
  return createPageTracker(recorder.analytics, {
    afterRender: (callback) => pending.push(callback),
    ...options,
  });
}

beforeEach(() => {
  pending = [];
  window.history.replaceState(null, '', '/');
  document.title = 'Home';
  recorder = createTestAnalytics({ window, storage: false });
});

afterEach(() => {
  document.title = '';
});

describe('createPageTracker', () => {
  it('tracks the first page once it has rendered, with the title of that page', () => {
    const stop = tracker().listen();
    expect(pages()).toEqual([]);
    document.title = 'Welcome';
    render();
    expect(pages()).toEqual([
      { name: undefined, path: '/', title: 'Welcome', url: 'http://localhost:3000/', referrer: '' },
    ]);
    stop();
  });

  it('tracks pushState, replaceState and back/forward once each, reading the title after render', () => {
    const stop = tracker().listen();
    render();
    window.history.pushState(null, '', '/products');
    document.title = 'Products';
    render();
    window.history.replaceState(null, '', '/products/p1');
    document.title = 'Product p1';
    render();
    window.history.pushState(null, '', '/cart');
    render();
    window.dispatchEvent(new PopStateEvent('popstate'));
    render();
    expect(pages().map((page) => [page.path, page.title])).toEqual([
      ['/', 'Home'],
      ['/products', 'Products'],
      ['/products/p1', 'Product p1'],
      ['/cart', 'Product p1'],
    ]);
    stop();
  });

  it('reports the previous in-app page as the referrer', () => {
    const stop = tracker().listen();
    render();
    window.history.pushState(null, '', '/cart');
    render();
    expect(pages()[1]?.referrer).toBe('http://localhost:3000/');
    const cart = recorder.messages.at(-1);
    expect(cart?.context.page).toMatchObject({ referrer: 'http://localhost:3000/' });
    stop();
  });

  it('sends nothing for a navigation to the page already tracked', () => {
    const stop = tracker().listen();
    render();
    window.history.pushState({ some: 'state' }, '', '/');
    window.history.replaceState(null, '', '/');
    render();
    expect(pages()).toHaveLength(1);
    stop();
  });

  it('counts a page once however many trackers share the client, as under StrictMode', () => {
    // StrictMode runs an effect, its cleanup, then the effect again.
    const first = tracker();
    first.listen();
    first.stop();
    const second = tracker();
    second.listen();
    render();
    // A remount with a new tracker over the same client.
    second.stop();
    const third = tracker();
    third.listen();
    render();
    expect(pages()).toHaveLength(1);
    window.history.pushState(null, '', '/next');
    render();
    expect(pages()).toHaveLength(2);
    third.stop();
  });

  it('tracks only where a redirect lands, not the page it left at once', () => {
    const stop = tracker().listen();
    render();
    window.history.pushState(null, '', '/old');
    window.history.replaceState(null, '', '/new');
    render();
    expect(pages().map((page) => page.path)).toEqual(['/', '/new']);
    stop();
  });

  it('still tracks a page whose URL changed outside the router before it was read', () => {
    // A router adapter reports /landing?utm_source=ad; the app then strips the
    // campaign parameters with replaceState, which the router never sees.
    window.history.replaceState(null, '', '/landing?utm_source=ad');
    const driven = tracker();
    driven.navigated({ name: 'Landing' });
    window.history.replaceState(null, '', '/landing');
    render();
    render();
    expect(pages()).toEqual([
      {
        name: 'Landing',
        path: '/landing',
        title: 'Home',
        url: 'http://localhost:3000/landing',
        referrer: '',
      },
    ]);
    driven.stop();
  });

  it('leaves a navigation during the wait to report itself, not under the page it left', () => {
    // A router adapter reports /cart; before its capture runs, a guard sends
    // the app to /login, whose route takes longer than a frame to render.
    window.history.replaceState(null, '', '/cart');
    document.title = 'Cart';
    const driven = tracker({ history: false });
    driven.navigated({ name: 'Cart' });
    window.history.pushState(null, '', '/login');
    render();
    render();
    document.title = 'Login';
    driven.navigated({ name: 'Login' });
    render();
    expect(pages()).toEqual([
      {
        name: 'Login',
        path: '/login',
        title: 'Login',
        url: 'http://localhost:3000/login',
        referrer: '',
      },
    ]);
    driven.stop();
  });

  it('keeps no capture waiting once its URL has gone, however often the URL changes', () => {
    const stop = tracker({ policy: { hash: false } }).listen();
    render();
    let mostWaiting = 0;
    for (let frame = 1; frame <= 20; frame++) {
      window.history.replaceState(null, '', `/#a${frame}`);
      window.history.replaceState(null, '', `/#b${frame}`);
      mostWaiting = Math.max(mostWaiting, pending.length);
      render();
    }
    // The two changes of each frame, no more: none lives on into the next frame.
    expect(mostWaiting).toBe(2);
    expect(pending).toHaveLength(0);
    expect(pages()).toHaveLength(1);
    stop();
  });

  it('tracks a page whose query keeps changing once, under query: false', () => {
    window.history.replaceState(null, '', '/video?t=0');
    const driven = tracker({ history: false, policy: { query: false } });
    driven.navigated({ name: 'Video' });
    for (let frame = 1; frame <= 10; frame++) {
      window.history.replaceState(null, '', `/video?t=${frame}`);
      render();
    }
    expect(pages().map((page) => page.name)).toEqual(['Video']);
    driven.stop();
  });

  it('counts a page once across trackers of one client with different policies', () => {
    const coarse = tracker({ policy: { query: false } });
    const fine = tracker({ policy: { hash: true } });
    coarse.listen();
    fine.listen();
    render();
    window.history.pushState(null, '', '/search?q=shoe');
    render();
    window.history.pushState(null, '', '/search?q=shoe#results');
    render();
    window.history.pushState(null, '', '/search?q=sock#results');
    render();
    // Each navigation is one page at most: the finer policy's new pages count,
    // and no tracker counts again what another has just tracked.
    expect(pages().map((page) => page.url)).toEqual([
      'http://localhost:3000/',
      'http://localhost:3000/search?q=shoe',
      'http://localhost:3000/search?q=shoe#results',
      'http://localhost:3000/search?q=sock#results',
    ]);
    coarse.stop();
    fine.stop();
  });

  it('keeps the campaign of a URL the app cleans before the page is read', () => {
    const stop = tracker().listen();
    render();
    window.history.pushState(null, '', '/landing?utm_source=ad&utm_campaign=spring&ref=1');
    // The app reads the campaign parameters, then drops them from the URL.
    window.history.replaceState(null, '', '/landing?ref=1');
    render();
    const landing = recorder.messages.at(-1);
    expect(landing).toMatchObject({ properties: { url: 'http://localhost:3000/landing?ref=1' } });
    expect(landing?.context.campaign).toEqual({ source: 'ad', name: 'spring' });
    // A page without a campaign gets none, and the next one reads its own.
    window.history.pushState(null, '', '/cart');
    render();
    expect(recorder.messages.at(-1)?.context.campaign).toBeUndefined();
    window.history.pushState(null, '', '/cart?utm_medium=email');
    render();
    expect(recorder.messages.at(-1)?.context.campaign).toEqual({ medium: 'email' });
    stop();
  });

  it("gives the first page the landing URL's campaign when the app strips it before the tracker listens", () => {
    window.history.replaceState(null, '', '/landing?utm_source=ad&utm_medium=cpc&ref=1');
    const first = tracker();
    // A mount effect that runs before the tracker's own strips the parameters.
    window.history.replaceState(null, '', '/landing?ref=1');
    const stop = first.listen();
    render();
    expect(recorder.messages).toHaveLength(1);
    expect(recorder.messages[0]).toMatchObject({
      properties: { url: 'http://localhost:3000/landing?ref=1' },
      context: { campaign: { source: 'ad', medium: 'cpc' } },
    });
    // Later pages read their own URL.
    window.history.pushState(null, '', '/cart');
    render();
    expect(recorder.messages[1]?.context.campaign).toBeUndefined();
    stop();
  });

  it('falls back to the creation campaign only for the page the tracker reads first', () => {
    const stop = tracker().listen();
    window.history.pushState(null, '', '/sale?utm_source=ad');
    render();
    expect(recorder.messages).toHaveLength(1);
    stop();
    // A tracker created on a page already tracked (a remounted provider) sends
    // nothing for it, and the next page does not inherit that page's campaign.
    const remounted = tracker();
    const stopRemounted = remounted.listen();
    render();
    expect(recorder.messages).toHaveLength(1);
    window.history.pushState(null, '', '/cart');
    render();
    expect(recorder.messages).toHaveLength(2);
    expect(recorder.messages[1]?.context.campaign).toBeUndefined();
    stopRemounted();
  });

  it('gives the creation campaign to the first page read wherever it is, and to no later page', () => {
    window.history.replaceState(null, '', '/?utm_source=ad&utm_campaign=spring');
    const created = tracker();
    // Tracking starts later (after consent, say), once the visitor has moved on.
    window.history.pushState(null, '', '/pricing');
    const stop = created.listen();
    render();
    window.history.pushState(null, '', '/plans');
    render();
    expect(pages().map((page) => page.path)).toEqual(['/pricing', '/plans']);
    expect(recorder.messages[0]?.context.campaign).toEqual({ source: 'ad', name: 'spring' });
    expect(recorder.messages[1]?.context.campaign).toBeUndefined();
    stop();
  });

  it('keeps the creation campaign across a stop and listen before the first page is read', () => {
    window.history.replaceState(null, '', '/?utm_term=shoes');
    const created = tracker();
    window.history.replaceState(null, '', '/');
    // StrictMode runs the effect, its cleanup and the effect again.
    created.listen()();
    const stop = created.listen();
    render();
    expect(recorder.messages).toHaveLength(1);
    expect(recorder.messages[0]?.context.campaign).toEqual({ term: 'shoes' });
    stop();
  });

  it("keeps a campaign in the URL over the landing URL's", () => {
    window.history.replaceState(null, '', '/?utm_source=ad');
    const created = tracker();
    window.history.replaceState(null, '', '/?utm_source=newsletter&utm_content=hero');
    const stop = created.listen();
    render();
    expect(recorder.messages[0]?.context.campaign).toEqual({
      source: 'newsletter',
      content: 'hero',
    });
    stop();
  });

  it('names a page reported twice before it is read by the latest report', () => {
    const routed = tracker({ history: false });
    claimPages(recorder.analytics);
    window.history.pushState(null, '', '/search?q=shoe');
    routed.navigated({ name: 'Search', properties: { query: 'shoe' } });
    window.history.replaceState(null, '', '/search?q=sock');
    routed.navigated({ name: 'Search', properties: { query: 'sock' } });
    render();
    expect(recorder.messages).toHaveLength(1);
    expect(recorder.messages[0]).toMatchObject({
      properties: { query: 'sock', search: '?q=sock' },
    });
  });

  it('warns in development when a router reports a page the History API already tracked unnamed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stop = tracker().listen();
    render();
    // The router adapter mounts only now, after the first page was read.
    const routed = tracker();
    claimPages(recorder.analytics);
    routed.navigated({ name: 'Home' });
    render();
    expect(pages().map((page) => page.name)).toEqual([undefined]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('history: false'));
    stop();
  });

  describe('claimPages', () => {
    it('stands down the History API listeners of every tracker over the client, until released', () => {
      const history = tracker();
      const stopHistory = history.listen();
      const routed = tracker();
      const release = claimPages(recorder.analytics);
      render();
      expect(pages()).toEqual([]);
      // The router reports its pages; a pushState outside it is no page.
      routed.navigated({ name: 'Home' });
      render();
      window.history.pushState(null, '', '/elsewhere');
      render();
      expect(pages().map((page) => [page.name, page.path])).toEqual([['Home', '/']]);
      // Released (the adapter unmounted), the History API is followed again.
      release();
      window.history.pushState(null, '', '/cart');
      render();
      expect(pages().map((page) => [page.name, page.path])).toEqual([
        ['Home', '/'],
        [undefined, '/cart'],
      ]);
      stopHistory();
    });

    it('holds while any claim holds, and counts each release once', () => {
      const stop = tracker().listen();
      // StrictMode claims, releases and claims again.
      claimPages(recorder.analytics)();
      const first = claimPages(recorder.analytics);
      const second = claimPages(recorder.analytics);
      first();
      first();
      render();
      window.history.pushState(null, '', '/cart');
      render();
      expect(pages()).toEqual([]);
      second();
      window.history.pushState(null, '', '/products');
      render();
      expect(pages().map((page) => page.path)).toEqual(['/products']);
      stop();
    });
  });

  describe('releasing the last claim', () => {
    it('tracks the page the app is on then', () => {
      const stop = tracker().listen();
      const release = claimPages(recorder.analytics);
      render();
      // The navigation that unmounts the router is read while it still claims.
      window.history.pushState(null, '', '/login');
      render();
      expect(pages()).toEqual([]);
      release();
      render();
      expect(pages().map((page) => page.path)).toEqual(['/login']);
      stop();
    });

    it('tracks nothing again when the router had already tracked that page', () => {
      const stop = tracker().listen();
      const release = claimPages(recorder.analytics);
      tracker().navigated({ name: 'Home' });
      render();
      release();
      render();
      expect(pages().map((page) => [page.name, page.path])).toEqual([['Home', '/']]);
      stop();
    });
  });

  describe('policy', () => {
    it('counts query-only changes by default and not when query is false', () => {
      const stop = tracker().listen();
      render();
      window.history.pushState(null, '', '/search?q=a');
      render();
      expect(pages()).toHaveLength(2);
      stop();

      recorder = createTestAnalytics({ window, storage: false });
      const stopQuiet = tracker({ policy: { query: false } }).listen();
      render();
      window.history.pushState(null, '', '/search?q=b');
      render();
      expect(pages()).toHaveLength(1);
      stopQuiet();
    });

    it('ignores in-page anchors but counts hash-router paths by default', () => {
      const stop = tracker().listen();
      render();
      window.location.hash = '#reviews';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      render();
      expect(pages()).toHaveLength(1);
      window.history.pushState(null, '', '/#/cart');
      render();
      expect(pages().at(-1)).toMatchObject({ url: 'http://localhost:3000/#/cart' });
      expect(pages()).toHaveLength(2);
      stop();
    });

    it('counts a hash router’s route but not an anchor inside it, and reports the route’s URL', () => {
      window.history.replaceState(null, '', '/#/cart');
      const stop = tracker().listen();
      render();
      window.history.pushState(null, '', '/#/cart#summary');
      render();
      window.history.pushState(null, '', '/#/search?q=shoe#results');
      render();
      expect(pages().map((page) => page.url)).toEqual([
        'http://localhost:3000/#/cart',
        'http://localhost:3000/#/search?q=shoe',
      ]);
      // Core describes the page in context from the same properties.
      const contextUrls = recorder.messages.map(
        (message) => (message.context.page as { url?: string } | undefined)?.url,
      );
      expect(contextUrls).toEqual([
        'http://localhost:3000/#/cart',
        'http://localhost:3000/#/search?q=shoe',
      ]);
      stop();
    });

    it('counts every hash change with hash: true', () => {
      const stop = tracker({ policy: { hash: true } }).listen();
      render();
      window.history.pushState(null, '', '/#reviews');
      render();
      expect(pages()).toHaveLength(2);
      stop();
    });
  });

  it('takes page details from describePage or from a router adapter', () => {
    const stop = tracker({
      describePage: (location) =>
        location.pathname === '/' ? { name: 'Home', category: 'Shop' } : undefined,
    }).listen();
    render();
    expect(recorder.messages[0]).toMatchObject({ name: 'Home', category: 'Shop' });
    stop();

    const driven = tracker();
    window.history.pushState(null, '', '/products/p1');
    driven.navigated({ name: 'Product Detail', properties: { product_id: 'p1' } });
    render();
    expect(recorder.messages[1]).toMatchObject({
      name: 'Product Detail',
      properties: { product_id: 'p1', path: '/products/p1' },
    });
  });

  it('leaves the History API alone with history: false, for a router adapter to report pages', () => {
    const routed = tracker({ history: false });
    routed.listen();
    render();
    window.history.pushState(null, '', '/products');
    render();
    expect(pages()).toEqual([]);
    routed.navigated({ name: 'Product List' });
    render();
    expect(pages().map((page) => [page.name, page.path])).toEqual([['Product List', '/products']]);
    routed.stop();
  });

  it('sends nothing after stop, even for a capture already waiting', () => {
    const tracked = tracker();
    tracked.listen();
    tracked.stop();
    render();
    window.history.pushState(null, '', '/later');
    render();
    expect(pages()).toEqual([]);
  });

  it('does nothing without a window, as on a server', () => {
    const serverTracker = createPageTracker(recorder.analytics, { window: null });
    serverTracker.listen()();
    serverTracker.navigated({ name: 'Home' });
    expect(recorder.messages).toEqual([]);
  });

  it('reads the title after the next frame and a task by default, or after 100 ms when frames are paused', () => {
    let frames: (() => void)[] = [];
    let timers: { callback: () => void; ms: number }[] = [];
    const runTimers = (upToMs: number) => {
      const due = timers.filter((timer) => timer.ms <= upToMs);
      timers = timers.filter((timer) => timer.ms > upToMs);
      for (const timer of due) timer.callback();
    };
    const clock = {
      location: window.location,
      document: window.document,
      history: window.history,
      addEventListener: window.addEventListener.bind(window),
      removeEventListener: window.removeEventListener.bind(window),
      dispatchEvent: window.dispatchEvent.bind(window),
      setTimeout: (callback: () => void, ms: number) => timers.push({ callback, ms }),
    };

    const stop = createPageTracker(recorder.analytics, {
      window: { ...clock, requestAnimationFrame: (callback) => frames.push(callback) },
    }).listen();
    document.title = 'Rendered';
    for (const frame of frames.splice(0)) frame();
    expect(pages()).toEqual([]);
    runTimers(0);
    expect(pages().map((page) => page.title)).toEqual(['Rendered']);
    runTimers(100);
    expect(pages()).toHaveLength(1);
    stop();

    recorder = createTestAnalytics({ window, storage: false });
    frames = [];
    timers = [];
    const stopPaused = createPageTracker(recorder.analytics, { window: clock }).listen();
    runTimers(99);
    expect(pages()).toEqual([]);
    runTimers(100);
    runTimers(0);
    expect(pages()).toHaveLength(1);
    stopPaused();
  });
});

describe('onHistoryChange', () => {
  it('patches history once however many listen, and keeps the original behaviour', () => {
    const calls: string[] = [];
    const stopA = onHistoryChange(window, () => calls.push('a'));
    const stopB = onHistoryChange(window, () => calls.push('b'));
    window.history.pushState({ n: 1 }, '', '/x');
    expect(window.location.pathname).toBe('/x');
    expect(window.history.state).toEqual({ n: 1 });
    expect(calls).toEqual(['a', 'b']);
    stopA();
    window.history.replaceState(null, '', '/y');
    expect(calls).toEqual(['a', 'b', 'b']);
    stopB();
    window.history.pushState(null, '', '/z');
    expect(calls).toHaveLength(3);
  });
});
