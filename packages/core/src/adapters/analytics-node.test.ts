import { Analytics } from '@segment/analytics-node';
import { type Receiver, startReceiver } from '@trackplan/receiver';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAnalytics } from '../client.js';
import { analyticsNodeDelivery } from './analytics-node.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
});

it('delivers validated calls through an existing @segment/analytics-node client', async () => {
  const segment = new Analytics({
    writeKey: 'node-key',
    host: receiver.url,
    flushAt: 1,
    maxRetries: 0,
  });
  const analytics = createAnalytics({ delivery: analyticsNodeDelivery(segment), window: null });

  const results = await Promise.all([
    analytics.track({
      event: 'Order Completed',
      userId: 'u1',
      properties: { total: 3 },
      messageId: 'm-track',
    }),
    analytics.identify({ userId: 'u1', traits: { plan: 'pro' } }),
    analytics.page({ userId: 'u1', name: 'Home' }),
    analytics.group({ userId: 'u1', groupId: 'g1' }),
    analytics.alias({ userId: 'u1', previousId: 'a1' }),
  ]);
  expect(results.map((r) => r.success)).toEqual([true, true, true, true, true]);

  const invalid = await analytics.track({ event: 'No Identity' } as never);
  expect(invalid.error?.code).toBe('missing_identity');

  expect((await analytics.close({ timeoutMs: 5000 })).drained).toBe(true);
  const got = receiver.messages();
  expect(got.map((r) => r.message.type).sort()).toEqual([
    'alias',
    'group',
    'identify',
    'page',
    'track',
  ]);
  const track = got.find((r) => r.message.type === 'track');
  expect(track?.writeKey).toBe('node-key');
  expect(track?.message).toMatchObject({
    event: 'Order Completed',
    messageId: 'm-track',
    properties: { total: 3 },
  });
});

it('reports a delivery analytics-node could not make', async () => {
  receiver.injectFaults({ status: 400 });
  const segment = new Analytics({
    writeKey: 'node-key',
    host: receiver.url,
    flushAt: 1,
    maxRetries: 0,
  });
  const analytics = createAnalytics({ delivery: analyticsNodeDelivery(segment), window: null });
  const result = await analytics.track({ event: 'E', userId: 'u' });
  expect(result.success).toBe(false);
  expect(result.error?.code).toBe('delivery_failed');
  await analytics.close({ timeoutMs: 1000 });
});
