import { allArrived, type CaseContext, nextRequest, type Tab } from './driver.js';

/** A fault, applied to a fresh origin and receiver; returns the seqs of the calls it made. */
export interface Scenario {
  name: string;
  run(test: CaseContext, deadline: number): Promise<string[]>;
}

/** Calls per tab in each case. */
export const CALLS = 20;

/** How long the receiver stays down, or the browser offline, in the cases that need it. */
const OUTAGE_MS = 3000;

const simple = (name: string, inject: (test: CaseContext) => Promise<void> | void): Scenario => ({
  name,
  async run(test) {
    const tab = await test.open();
    await inject(test);
    return tab.track('call', CALLS);
  },
});

/** One tab tracks while the receiver holds its first request 2 s; `leave` ends the page then. */
const leftMidFlush = (
  name: string,
  leave: (test: CaseContext, tab: Tab) => Promise<unknown>,
): Scenario => ({
  name,
  async run(test) {
    const tab = await test.open();
    test.receiver.injectFaults({ delayMs: 2000 });
    const sent = nextRequest(tab, test.receiver);
    const tracked = await tab.track('call', CALLS);
    await sent;
    await leave(test, tab);
    return tracked;
  },
});

export const SCENARIOS: Scenario[] = [
  simple('No fault (control)', () => {}),
  simple(`Receiver down for ${OUTAGE_MS / 1000} s (connections refused)`, (test) =>
    test.receiver.down(OUTAGE_MS),
  ),
  simple('500 on the first 3 requests', (test) =>
    test.receiver.injectFaults({ status: 500, times: 3 }),
  ),
  simple('429 with `Retry-After: 1` on the first 2 requests', (test) =>
    test.receiver.injectFaults({ status: 429, retryAfter: '1', times: 2 }),
  ),
  simple('Answers 1.5 s late (timeout 1 s) on the first 2 requests', (test) =>
    test.receiver.injectFaults({ delayMs: 1500, times: 2 }),
  ),
  simple('Connection reset on the first 3 requests', (test) =>
    test.receiver.injectFaults({ resetConnection: true, times: 3 }),
  ),
  {
    name: `Offline for ${OUTAGE_MS / 1000} s`,
    async run(test) {
      const tab = await test.open();
      await test.context.setOffline(true);
      const tracked = await tab.track('call', CALLS);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await test.context.setOffline(false);
      return tracked;
    },
  },
  leftMidFlush('Page reloaded while its first request is held 2 s', (test, tab) =>
    test.reload(tab),
  ),
  leftMidFlush(
    'Tab closed while its first request is held 2 s; the site opened again',
    async (test, tab) => {
      await tab.page.close();
      await test.open();
    },
  ),
  {
    name: 'Two tabs tracking at once, requests held 2 s; one tab closed',
    async run(test, deadline) {
      const [first, second] = [await test.open(), await test.open()];
      test.receiver.injectFaults({ delayMs: 2000, times: 2 });
      const sent = nextRequest(second, test.receiver);
      const tracked = (
        await Promise.all([first.track('first', CALLS), second.track('second', CALLS)])
      ).flat();
      await sent;
      await second.page.close();
      // The tab left open goes on being used.
      const later = await first.track('later', 5);
      await allArrived(test.receiver, [...tracked, ...later], deadline);
      return [...tracked, ...later];
    },
  },
  {
    name: 'Storage full (QuotaExceededError), plus 500 on the first 2 requests',
    async run(test) {
      const tab = await test.open({ fillStorage: true });
      test.receiver.injectFaults({ status: 500, times: 2 });
      return tab.track('call', CALLS);
    },
  },
  {
    name: 'Storage disabled (sandboxed iframe: localStorage throws), plus 500 on the first 2 requests',
    async run(test) {
      const tab = await test.open({ sandboxed: true });
      test.receiver.injectFaults({ status: 500, times: 2 });
      return tab.track('call', CALLS);
    },
  },
];
