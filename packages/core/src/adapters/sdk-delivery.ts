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
 * for the calls still outstanding. What close() cannot confirm in time
 * resolves with `close_timeout`; the SDK's later report is then ignored.
 */
export function sdkDelivery(bridge: SdkBridge): Delivery {
  /** Each outstanding call's promise, with the function that settles it. */
  const pending = new Map<Promise<DeliveryOutcome>, (outcome: DeliveryOutcome) => void>();
  const failure = (
    code: 'delivery_failed' | 'rejected' | 'close_timeout',
    message: string,
    cause?: unknown,
  ): DeliveryOutcome => ({
    ok: false,
    error: new AnalyticsError(code, message, { cause }),
  });
  return {
    requiresWriteKey: false,
    deliver({ message }) {
      let settle!: (outcome: DeliveryOutcome) => void;
      const outcome = new Promise<DeliveryOutcome>((resolve) => {
        settle = resolve;
      });
      pending.set(outcome, settle);
      void outcome.then(() => pending.delete(outcome));
      try {
        bridge.dispatch(message, (error) =>
          settle(
            error
              ? failure(
                  'delivery_failed',
                  __DEV__ ? `${bridge.name} could not deliver the call.` : '',
                  error,
                )
              : { ok: true },
          ),
        );
      } catch (cause) {
        settle(failure('rejected', __DEV__ ? `${bridge.name} refused the call.` : '', cause));
      }
      return outcome;
    },
    async flush() {
      await bridge.flush?.();
      await Promise.all(pending.keys());
    },
    async close(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const drained = await Promise.race([
        Promise.all([bridge.close?.(timeoutMs), ...pending.keys()]).then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (!drained) {
        const timedOut = failure(
          'close_timeout',
          __DEV__
            ? `${bridge.name} did not confirm the call within ${timeoutMs} ms of close().`
            : '',
        );
        for (const settle of [...pending.values()]) settle(timedOut);
      }
      return { drained };
    },
  };
}
