import { createAnalytics } from '@trackplan/core';
import { startReceiver } from '@trackplan/receiver';
import { expect, it } from 'vitest';
import { trackingPlan } from './analytics/index.js';
import { runStorefrontSession } from './storefront-session.js';

it('delivers every accepted call of the demo session and refuses the two broken ones', async () => {
  const receiver = await startReceiver();
  try {
    const analytics = createAnalytics({
      writeKey: 'demo',
      endpoint: receiver.url,
      window: null,
      plan: trackingPlan,
      onViolation: 'drop',
    });
    const results = await runStorefrontSession(analytics);
    await analytics.close();
    const refused = results.filter(({ result }) => !result.success);
    expect(refused.map(({ result }) => result.error?.code)).toEqual([
      'plan_violation',
      'missing_identity',
    ]);
    const arrived = receiver
      .messages()
      .map(({ message }) => `${message.type}:${message.event ?? message.name ?? ''}`);
    expect(arrived).toEqual([
      'page:Product Detail',
      'track:Product Added',
      'alias:',
      'identify:',
      'track:Order Completed',
      'group:',
      'track:Review Submitted',
      'track:Newsletter Subscribed',
      'screen:Order Status',
    ]);
    const page = receiver.messages()[0]?.message;
    expect(page).toMatchObject({ category: 'Catalog', properties: { product_id: 'sku-shoe-42' } });
    const newsletter = receiver
      .messages()
      .find(({ message }) => message.event === 'Newsletter Subscribed');
    expect(newsletter?.message.context).toMatchObject({ app: { name: 'storefront-worker' } });
  } finally {
    await receiver.close();
  }
});
