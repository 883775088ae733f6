import type { Analytics } from '@trackplan/core';

/**
 * One shopper's visit to the storefront, as a server would report it: they
 * browse anonymously, sign in, buy, and join their company's account.
 */
export async function runStorefrontSession(analytics: Analytics) {
  const anonymousId = 'anon-7f3a';
  const userId = 'user-1042';

  const labels = [
    'page Product Detail',
    'track Product Added',
    'alias',
    'identify',
    'track Order Completed',
    'group',
    'track Review Submitted (JSON text)',
    'batch',
    'track Checkout Started (no identity)',
  ];
  const results = await Promise.all([
    analytics.page({
      anonymousId,
      name: 'Product Detail',
      category: 'Catalog',
      properties: { product_id: 'sku-shoe-42' },
    }),
    analytics.track({
      anonymousId,
      event: 'Product Added',
      properties: { product_id: 'sku-shoe-42', name: 'Trail Runner', price: 89.9, quantity: 1 },
    }),
    analytics.alias({ userId, previousId: anonymousId }),
    analytics.identify({ userId, traits: { email: 'ada@example.com', plan: 'pro' } }),
    analytics.track({
      userId,
      event: 'Order Completed',
      properties: {
        order_id: 'ord-5521',
        total: 89.9,
        currency: 'EUR',
        products: [{ product_id: 'sku-shoe-42', price: 89.9 }],
      },
    }),
    analytics.group({
      userId,
      groupId: 'acme-gmbh',
      traits: { name: 'Acme GmbH', employees: 120 },
    }),
    // Workflow tools often pass JSON text; core parses it.
    analytics.track({
      userId,
      event: 'Review Submitted',
      properties: '{"product_id":"sku-shoe-42","rating":5}',
    }),
    analytics.batch({
      context: { app: { name: 'storefront-worker', version: '1.4.0' } },
      batch: [
        { type: 'track', userId, event: 'Email Opened', properties: { campaign: 'autumn' } },
        { type: 'screen', userId, name: 'Order Status' },
      ],
    }),
    // A mistake: no identity. It resolves with a coded error and sends nothing.
    analytics.track({ event: 'Checkout Started' }),
  ]);
  return results.map((result, index) => ({ label: labels[index] ?? '', result }));
}
