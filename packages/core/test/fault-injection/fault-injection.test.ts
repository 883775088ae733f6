import { type ChromiumSession, launchChromium, serveStatic } from '@trackplan/e2e';
import { startReceiver } from '@trackplan/receiver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltPages, buildPages } from './build-pages.js';
import { allArrived, arrivals, caseContext } from './driver.js';
import type { Library } from './harness.js';
import { formatTable } from './results-table.js';
import { SCENARIOS } from './scenarios.js';
import { type Tally, tally } from './tally.js';

/**
 * Fault injection in headless Chromium against the local receiver: each case
 * gets a fresh origin (so fresh storage) and receiver, makes calls through a
 * page of the library under test, injects its fault, and counts what arrived.
 * Trackplan must lose nothing and duplicate nothing after deduplication by
 * messageId; analytics-next runs the same cases beside it, for the record.
 */

/** How long a case may take to deliver everything. */
const DEADLINE_MS: Record<Library, number> = { trackplan: 30_000, 'analytics-next': 12_000 };

let chromium: ChromiumSession;
let pages: BuiltPages;
const results = new Map<string, Partial<Record<Library, Tally>>>();

beforeAll(async () => {
  [chromium, pages] = await Promise.all([launchChromium(), buildPages()]);
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  pages?.remove();
  console.log(
    `\n${formatTable(
      SCENARIOS.map((scenario) => scenario.name),
      results,
    )}\n`,
  );
});

describe.each(['trackplan', 'analytics-next'] as const)('%s', (library) => {
  it.each(SCENARIOS)(
    '$name',
    async (scenario) => {
      const receiver = await startReceiver({ maxLifetimeMs: 120_000 });
      const site = await serveStatic(pages.dir, { maxLifetimeMs: 120_000 });
      const test = caseContext(library, site.url, receiver, chromium.context);
      const deadline = Date.now() + DEADLINE_MS[library];
      try {
        const tracked = await scenario.run(test, deadline);
        const arrivedAll = await allArrived(receiver, tracked, deadline);
        // Settled and confirmed on every page still open, then nothing still held back.
        if (library === 'trackplan') await test.drain();
        await receiver.idle();
        const counted = tally(tracked, arrivals(receiver));
        results.set(scenario.name, { ...results.get(scenario.name), [library]: counted });
        expect(counted.tracked).toBeGreaterThan(0);
        if (library === 'trackplan') {
          expect(arrivedAll).toBe(true);
          expect(counted).toMatchObject({ lost: 0, duplicated: 0 });
        }
      } finally {
        for (const page of chromium.context.pages()) {
          if (page.url().startsWith(site.url)) await page.close();
        }
        await Promise.all([receiver.close(), site.close()]);
      }
    },
    60_000,
  );
});
