import {
  createAnalytics,
  type PlanValidator,
  setDefaultClient,
  type TrackResult,
} from '@trackplan/core';
import { type Receiver, startReceiver } from '@trackplan/receiver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The committed golden modules, run for real against the local receiver. They
// are loaded by a computed path: each augments core's Register, so importing
// two into this package's one type-check would conflict. Their typing is
// tested fixture by fixture in golden.typecheck.test.ts.
type GeneratedFunction = (...args: unknown[]) => Promise<TrackResult & Record<string, unknown>>;
type GeneratedModule<Names extends string> = Record<Names, GeneratedFunction> & {
  trackingPlan: PlanValidator;
};
const load = <Names extends string>(name: string): Promise<GeneratedModule<Names>> =>
  import(`../test/golden/${name}/index.ts`);
const storefront = await load<
  'orderCompleted' | 'identify' | 'group' | 'page' | 'signedOut' | 'signedIn'
>('storefront');
const hostile = await load<
  'itsQuotedEvil' | 'lineBreakEvent' | 'delete_' | 'page' | 'process' | 'Map'
>('hostile');
const shapes = await load<'shapesSent'>('shapes');

let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
  setDefaultClient(
    createAnalytics({ writeKey: 'wk', endpoint: receiver.url, window: null, flushAt: 1 }),
  );
});
afterEach(async () => {
  setDefaultClient(undefined);
  await receiver.close();
});

const sent = () => receiver.messages().map(({ message }) => message);

describe('generated functions', () => {
  it('send each event under its plan name with the given properties', async () => {
    const products = [{ product_id: 'p1', name: 'Shoe', price: 10, quantity: 2 }];
    const result = await storefront.orderCompleted(
      { order_id: 'o1', total: 20, currency: 'EUR', coupon: null, products },
      { userId: 'u1', context: { ip: '192.0.2.1' } },
    );
    expect(result).toMatchObject({ success: true, event: 'Order Completed', userId: 'u1' });
    expect(sent()[0]).toMatchObject({
      type: 'track',
      event: 'Order Completed',
      userId: 'u1',
      properties: { order_id: 'o1', total: 20, currency: 'EUR', coupon: null, products },
      context: { ip: '192.0.2.1' },
    });
  });

  it('send identify, group and page, pages with their plan category', async () => {
    await storefront.identify({ email: 'ada@example.com' }, { userId: 'u1' });
    await storefront.group('g1', { name: 'Acme' }, { userId: 'u1' });
    await storefront.page('Product Detail', { product_id: 'p1' }, { anonymousId: 'a1' });
    await storefront.signedOut(undefined, { userId: 'u1' });
    expect(sent()).toMatchObject([
      { type: 'identify', userId: 'u1', traits: { email: 'ada@example.com' } },
      { type: 'group', groupId: 'g1', traits: { name: 'Acme' } },
      {
        type: 'page',
        name: 'Product Detail',
        category: 'Catalog',
        properties: { product_id: 'p1' },
      },
      { type: 'track', event: 'Signed Out', properties: {} },
    ]);
  });

  it('use options.client over the default client', async () => {
    const other = await startReceiver();
    try {
      const client = createAnalytics({
        writeKey: 'other',
        endpoint: other.url,
        window: null,
        flushAt: 1,
      });
      await storefront.signedIn({ method: 'email' }, { userId: 'u1', client });
      expect(other.messages()[0]?.writeKey).toBe('other');
      expect(sent()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('resolve no_client, never throw, when no client is set', async () => {
    setDefaultClient(undefined);
    const result = await storefront.signedIn({ method: 'email' }, { userId: 'u1' });
    expect(result).toMatchObject({
      success: false,
      event: 'Signed In',
      userId: 'u1',
      error: { code: 'no_client' },
    });
  });

  it("throw at the call site on a plan violation only under onViolation: 'throw'", async () => {
    const client = (onViolation: 'throw' | (() => void)) =>
      createAnalytics({
        writeKey: 'wk',
        endpoint: receiver.url,
        window: null,
        flushAt: 1,
        plan: storefront.trackingPlan,
        onViolation,
      });
    const wrong = { method: 42 };
    expect(() => storefront.signedIn(wrong, { userId: 'u1', client: client('throw') })).toThrow(
      expect.objectContaining({ code: 'plan_violation' }),
    );
    await expect(
      storefront.signedIn(wrong, { userId: 'u1', client: client(() => {}) }),
    ).resolves.toMatchObject({ success: true });
  });

  it('send hostile names exactly as the plan writes them', async () => {
    await hostile.itsQuotedEvil(
      { required_one: 'x', nested: { '${inner}': 'line\nbreak' } },
      { userId: 'u' },
    );
    await hostile.lineBreakEvent(undefined, { userId: 'u' });
    await hostile.delete_(undefined, { userId: 'u' });
    await hostile.page('Page */ ${x}', { 'q"': 'v' }, { userId: 'u' });
    // Named as globals the module refers to; hostile.trackingPlan, built with both, is run below.
    await hostile.process(undefined, { userId: 'u' });
    await hostile.Map(undefined, { userId: 'u' });
    expect(sent().map((m) => m.event ?? m.name)).toEqual([
      'it\'s "quoted" */ `${evil}`',
      'line\nbreak event',
      'delete',
      'Page */ ${x}',
      'Process',
      'Map Made',
    ]);
    expect(sent()[0]?.properties).toEqual({
      required_one: 'x',
      nested: { '${inner}': 'line\nbreak' },
    });
    expect(sent()[3]?.category).toBe('Cat */ `y`');
  });
});

describe('trackingPlan', () => {
  it('is built in development and checks every call', async () => {
    expect(storefront.trackingPlan).toBeDefined();
    const client = createAnalytics({
      writeKey: 'wk',
      endpoint: receiver.url,
      window: null,
      flushAt: 1,
      plan: storefront.trackingPlan,
      onViolation: 'drop',
    });
    const ok = await client.track({
      event: 'Review Submitted',
      userId: 'u',
      properties: { product_id: 'p', rating: 5 },
    });
    const outOfRange = await client.track({
      event: 'Review Submitted',
      userId: 'u',
      properties: '{"product_id":"p","rating":9}' as never,
    });
    const unknown = await client.track({ event: 'Not In Plan', userId: 'u' } as never);
    const extra = await client.identify({
      userId: 'u',
      traits: { email: 'ada@example.com', shoe_size: 42 } as never,
    });
    const badEnum = await client.page({ name: 'Checkout', userId: 'u', properties: { step: 7 } });
    expect(ok.success).toBe(true);
    expect([outOfRange, unknown, extra, badEnum].map((r) => r.error?.code)).toEqual(
      Array(4).fill('plan_violation'),
    );
    expect(outOfRange.error?.message).toContain('properties.rating: Expected at most 5, got 9');
    expect(unknown.error?.message).toContain('"Not In Plan" is not an event of the tracking plan');
    expect(extra.error?.message).toContain('traits.shoe_size: Not in the tracking plan');
    expect(sent()).toHaveLength(1);
  });

  it('accepts the page fields core fills in a browser', async () => {
    const client = createAnalytics({
      writeKey: 'wk',
      endpoint: receiver.url,
      window: null,
      flushAt: 1,
      plan: storefront.trackingPlan,
      onViolation: 'drop',
    });
    const result = await client.page({
      name: 'Product Detail',
      userId: 'u',
      properties: {
        product_id: 'p',
        path: '/p',
        url: 'https://shop.example/p',
        title: 'Shoe',
        referrer: '',
        search: '',
      },
    });
    expect(result.success).toBe(true);
  });

  it('checks hostile enum values exactly', async () => {
    const client = createAnalytics({
      writeKey: 'wk',
      endpoint: receiver.url,
      window: null,
      flushAt: 1,
      plan: hostile.trackingPlan,
      onViolation: 'drop',
    });
    const good = await client.track({
      event: 'it\'s "quoted" */ `${evil}`',
      userId: 'u',
      properties: { required_one: 'x', nested: { '${inner}': '`tick`' } },
    } as never);
    const bad = await client.track({
      event: 'it\'s "quoted" */ `${evil}`',
      userId: 'u',
      properties: { required_one: 'x', nested: { '${inner}': 'tick' } },
    } as never);
    expect(good.success).toBe(true);
    expect(bad.error?.code).toBe('plan_violation');
  });

  // The same values as shapes/usage.ts: what compiles passes, what must not compile fails.
  it.each([
    { ok: true, properties: { counts: { a: 1, b: 2 }, maybe_required: null } },
    {
      ok: true,
      properties: {
        counts: {},
        maybe_required: 3,
        money: { amount: 1, currency: 'EUR', note: 'gift' },
        open: { id: 'x', anything: [1, 'two'] },
        closed: { id: 'x' },
        matrix: [[1, 2], [3]],
        maybe: null,
      },
    },
    { ok: false, properties: { counts: { a: 'one' }, maybe_required: null } },
    { ok: false, properties: { counts: { a: 1.5 }, maybe_required: null } },
    { ok: false, properties: { counts: {}, maybe_required: null, money: { amount: 1, note: 5 } } },
    { ok: false, properties: { counts: {}, maybe_required: null, money: { amount: 'one' } } },
    { ok: false, properties: { counts: {}, maybe_required: null, closed: { id: 'x', other: 1 } } },
    { ok: false, properties: { counts: {} } },
    { ok: false, properties: { counts: {}, maybe_required: null, matrix: [['1']] } },
    {
      ok: true,
      properties: {
        counts: {},
        maybe_required: null,
        meta: { id: 'x', nested: { list: [1, 'two', null, { deep: true }] }, empty: {} },
        bag: { a: { b: [1] } },
        bags: [{ a: 1 }, {}],
        bag_or_text: { a: 1 },
        bags_by_name: { x: { y: [1] } },
        maybe_meta: { a: null },
        nothing: {},
      },
    },
    { ok: true, properties: { counts: {}, maybe_required: null, bag_or_text: 'text' } },
    { ok: false, properties: { counts: {}, maybe_required: null, meta: [1, 2] } },
    { ok: false, properties: { counts: {}, maybe_required: null, meta: 'text' } },
    { ok: false, properties: { counts: {}, maybe_required: null, bag: [] } },
    { ok: false, properties: { counts: {}, maybe_required: null, bags: [null] } },
    { ok: false, properties: { counts: {}, maybe_required: null, bags_by_name: { x: 1 } } },
    { ok: false, properties: { counts: {}, maybe_required: null, nothing: { a: 1 } } },
  ])('checks shapes as their types do: $properties', async ({ ok, properties }) => {
    const client = createAnalytics({
      writeKey: 'wk',
      endpoint: receiver.url,
      window: null,
      flushAt: 1,
      plan: shapes.trackingPlan,
      onViolation: 'drop',
    });
    const result = await client.track({ event: 'Shapes Sent', userId: 'u', properties } as never);
    expect(result.success ? undefined : result.error?.code).toBe(ok ? undefined : 'plan_violation');
  });

  it.each([
    { ok: true, traits: { preferences: { theme: 'dark', nested: { list: [1] } } }, filters: {} },
    { ok: false, traits: { preferences: [] }, filters: 'text' },
  ])(
    'checks open objects in traits and page properties: $traits',
    async ({ ok, traits, filters }) => {
      const client = createAnalytics({
        writeKey: 'wk',
        endpoint: receiver.url,
        window: null,
        flushAt: 1,
        plan: shapes.trackingPlan,
        onViolation: 'drop',
      });
      const results = [
        await client.identify({ userId: 'u', traits } as never),
        await client.page({ name: 'Search', userId: 'u', properties: { filters } } as never),
      ];
      expect(results.map((r) => (r.success ? undefined : r.error?.code))).toEqual(
        Array(2).fill(ok ? undefined : 'plan_violation'),
      );
    },
  );
});
