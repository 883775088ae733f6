import { AnalyticsError } from '../errors.js';
import type { PreparedMessage } from '../messages.js';
import type { DeliverySettings } from '../options.js';
import { startTimer } from '../timers.js';
import type { Delivery, DeliveryOutcome } from './delivery.js';
import type { DurableStoreFactory, Pending } from './durable-store.js';
import { EXIT_DRAIN_MS, exitDrain } from './exit-drain.js';
import { envelopeBytes, KEEPALIVE_LIMITS, splitIntoRequests } from './limits.js';
import { postBatch } from './post-batch.js';

/**
 * The built-in delivery: a bounded queue per writeKey, flushed when `flushAt`
 * calls wait or `flushIntervalMs` after the first, split to Segment's request
 * limits, and POSTed with retries that reuse each messageId. Each call's
 * promise settles with its own request's outcome, and never rejects.
 *
 * In browsers a durable store keeps each message until it is confirmed or
 * rejected and feeds back what earlier pages left; requests are then split to
 * the keepalive budget, so that they can outlive the page, and wait while the
 * browser is offline without spending retries.
 */
export function createHttpDelivery(
  fetchImpl: typeof fetch | undefined,
  settings: DeliverySettings,
  durable?: DurableStoreFactory,
): Delivery {
  const queues = new Map<string, Pending[]>();
  const unsettled = new Set<Pending>();
  const inFlight = new Set<Promise<void>>();
  /** Ends with the delivery, at close(): the store's listeners stop. */
  const stop = new AbortController();
  /** Ends the requests and waits running now: at close(), or when a drain gives up. */
  let round = new AbortController();
  /** Set once close() has begun: its timeout, not the drain at exit's, then decides. */
  let closing = false;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const store = durable?.(enqueue, sendAll, stop.signal);

  async function send(writeKey: string, request: Pending[], signal = round.signal): Promise<void> {
    const outcome = await postBatch(
      fetchImpl,
      settings,
      writeKey,
      request.map((pending) => pending.json),
      signal,
      store,
    );
    const status = !outcome.ok && outcome.error.status;
    if ((status === 400 || status === 413) && request.length > 1 && !signal.aborted) {
      // The payload was refused, perhaps for one message in it: each half goes
      // on its own, so only a message refused by itself is dropped.
      const half = request.length >> 1;
      await send(writeKey, request.slice(0, half), signal);
      return send(writeKey, request.slice(half), signal);
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
    if (queue.push(pending) === settings.flushAt) {
      // Deferred a microtask, so calls made in the same tick (a batch call,
      // a loop) go out together in as few requests as the limits allow.
      queueMicrotask(() => sendQueued(writeKey));
    } else {
      flushTimer ??= startTimer(sendAll, settings.flushIntervalMs);
    }
  }

  function sendQueued(writeKey: string): void {
    const queue = queues.get(writeKey);
    queues.delete(writeKey);
    if (!queues.size) {
      clearTimeout(flushTimer);
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
    while (inFlight.size) await Promise.all(inFlight);
  }

  /**
   * Sends everything, holding a Node process open for at most timeoutMs.
   * Past it, what is unconfirmed fails with close_timeout, and neither a
   * request running then nor a call queued before goes out; calls made
   * afterwards are sent as usual. The drain at exit leaves the timing to a
   * close() begun meanwhile.
   */
  async function drainWithin(timeoutMs: number, atExit?: boolean): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The one referenced timer: it keeps a Node process up while the queue drains.
    const drained = await Promise.race([
      flush().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = startTimer(() => (atExit && closing) || resolve(false), timeoutMs, true);
      }),
    ]);
    clearTimeout(timer);
    if (!drained) {
      const error = new AnalyticsError(
        'close_timeout',
        __DEV__ ? `Delivery was not confirmed within ${timeoutMs} ms.` : '',
      );
      queues.clear();
      clearTimeout(flushTimer);
      flushTimer = undefined;
      for (const pending of [...unsettled]) pending.settle({ ok: false, error });
      round.abort();
      round = new AbortController();
    }
    return drained;
  }

  const exit = exitDrain(() => drainWithin(EXIT_DRAIN_MS, true));

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
          settle(outcome) {
            if (!unsettled.delete(pending)) return;
            if (!unsettled.size) exit.idle();
            resolve(outcome);
          },
        };
        unsettled.add(pending);
        exit.busy();
        // Stored before the call returns, so a reload right after it loses nothing.
        store?.save(pending.id, writeKey, json);
        enqueue(writeKey, pending);
      });
    },
    flush,
    async close(timeoutMs) {
      closing = true;
      const drained = await drainWithin(timeoutMs);
      // Ends what is still running: requests, waits, and the store's listeners.
      round.abort();
      stop.abort();
      return { drained };
    },
  };
}
