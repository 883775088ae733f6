// @vitest-environment node
import { createTestAnalytics } from '@trackplan/core/testing';
import { renderToString } from '@vue/server-renderer';
import { afterEach, describe, expect, it } from 'vitest';
import { createSSRApp, defineComponent, h, onMounted } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { useTrack } from './composables.js';
import { createTrackplan } from './create-trackplan.js';
import { trackRouter } from './router.js';

const BROWSER_GLOBALS = ['window', 'document', 'history', 'location', 'navigator', 'localStorage'];
let touched: string[] = [];

/** Records every read of a browser global for as long as the test runs. */
function watchBrowserGlobals() {
  for (const name of BROWSER_GLOBALS) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
}

afterEach(() => {
  for (const name of BROWSER_GLOBALS) delete (globalThis as Record<string, unknown>)[name];
  touched = [];
});

const HomePage = defineComponent({
  setup() {
    const track = useTrack();
    // Mounted hooks never run on a server, so this only ever tracks in a browser.
    onMounted(() => void track('Product List Viewed', { products: [] }));
    return () => h('h1', 'Welcome');
  },
});

describe('server rendering, as Nuxt does it', () => {
  it('renders, touches no browser global and sends nothing', async () => {
    const recorder = createTestAnalytics({ window: null });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', name: 'Home', component: HomePage }],
    });
    // One app per request, as a server renders it.
    const app = createSSRApp(RouterView);
    // From here on: Vue itself looks for the devtools on window when it first creates an app.
    watchBrowserGlobals();
    app.use(router);
    app.use(createTrackplan({ client: recorder.analytics, router: trackRouter(router) }));
    await router.push('/');
    await router.isReady();
    const html = await renderToString(app);
    expect(html).toContain('<h1>Welcome</h1>');
    expect(touched).toEqual([]);
    expect(recorder.messages).toEqual([]);
  });

  it('sends nothing without a router either', async () => {
    const recorder = createTestAnalytics({ window: null });
    const app = createSSRApp(HomePage);
    watchBrowserGlobals();
    app.use(createTrackplan({ client: recorder.analytics }));
    expect(await renderToString(app)).toBe('<h1>Welcome</h1>');
    expect(touched).toEqual([]);
    expect(recorder.messages).toEqual([]);
  });
});
