import type {
  Analytics,
  IdentifyFunction,
  PageFunction,
  PlanShape,
  RegisteredPlan,
  TrackFunction,
} from '@trackplan/core';
import { useCall, useClient } from './binding-context.js';

/**
 * The analytics client of the nearest `<AnalyticsProvider>`, for calls the
 * other hooks do not cover (group, alias, batch, flush, reset…).
 */
export function useAnalytics<P extends PlanShape = RegisteredPlan>(): Analytics<P> {
  return useClient('analytics') as unknown as Analytics<P>;
}

/**
 * A stable `track(event, properties?, options?)`, typed by the registered plan.
 *
 * @example
 * const track = useTrack();
 * <button onClick={() => track('Product Added', { product_id, price, quantity: 1 })} />
 */
export function useTrack<P extends PlanShape = RegisteredPlan>(): TrackFunction<P> {
  return useCall('track') as unknown as TrackFunction<P>;
}

/** A stable `identify(userId, traits?, options?)`, typed by the registered plan. */
export function useIdentify<P extends PlanShape = RegisteredPlan>(): IdentifyFunction<P> {
  return useCall('identify') as unknown as IdentifyFunction<P>;
}

/**
 * A stable `page(name?, properties?, options?)`, typed by the registered plan.
 * Pages are tracked automatically; use this for pages the URL does not show,
 * such as a step of a wizard.
 */
export function usePage<P extends PlanShape = RegisteredPlan>(): PageFunction<P> {
  return useCall('page') as unknown as PageFunction<P>;
}
