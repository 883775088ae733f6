import type { Delivery, DeliveryOutcome } from '../delivery/delivery.js';
import { AnalyticsError } from '../errors.js';
import type { Message } from '../messages.js';

/** How an adapter hands one message to its SDK and hears back. */
export interface SdkBridge {
  /** Named in error messages, e.g. 'analytics-node'. */
  name: string;
  /** Calls the SDK; `done(error)` when it reports the call dispatched or failed. May throw. */
  dispatch(message: Message, done: (error?: unknown) => void): void;
  /** Asks the SDK to send what it holds. */
  flush?(): Promise<void>;
  /** Asks the SDK to drain and stop, within `timeoutMs`. */
  close?(timeoutMs: number): Promise<void>;
}

/**
 * A Delivery over an existing SDK: each message's promise settles with the
 * SDK's report, a throwing SDK becomes `rejected`, and flush and close wait
 * for the calls still outstanding.
 */
export function sdkDelivery(bridge: SdkBridge): Delivery {
  const pending = new Set<Promise<DeliveryOutcome>>();
  return {
    requiresWriteKey: false,
    deliver({ message }) {
      const outcome = new Promise<DeliveryOutcome>((resolve) => {
        try {
          bridge.dispatch(message, (error) =>
            resolve(
              error
                ? {
                    ok: false,
                    error: new AnalyticsError(
                      'delivery_failed',
                      __DEV__ ? `${bridge.name} could not deliver the call.` : '',
                      { cause: error },
                    ),
                  }
                : { ok: true },
            ),
          );
        } catch (cause) {
          resolve({
            ok: false,
            error: new AnalyticsError(
              'rejected',
              __DEV__ ? `${bridge.name} refused the call.` : '',
              {
                cause,
              },
            ),
          });
        }
      });
      pending.add(outcome);
      void outcome.then(() => pending.delete(outcome));
      return outcome;
    },
    async flush() {
      await bridge.flush?.();
      await Promise.all(pending);
    },
    async close(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const drained = await Promise.race([
        Promise.all([bridge.close?.(timeoutMs), ...pending]).then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      return { drained };
    },
  };
}
