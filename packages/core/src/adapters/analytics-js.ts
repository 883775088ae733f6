import type { Delivery } from '../delivery/delivery.js';
import type { Message } from '../messages.js';
import { sdkDelivery } from './sdk-delivery.js';

type Callback = (context?: unknown) => void;
type Fields = Record<string, unknown> | undefined;

/**
 * The parts of analytics.js (`window.analytics`, or an `AnalyticsBrowser`
 * from `@segment/analytics-next`) the adapter uses: its positional methods,
 * each taking an options object and a callback.
 */
export interface AnalyticsJsLike {
  track(event: string, properties?: Fields, options?: Fields, callback?: Callback): unknown;
  identify(userId: string | null, traits?: Fields, options?: Fields, callback?: Callback): unknown;
  page(
    category: string | null,
    name: string | null,
    properties?: Fields,
    options?: Fields,
    callback?: Callback,
  ): unknown;
  screen?(
    category: string | null,
    name: string | null,
    properties?: Fields,
    options?: Fields,
    callback?: Callback,
  ): unknown;
  group(groupId: string, traits?: Fields, options?: Fields, callback?: Callback): unknown;
  alias(userId: string, previousId?: string, options?: Fields, callback?: Callback): unknown;
}

function optionsOf(message: Message): Record<string, unknown> {
  const options: Record<string, unknown> = {
    context: message.context,
    timestamp: message.timestamp,
    messageId: message.messageId,
  };
  if (message.integrations) options.integrations = message.integrations;
  if (message.type !== 'alias' && message.anonymousId) options.anonymousId = message.anonymousId;
  return options;
}

function dispatch(sdk: AnalyticsJsLike, message: Message, done: Callback): void {
  const options = optionsOf(message);
  switch (message.type) {
    case 'track':
      sdk.track(message.event, message.properties, options, done);
      return;
    case 'identify':
      sdk.identify(message.userId ?? null, message.traits, options, done);
      return;
    case 'page':
      sdk.page(message.category ?? null, message.name ?? null, message.properties, options, done);
      return;
    case 'screen':
      if (!sdk.screen) throw new Error('This analytics.js build has no screen method.');
      sdk.screen(message.category ?? null, message.name ?? null, message.properties, options, done);
      return;
    case 'group':
      sdk.group(message.groupId, message.traits, options, done);
      return;
    case 'alias':
      sdk.alias(message.userId, message.previousId, options, done);
      return;
  }
}

/**
 * Delivers through an existing analytics.js instance, so a site keeps its
 * destinations and device-mode integrations while its calls become typed and
 * validated. analytics.js keeps its own queue and retries; the result
 * resolves when it reports the call dispatched.
 *
 * @example
 * const analytics = createAnalytics({ delivery: analyticsJsDelivery(window.analytics) });
 */
export function analyticsJsDelivery(sdk: AnalyticsJsLike): Delivery {
  // analytics.js reports dispatch through the callback, never a failure.
  return sdkDelivery({
    name: 'analytics.js',
    dispatch: (message, done) => dispatch(sdk, message, () => done()),
  });
}
