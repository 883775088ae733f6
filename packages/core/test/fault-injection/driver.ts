import type { ChromiumSession } from '@trackplan/e2e';
import type { Receiver } from '@trackplan/receiver';
import { type Harness, type Library, PAGES, type PageSettings } from './harness.js';
import type { Arrival } from './tally.js';

// Playwright's types, through the e2e kit that owns the dependency.
type BrowserContext = ChromiumSession['context'];
type Page = Awaited<ReturnType<BrowserContext['newPage']>>;
type Frame = ReturnType<Page['mainFrame']>;

/** Short retry settings, so each fault resolves within seconds. */
export const SETTINGS: Omit<PageSettings, 'endpoint'> = {
  flushAt: 5,
  flushIntervalMs: 200,
  maxRetries: 10,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 1000,
  requestTimeoutMs: 1000,
};

/** One tab of the case's origin, with the harness of its library. */
export interface Tab {
  page: Page;
  /** Makes `count` calls and returns their seqs, once made. */
  track(prefix: string, count: number): Promise<string[]>;
  /** Waits for this tab's calls to settle and its stored queue to empty (Trackplan only). */
  drain(): Promise<void>;
}

/** A fresh origin and receiver for one case, and the library under test. */
export interface CaseContext {
  library: Library;
  receiver: Receiver;
  context: BrowserContext;
  open(options?: { fillStorage?: boolean; sandboxed?: boolean }): Promise<Tab>;
  /** Reloads a tab's page; the new page starts the library again. */
  reload(tab: Tab): Promise<Tab>;
  /** Waits until every open tab's calls have settled and its stored queue is empty. */
  drain(): Promise<void>;
}

type Target = Page | Frame;

async function harnessOf(page: Page, sandboxed: boolean): Promise<Target> {
  const target: Target = sandboxed
    ? ((await (await page.waitForSelector('iframe')).contentFrame()) ?? page)
    : page;
  await target.waitForFunction(() => 'harness' in window);
  return target;
}

function tab(page: Page, target: Target, library: Library): Tab {
  return {
    page,
    async track(prefix, count) {
      await target.evaluate(
        ([p, n]: readonly [string, number]) =>
          (window as unknown as { harness: Harness }).harness.track(p, n),
        [prefix, count] as const,
      );
      return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
    },
    async drain() {
      if (library !== 'trackplan') return;
      await target.evaluate(() => (window as unknown as { harness: Harness }).harness.settled());
      await target.waitForFunction(
        () => (window as unknown as { harness: Harness }).harness.stored() <= 0,
        undefined,
        { polling: 100 },
      );
    },
  };
}

export function caseContext(
  library: Library,
  siteUrl: string,
  receiver: Receiver,
  context: BrowserContext,
): CaseContext {
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      endpoint: receiver.url,
      ...Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [k, String(v)])),
      ...extra,
    }).toString();
  const tabs: Tab[] = [];
  const opened = (page: Page, target: Target): Tab => {
    const made = tab(page, target, library);
    tabs.push(made);
    return made;
  };
  return {
    library,
    receiver,
    context,
    async open({ fillStorage = false, sandboxed = false } = {}) {
      const page = await context.newPage();
      const extra: Record<string, string> = fillStorage ? { fill: '1' } : {};
      const url = sandboxed
        ? `${siteUrl}/sandboxed.html?${query({ page: PAGES[library], ...extra })}`
        : `${siteUrl}/${PAGES[library]}?${query(extra)}`;
      await page.goto(url);
      return opened(page, await harnessOf(page, sandboxed));
    },
    async reload(old) {
      tabs.splice(tabs.indexOf(old), 1);
      await old.page.reload();
      return opened(old.page, await harnessOf(old.page, false));
    },
    async drain() {
      for (const open of tabs) if (!open.page.isClosed()) await open.drain();
    },
  };
}

/** Each recorded message as the call it came from. */
export function arrivals(receiver: Receiver): Arrival[] {
  return receiver.messages().map(({ message }) => ({
    messageId: message.messageId,
    seq: (message.properties as { seq?: unknown } | undefined)?.seq,
  }));
}

/**
 * Waits, without polling, until a message of every tracked call has arrived
 * or the deadline passes; true when all arrived.
 */
export async function allArrived(
  receiver: Receiver,
  tracked: readonly string[],
  deadline: number,
): Promise<boolean> {
  for (;;) {
    const seen = new Set(arrivals(receiver).map((arrival) => arrival.seq));
    if (tracked.every((seq) => seen.has(seq))) return true;
    const timeoutMs = deadline - Date.now();
    if (timeoutMs <= 0) return false;
    await receiver
      .waitForMessages(receiver.messages().length + 1, { timeoutMs })
      .catch(() => undefined);
  }
}

/** Resolves when the tab has sent a request to the receiver (one that may now be held back). */
export function nextRequest(tab: Tab, receiver: Receiver): Promise<unknown> {
  return tab.page.waitForRequest(
    (request: { method(): string; url(): string }) =>
      request.method() === 'POST' && request.url().startsWith(receiver.url),
  );
}
