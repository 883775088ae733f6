import { describe, expect, it, vi } from 'vitest';
import { createAnalytics } from './client.js';
import type { AnalyticsError } from './errors.js';
import { fakeFetch } from './test-support/fake-fetch.js';

function serverClient(extra: Parameters<typeof createAnalytics>[0] = {}) {
  const endpoint = fakeFetch();
  const analytics = createAnalytics({
    writeKey: 'wk',
    window: null,
    fetch: endpoint.fetch,
    flushAt: 1,
    ...extra,
  });
  return { analytics, endpoint };
}

type AnyCall = (input: unknown) => Promise<{ success: boolean; error?: { code: string } }>;

describe('validation before anything is queued', () => {
  const cases: { name: string; call: string; input: unknown; code: string }[] = [
    {
      name: 'no identity on a server',
      call: 'track',
      input: { event: 'E' },
      code: 'missing_identity',
    },
    { name: 'track without event', call: 'track', input: { userId: 'u' }, code: 'missing_event' },
    {
      name: 'track with empty event',
      call: 'track',
      input: { userId: 'u', event: '' },
      code: 'missing_event',
    },
    {
      name: 'group without groupId',
      call: 'group',
      input: { userId: 'u' },
      code: 'missing_group_id',
    },
    {
      name: 'alias without userId',
      call: 'alias',
      input: { previousId: 'p' },
      code: 'missing_user_id',
    },
    {
      name: 'alias without previousId',
      call: 'alias',
      input: { userId: 'u' },
      code: 'missing_previous_id',
    },
    {
      name: 'bad timestamp',
      call: 'track',
      input: { userId: 'u', event: 'E', timestamp: 'noon' },
      code: 'invalid_timestamp',
    },
    {
      name: 'properties as array',
      call: 'track',
      input: { userId: 'u', event: 'E', properties: [1] },
      code: 'invalid_json',
    },
    {
      name: 'traits as broken JSON text',
      call: 'identify',
      input: { userId: 'u', traits: '{oops' },
      code: 'invalid_json',
    },
    {
      name: 'context as number',
      call: 'page',
      input: { userId: 'u', context: 7 },
      code: 'invalid_json',
    },
    {
      name: 'integrations as JSON array text',
      call: 'group',
      input: { userId: 'u', groupId: 'g', integrations: '[]' },
      code: 'invalid_json',
    },
    {
      name: 'a BigInt property',
      call: 'track',
      input: { userId: 'u', event: 'E', properties: { n: 1n } },
      code: 'invalid_json',
    },
    { name: 'not an object', call: 'track', input: 'Order Completed', code: 'invalid_argument' },
    { name: 'null input', call: 'identify', input: null, code: 'missing_identity' },
  ];
  it.each(cases)('$name → $code, nothing sent', async ({ call, input, code }) => {
    const { analytics, endpoint } = serverClient();
    const result = await (analytics[call as 'track'] as unknown as AnyCall)(input);
    expect(result.success).toBe(false);
    expect(result.error?.code).toBe(code);
    await analytics.flush();
    expect(endpoint.requests).toHaveLength(0);
  });

  it('needs a writeKey on the client or the call', async () => {
    const endpoint = fakeFetch();
    const analytics = createAnalytics({ window: null, fetch: endpoint.fetch, flushAt: 1 });
    const refused = await analytics.track({ event: 'E', userId: 'u' });
    expect(refused.error?.code).toBe('missing_write_key');
    const accepted = await analytics.track({ event: 'E', userId: 'u', writeKey: 'call-key' });
    expect(accepted.success).toBe(true);
    expect(endpoint.requests[0]?.body.writeKey).toBe('call-key');
  });

  it('refuses a message over 32 KB of UTF-8 while the rest still go', async () => {
    const { analytics, endpoint } = serverClient({ flushAt: 3 });
    // 12,000 three-byte characters: 12,000 UTF-16 units but 36,000 bytes.
    const big = analytics.track({
      event: 'Big',
      userId: 'u',
      properties: { text: '€'.repeat(12_000) },
    });
    const small = [
      analytics.track({ event: 'A', userId: 'u' }),
      analytics.track({ event: 'B', userId: 'u' }),
    ];
    expect((await big).error?.code).toBe('message_too_large');
    await analytics.flush();
    expect((await Promise.all(small)).map((r) => r.success)).toEqual([true, true]);
    expect(endpoint.messages().map((m) => m.event)).toEqual(['A', 'B']);
  });

  it('accepts a message just under 32 KB of UTF-8', async () => {
    const { analytics } = serverClient();
    const result = await analytics.track({
      event: 'E',
      userId: 'u',
      properties: { text: '€'.repeat(10_500) },
    });
    expect(result.success).toBe(true);
  });

  it('parses JSON text in properties, traits, context and integrations', async () => {
    const { analytics, endpoint } = serverClient({ flushAt: 2 });
    await Promise.all([
      analytics.track({
        event: 'E',
        userId: 'u',
        properties: '{"total":9.5}',
        context: '{"ip":"203.0.113.9"}',
        integrations: '{"All":false}',
      }),
      analytics.identify({ userId: 'u', traits: '{"plan":"pro"}' }),
    ]);
    const [track, identify] = endpoint.messages();
    expect(track).toMatchObject({
      properties: { total: 9.5 },
      context: { ip: '203.0.113.9' },
      integrations: { All: false },
    });
    expect(identify).toMatchObject({ traits: { plan: 'pro' } });
  });

  it('never throws into the host app, even on hostile input', async () => {
    const { analytics } = serverClient();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const hostile: unknown[] = [
      undefined,
      null,
      0,
      'x',
      [],
      cyclic,
      { event: Symbol('e') },
      {
        userId: 'u',
        event: 'E',
        groupId: 'g',
        previousId: 'p',
        traits: cyclic,
        properties: cyclic,
        context: cyclic,
      },
    ];
    for (const input of hostile) {
      for (const call of [
        'track',
        'identify',
        'page',
        'screen',
        'group',
        'alias',
        'batch',
      ] as const) {
        const result = await (analytics[call] as unknown as AnyCall)(input);
        expect(result.success).toBe(false);
        expect(result.error?.code).toMatch(/^[a-z_]+$/);
      }
    }
  });

  it('resolves internal_error when reading the input throws, or delivery rejects', async () => {
    const { analytics } = serverClient();
    const trap = (fields: Record<string, unknown>) =>
      Object.defineProperty(fields, 'event', {
        enumerable: true,
        get() {
          throw new Error('getter broke');
        },
      });
    const trapped = await analytics.track(trap({ userId: 'u' }) as never);
    expect(trapped).toMatchObject({ success: false, error: { code: 'internal_error' } });
    expect((trapped.error as AnalyticsError).cause).toEqual(new Error('getter broke'));
    const batched = await analytics.batch({
      batch: [trap({ type: 'track', userId: 'u' })],
    } as never);
    expect(batched).toMatchObject({ success: false, count: 0, error: { code: 'internal_error' } });

    const broken = createAnalytics({
      window: null,
      delivery: {
        requiresWriteKey: false,
        deliver: () => Promise.reject(new Error('adapter broke')),
        flush: async () => undefined,
        close: async () => ({ drained: true }),
      },
    });
    const result = await broken.track({ event: 'E', userId: 'u' });
    expect(result).toMatchObject({
      success: false,
      event: 'E',
      userId: 'u',
      error: { code: 'internal_error' },
    });
  });

  it('reports each failure to onError, and survives an onError that throws', async () => {
    const onError = vi.fn(() => {
      throw new Error('observer broke');
    });
    const { analytics } = serverClient({ onError });
    const result = await analytics.track({ event: 'E' } as never);
    expect(result.error?.code).toBe('missing_identity');
    expect(onError).toHaveBeenCalledWith(result.error);
  });

  it('refuses calls after close()', async () => {
    const { analytics } = serverClient();
    await analytics.close();
    const result = await analytics.track({ event: 'E', userId: 'u' });
    expect(result.error?.code).toBe('client_closed');
  });
});

describe('results', () => {
  it('resolve to the documented shape per call', async () => {
    const { analytics } = serverClient();
    const ts = '2026-11-28T10:00:00Z';
    expect(
      await analytics.track({ event: 'E', userId: 'u', messageId: 'm1', timestamp: ts }),
    ).toEqual({
      success: true,
      event: 'E',
      userId: 'u',
      anonymousId: null,
      messageId: 'm1',
    });
    expect(await analytics.identify({ anonymousId: 'a', messageId: 'm2' })).toEqual({
      success: true,
      userId: null,
      anonymousId: 'a',
      messageId: 'm2',
    });
    expect(await analytics.page({ userId: 'u', name: 'Home', messageId: 'm3' })).toEqual({
      success: true,
      name: 'Home',
      userId: 'u',
      anonymousId: null,
      messageId: 'm3',
    });
    expect(await analytics.screen({ userId: 'u', messageId: 'm4' })).toEqual({
      success: true,
      name: null,
      userId: 'u',
      anonymousId: null,
      messageId: 'm4',
    });
    expect(await analytics.group({ userId: 'u', groupId: 'g', messageId: 'm5' })).toEqual({
      success: true,
      groupId: 'g',
      userId: 'u',
      anonymousId: null,
      messageId: 'm5',
    });
    expect(await analytics.alias({ userId: 'u', previousId: 'p', messageId: 'm6' })).toEqual({
      success: true,
      userId: 'u',
      previousId: 'p',
      messageId: 'm6',
    });
  });

  it('carry the input fields and a coded error when validation fails', async () => {
    const { analytics } = serverClient();
    const result = await analytics.track({ event: 'E', userId: 'u', timestamp: 'noon' });
    expect(result).toMatchObject({ success: false, event: 'E', userId: 'u', anonymousId: null });
    expect(result.error?.toJSON()).toEqual({
      code: 'invalid_timestamp',
      message: expect.stringContaining('ISO 8601'),
    });
  });
});
