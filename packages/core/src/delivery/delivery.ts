import type { AnalyticsError } from '../errors.js';
import type { PreparedMessage } from '../messages.js';

/** How one message's delivery ended. */
export type DeliveryOutcome = { ok: true } | { ok: false; error: AnalyticsError };

/**
 * What the client hands validated messages to. The built-in one batches over
 * HTTP; adapters deliver through an existing Segment SDK instead.
 */
export interface Delivery {
  /** False for adapters whose SDK already holds the writeKey. */
  readonly requiresWriteKey: boolean;
  /** Resolves once the message's outcome is known; never rejects. */
  deliver(prepared: PreparedMessage): Promise<DeliveryOutcome>;
  /** Sends everything queued now; resolves when those sends have settled. */
  flush(): Promise<void>;
  /**
   * Drains the queue, waiting at most `timeoutMs`; whatever is still unsettled
   * then resolves with `close_timeout`.
   */
  close(timeoutMs: number): Promise<{ drained: boolean }>;
}
