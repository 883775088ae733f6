import type { Analytics } from './analytics.js';
import { createAnalytics } from './client.js';
import { getDefaultClient } from './default-client.js';
import type { PlanShape } from './register.js';

let unconfigured: Analytics<PlanShape> | undefined;

/**
 * The client a framework binding falls back to when no provider or plugin
 * gives it one: the client registered with `setDefaultClient`; else, in
 * development, an error whose text `explain` returns; else, in production, a
 * client with no writeKey whose calls resolve `success: false`
 * (`missing_write_key`) and send nothing, because analytics must never break
 * a page. The React and Vue bindings share this rule. Pass `explain` only
 * under `__DEV__`, so that production bundles drop its text.
 */
export function fallbackClient(explain?: () => string): Analytics<PlanShape> {
  const client = getDefaultClient() as Analytics<PlanShape> | undefined;
  if (client) return client;
  if (__DEV__ && explain) throw new Error(explain());
  unconfigured ??= createAnalytics({ window: null });
  return unconfigured;
}
