// @vitest-environment jsdom
import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalyticsProvider } from './analytics-provider.js';
import { TanStackRouterPageTracking } from './tanstack-router.js';
import { createRecorder, type Recorder } from './test-support/recorder.js';
import { Titled } from './test-support/titled.js';

let recorder: Recorder;

function storeRouter() {
  const root = createRootRoute({
    component: () => (
      <>
        <TanStackRouterPageTracking />
        <Outlet />
      </>
    ),
  });
  const home = createRoute({
    getParentRoute: () => root,
    path: '/',
    staticData: { page: 'Home' },
    component: () => <Titled title="Home" />,
  });
  const product = createRoute({
    getParentRoute: () => root,
    path: '/products/$productId',
    staticData: {
      page: ({ productId }) => ({
        name: 'Product Detail',
        properties: { product_id: productId ?? '' },
      }),
    },
    component: () => <Titled title="Product" />,
  });
  return createRouter({ routeTree: root.addChildren([home, product]) });
}

/**
 * Runs one router step (a load or a navigation) in act and waits for it. The
 * router's promise settles only once React has rendered the step's matches,
 * and React 18's act renders nothing until its callback has settled, so
 * `await act(() => router.load())` would wait on itself for ever there. The
 * callback therefore only starts the step; act's own flushing renders it, and
 * the step's promise is awaited once act is done.
 */
async function routerStep(step: () => Promise<unknown>): Promise<void> {
  let done: Promise<unknown> | undefined;
  await act(async () => {
    done = step();
  });
  await done;
}

beforeEach(() => {
  // The router restores scroll positions, which jsdom does not implement.
  vi.stubGlobal('scrollTo', () => {});
  window.history.replaceState(null, '', '/');
  recorder = createRecorder();
});

describe('TanStackRouterPageTracking', () => {
  it('tracks one page per resolved navigation, named by staticData.page', async () => {
    const router = storeRouter();
    render(
      <StrictMode>
        <AnalyticsProvider
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          <RouterProvider router={router} />
        </AnalyticsProvider>
      </StrictMode>,
    );
    await routerStep(() => router.load());
    recorder.paint();
    await routerStep(() =>
      router.navigate({ to: '/products/$productId', params: { productId: 'p1' } }),
    );
    recorder.paint();
    await routerStep(() =>
      router.navigate({ to: '/products/$productId', params: { productId: 'p1' } }),
    );
    recorder.paint();
    const popped = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    );
    router.history.back();
    await act(() => popped);
    await routerStep(() => router.load());
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: 'Home', path: '/', search: '', title: 'Home' },
      {
        name: 'Product Detail',
        path: '/products/p1',
        search: '',
        title: 'Product',
        product_id: 'p1',
      },
      { name: 'Home', path: '/', search: '', title: 'Home' },
    ]);
  });
});
