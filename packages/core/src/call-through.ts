import type { Analytics } from './analytics.js';
import { withCallOptions } from './call-options.js';
import type { CommonFields } from './calls.js';
import { defaultClientInAnotherCopy, getDefaultClient } from './default-client.js';
import { AnalyticsError } from './errors.js';
import type { PlanShape } from './register.js';

/**
 * What generated functions take besides the plan's properties: the call's
 * other fields, and the client to use instead of the default one.
 */
export interface CallOptions extends CommonFields {
  client?: Analytics<PlanShape> | Analytics;
}

type ThroughType = 'track' | 'identify' | 'page' | 'group';

/** In development, the first call without a client warns, as it sends nothing. */
let warnedNoClient = false;

/**
 * Sends one call through `options.client` or the default client. Generated
 * functions are one line over this, so each adds little to a bundle. Without
 * any client it resolves `success: false` with `no_client`; it never throws.
 * `fields` must be a fresh object: the options' fields are added to it.
 */
export function callThrough(
  type: ThroughType,
  fields: Record<string, unknown>,
  options?: CallOptions,
): Promise<never> {
  const client = options?.client ?? getDefaultClient();
  if (!client) {
    const error = new AnalyticsError(
      'no_client',
      __DEV__
        ? defaultClientInAnotherCopy()
          ? 'No analytics client in this copy of @trackplan/core: setDefaultClient() was called on another copy, most likely its CommonJS build beside its ES module build (or two installed versions). Import core the same way everywhere (both import, or both require), or pass options.client.'
          : 'No analytics client: call setDefaultClient(createAnalytics({ writeKey })) once at startup, or pass options.client.'
        : '',
    );
    if (__DEV__ && !warnedNoClient) {
      warnedNoClient = true;
      console.warn(`[trackplan] ${error.message} Calls resolve with success: false until then.`);
    }
    const { properties: _properties, traits: _traits, category: _category, ...named } = fields;
    return Promise.resolve({
      success: false,
      ...named,
      userId: options?.userId ?? null,
      anonymousId: options?.anonymousId ?? null,
      error,
    } as never);
  }
  // Core reads only the fields it knows, so `client` may ride along; generated
  // functions pass a fresh `fields`, so the options can go into it.
  return (client as unknown as Record<ThroughType, (input: unknown) => Promise<never>>)[type](
    withCallOptions(fields, options),
  );
}
