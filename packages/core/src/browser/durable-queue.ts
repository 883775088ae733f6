import type { DurableStoreFactory } from '../delivery/durable-store.js';
import type { AnalyticsError } from '../errors.js';
import { createUuid } from '../ids.js';
import type { DeliverySettings } from '../options.js';
import { utf8ByteLength } from '../utf8.js';
import type { BrowserGlobals } from './globals.js';

/** localStorage key of a stored message, followed by its messageId. */
export const QUEUE_KEY = 'tpq:';
/** The Web Lock a tab holds while it owns stored messages, followed by its id. */
export const TAB_LOCK = 'tpq-tab:';
/** Makes claims one at a time across the origin's tabs. */
export const CLAIM_LOCK = 'tpq-claim';
/** Without Web Locks, another tab's message is taken over once it has waited this long. */
export const LEASE_MS = 30_000;

/**
 * One stored message, as `{"o":owner,"t":takenAt,"u":endpoint,"k":writeKey,"m":message}`:
 * the message is embedded as JSON rather than as a string, so it is not escaped twice.
 */
interface Entry {
  o: string;
  t: number;
  u: string;
  k: string;
  m: unknown;
}

const ignore = (): void => {};

/**
 * The browser's durable queue: every accepted message is written to
 * localStorage before the call returns and removed once the endpoint confirms
 * (or rejects) it, so what a page could not confirm is sent by the next page
 * of the origin, with its messageId. Storage that is full, disabled or past
 * `maxStored` leaves a message in memory only; nothing throws.
 *
 * Why two tabs never both send a stored message, and none is orphaned:
 * - Each stored message names its owner tab, and only the owner sends it.
 * - A tab that owns stored messages holds, or has requested, the Web Lock
 *   named for it; it requests the lock before it writes. The browser
 *   releases a page's locks when the page goes away (closed, reloaded,
 *   crashed), and only then, so "neither held nor requested" means the owner
 *   will never send again. (Only while it owns messages: a held lock keeps a
 *   page out of the back/forward cache.)
 * - A tab takes another's messages only inside the origin-wide claim lock,
 *   only when the owner's lock is neither held nor requested, and it requests
 *   its own lock and rewrites the owner before sending. Claims run one at a
 *   time, so a later claimer sees a live owner and leaves them alone.
 * - A tab claims when it starts, comes back online or into view, and after
 *   each success; for every live owner it saw it also waits on that owner's
 *   lock, which the browser grants as soon as the owner goes. So a message
 *   outlives its tab only while no other page of the origin is open.
 * What remains are requests that did arrive but whose answer the page never
 * saw (it went away mid-request, or gave up on a slow answer): those messages
 * go again under the same messageId, and Segment drops the copy.
 * Without Web Locks (insecure origins, old browsers) a message is claimed once
 * its owner has held it for LEASE_MS; a live owner may then send it too, again
 * under the same messageId.
 */
export function createDurableQueue(
  win: BrowserGlobals,
  { endpoint, maxPersistedMessages: maxStored }: DeliverySettings,
  report: (error: AnalyticsError) => void,
): DurableStoreFactory {
  return (enqueue, sendNow, stopped) => {
    const me = createUuid();
    const locks = win.navigator?.locks;
    /** Messages in this tab's memory, queued or being sent. */
    const live = new Set<string>();
    /** Stored messages this tab owns. */
    const mine = new Set<string>();
    /** Owners whose lock this tab waits on, to claim their messages when they go. */
    const watched = new Set<string>();
    /** Messages stored by the origin's tabs: counted at each claim, kept up by this tab's changes. */
    let stored = 0;
    /** Ends this tab's lock: undefined when it holds none, 0 while it is requested. */
    let release: (() => void) | 0 | undefined;
    // Reading `localStorage` itself throws where storage is disabled; every use sits in a try.
    const storage = () => win.localStorage!;

    function hold(): void {
      if (release !== undefined || !locks) return;
      release = 0;
      locks
        .request(
          TAB_LOCK + me,
          { signal: stopped },
          () =>
            new Promise<void>((resolve) => {
              release = resolve;
              unhold();
            }),
        )
        .catch(ignore);
    }

    function unhold(): void {
      if (!mine.size && release) {
        release();
        release = undefined;
      }
    }

    function watch(owner: string): void {
      if (watched.has(owner)) return;
      watched.add(owner);
      // Shared, so that waiting tabs never look like the owner to each other;
      // granted, and released at once, when the owner's page has gone.
      locks!
        .request(TAB_LOCK + owner, { mode: 'shared', signal: stopped }, ignore)
        .then(() => {
          watched.delete(owner);
          claim();
        })
        .catch(ignore);
    }

    async function pass(): Promise<void> {
      // The entries are read before the locks are asked about. A tab asks for
      // its lock before it stores a message, so an owner read here is in the
      // answer if it is alive; one that stored after the question may not be.
      const ls = storage();
      const before = new Map<string, string | null>();
      for (const key of Object.keys(ls)) {
        if (key.startsWith(QUEUE_KEY)) before.set(key, ls.getItem(key));
      }
      const { held = [], pending = [] } = (await locks?.query()) ?? {};
      // A tab is live while its own (exclusive) lock is held or requested.
      const alive = new Set(
        [...held, ...pending].map((lock) => lock.mode === 'exclusive' && lock.name),
      );
      for (const [key, raw] of before) {
        const id = key.slice(QUEUE_KEY.length);
        try {
          // Rewritten since it was read: the answer may predate its new
          // owner's lock, so it waits for a later pass.
          if (ls.getItem(key) !== raw) continue;
          const entry: Entry = JSON.parse(raw!);
          const owner = entry.o;
          if (live.has(id) || entry.u !== endpoint) continue;
          if (
            owner !== me &&
            (locks ? alive.has(TAB_LOCK + owner) : Date.now() - entry.t < LEASE_MS)
          ) {
            if (locks) watch(owner);
            continue;
          }
          hold();
          entry.o = me;
          entry.t = Date.now();
          ls.setItem(key, JSON.stringify(entry));
          mine.add(id);
          live.add(id);
          const json = JSON.stringify(entry.m);
          enqueue(entry.k, {
            id,
            json,
            bytes: utf8ByteLength(json),
            // No caller awaits a restored message: a drop is reported through onError.
            settle: (outcome) =>
              outcome.ok || outcome.error.code !== 'rejected' || report(outcome.error),
          });
        } catch {
          // Unreadable, or storage refused the new owner: left for a later claim.
        }
      }
      stored = before.size;
    }

    function claim(): void {
      if (maxStored && !stopped.aborted) {
        (locks ? locks.request(CLAIM_LOCK, pass) : pass()).catch(ignore);
      }
    }

    const on = (type: string, listener: () => void) =>
      win.addEventListener?.(type, listener, { signal: stopped });
    on('pagehide', sendNow);
    on('visibilitychange', () => (win.document.visibilityState === 'hidden' ? sendNow() : claim()));
    on('online', claim);
    // A closed client sends nothing more: what it still owns is left to other tabs.
    stopped.addEventListener('abort', () => {
      if (release) release();
    });
    claim();

    return {
      save(id, writeKey, json) {
        live.add(id);
        if (stored >= maxStored) return;
        hold();
        try {
          storage().setItem(
            QUEUE_KEY + id,
            `{"o":"${me}","t":${Date.now()},"u":${JSON.stringify(endpoint)},"k":${JSON.stringify(writeKey)},"m":${json}}`,
          );
          mine.add(id);
          stored++;
        } catch {
          // Full or disabled: this one is sent from memory only.
        }
      },
      done(id, drop) {
        live.delete(id);
        if (drop && mine.delete(id)) {
          stored--;
          try {
            storage().removeItem(QUEUE_KEY + id);
          } catch {
            // Storage went away; nothing is left to send again.
          }
          unhold();
        }
      },
      claim,
      online: (stop) =>
        win.navigator?.onLine === false && !stop.aborted
          ? new Promise((resolve) => {
              // Either event ends the wait, and takes both listeners with it.
              const waiting = new AbortController();
              const done = () => {
                waiting.abort();
                resolve(undefined);
              };
              win.addEventListener?.('online', done, { signal: waiting.signal });
              stop.addEventListener('abort', done, { signal: waiting.signal });
            })
          : undefined,
    };
  };
}
