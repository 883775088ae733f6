import { AnalyticsError } from '../errors.js';
import type { PreparedMessage } from '../messages.js';
import type { DeliverySettings } from '../options.js';
import { startTimer, stopTimer } from '../timers.js';
import type { Delivery, DeliveryOutcome } from './delivery.js';
import { envelopeBytes, splitIntoRequests } from './limits.js';
import { sendWithRetry } from './send-with-retry.js';
import type { Transport } from './transport.js';

interface Pending {
  json: string;
  bytes: number;
  settle: (outcome: DeliveryOutcome) => void;
}

/**
 * The built-in delivery: a bounded queue per writeKey, flushed when `flushAt`
 * calls wait or `flushIntervalMs` after the first, split to Segment's request
 * limits, and sent with retries. Each call's promise settles with its own
 * request's outcome.
 */
export class HttpDelivery implements Delivery {
  readonly requiresWriteKey = true;
  private readonly queues = new Map<string, Pending[]>();
  private readonly unsettled = new Set<Pending>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopController = new AbortController();
  private flushTimer: unknown;

  constructor(
    private readonly transport: Transport,
    private readonly settings: DeliverySettings,
  ) {}

  deliver({ json, bytes, writeKey }: PreparedMessage): Promise<DeliveryOutcome> {
    if (this.unsettled.size >= this.settings.maxQueueSize) {
      return Promise.resolve({
        ok: false,
        error: new AnalyticsError(
          'queue_full',
          `${this.unsettled.size} calls are already waiting for delivery (maxQueueSize); this one was not queued.`,
        ),
      });
    }
    return new Promise((resolve) => {
      const pending: Pending = {
        json,
        bytes,
        settle: (outcome) => {
          if (this.unsettled.delete(pending)) resolve(outcome);
        },
      };
      this.unsettled.add(pending);
      let queue = this.queues.get(writeKey);
      if (!queue) {
        queue = [];
        this.queues.set(writeKey, queue);
      }
      queue.push(pending);
      if (queue.length === this.settings.flushAt) {
        // Deferred a microtask, so calls made in the same tick (a batch call,
        // a loop) go out together in as few requests as the limits allow.
        queueMicrotask(() => this.sendQueued(writeKey));
      } else {
        this.scheduleFlush();
      }
    });
  }

  async flush(): Promise<void> {
    for (const writeKey of [...this.queues.keys()]) this.sendQueued(writeKey);
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  async close(timeoutMs: number): Promise<{ drained: boolean }> {
    let timer: unknown;
    // This one timer is kept referenced: it holds a Node process open while the
    // queue drains, for at most timeoutMs.
    const timedOut = new Promise<boolean>((resolve) => {
      timer = startTimer(() => resolve(false), timeoutMs, true);
    });
    const drained = await Promise.race([this.flush().then(() => true), timedOut]);
    stopTimer(timer);
    if (!drained) {
      const error = new AnalyticsError(
        'close_timeout',
        `close() gave up after ${timeoutMs} ms; delivery of this call was not confirmed.`,
      );
      for (const pending of [...this.unsettled]) pending.settle({ ok: false, error });
      this.stopController.abort();
    }
    return { drained };
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = startTimer(() => {
      this.flushTimer = undefined;
      for (const writeKey of [...this.queues.keys()]) this.sendQueued(writeKey);
    }, this.settings.flushIntervalMs);
  }

  private sendQueued(writeKey: string): void {
    const queue = this.queues.get(writeKey);
    this.queues.delete(writeKey);
    if (this.queues.size === 0) {
      stopTimer(this.flushTimer);
      this.flushTimer = undefined;
    }
    if (!queue || queue.length === 0) return;
    for (const request of splitIntoRequests(queue, envelopeBytes(writeKey))) {
      const sending = this.send(writeKey, request);
      this.inFlight.add(sending);
      void sending.finally(() => this.inFlight.delete(sending));
    }
  }

  private async send(writeKey: string, request: Pending[]): Promise<void> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await sendWithRetry(
        this.transport,
        this.settings,
        writeKey,
        request.map((pending) => pending.json),
        this.stopController.signal,
      );
    } catch (cause) {
      outcome = {
        ok: false,
        error: new AnalyticsError('internal_error', 'Sending failed unexpectedly.', { cause }),
      };
    }
    for (const pending of request) pending.settle(outcome);
  }
}
