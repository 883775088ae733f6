import type { Analytics } from './analytics.js';
import type { PlanShape } from './register.js';

let defaultClient: unknown;

/**
 * In development, where every copy of core on a page or in a process can see
 * it: a CommonJS and an ES module build of core loaded side by side keep a
 * default client each, and a generated function in one would otherwise find
 * none without saying why. A function, so that production bundles, which
 * never call it, drop it.
 */
const setElsewhere = (): symbol => Symbol.for('@trackplan/core: a default client is set');

/**
 * Registers the client that generated functions and the React and Vue
 * bindings use when none is passed to them. Call it once at startup.
 */
export function setDefaultClient<P extends PlanShape>(analytics: Analytics<P> | undefined): void {
  defaultClient = analytics;
  if (__DEV__) (globalThis as Record<symbol, unknown>)[setElsewhere()] = analytics !== undefined;
}

/** In development: whether another copy of core has a default client and this one has none. */
export function defaultClientInAnotherCopy(): boolean {
  return defaultClient === undefined && !!(globalThis as Record<symbol, unknown>)[setElsewhere()];
}

/** The client registered with {@link setDefaultClient}, if any. */
export function getDefaultClient(): Analytics | undefined {
  return defaultClient as Analytics | undefined;
}
