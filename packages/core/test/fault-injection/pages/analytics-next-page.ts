import { AnalyticsBrowser } from '@segment/analytics-next';
import { EVENT, type Harness } from '../harness.js';
import { fillStorage, readSettings } from './page-settings.js';

if (location.search.includes('fill=1')) fillStorage();

const { endpoint } = readSettings(location.search);
const errors: string[] = [];
// Its defaults otherwise (standard delivery, retry queue persisted in localStorage);
// the settings come inline, so it loads nothing from Segment's CDN.
const analytics = AnalyticsBrowser.load({
  writeKey: 'e2e',
  cdnSettings: {
    integrations: {
      'Segment.io': {
        apiKey: 'e2e',
        apiHost: `${endpoint.replace(/^https?:\/\//, '')}/v1`,
        protocol: 'http',
      },
    },
  },
});
void analytics.then(([instance]) =>
  instance.on('error', (error) => errors.push(String((error as { code?: string }).code))),
);

const harness: Harness = {
  track(prefix, count) {
    for (let i = 0; i < count; i++) {
      void analytics.track(EVENT, { seq: `${prefix}-${i}` });
    }
  },
  // Its promises resolve on dispatch, before delivery is known.
  settled: async () => null,
  stored() {
    try {
      return Object.keys(localStorage).filter((key) => key.startsWith('persisted-queue')).length;
    } catch {
      return -1;
    }
  },
  errors,
};
(window as unknown as { harness: Harness }).harness = harness;
