// @vitest-environment jsdom
import { setDefaultClient } from '@trackplan/core';
import { createTestAnalytics, type TestAnalytics } from '@trackplan/core/testing';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h } from 'vue';
import { useAnalytics, useIdentify, usePage, useTrack } from './composables.js';
import { createTrackplan } from './create-trackplan.js';

/** The plugin's client. */
let recorder: TestAnalytics;
/** The client registered with setDefaultClient(). */
let fallback: TestAnalytics;

beforeEach(() => {
  recorder = createTestAnalytics({ window, storage: false });
  fallback = createTestAnalytics({ window, storage: false });
  setDefaultClient(fallback.analytics);
});

afterEach(() => {
  setDefaultClient(undefined);
});

/** Mounts a component whose setup runs `body`, and returns what it returned. */
function inSetup<T>(
  body: () => T,
  plugins = [createTrackplan({ client: recorder.analytics, pageTracking: false })],
): T {
  let value: T | undefined;
  mount(
    defineComponent({
      setup() {
        value = body();
        return () => h('div');
      },
    }),
    { global: { plugins } },
  );
  return value as T;
}

describe('with the plugin', () => {
  it('sends track, identify and page through the plugin’s client', async () => {
    const { track, identify, page } = inSetup(() => ({
      track: useTrack(),
      identify: useIdentify(),
      page: usePage(),
    }));
    await track('Product Added', { product_id: 'p1', price: 120, quantity: 1 }, { userId: 'u_0' });
    await identify('u_1', { email: 'ada@example.com' });
    await page('Checkout', { step: 1 }, { category: 'Checkout' });
    expect(recorder.messages).toMatchObject([
      {
        type: 'track',
        event: 'Product Added',
        properties: { product_id: 'p1', price: 120, quantity: 1 },
        userId: 'u_0',
      },
      { type: 'identify', userId: 'u_1', traits: { email: 'ada@example.com' } },
      { type: 'page', name: 'Checkout', category: 'Checkout', properties: { step: 1 } },
    ]);
    expect(fallback.messages).toEqual([]);
  });

  it('hands every component the same functions', () => {
    const app = createApp({ render: () => null });
    app.use(createTrackplan({ client: recorder.analytics, pageTracking: false }));
    const first = app.runWithContext(() => [useTrack(), useIdentify(), usePage()]);
    const second = app.runWithContext(() => [useTrack(), useIdentify(), usePage()]);
    expect(second).toEqual(first);
    for (const [index, call] of first.entries()) expect(second[index]).toBe(call);
  });

  it('gives the client itself to useAnalytics()', () => {
    expect(inSetup(() => useAnalytics())).toBe(recorder.analytics);
  });

  it('resolves a refused call instead of throwing', async () => {
    const track = inSetup(() => useTrack());
    // biome-ignore lint/suspicious/noExplicitAny: a call the types forbid, as plain JavaScript could make.
    const result = await (track as any)('');
    expect(result).toMatchObject({ success: false, error: { code: 'missing_event' } });
  });
});

/** A setup() that throws makes Vue warn too; the tests check the error itself. */
const muteVueWarnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('without the plugin', () => {
  it('uses the default client', async () => {
    const first = inSetup(() => ({ track: useTrack(), analytics: useAnalytics() }), []);
    expect(first.analytics).toBe(fallback.analytics);
    await first.track('Signed In', { method: 'email' });
    expect(fallback.tracked('Signed In')).toHaveLength(1);
    expect(recorder.messages).toEqual([]);
  });

  it('follows a change of default client', async () => {
    const later = createTestAnalytics({ window, storage: false });
    setDefaultClient(later.analytics);
    await inSetup(() => useTrack(), [])('Signed Out');
    expect(later.tracked('Signed Out')).toHaveLength(1);
    expect(fallback.messages).toEqual([]);
  });

  it('works outside setup() with a default client, as in a store or a router guard', async () => {
    await useIdentify()('u_1');
    expect(fallback.messages).toMatchObject([{ type: 'identify', userId: 'u_1' }]);
  });
});

describe('without the plugin or a default client, in development', () => {
  beforeEach(() => {
    setDefaultClient(undefined);
    muteVueWarnings();
  });

  it.each([
    ['useTrack', useTrack],
    ['useIdentify', useIdentify],
    ['usePage', usePage],
    ['useAnalytics', useAnalytics],
  ] as const)('%s() throws an error that says how to fix it', (name, composable) => {
    expect(() => inSetup(composable as () => unknown, [])).toThrow(
      `${name}() found no Trackplan plugin: call app.use(createTrackplan({ client })) first, or setDefaultClient(client) at startup.`,
    );
  });

  it('says so when a composable is called outside setup()', () => {
    expect(() => useTrack()).toThrow('useTrack() was called outside setup()');
  });
});

describe('without the plugin or a default client, in production', () => {
  beforeEach(() => {
    setDefaultClient(undefined);
    // Vitest defines __DEV__ as a global, so a stub switches this file's
    // sources and core's to the production branches; unstubGlobals restores it.
    vi.stubGlobal('__DEV__', false);
    muteVueWarnings();
  });

  it('hands out calls that resolve success: false, send nothing and never throw', async () => {
    const { track, identify, page, analytics } = inSetup(
      () => ({
        track: useTrack(),
        identify: useIdentify(),
        page: usePage(),
        analytics: useAnalytics(),
      }),
      [],
    );
    const results = [
      await track('Signed In', { method: 'email' }, { userId: 'u_1' }),
      await identify('u_1'),
      await page('Home', {}, { userId: 'u_1' }),
      await analytics.group({ groupId: 'g_1', userId: 'u_1' }),
    ];
    for (const result of results) {
      expect(result).toMatchObject({ success: false, error: { code: 'missing_write_key' } });
    }
  });
});
