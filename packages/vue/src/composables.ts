import type {
  Analytics,
  IdentifyFunction,
  PageFunction,
  PlanShape,
  RegisteredPlan,
  TrackFunction,
} from '@trackplan/core';
import { useContext } from './use-context.js';

/**
 * The client given to `createTrackplan()`, or without the plugin the one
 * registered with `setDefaultClient()`, for calls the other composables do not
 * cover (group, alias, reset, user(), flush). Call it in `setup()`.
 *
 * @example
 * const analytics = useAnalytics();
 * const signOut = () => analytics.reset();
 */
export function useAnalytics<P extends PlanShape = RegisteredPlan>(): Analytics<P> {
  return useContext('useAnalytics').client as unknown as Analytics<P>;
}

/**
 * `track(event, properties?, options?)` over the plugin's client, typed by the
 * registered plan: the event must be one of its events, the properties must
 * match it. The function is the same for every component, and it resolves to
 * a result; it never throws.
 *
 * @example
 * const track = useTrack();
 * const add = () => track('Product Added', { product_id: 'p1', price: 120, quantity: 1 });
 * @see https://segment.com/docs/connections/spec/track/
 */
export function useTrack<P extends PlanShape = RegisteredPlan>(): TrackFunction<P> {
  return useContext('useTrack').calls.track as TrackFunction<P>;
}

/**
 * `identify(userId, traits?, options?)` over the plugin's client, with the
 * traits of the registered plan. Stable, and it never throws.
 *
 * @example
 * const identify = useIdentify();
 * const signIn = (email: string) => identify(`user-${email}`, { email });
 * @see https://segment.com/docs/connections/spec/identify/
 */
export function useIdentify<P extends PlanShape = RegisteredPlan>(): IdentifyFunction<P> {
  return useContext('useIdentify').calls.identify as IdentifyFunction<P>;
}

/**
 * `page(name?, properties?, options?)` over the plugin's client, for the
 * registered plan's pages. Page tracking already sends one call per page; use
 * this for views it cannot see, such as a step of a wizard on one URL.
 *
 * @example
 * const page = usePage();
 * watch(step, (value) => page('Checkout', { step: value }));
 * @see https://segment.com/docs/connections/spec/page/
 */
export function usePage<P extends PlanShape = RegisteredPlan>(): PageFunction<P> {
  return useContext('usePage').calls.page as PageFunction<P>;
}
