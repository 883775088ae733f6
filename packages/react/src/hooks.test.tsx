// @vitest-environment jsdom

import { act, render, renderHook } from '@testing-library/react';
import { setDefaultClient } from '@trackplan/core';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalyticsProvider } from './analytics-provider.js';
import { useAnalytics, useIdentify, usePage, useTrack } from './hooks.js';
import { createRecorder, type Recorder } from './test-support/recorder.js';

let recorder: Recorder;
const wrapper = ({ children }: { children: ReactNode }) => (
  <StrictMode>
    <AnalyticsProvider client={recorder.analytics} pageTracking={false}>
      {children}
    </AnalyticsProvider>
  </StrictMode>
);

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  recorder = createRecorder();
});
afterEach(() => setDefaultClient(undefined));

describe('hooks', () => {
  it('send typed calls through the provider’s client', async () => {
    const { result } = renderHook(
      () => ({ track: useTrack(), identify: useIdentify(), page: usePage() }),
      { wrapper },
    );
    await act(async () => {
      await result.current.identify('u_1', { email: 'ada@example.com' });
      await result.current.track('Product Added', { product_id: 'p1' });
      await result.current.page('Cart');
    });
    expect(recorder.messages).toMatchObject([
      { type: 'identify', userId: 'u_1', traits: { email: 'ada@example.com' } },
      { type: 'track', event: 'Product Added', userId: 'u_1', properties: { product_id: 'p1' } },
      { type: 'page', name: 'Cart', userId: 'u_1' },
    ]);
  });

  it('return the same functions on every render', () => {
    const { result, rerender } = renderHook(
      () => ({
        track: useTrack(),
        identify: useIdentify(),
        page: usePage(),
        client: useAnalytics(),
      }),
      { wrapper },
    );
    const first = result.current;
    rerender();
    expect(result.current.track).toBe(first.track);
    expect(result.current.identify).toBe(first.identify);
    expect(result.current.page).toBe(first.page);
    expect(result.current.client).toBe(recorder.analytics);
  });

  it('explain the fix when there is no provider and no default client', () => {
    for (const hook of [useTrack, useIdentify, usePage, useAnalytics]) {
      expect(() => renderHook(() => hook())).toThrow(
        `${hook.name}() found no analytics client. Wrap your app in <AnalyticsProvider client={analytics}>`,
      );
    }
  });

  it('fall back to the default client outside a provider', async () => {
    setDefaultClient(recorder.analytics);
    const { result } = renderHook(() => useTrack());
    await act(() => result.current('Signed Out'));
    expect(recorder.tracked('Signed Out')).toHaveLength(1);
  });

  it('resolve a refused call rather than throw into the component', async () => {
    const { result } = renderHook(() => useTrack(), { wrapper });
    const bad = await act(() =>
      result.current('Signed Out', { when: 10n } as unknown as Record<string, never>),
    );
    expect(bad).toMatchObject({ success: false, error: { code: 'invalid_json' } });
  });
});

const clients: unknown[] = [];
function Probe() {
  clients.push(useAnalytics());
  return null;
}

describe('AnalyticsProvider', () => {
  it('creates one client per writeKey from options and keeps it across remounts', () => {
    clients.length = 0;
    const options = { writeKey: 'provider-test', fetch: async () => new Response('{}') };
    const view = render(
      <AnalyticsProvider key="a" options={options} pageTracking={false}>
        <Probe />
      </AnalyticsProvider>,
    );
    view.rerender(
      <AnalyticsProvider key="b" options={options} pageTracking={false}>
        <Probe />
      </AnalyticsProvider>,
    );
    expect(clients).toHaveLength(2);
    expect(clients[1]).toBe(clients[0]);
  });
});
