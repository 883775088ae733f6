import type { Delivery } from '../delivery/delivery.js';
import type { Message } from '../messages.js';
import { sdkDelivery } from './sdk-delivery.js';

type Callback = (error?: unknown) => void;

/** The parts of an `@segment/analytics-node` `Analytics` instance the adapter uses. */
export interface AnalyticsNodeLike {
  track(params: Record<string, unknown>, callback?: Callback): void;
  identify(params: Record<string, unknown>, callback?: Callback): void;
  page(params: Record<string, unknown>, callback?: Callback): void;
  screen(params: Record<string, unknown>, callback?: Callback): void;
  group(params: Record<string, unknown>, callback?: Callback): void;
  alias(params: Record<string, unknown>, callback?: Callback): void;
  flush?(options?: { timeout?: number }): Promise<void>;
  closeAndFlush(options?: { timeout?: number }): Promise<void>;
}

/** The message minus `type`, which selects the method instead. */
function paramsOf(message: Message): Record<string, unknown> {
  const { type: _type, ...params } = message;
  return params;
}

/**
 * Delivers through an existing `@segment/analytics-node` client, so a team
 * can adopt typed, validated calls without replacing its SDK. The SDK keeps
 * its own writeKey, batching and retries; messageIds are passed through.
 *
 * @example
 * import { Analytics } from '@segment/analytics-node';
 * const segment = new Analytics({ writeKey: 'KEY' });
 * const analytics = createAnalytics({ delivery: analyticsNodeDelivery(segment) });
 */
export function analyticsNodeDelivery(client: AnalyticsNodeLike): Delivery {
  return sdkDelivery({
    name: 'analytics-node',
    dispatch: (message, done) => client[message.type](paramsOf(message), done),
    flush: async () => {
      await client.flush?.();
    },
    close: (timeoutMs) => client.closeAndFlush({ timeout: timeoutMs }),
  });
}
