// @vitest-environment jsdom
import type { PageChangePolicy } from '@trackplan/core/page-tracking';
import { createTestAnalytics, type TestAnalytics } from '@trackplan/core/testing';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Component, createApp, defineComponent, h, onMounted, watchPostEffect } from 'vue';
import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type Router,
  RouterView,
  useRoute,
} from 'vue-router';
import { createTrackplan } from './create-trackplan.js';
import { trackRouter } from './router.js';

/** A route component that sets the title once it has mounted, as apps do. */
const titled = (title: string): Component =>
  defineComponent({
    setup() {
      onMounted(() => {
        document.title = title;
      });
      return () => h('h1', title);
    },
  });

/** Reused between /products/p1 and /products/p2, so only a watcher sees the change. */
const ProductPage = defineComponent({
  setup() {
    const route = useRoute();
    watchPostEffect(() => {
      document.title = `Product ${String(route.params.id)}`;
    });
    return () => h('h1', String(route.params.id));
  },
});

let releaseHome: () => void = () => {};

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'Home', component: titled('Home') },
  {
    path: '/products',
    name: 'products',
    component: titled('Products'),
    meta: { page: 'Product List' },
  },
  {
    path: '/products/:id',
    component: ProductPage,
    meta: {
      page: (route) => ({
        name: 'Product Detail',
        properties: { product_id: String(route.params.id) },
      }),
    },
  },
  { path: '/cart', name: 'Cart', component: titled('Cart') },
  {
    path: '/checkout',
    name: 'checkout',
    component: titled('Checkout'),
    meta: { page: { name: 'Checkout', properties: { step: 1 } } },
  },
  { path: '/search', name: 'Search', component: titled('Search') },
  { path: '/unnamed', component: titled('Unnamed') },
  { path: '/old-cart', redirect: '/cart' },
  { path: '/blocked', component: titled('Blocked'), beforeEnter: () => false },
  { path: '/to-cart', component: titled('Never'), beforeEnter: () => '/cart' },
  {
    path: '/broken',
    component: titled('Broken'),
    beforeEnter: () => {
      throw new Error('guard failed');
    },
  },
  {
    path: '/slow-home',
    name: 'Slow Home',
    component: titled('Slow Home'),
    beforeEnter: () => new Promise<void>((resolve) => (releaseHome = resolve)),
  },
];

let recorder: TestAnalytics;
let wrappers: VueWrapper[];

const pages = () =>
  recorder.messages
    .filter((message) => message.type === 'page')
    .map((message) => ({
      name: message.name,
      path: message.properties.path,
      title: message.properties.title,
      ...(message.properties.product_id ? { product_id: message.properties.product_id } : {}),
      ...(message.properties.step ? { step: message.properties.step } : {}),
    }));

interface Options {
  policy?: PageChangePolicy;
  router?: Router;
}

/** Mounts an app with vue-router and the plugin. Pages are read right after Vue's render. */
async function mountApp({ policy = {}, router = newRouter() }: Options = {}) {
  const trackplan = createTrackplan({
    client: recorder.analytics,
    router: trackRouter(router),
    pageTracking: { policy, afterRender: (callback) => callback() },
  });
  const wrapper = mount(RouterView, { global: { plugins: [router, trackplan] } });
  wrappers.push(wrapper);
  await settle();
  return { router, wrapper };
}

const newRouter = () => createRouter({ history: createWebHistory(), routes });

/** Lets a navigation finish and the app re-render. */
const settle = () => flushPromises();

async function go(router: Router, to: string) {
  await router.push(to).catch(() => {});
  await settle();
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  document.title = 'Before';
  recorder = createTestAnalytics({ window, storage: false });
  wrappers = [];
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  for (const wrapper of wrappers) wrapper.unmount();
});

describe('trackRouter', () => {
  it('tracks the first route once, after router.isReady(), with its rendered title', async () => {
    window.history.replaceState(null, '', '/slow-home');
    const { router } = await mountApp();
    expect(pages()).toEqual([]);
    releaseHome();
    await router.isReady();
    await settle();
    expect(pages()).toEqual([{ name: 'Slow Home', path: '/slow-home', title: 'Slow Home' }]);
  });

  it('tracks a router that was ready before the app mounted', async () => {
    const router = newRouter();
    await router.push('/cart');
    await mountApp({ router });
    expect(pages()).toEqual([{ name: 'Cart', path: '/cart', title: 'Cart' }]);
  });

  it('tracks each successful navigation once, with the title its component set', async () => {
    const { router } = await mountApp();
    await go(router, '/products');
    await go(router, '/products/p1');
    await go(router, '/products/p2');
    // Back and forward arrive as popstate events, a task later than the call.
    const popped = new Promise((resolve) => {
      const remove = router.afterEach(() => resolve(remove()));
    });
    router.back();
    await popped;
    await settle();
    expect(pages()).toEqual([
      { name: 'Home', path: '/', title: 'Home' },
      { name: 'Product List', path: '/products', title: 'Products' },
      { name: 'Product Detail', path: '/products/p1', title: 'Product p1', product_id: 'p1' },
      { name: 'Product Detail', path: '/products/p2', title: 'Product p2', product_id: 'p2' },
      { name: 'Product Detail', path: '/products/p1', title: 'Product p1', product_id: 'p1' },
    ]);
  });

  it('sends nothing for duplicated, aborted, failed and cancelled navigations', async () => {
    const { router } = await mountApp();
    await go(router, '/');
    await go(router, '/blocked');
    await go(router, '/broken');
    void router.push('/products');
    await go(router, '/cart');
    expect(pages().map((page) => page.path)).toEqual(['/', '/cart']);
    expect(router.currentRoute.value.path).toBe('/cart');
  });

  it('tracks only where a redirect lands', async () => {
    const { router } = await mountApp();
    await go(router, '/old-cart');
    await go(router, '/');
    await go(router, '/to-cart');
    expect(pages().map((page) => page.name)).toEqual(['Home', 'Cart', 'Home', 'Cart']);
  });

  it('still tracks later navigations when the first one failed', async () => {
    window.history.replaceState(null, '', '/broken');
    const { router } = await mountApp();
    // The URL still shows /broken, which no page call has reported yet.
    await go(router, '/blocked');
    expect(pages()).toEqual([]);
    await go(router, '/cart');
    expect(pages()).toEqual([{ name: 'Cart', path: '/cart', title: 'Cart' }]);
  });

  it('tracks a page whose URL the app edited outside the router before it was read', async () => {
    const pending: (() => void)[] = [];
    window.history.replaceState(null, '', '/cart?utm_source=ad');
    const router = newRouter();
    const trackplan = createTrackplan({
      client: recorder.analytics,
      router: trackRouter(router),
      pageTracking: { afterRender: (callback) => pending.push(callback) },
    });
    wrappers.push(mount(RouterView, { global: { plugins: [router, trackplan] } }));
    await settle();
    // The app drops the campaign parameters once read; vue-router never hears of it.
    window.history.replaceState(window.history.state, '', '/cart');
    for (const callback of pending.splice(0)) callback();
    for (const callback of pending.splice(0)) callback();
    expect(pages()).toEqual([{ name: 'Cart', path: '/cart', title: 'Cart' }]);
    // The campaign is the one the URL had when the router reported the page.
    expect(recorder.messages[0]?.context.campaign).toEqual({ source: 'ad' });
  });

  it("keeps the first page's campaign when its route component strips it in onMounted", async () => {
    window.history.replaceState(null, '', '/landing?utm_source=ad&utm_campaign=spring');
    const Landing = defineComponent({
      setup() {
        onMounted(() => {
          document.title = 'Landing';
          window.history.replaceState(window.history.state, '', '/landing');
        });
        return () => h('h1', 'Landing');
      },
    });
    const router = createRouter({
      history: createWebHistory(),
      routes: [{ path: '/landing', name: 'Landing', component: Landing }],
    });
    await mountApp({ router });
    expect(window.location.search).toBe('');
    expect(pages()).toEqual([{ name: 'Landing', path: '/landing', title: 'Landing' }]);
    expect(recorder.messages[0]?.context.campaign).toEqual({ source: 'ad', name: 'spring' });
  });

  it('keeps another app over the same client from tracking its pages through the History API', async () => {
    // A second app (a widget, say) without a router shares the client.
    const widget = createApp(titled('Widget')).use(
      createTrackplan({
        client: recorder.analytics,
        pageTracking: { afterRender: (callback) => callback() },
      }),
    );
    const { router } = await mountApp();
    widget.mount(document.createElement('div'));
    await go(router, '/cart');
    expect(pages().map((page) => page.name)).toEqual(['Home', 'Cart']);
    // Once the routed app has unmounted, the other one follows the History API.
    wrappers.pop()?.unmount();
    window.history.pushState(null, '', '/products');
    expect(pages().map((page) => [page.name, page.path])).toEqual([
      ['Home', '/'],
      ['Cart', '/cart'],
      [undefined, '/products'],
    ]);
    widget.unmount();
  });

  it('names pages by meta.page, else by a string route name, else not at all', async () => {
    const { router } = await mountApp();
    await go(router, '/unnamed');
    await go(router, '/products');
    await go(router, '/products/p9');
    await go(router, '/checkout');
    expect(pages().map(({ name, product_id, step }) => [name, product_id ?? step])).toEqual([
      ['Home', undefined],
      [undefined, undefined],
      ['Product List', undefined],
      ['Product Detail', 'p9'],
      ['Checkout', 1],
    ]);
  });

  it('takes page details from describeRoute when given', async () => {
    const router = newRouter();
    const trackplan = createTrackplan({
      client: recorder.analytics,
      router: trackRouter(router, {
        describeRoute: (route) => ({ name: `Route ${route.path}`, category: 'Shop' }),
      }),
      pageTracking: { afterRender: (callback) => callback() },
    });
    wrappers.push(mount(RouterView, { global: { plugins: [router, trackplan] } }));
    await settle();
    expect(recorder.messages).toMatchObject([{ type: 'page', name: 'Route /', category: 'Shop' }]);
  });

  describe('policy', () => {
    it('counts query-only changes by default, and not with query: false', async () => {
      const { router } = await mountApp();
      await go(router, '/search?q=shoe');
      await go(router, '/search?q=sock');
      expect(pages().map((page) => page.path)).toEqual(['/', '/search', '/search']);

      recorder = createTestAnalytics({ window, storage: false });
      const quiet = await mountApp({ policy: { query: false }, router: newRouter() });
      await go(quiet.router, '/search?q=wool');
      expect(pages().map((page) => page.path)).toEqual(['/search']);
    });

    it('ignores in-page anchors by default, and counts them with hash: true', async () => {
      const { router } = await mountApp();
      await go(router, '/cart');
      await go(router, '/cart#summary');
      await go(router, '/cart');
      expect(pages().map((page) => page.path)).toEqual(['/', '/cart']);

      recorder = createTestAnalytics({ window, storage: false });
      const hashes = await mountApp({ policy: { hash: true }, router: newRouter() });
      await go(hashes.router, '/cart#summary');
      await go(hashes.router, '/cart');
      const urls = recorder.messages.map((message) =>
        message.type === 'page' ? message.properties.url : message.type,
      );
      expect(urls).toEqual([
        'http://localhost:3000/cart',
        'http://localhost:3000/cart#summary',
        'http://localhost:3000/cart',
      ]);
    });
  });

  it('counts a page once across a remount or a second install over the same client', async () => {
    const first = await mountApp();
    first.wrapper.unmount();
    wrappers = [];
    const second = await mountApp();
    expect(pages()).toHaveLength(1);
    await go(second.router, '/cart');
    expect(pages()).toHaveLength(2);
    second.wrapper.unmount();
    wrappers = [];

    const router = newRouter();
    const app = createApp(RouterView).use(router);
    for (let install = 0; install < 2; install++) {
      app.use(
        createTrackplan({
          client: recorder.analytics,
          router: trackRouter(router),
          pageTracking: { afterRender: (callback) => callback() },
        }),
      );
    }
    app.mount(document.createElement('div'));
    await settle();
    await go(router, '/products');
    expect(pages().map((page) => page.path)).toEqual(['/', '/cart', '/products']);
    app.unmount();
  });

  it('stops when the app unmounts, dropping a page not yet read', async () => {
    const pending: (() => void)[] = [];
    const router = newRouter();
    const trackplan = createTrackplan({
      client: recorder.analytics,
      router: trackRouter(router),
      pageTracking: { afterRender: (callback) => pending.push(callback) },
    });
    const wrapper = mount(RouterView, { global: { plugins: [router, trackplan] } });
    await settle();
    await go(router, '/cart');
    expect(pending).toHaveLength(2);
    wrapper.unmount();
    for (const callback of pending) callback();
    await go(router, '/products');
    expect(pages()).toEqual([]);
    expect(pending).toHaveLength(2);
  });
});
