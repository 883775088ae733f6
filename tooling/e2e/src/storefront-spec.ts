import { type Receiver, startReceiver } from '@trackplan/receiver';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './chromium.js';
import { BLANK_PATH, type StaticServer, serveStatic } from './static-server.js';

type Message = Record<string, unknown> & { type: string; messageId: string };

/**
 * The end-to-end checks every example storefront must pass in Chromium, run
 * against its production build. The apps share one DOM contract (the
 * `data-testid`s below and the routes of examples/README.md), so React and
 * Vue are held to exactly the same guarantees.
 */
export function describeStorefront(appName: string, distDir: string): void {
  describe(`${appName} storefront in Chromium`, () => {
    let receiver: Receiver;
    let server: StaticServer;
    let chromium: ChromiumSession;
    let page: Page;

    beforeAll(async () => {
      receiver = await startReceiver({ maxLifetimeMs: 10 * 60_000 });
      server = await serveStatic(distDir);
      chromium = await launchChromium();
      await chromium.context.addInitScript((endpoint) => {
        (window as { TRACKPLAN_ENDPOINT?: string }).TRACKPLAN_ENDPOINT = endpoint;
      }, receiver.url);
    });

    afterAll(async () => {
      await chromium?.close();
      await server?.close();
      await receiver?.close();
    });

    beforeEach(async () => {
      for (const open of chromium.context.pages()) await open.close();
      await chromium.context.clearCookies();
      page = await chromium.context.newPage();
      // Start each test as a new visitor: no stored identity or queue.
      await page.goto(`${server.url}${BLANK_PATH}`);
      await page.evaluate(() => localStorage.clear());
      receiver.clear();
    });

    /** Messages once the page has gone quiet, deduplicated by messageId as Segment does. */
    async function arrived(count: number): Promise<Message[]> {
      await receiver.waitForMessages(count, { timeoutMs: 15_000 });
      // Anything still in flight shows up before the network is idle again.
      await page.waitForLoadState('networkidle');
      return receiver.uniqueMessages().map((received) => received.message as Message);
    }
    const pagesOf = (messages: Message[]) =>
      messages
        .filter((message) => message.type === 'page')
        .map((message) => {
          const properties = message.properties as Record<string, unknown>;
          return { name: message.name, path: properties.path, title: properties.title };
        });
    const visit = (path: string) => page.goto(`${server.url}${path}`);

    it('sends exactly one page per navigation: first load, links, back, forward and reload', async () => {
      // Each step waits for the page it causes, as a person reads a page before moving on.
      await visit('/');
      await receiver.waitForMessages(1);
      await page.getByTestId('nav-products').click();
      await receiver.waitForMessages(2);
      await page.getByTestId('product-link-p1').click();
      await receiver.waitForMessages(3);
      await page.goBack();
      await receiver.waitForMessages(4);
      await page.goForward();
      await receiver.waitForMessages(5);
      await page.reload();
      const messages = await arrived(6);
      expect(pagesOf(messages)).toEqual([
        { name: 'Home', path: '/', title: 'Acme Storefront' },
        { name: 'Product List', path: '/products', title: 'Products · Acme' },
        { name: 'Product Detail', path: '/products/p1', title: 'Trail Shoe · Acme' },
        { name: 'Product List', path: '/products', title: 'Products · Acme' },
        { name: 'Product Detail', path: '/products/p1', title: 'Trail Shoe · Acme' },
        { name: 'Product Detail', path: '/products/p1', title: 'Trail Shoe · Acme' },
      ]);
      const detail = messages.find((message) => message.name === 'Product Detail');
      expect(detail?.properties).toMatchObject({
        product_id: 'p1',
        referrer: `${server.url}/products`,
        url: `${server.url}/products/p1`,
      });
      expect(messages).toHaveLength(6);
    });

    it('sends the typed events that clicks fire, with the right properties', async () => {
      await visit('/products/p2');
      await receiver.waitForMessages(1);
      await page.getByTestId('add-to-cart').click();
      await page.getByTestId('nav-cart').click();
      await receiver.waitForMessages(3);
      await page.getByTestId('checkout').click();
      await receiver.waitForMessages(5);
      await page.getByTestId('nav-search').click();
      await receiver.waitForMessages(6);
      await page.getByTestId('search-input').fill('sock');
      await page.getByTestId('search-submit').click();
      const messages = await arrived(8);
      const rainJacket = { product_id: 'p2', name: 'Rain Jacket', price: 180, quantity: 1 };
      expect(
        messages
          .filter((message) => message.type === 'track')
          .map(({ event, properties }) => ({ event, properties })),
      ).toEqual([
        { event: 'Product Added', properties: rainJacket },
        { event: 'Checkout Started', properties: { currency: 'USD', products: [rainJacket] } },
        { event: 'Products Searched', properties: { query: 'sock', results_count: 1 } },
      ]);
      expect(pagesOf(messages).map((entry) => entry.name)).toEqual([
        'Product Detail',
        'Cart',
        'Checkout',
        'Search Results',
        'Search Results',
      ]);
      const searched = messages.filter((message) => message.name === 'Search Results').at(-1);
      expect(searched?.properties).toMatchObject({ query: 'sock', search: '?q=sock' });
      expect(messages).toHaveLength(8);
    });

    it('keeps the identified user across a reload', async () => {
      await visit('/checkout');
      await page.getByTestId('email').fill('ada@example.com');
      await page.getByTestId('sign-in').click();
      await page.getByTestId('signed-in-as').getByText('user-ada').waitFor();
      await page.reload();
      await page.getByTestId('signed-in-as').getByText('user-ada').waitFor();
      await receiver.waitForMessages(4);
      await page.getByTestId('nav-products').click();
      const messages = await arrived(5);
      const byType = (type: string) => messages.filter((message) => message.type === type);
      expect(byType('page').map((message) => message.userId)).toEqual([
        undefined,
        'user-ada',
        'user-ada',
      ]);
      expect(byType('identify')).toMatchObject([
        { userId: 'user-ada', traits: { email: 'ada@example.com' } },
      ]);
      expect(byType('track')).toMatchObject([
        { event: 'Signed In', userId: 'user-ada', properties: { method: 'email' } },
      ]);
      const anonymousIds = new Set(messages.map((message) => message.anonymousId));
      expect(anonymousIds.size).toBe(1);
    });
  });
}
