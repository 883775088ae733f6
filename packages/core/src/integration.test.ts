import { type Receiver, startReceiver } from '@trackplan/receiver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalytics } from './client.js';
import type { AnalyticsOptions } from './options.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
});

function client(options: AnalyticsOptions = {}) {
  return createAnalytics({
    writeKey: 'wk',
    endpoint: receiver.url,
    window: null,
    retryBaseDelayMs: 5,
    ...options,
  });
}

describe('against the local receiver over HTTP', () => {
  it('delivers every call type, with a writeKey override in its own request', async () => {
    const analytics = client({ flushAt: 100 });
    const results = await Promise.all([
      analytics.track({ event: 'Order Completed', userId: 'u1', properties: { total: 12.5 } }),
      analytics.identify({ userId: 'u1', traits: { email: 'ada@example.com' } }),
      analytics.page({ anonymousId: 'a1', name: 'Home', category: 'Marketing' }),
      analytics.screen({ userId: 'u1', name: 'Settings' }),
      analytics.group({ userId: 'u1', groupId: 'g1', traits: { name: 'Acme' } }),
      analytics.alias({ userId: 'u1', previousId: 'a1' }),
      analytics.track({ event: 'Other Source', userId: 'u1', writeKey: 'second-key' }),
      analytics.flush(),
    ]);
    expect(results.slice(0, 7).every((r) => r && 'success' in r && r.success)).toBe(true);
    const got = receiver.messages();
    expect(got.map((r) => r.message.type).sort()).toEqual(
      ['alias', 'group', 'identify', 'page', 'screen', 'track', 'track'].sort(),
    );
    const other = got.find((r) => r.message.event === 'Other Source');
    expect(other?.writeKey).toBe('second-key');
    expect(got.filter((r) => r.writeKey === 'wk')).toHaveLength(6);
    expect(new Set(got.map((r) => r.requestIndex)).size).toBe(2);
    expect(got.find((r) => r.message.type === 'group')?.message).toMatchObject({
      groupId: 'g1',
      traits: { name: 'Acme' },
    });
    expect(got.find((r) => r.message.type === 'alias')?.message).toMatchObject({
      userId: 'u1',
      previousId: 'a1',
    });
  });

  it('splits at 500 KB so the receiver accepts every request', async () => {
    const analytics = client({ flushAt: 100 });
    const payload = 'x'.repeat(30 * 1024);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        analytics.track({ event: `E${i}`, userId: 'u', properties: { payload } }),
      ),
    );
    expect(results.every((r) => r.success)).toBe(true);
    const requests = receiver.requests();
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(requests.every((r) => r.status === 200 && r.bodyBytes <= 500 * 1024)).toBe(true);
    expect(receiver.messages()).toHaveLength(40);
  });

  it('splits at 2,500 messages', async () => {
    const analytics = client();
    // Short ids keep 2,600 messages under 500 KB in all, so only the count limit applies.
    const batch = Array.from({ length: 2600 }, (_, i) => ({
      type: 'track' as const,
      event: 'E',
      userId: `${i}`,
      messageId: `${i}`,
      timestamp: '2026-11-28',
    }));
    const result = await analytics.batch({
      batch,
      context: { library: { name: 'l', version: '1' } },
    });
    expect(result).toMatchObject({ success: true, count: 2600 });
    expect(receiver.requests().map((r) => r.messageCount)).toEqual([2500, 100]);
  });

  const transientFaults = [
    { name: '500', fault: { status: 500, times: 2 } },
    { name: '429 with Retry-After', fault: { status: 429, retryAfter: '0', times: 2 } },
    { name: 'a dropped connection', fault: { dropConnection: true } },
  ];
  it.each(transientFaults)(
    'retries $name until each message arrives exactly once',
    async ({ fault }) => {
      receiver.injectFaults(fault);
      const analytics = client({ flushAt: 3 });
      const results = await Promise.all(
        [1, 2, 3].map((n) => analytics.track({ event: `E${n}`, userId: 'u' })),
      );
      expect(results.every((r) => r.success)).toBe(true);
      const got = receiver.messages();
      expect(got.map((r) => r.message.event)).toEqual(['E1', 'E2', 'E3']);
      expect(got.map((r) => r.message.messageId)).toEqual(results.map((r) => r.messageId));
      expect(receiver.requests().length).toBe((fault.times ?? 1) + 1);
    },
  );

  it('does not retry a 400', async () => {
    receiver.injectFaults({ status: 400 });
    const analytics = client({ flushAt: 1 });
    const result = await analytics.track({ event: 'E', userId: 'u' });
    expect(result.error).toMatchObject({ code: 'rejected', status: 400 });
    expect(receiver.requests()).toHaveLength(1);
  });

  it('sends nothing for invalid calls and everything for valid ones', async () => {
    const analytics = client({ flushAt: 100 });
    const results = await Promise.all([
      analytics.track({ event: 'Valid', userId: 'u' }),
      analytics.track({ event: 'No identity' } as never),
      analytics.track({ event: 'Bad time', userId: 'u', timestamp: 'later' }),
      analytics.identify({ userId: 'u', traits: '[not an object]' }),
      analytics.group({ userId: 'u' } as never),
      analytics.alias({ userId: 'u' } as never),
      analytics.flush(),
    ]);
    expect(results.slice(0, 6).map((r) => (r as { error?: { code: string } }).error?.code)).toEqual(
      [
        undefined,
        'missing_identity',
        'invalid_timestamp',
        'invalid_json',
        'missing_group_id',
        'missing_previous_id',
      ],
    );
    expect(receiver.messages().map((r) => r.message.event)).toEqual(['Valid']);
  });

  it('accepts JSON text from workflow tools and sends objects', async () => {
    const analytics = client({ flushAt: 1 });
    await analytics.identify({
      userId: 'u',
      traits: '{"plan":"pro","seats":5}',
      context: '{"ip":"198.51.100.7"}',
    });
    expect(receiver.messages()[0]?.message).toMatchObject({
      traits: { plan: 'pro', seats: 5 },
      context: { ip: '198.51.100.7' },
    });
  });

  it('sends the writeKey as Basic auth and in the body from a server', async () => {
    const analytics = client({ flushAt: 1 });
    await analytics.track({ event: 'E', userId: 'u' });
    const [request] = receiver.requests();
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('wk:').toString('base64')}`);
    expect(request?.writeKey).toBe('wk');
  });
});
