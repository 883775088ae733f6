// @vitest-environment node
import { createTestAnalytics } from '@trackplan/core/testing';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AnalyticsProvider } from './analytics-provider.js';
import { NextPageTracking } from './next.js';

// While prerendering a static route, Next.js makes useSearchParams() suspend
// up to the nearest <Suspense>; without one, the whole page bails out.
vi.mock('next/navigation', () => ({
  usePathname: () => '/',
  useSearchParams: () => {
    throw new Promise(() => {});
  },
}));

describe('NextPageTracking while a static route is prerendered', () => {
  it('suspends inside its own boundary, so the page around it still renders', () => {
    const { analytics } = createTestAnalytics({ window: null });
    const html = renderToString(
      <AnalyticsProvider client={analytics}>
        <NextPageTracking />
        <main>static content</main>
      </AnalyticsProvider>,
    );
    expect(html).toContain('<main>static content</main>');
  });
});
