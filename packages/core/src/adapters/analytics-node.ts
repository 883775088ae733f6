import type { Delivery, DeliveryOutcome } from '../delivery/delivery.js';
import { AnalyticsError } from '../errors.js';
import type { Message } from '../messages.js';

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
  const pending = new Set<Promise<DeliveryOutcome>>();
  return {
    requiresWriteKey: false,
    deliver({ message }) {
      const outcome = new Promise<DeliveryOutcome>((resolve) => {
        try {
          client[message.type](paramsOf(message), (error) => {
            resolve(
              error
                ? {
                    ok: false,
                    error: new AnalyticsError(
                      'delivery_failed',
                      __DEV__ ? 'analytics-node could not deliver the call.' : '',
                      {
                        cause: error,
                      },
                    ),
                  }
                : { ok: true },
            );
          });
        } catch (cause) {
          resolve({
            ok: false,
            error: new AnalyticsError(
              'rejected',
              __DEV__ ? 'analytics-node refused the call.' : '',
              { cause },
            ),
          });
        }
      });
      pending.add(outcome);
      void outcome.then(() => pending.delete(outcome));
      return outcome;
    },
    async flush() {
      await client.flush?.();
      await Promise.all(pending);
    },
    async close(timeoutMs) {
      await client.closeAndFlush({ timeout: timeoutMs });
      return { drained: pending.size === 0 };
    },
  };
}
