/**
 * What each library's bundle does: load with a write key and track one
 * event, in the smallest form its documentation shows for browsers.
 */
export interface BundleScenario {
  /** Row label: the library and its calls. */
  name: string;
  source: string;
  /** Code the library fetches from its own CDN at run time, which no bundle can count. */
  remoteCode?: string;
  /** A workspace binding the scenario needs built before it can be bundled. */
  binding?: '@trackplan/react' | '@trackplan/vue';
  /**
   * For a binding: the same app calling core directly, without the binding.
   * What the binding adds is the difference, so the app's own code (the
   * component, the render call) is not charged to it.
   */
  withoutBinding?: string;
}

export const CORE_SCENARIO: BundleScenario = {
  name: '@trackplan/core: createAnalytics + one track',
  source: `import { createAnalytics } from '@trackplan/core';
    const analytics = createAnalytics({ writeKey: 'WRITE_KEY' });
    analytics.track({ event: 'Button Clicked', properties: { id: 'cta' } });`,
};

/** React: the provider (automatic page tracking on by default) around a component that tracks a click. */
export const REACT_SCENARIO: BundleScenario = {
  name: '@trackplan/react: core + AnalyticsProvider + useTrack (react, react-dom external)',
  binding: '@trackplan/react',
  source: `import { createRoot } from 'react-dom/client';
    import { createAnalytics } from '@trackplan/core';
    import { AnalyticsProvider, useTrack, usePage, useIdentify } from '@trackplan/react';
    function CallToAction() {
      const track = useTrack();
      return <button type="button" onClick={() => track('Button Clicked', { id: 'cta' })}>Buy</button>;
    }
    createRoot(document.getElementById('root')!).render(
      <AnalyticsProvider client={createAnalytics({ writeKey: 'WRITE_KEY' })}>
        <CallToAction />
      </AnalyticsProvider>,
    );`,
  withoutBinding: `import { createRoot } from 'react-dom/client';
    import { createAnalytics } from '@trackplan/core';
    const analytics = createAnalytics({ writeKey: 'WRITE_KEY' });
    function CallToAction() {
      return <button type="button" onClick={() => analytics.track({ event: 'Button Clicked', properties: { id: 'cta' } })}>Buy</button>;
    }
    createRoot(document.getElementById('root')!).render(<CallToAction />);`,
};

/** Vue: the plugin installed on the app, and a component that tracks a click. */
export const VUE_SCENARIO: BundleScenario = {
  name: '@trackplan/vue: core + createTrackplan + useTrack (vue external)',
  binding: '@trackplan/vue',
  source: `import { createApp, h } from 'vue';
    import { createAnalytics } from '@trackplan/core';
    import { createTrackplan, useTrack } from '@trackplan/vue';
    const client = createAnalytics({ writeKey: 'WRITE_KEY' });
    const CallToAction = {
      setup() {
        const track = useTrack();
        return () => h('button', { type: 'button', onClick: () => track('Button Clicked', { id: 'cta' }) }, 'Buy');
      },
    };
    createApp(CallToAction).use(createTrackplan({ client })).mount('#app');`,
  withoutBinding: `import { createApp, h } from 'vue';
    import { createAnalytics } from '@trackplan/core';
    const client = createAnalytics({ writeKey: 'WRITE_KEY' });
    const CallToAction = {
      setup() {
        return () => h('button', { type: 'button', onClick: () => client.track({ event: 'Button Clicked', properties: { id: 'cta' } }) }, 'Buy');
      },
    };
    createApp(CallToAction).mount('#app');`,
};

export const PEER_SCENARIOS: BundleScenario[] = [
  {
    name: '@segment/analytics-next: AnalyticsBrowser.load + one track',
    source: `import { AnalyticsBrowser } from '@segment/analytics-next';
      const analytics = AnalyticsBrowser.load({ writeKey: 'WRITE_KEY' });
      analytics.track('Button Clicked', { id: 'cta' });`,
  },
  {
    name: '@rudderstack/analytics-js: new RudderAnalytics + load + one track',
    remoteCode: 'its plugins, from cdn.rudderlabs.com (see the /bundled row)',
    source: `import { RudderAnalytics } from '@rudderstack/analytics-js';
      const analytics = new RudderAnalytics();
      analytics.load('WRITE_KEY', 'https://dataplane.example.com');
      analytics.track('Button Clicked', { id: 'cta' });`,
  },
  {
    name: '@rudderstack/analytics-js/bundled: the same, plugins built in',
    source: `import { RudderAnalytics } from '@rudderstack/analytics-js/bundled';
      const analytics = new RudderAnalytics();
      analytics.load('WRITE_KEY', 'https://dataplane.example.com');
      analytics.track('Button Clicked', { id: 'cta' });`,
  },
  {
    name: '@jitsu/js: jitsuAnalytics + one track',
    source: `import { jitsuAnalytics } from '@jitsu/js';
      const analytics = jitsuAnalytics({ host: 'https://data.example.com', writeKey: 'WRITE_KEY' });
      analytics.track('Button Clicked', { id: 'cta' });`,
  },
  {
    name: 'posthog-js: posthog.init + one capture',
    remoteCode: 'extensions its remote config turns on, from its assets host',
    source: `import posthog from 'posthog-js';
      posthog.init('WRITE_KEY', { api_host: 'https://us.i.posthog.com' });
      posthog.capture('Button Clicked', { id: 'cta' });`,
  },
  {
    name: 'analytics + @analytics/segment: Analytics({ plugins }) + one track',
    remoteCode: "Segment's analytics.js, from cdn.segment.com",
    source: `import Analytics from 'analytics';
      import segmentPlugin from '@analytics/segment';
      const analytics = Analytics({ app: 'app', plugins: [segmentPlugin({ writeKey: 'WRITE_KEY' })] });
      analytics.track('Button Clicked', { id: 'cta' });`,
  },
];
