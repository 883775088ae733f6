/** How long sending what is left may hold a Node process open; as long as close() waits by default. */
export const EXIT_DRAIN_MS = 10_000;

/** The drains of deliveries that have calls waiting, run when Node's event loop runs dry. */
const waiting = new Set<() => void>();
let listening = false;

// Declared here, not in exitDrain, so that the listener holds no delivery.
function drainAll(): void {
  for (const start of [...waiting]) start();
}

/** The one part of Node's `process` used here. */
export type NodeProcess = { on?: (event: string, listener: () => void) => void };

export interface ExitDrain {
  /** Calls are waiting: drain them if the process runs out of work. */
  busy(): void;
  /** Nothing waits any more. Until the next busy(), the delivery is not referenced from here. */
  idle(): void;
}

/**
 * Keeps a Node script from ending with calls still queued. Core's timers never
 * hold a process open, so a script that tracks and then simply ends (or awaits
 * a result at the top level) would otherwise exit before the batch timer fires.
 * Node emits `beforeExit` when nothing else is left to do; `drain` then sends
 * what is queued, holding the process for at most EXIT_DRAIN_MS.
 * `process.exit()` and signals skip `beforeExit`: call `close()` there.
 * Outside Node, busy() and idle() do nothing.
 */
export function exitDrain(
  drain: () => Promise<unknown>,
  host = (globalThis as { process?: NodeProcess }).process,
): ExitDrain {
  const inNode = typeof host?.on === 'function';
  let draining = false;
  /** A call came while a drain ran: it may be left once that drain ends. */
  let calledDuringDrain = false;
  const start = () => {
    if (draining) return;
    draining = true;
    calledDuringDrain = false;
    void drain().then(() => {
      draining = false;
      // After a drain that needed no I/O (a mocked fetch), Node does not emit
      // beforeExit again, so a top-level await's next call is sent from here.
      if (calledDuringDrain && waiting.has(start)) start();
    });
  };
  return {
    busy() {
      if (!inNode) return;
      if (!listening) {
        listening = true;
        host.on!('beforeExit', drainAll);
      }
      if (draining) calledDuringDrain = true;
      waiting.add(start);
    },
    idle: () => void waiting.delete(start),
  };
}
