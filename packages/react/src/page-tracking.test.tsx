// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { StrictMode, useEffect, useSyncExternalStore } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AnalyticsProvider, type PageTrackingOption } from './analytics-provider.js';
import { createRecorder, type Recorder } from './test-support/recorder.js';

let recorder: Recorder;

/** A minimal History API router, as apps without a router library write. */
function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener('app:navigate', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('app:navigate', onChange);
  };
}
function navigate(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event('app:navigate'));
}
function App() {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  useEffect(() => {
    document.title = `Title of ${path}`;
  }, [path]);
  return <p>{path}</p>;
}

/** Drops the utm_ parameters from the URL once mounted, as some apps do. */
function StripsCampaign() {
  useEffect(() => {
    window.history.replaceState(null, '', '/');
  }, []);
  return null;
}

function renderApp(pageTracking: PageTrackingOption = {}) {
  const options =
    typeof pageTracking === 'object'
      ? { afterRender: recorder.afterRender, ...pageTracking }
      : false;
  return render(
    <StrictMode>
      <AnalyticsProvider client={recorder.analytics} pageTracking={options}>
        <App />
      </AnalyticsProvider>
    </StrictMode>,
  );
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  document.title = 'Before render';
  recorder = createRecorder();
});

describe('automatic page tracking', () => {
  it('tracks the first page once under StrictMode, with the rendered title', () => {
    renderApp();
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: undefined, path: '/', search: '', title: 'Title of /' },
    ]);
  });

  it('tracks each navigation once, and back/forward with the page’s own title', async () => {
    renderApp();
    recorder.paint();
    act(() => navigate('/products'));
    recorder.paint();
    act(() => navigate('/cart'));
    recorder.paint();
    // Back: the router re-renders on popstate; the title is read after that.
    const popped = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    );
    window.history.back();
    await act(() => popped);
    recorder.paint();
    expect(recorder.pages().map(({ path, title }) => [path, title])).toEqual([
      ['/', 'Title of /'],
      ['/products', 'Title of /products'],
      ['/cart', 'Title of /cart'],
      ['/products', 'Title of /products'],
    ]);
  });

  it('sends nothing for re-renders, provider remounts or a navigation to the same URL', () => {
    const view = renderApp();
    recorder.paint();
    view.rerender(
      <StrictMode>
        <AnalyticsProvider
          key="remounted"
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          <App />
        </AnalyticsProvider>
      </StrictMode>,
    );
    recorder.paint();
    act(() => navigate('/'));
    recorder.paint();
    expect(recorder.pages()).toHaveLength(1);
  });

  it('follows the policy for query-only and hash-only changes', () => {
    renderApp({ policy: { query: false } });
    recorder.paint();
    act(() => navigate('/?sort=price'));
    act(() => navigate('/#reviews'));
    recorder.paint();
    expect(recorder.pages()).toHaveLength(1);
    act(() => navigate('/#/hash-route'));
    recorder.paint();
    expect(recorder.pages()).toHaveLength(2);
  });

  it('keeps the campaign of the first page when a component strips it in its mount effect', () => {
    window.history.replaceState(null, '', '/?utm_source=ad&utm_medium=cpc');
    render(
      <StrictMode>
        <AnalyticsProvider
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          <App />
          <StripsCampaign />
        </AnalyticsProvider>
      </StrictMode>,
    );
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: undefined, path: '/', search: '', title: 'Title of /' },
    ]);
    expect(recorder.messages[0]?.context.campaign).toEqual({ source: 'ad', medium: 'cpc' });
  });

  it('is off with pageTracking={false}', () => {
    renderApp(false);
    recorder.paint();
    act(() => navigate('/products'));
    recorder.paint();
    expect(recorder.pages()).toEqual([]);
  });
});
