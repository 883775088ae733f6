import type { Analytics } from './analytics.js';
import type { PlanShape } from './register.js';

let defaultClient: unknown;

/**
 * Registers the client that generated functions and the React and Vue
 * bindings use when none is passed to them. Call it once at startup.
 */
export function setDefaultClient<P extends PlanShape>(analytics: Analytics<P> | undefined): void {
  defaultClient = analytics;
}

/** The client registered with {@link setDefaultClient}, if any. */
export function getDefaultClient(): Analytics | undefined {
  return defaultClient as Analytics | undefined;
}
