import { createAnalytics, setDefaultClient } from '@trackplan/core';
import { trackingPlan } from './analytics/index.js';

/**
 * Where events go: the end-to-end tests set `window.TRACKPLAN_ENDPOINT` to
 * their own receiver; `pnpm dev` uses `VITE_SEGMENT_ENDPOINT`, or the port
 * `npx trackplan-receiver` listens on by default.
 */
const endpoint =
  (window as { TRACKPLAN_ENDPOINT?: string }).TRACKPLAN_ENDPOINT ??
  import.meta.env.VITE_SEGMENT_ENDPOINT ??
  'http://127.0.0.1:8787';

export const analytics = createAnalytics({
  writeKey: 'example-write-key',
  endpoint,
  // A demo shows each event as it happens; production apps keep the batching default.
  flushAt: 1,
  // Generated checks: in development, a call that breaks the plan is logged.
  plan: trackingPlan,
  onViolation: 'warn',
});

// The generated functions (productAdded, productsSearched…) use the default client.
setDefaultClient(analytics);
