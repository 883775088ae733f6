import type { Analytics } from '../analytics.js';
import { createAnalytics } from '../client.js';
import type { Delivery, DeliveryOutcome } from '../delivery/delivery.js';
import type { AnalyticsError } from '../errors.js';
import type { Message } from '../messages.js';
import type { AnalyticsOptions } from '../options.js';
import type { PlanShape, RegisteredPlan } from '../register.js';

export interface TestAnalytics<P extends PlanShape = RegisteredPlan> {
  /**
   * A real client: same validation, context, identity and plan checks. Nothing leaves memory:
   * not the calls, and not the identity either, unless `storage` is passed.
   */
  analytics: Analytics<P>;
  /** Every message accepted so far, in call order. */
  readonly messages: readonly Message[];
  /** Accepted track messages, optionally only those of one event. */
  tracked(event?: string): Message[];
  /** Makes the next `count` deliveries fail with this error, to test failure handling. */
  failNext(error: AnalyticsError, count?: number): void;
  /** Forgets recorded messages. */
  clear(): void;
}

/**
 * An in-memory recording client for apps' unit tests.
 *
 * @example
 * const { analytics, tracked } = createTestAnalytics({ window: null });
 * await analytics.track({ event: 'Signed Up', userId: 'u_1' });
 * expect(tracked('Signed Up')).toHaveLength(1);
 */
export function createTestAnalytics<P extends PlanShape = RegisteredPlan>(
  options: Omit<AnalyticsOptions, 'delivery' | 'fetch'> = {},
): TestAnalytics<P> {
  const messages: Message[] = [];
  const failures: AnalyticsError[] = [];
  const delivery: Delivery = {
    requiresWriteKey: false,
    deliver({ message }): Promise<DeliveryOutcome> {
      const error = failures.shift();
      if (error) return Promise.resolve({ ok: false, error });
      messages.push(message);
      return Promise.resolve({ ok: true });
    },
    flush: () => Promise.resolve(),
    close: () => Promise.resolve({ drained: true }),
  };
  return {
    // Identity stays in memory too, unless the test passes `storage`: under
    // jsdom, cookies and localStorage would carry a user from test to test.
    analytics: createAnalytics<P>({ storage: false, ...options, delivery }),
    messages,
    tracked: (event) =>
      messages.filter((m) => m.type === 'track' && (event === undefined || m.event === event)),
    failNext(error, count = 1) {
      for (let i = 0; i < count; i++) failures.push(error);
    },
    clear() {
      messages.length = 0;
    },
  };
}
