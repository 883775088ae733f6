import { QUEUE_KEY } from '../../../src/browser/durable-queue.js';
import { createAnalytics } from '../../../src/index.js';
import { EVENT, type Harness } from '../harness.js';
import { fillStorage, readSettings } from './page-settings.js';

if (location.search.includes('fill=1')) fillStorage();

const errors: string[] = [];
const results: Record<string, string> = {};
const calls: Promise<unknown>[] = [];
// Created at load, as an app does: this is when what earlier pages left is restored.
const analytics = createAnalytics({
  writeKey: 'e2e',
  ...readSettings(location.search),
  onError: (error) => errors.push(error.code),
});

const harness: Harness = {
  track(prefix, count) {
    for (let i = 0; i < count; i++) {
      const seq = `${prefix}-${i}`;
      calls.push(
        analytics.track({ event: EVENT, properties: { seq } }).then((result) => {
          results[seq] = result.success ? 'ok' : (result.error?.code ?? 'failed');
        }),
      );
    }
  },
  async settled() {
    await Promise.all(calls);
    return results;
  },
  stored() {
    try {
      return Object.keys(localStorage).filter((key) => key.startsWith(QUEUE_KEY)).length;
    } catch {
      return -1;
    }
  },
  errors,
};
(window as unknown as { harness: Harness }).harness = harness;
