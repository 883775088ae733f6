import type { Analytics } from '@trackplan/core';
import {
  checkoutStarted,
  group,
  identify,
  orderCompleted,
  page,
  productAdded,
} from './analytics/index.js';

/**
 * One shopper's visit to the storefront, as a server reports it: they browse
 * anonymously, sign in, buy, and join their company's account. Every call is
 * typed by tracking-plan.yaml through the generated module.
 */
export async function runStorefrontSession(client: Analytics) {
  const anonymousId = 'anon-7f3a';
  const userId = 'user-1042';
  const shoe = { product_id: 'sku-shoe-42', name: 'Trail Runner', price: 89.9 };

  const calls = [
    [
      'page Product Detail',
      page('Product Detail', { product_id: shoe.product_id }, { client, anonymousId }),
    ],
    ['productAdded()', productAdded({ ...shoe, quantity: 1 }, { client, anonymousId })],
    ['alias', client.alias({ userId, previousId: anonymousId })],
    ['identify()', identify({ email: 'ada@example.com', plan: 'pro' }, { client, userId })],
    [
      'orderCompleted()',
      orderCompleted(
        {
          order_id: 'ord-5521',
          total: 89.9,
          currency: 'EUR',
          coupon: null,
          products: [{ ...shoe, quantity: 1 }],
        },
        { client, userId },
      ),
    ],
    ['group()', group('acme-gmbh', { name: 'Acme GmbH', employees: 120 }, { client, userId })],
    // analytics.track is typed by the plan too, through the Register augmentation.
    [
      'track Review Submitted',
      client.track({
        userId,
        event: 'Review Submitted',
        properties: { product_id: shoe.product_id, rating: 5 },
      }),
    ],
    [
      'batch',
      client.batch({
        context: { app: { name: 'storefront-worker', version: '1.4.0' } },
        batch: [
          {
            type: 'track',
            userId,
            event: 'Newsletter Subscribed',
            properties: { email: 'ada@example.com', source: 'checkout' },
          },
          { type: 'screen', userId, name: 'Order Status' },
        ],
      }),
    ],
    // A workflow tool sends JSON text, which types cannot check: the plan's
    // runtime checks catch the rating of 9, and onViolation 'drop' refuses it.
    [
      'track from a workflow tool (rating 9)',
      client.track({
        userId,
        event: 'Review Submitted',
        properties: '{"product_id":"sku-shoe-42","rating":9}' as never,
      }),
    ],
    // No identity on a server call: refused with missing_identity, nothing sent.
    [
      'checkoutStarted() without a user',
      checkoutStarted({ currency: 'EUR', products: [{ ...shoe, quantity: 1 }] }, { client }),
    ],
  ] as const;

  const results = await Promise.all(calls.map(([, result]) => result));
  return calls.map(([label], index) => ({ label, result: results[index]! }));
}
