// @vitest-environment node
import { createTestAnalytics } from '@trackplan/core/testing';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AnalyticsProvider } from './analytics-provider.js';
import { useIdentify, usePage, useTrack } from './hooks.js';
import { NextPageTracking } from './next.js';
import { ReactRouterPageTracking } from './react-router.js';

vi.mock('next/navigation', () => ({
  usePathname: () => '/products',
  useSearchParams: () => new URLSearchParams('sort=price'),
}));

function Page() {
  useTrack();
  useIdentify();
  usePage();
  return <p>catalog</p>;
}

describe('server rendering', () => {
  it('renders with no window or document and sends nothing', async () => {
    expect(typeof window).toBe('undefined');
    const { analytics, messages } = createTestAnalytics({ window: null });
    const html = renderToString(
      <AnalyticsProvider client={analytics}>
        <NextPageTracking />
        <Page />
      </AnalyticsProvider>,
    );
    expect(html).toContain('catalog');
    await analytics.flush();
    expect(messages).toEqual([]);
  });

  it('creates a client from options on the server without sending', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    const html = renderToString(
      <AnalyticsProvider options={{ writeKey: 'ssr-key', fetch }}>
        <Page />
      </AnalyticsProvider>,
    );
    expect(html).toContain('catalog');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renders the React Router adapter inside a static router', async () => {
    const { StaticRouter } = await import('react-router');
    const { analytics, messages } = createTestAnalytics({ window: null });
    renderToString(
      <AnalyticsProvider client={analytics}>
        <StaticRouter location="/products">
          <ReactRouterPageTracking />
          <Page />
        </StaticRouter>
      </AnalyticsProvider>,
    );
    expect(messages).toEqual([]);
  });
});
