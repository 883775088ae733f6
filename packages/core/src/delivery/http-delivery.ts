import { AnalyticsError } from '../errors.js';
import type { PreparedMessage } from '../messages.js';
import type { DeliverySettings } from '../options.js';
import { startTimer, stopTimer } from '../timers.js';
import type { Delivery, DeliveryOutcome } from './delivery.js';
import type { DurableStoreFactory, Pending } from './durable-store.js';
import { envelopeBytes, KEEPALIVE_LIMITS, splitIntoRequests } from './limits.js';
import { sendWithRetry } from './send-with-retry.js';
import type { Transport } from './transport.js';

/**
 * The built-in delivery: a bounded queue per writeKey, flushed when `flushAt`
 * calls wait or `flushIntervalMs` after the first, split to Segment's request
 * limits, and sent with retries. Each call's promise settles with its own
 * request's outcome. (A closure rather than a class, so minifiers can shorten
 * every internal name.)
 *
 * In browsers a durable store keeps each message until it is confirmed or
 * rejected and feeds back what earlier pages left, and requests are split to
 * fit the keepalive budget so they can outlive the page.
 */
export function createHttpDelivery(
  transport: Transport,
  settings: DeliverySettings,
  durable?: DurableStoreFactory,
): Delivery {
  const queues = new Map<string, Pending[]>();
  const unsettled = new Set<Pending>();
  const inFlight = new Set<Promise<void>>();
  const stop = new AbortController();
  let flushTimer: unknown;
  const store = durable?.(enqueue, sendAll);

  async function send(writeKey: string, request: Pending[]): Promise<void> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await sendWithRetry(
        transport,
        settings,
        writeKey,
        request.map((pending) => pending.json),
        stop.signal,
        store,
      );
    } catch (cause) {
      outcome = {
        ok: false,
        error: new AnalyticsError('internal_error', __DEV__ ? 'Sending failed.' : '', { cause }),
      };
    }
    for (const pending of request) {
      store?.done(pending.id, outcome.ok || outcome.error.code === 'rejected');
      pending.settle(outcome);
    }
    // The endpoint answers again: look for what failed or was left behind.
    if (outcome.ok) store?.claim();
  }

  function enqueue(writeKey: string, pending: Pending): void {
    const queue = queues.get(writeKey) ?? [];
    queues.set(writeKey, queue);
    queue.push(pending);
    if (queue.length === settings.flushAt) {
      // Deferred a microtask, so calls made in the same tick (a batch call,
      // a loop) go out together in as few requests as the limits allow.
      queueMicrotask(() => sendQueued(writeKey));
    } else if (flushTimer === undefined) {
      flushTimer = startTimer(() => {
        flushTimer = undefined;
        sendAll();
      }, settings.flushIntervalMs);
    }
  }

  function sendQueued(writeKey: string): void {
    const queue = queues.get(writeKey);
    queues.delete(writeKey);
    if (queues.size === 0) {
      stopTimer(flushTimer);
      flushTimer = undefined;
    }
    if (!queue) return;
    for (const request of splitIntoRequests(
      queue,
      envelopeBytes(writeKey),
      store && KEEPALIVE_LIMITS,
    )) {
      const sending = send(writeKey, request);
      inFlight.add(sending);
      void sending.then(() => inFlight.delete(sending));
    }
  }

  function sendAll(): void {
    for (const writeKey of [...queues.keys()]) sendQueued(writeKey);
  }

  async function flush(): Promise<void> {
    sendAll();
    while (inFlight.size > 0) await Promise.all(inFlight);
  }

  return {
    requiresWriteKey: true,
    deliver({ json, bytes, writeKey, message }: PreparedMessage): Promise<DeliveryOutcome> {
      if (unsettled.size >= settings.maxQueueSize) {
        return Promise.resolve({
          ok: false,
          error: new AnalyticsError(
            'queue_full',
            __DEV__
              ? `${unsettled.size} calls already wait for delivery (maxQueueSize); this one was not queued.`
              : '',
          ),
        });
      }
      return new Promise((resolve) => {
        const pending: Pending = {
          id: message.messageId,
          json,
          bytes,
          settle: (outcome) => {
            if (unsettled.delete(pending)) resolve(outcome);
          },
        };
        unsettled.add(pending);
        // Stored before the call returns, so a reload right after it loses nothing.
        store?.save(pending.id, writeKey, json);
        enqueue(writeKey, pending);
      });
    },
    flush,
    async close(timeoutMs) {
      let timer: unknown;
      // This one timer is kept referenced: it holds a Node process open while
      // the queue drains, for at most timeoutMs.
      const timedOut = new Promise<boolean>((resolve) => {
        timer = startTimer(() => resolve(false), timeoutMs, true);
      });
      const drained = await Promise.race([flush().then(() => true), timedOut]);
      stopTimer(timer);
      if (!drained) {
        const error = new AnalyticsError(
          'close_timeout',
          __DEV__ ? `close() gave up after ${timeoutMs} ms; delivery was not confirmed.` : '',
        );
        for (const pending of [...unsettled]) pending.settle({ ok: false, error });
        stop.abort();
      }
      return { drained };
    },
  };
}
