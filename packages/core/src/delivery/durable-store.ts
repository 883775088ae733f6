import type { DeliveryOutcome } from './delivery.js';

/** A message in the delivery queue. */
export interface Pending {
  /** The messageId. */
  id: string;
  json: string;
  bytes: number;
  settle: (outcome: DeliveryOutcome) => void;
}

/**
 * What a browser adds to the built-in delivery: a copy of each message that
 * outlives the page, cross-tab ownership, and the page's network and
 * lifecycle events. `browser/durable-queue.ts` implements it.
 */
export interface DurableStore {
  /** Keeps an accepted message until `done` drops it; memory only when it cannot. */
  save(id: string, writeKey: string, json: string): void;
  /**
   * Ends a message's delivery round. `drop` (confirmed, or rejected for good)
   * forgets it; otherwise it stays stored for a later round or page.
   */
  done(id: string, drop: boolean): void;
  /** Looks for stored messages that no live tab is sending, and queues them here. */
  claim(): void;
  /** Resolves once the browser is back online; undefined while it is online. */
  online(stop: AbortSignal): Promise<unknown> | undefined;
}

/**
 * Makes the store for one delivery: `enqueue` queues a message restored from
 * storage, which no caller awaits; `sendNow` sends everything queued, for
 * when the page is hidden or left. `stopped` aborts when the client closes:
 * the store then stops listening and lets other tabs take what it still holds.
 */
export type DurableStoreFactory = (
  enqueue: (writeKey: string, pending: Pending) => void,
  sendNow: () => void,
  stopped: AbortSignal,
) => DurableStore;
