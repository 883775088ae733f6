import { createAnalytics } from '@trackplan/core';
import { startReceiver } from '@trackplan/receiver';
import { expect, it } from 'vitest';
import { runStorefrontSession } from './storefront-session.js';

it('delivers every accepted call of the demo session and refuses the broken one', async () => {
  const receiver = await startReceiver();
  try {
    const analytics = createAnalytics({ writeKey: 'demo', endpoint: receiver.url, window: null });
    const results = await runStorefrontSession(analytics);
    await analytics.close();
    const refused = results.filter(({ result }) => !result.success);
    expect(refused.map(({ result }) => result.error?.code)).toEqual(['missing_identity']);
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
      'track:Email Opened',
      'screen:Order Status',
    ]);
    expect(
      receiver.messages().find(({ message }) => message.event === 'Email Opened')?.message.context,
    ).toMatchObject({
      app: { name: 'storefront-worker' },
    });
  } finally {
    await receiver.close();
  }
});
