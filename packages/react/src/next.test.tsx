// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalyticsProvider } from './analytics-provider.js';
import { NextPageTracking } from './next.js';
import { createRecorder, type Recorder } from './test-support/recorder.js';

// The App Router's hooks, driven by the test as Next.js would drive them.
const router = vi.hoisted(() => ({
  pathname: '/',
  search: '',
  /** While set, useSearchParams() suspends, as on a statically prerendered route during hydration. */
  loading: undefined as Promise<void> | undefined,
}));
vi.mock('next/navigation', () => ({
  usePathname: () => router.pathname,
  useSearchParams: () => {
    if (router.loading) throw router.loading;
    return new URLSearchParams(router.search);
  },
}));

let recorder: Recorder;

function App() {
  return (
    <StrictMode>
      <AnalyticsProvider
        client={recorder.analytics}
        pageTracking={{ afterRender: recorder.afterRender }}
      >
        <NextPageTracking
          describePage={(pathname, params) =>
            pathname === '/search'
              ? { name: 'Search Results', properties: { query: params.get('q') ?? '' } }
              : undefined
          }
        />
      </AnalyticsProvider>
    </StrictMode>
  );
}

function go(url: string, view: ReturnType<typeof render>) {
  const [pathname = '/', search = ''] = url.split('?');
  window.history.pushState(null, '', url);
  router.pathname = pathname;
  router.search = search;
  act(() => view.rerender(<App />));
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  router.pathname = '/';
  router.search = '';
  router.loading = undefined;
  recorder = createRecorder();
});

describe('NextPageTracking', () => {
  it('tracks the first page and each navigation once, query changes included', () => {
    const view = render(<App />);
    recorder.paint();
    go('/search?q=shoe', view);
    recorder.paint();
    go('/search?q=shoe', view);
    recorder.paint();
    go('/search?q=sock', view);
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: undefined, path: '/', search: '', title: '' },
      { name: 'Search Results', path: '/search', search: '?q=shoe', title: '' },
      { name: 'Search Results', path: '/search', search: '?q=sock', title: '' },
    ]);
    expect(recorder.messages[1]).toMatchObject({ properties: { query: 'shoe' } });
  });

  it('names the first page when its Suspense boundary renders only after the first paint', async () => {
    window.history.replaceState(null, '', '/search?q=shoe');
    router.pathname = '/search';
    router.search = 'q=shoe';
    let settle: () => void = () => {};
    router.loading = new Promise<void>((resolve) => (settle = resolve)).then(() => {
      router.loading = undefined;
    });
    render(<App />);
    recorder.paint();
    await act(async () => {
      settle();
      await router.loading;
    });
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: 'Search Results', path: '/search', search: '?q=shoe', title: '' },
    ]);
  });
});
