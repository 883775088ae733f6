import type { Analytics } from './analytics.js';
import type { CommonFields } from './calls.js';
import type { JsonObjectInput } from './json-input.js';
import type { PlanShape, RegisteredPlan } from './register.js';
import type { IdentifyResult, PageResult, TrackResult } from './results.js';

/** `[properties, options]`, with properties optional exactly when every key of T is. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends T` is the test for "every key optional".
type PropertiesThenOptions<T, O> = {} extends T
  ? [properties?: T, options?: O]
  : [properties: T, options?: O];

/** What a page call takes besides its name and properties. */
export type PageCallOptions = CommonFields & { category?: string };

/**
 * `track(event, properties?, options?)`. With a plan registered, the event must
 * be one of its events and the properties must match it.
 */
export type TrackFunction<P extends PlanShape = RegisteredPlan> = <
  E extends keyof P['events'] & string,
>(
  event: E,
  ...rest: PropertiesThenOptions<P['events'][E], CommonFields>
) => Promise<TrackResult>;

/** `identify(userId, traits?, options?)`; pass `undefined` as userId to keep the current user. */
export type IdentifyFunction<P extends PlanShape = RegisteredPlan> = (
  userId: string | undefined,
  traits?: P['identifyTraits'],
  options?: CommonFields,
) => Promise<IdentifyResult>;

/** `page()` for an unnamed page, or `page(name, properties?, options?)` for one of the plan's pages. */
export interface PageFunction<P extends PlanShape = RegisteredPlan> {
  (): Promise<PageResult>;
  <N extends keyof P['pages'] & string>(
    name: N,
    ...rest: PropertiesThenOptions<P['pages'][N], PageCallOptions>
  ): Promise<PageResult>;
}

/** The positional calls the React and Vue bindings hand out. */
export interface BoundCalls<P extends PlanShape = RegisteredPlan> {
  track: TrackFunction<P>;
  identify: IdentifyFunction<P>;
  page: PageFunction<P>;
}

type LooseCall = (input: Record<string, unknown>) => Promise<never>;

const boundByClient = new WeakMap<object, BoundCalls<PlanShape>>();

/**
 * Positional versions of `track`, `identify` and `page` over one client, in
 * the style of analytics.js. They resolve like the client's calls and never
 * throw. The functions are made once per client, so they are stable.
 *
 * @example
 * const { track } = bindCalls(analytics);
 * await track('Order Completed', { order_id: '42', total: 30, currency: 'USD' });
 */
export function bindCalls<P extends PlanShape = RegisteredPlan>(
  client: Analytics<P>,
): BoundCalls<P> {
  let bound = boundByClient.get(client);
  if (!bound) {
    bound = bindFresh(client as unknown as Record<'track' | 'identify' | 'page', LooseCall>);
    boundByClient.set(client, bound);
  }
  return bound as unknown as BoundCalls<P>;
}

function bindFresh(calls: Record<'track' | 'identify' | 'page', LooseCall>): BoundCalls<PlanShape> {
  return {
    // Spreads, not withCallOptions: the bindings' bundle budget has no room for
    // it (+27 B over 1 KB in the bench), at the cost of a slower call path.
    track: ((event: string, properties?: JsonObjectInput, options?: CommonFields) =>
      calls.track({ ...options, event, properties })) as TrackFunction<PlanShape>,
    identify: (userId, traits, options) => calls.identify({ ...options, userId, traits }),
    page: ((name?: string, properties?: JsonObjectInput, options?: PageCallOptions) =>
      calls.page({ ...options, name, properties })) as PageFunction<PlanShape>,
  };
}
