// @vitest-environment jsdom
import type { PageTrackerOptions } from '@trackplan/core/page-tracking';
import { createTestAnalytics, type TestAnalytics } from '@trackplan/core/testing';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick, onMounted, ref } from 'vue';
import { createTrackplan } from './create-trackplan.js';
import type { RouterTracking } from './options.js';

let recorder: TestAnalytics;
let pending: (() => void)[];
/** Runs what waits for the next render, as the browser would after painting. */
const render = () => {
  for (const callback of pending.splice(0)) callback();
};
const pages = () =>
  recorder.messages
    .filter((message) => message.type === 'page')
    .map((message) => [message.properties.path, message.properties.title]);

const count = ref(0);
/** Sets the title once mounted, and re-renders whenever `count` changes. */
const App = defineComponent({
  setup() {
    onMounted(() => {
      document.title = 'Storefront';
    });
    return () => h('p', `clicked ${count.value} times`);
  },
});

function plugin(pageTracking: boolean | PageTrackerOptions = {}, router?: RouterTracking) {
  return createTrackplan({
    client: recorder.analytics,
    router,
    pageTracking:
      typeof pageTracking === 'boolean'
        ? pageTracking
        : { afterRender: (callback) => pending.push(callback), ...pageTracking },
  });
}

beforeEach(() => {
  pending = [];
  count.value = 0;
  window.history.replaceState(null, '', '/');
  document.title = 'Before';
  recorder = createTestAnalytics({ window, storage: false });
});

afterEach(() => {
  document.title = '';
});

describe('createTrackplan without a router', () => {
  it('tracks the first page once mounted, then each History API navigation once', async () => {
    const wrapper = mount(App, { global: { plugins: [plugin()] } });
    render();
    window.history.pushState(null, '', '/products');
    document.title = 'Products';
    render();
    window.history.pushState(null, '', '/products');
    window.history.replaceState({ scrolled: true }, '', '/products');
    count.value++;
    await nextTick();
    render();
    expect(wrapper.text()).toBe('clicked 1 times');
    expect(pages()).toEqual([
      ['/', 'Storefront'],
      ['/products', 'Products'],
    ]);
    wrapper.unmount();
  });

  it('counts a page once across remounts and a second install over the same client', () => {
    mount(App, { global: { plugins: [plugin()] } }).unmount();
    // Vue warns that the second install provides again, which is the point here.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const app = createApp(App).use(plugin()).use(plugin());
    app.mount(document.createElement('div'));
    render();
    window.history.pushState(null, '', '/cart');
    render();
    expect(pages().map(([path]) => path)).toEqual(['/', '/cart']);
    app.unmount();
  });

  it('stops at unmount, dropping a page not yet sent', () => {
    const wrapper = mount(App, { global: { plugins: [plugin()] } });
    wrapper.unmount();
    render();
    window.history.pushState(null, '', '/cart');
    render();
    expect(pages()).toEqual([]);
  });

  it('passes the policy on', () => {
    const wrapper = mount(App, { global: { plugins: [plugin({ policy: { query: false } })] } });
    render();
    window.history.pushState(null, '', '/?q=shoe');
    render();
    expect(pages()).toHaveLength(1);
    wrapper.unmount();
  });

  it('sends no page call with pageTracking: false', () => {
    const wrapper = mount(App, { global: { plugins: [plugin(false)] } });
    render();
    window.history.pushState(null, '', '/cart');
    render();
    expect(recorder.messages).toEqual([]);
    wrapper.unmount();
  });

  it("keeps the first page's campaign when a component strips it in onMounted", () => {
    window.history.replaceState(null, '', '/?utm_source=ad&utm_content=hero');
    const StripsCampaign = defineComponent({
      setup() {
        onMounted(() => window.history.replaceState(null, '', '/'));
        return () => h(App);
      },
    });
    const wrapper = mount(StripsCampaign, { global: { plugins: [plugin()] } });
    render();
    expect(pages()).toEqual([['/', 'Storefront']]);
    expect(recorder.messages[0]?.context.campaign).toEqual({ source: 'ad', content: 'hero' });
    wrapper.unmount();
  });

  it('starts nothing until the app mounts', () => {
    const listen = vi.spyOn(window, 'addEventListener');
    const app = createApp(App).use(plugin());
    render();
    expect(listen).not.toHaveBeenCalled();
    expect(recorder.messages).toEqual([]);
    app.mount(document.createElement('div'));
    expect(listen).toHaveBeenCalledWith('popstate', expect.any(Function));
    app.unmount();
  });
});

describe('createTrackplan, in development', () => {
  it('says what the router option takes when given the router itself', () => {
    const router = { push: () => {} } as unknown as RouterTracking;
    expect(() => createApp(App).use(plugin({}, router))).toThrow(
      "createTrackplan({ router }) takes trackRouter(router) from '@trackplan/vue/router', not the router itself.",
    );
  });

  it('says a client is needed', () => {
    const options = {} as Parameters<typeof createTrackplan>[0];
    expect(() => createApp(App).use(createTrackplan(options))).toThrow(
      'createTrackplan() needs a client',
    );
  });
});
