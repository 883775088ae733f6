/** How long sending what is left may hold a Node process open; as long as close() waits by default. */
export const EXIT_DRAIN_MS = 10_000;

/** The drains of deliveries that have calls waiting, run when Node's event loop runs dry. */
const waiting = new Set<() => void>();
let listening = false;

// Declared here, not in exitDrain, so that the listener holds no delivery.
function drainAll(): void {
  if (!waiting.size) return;
  for (const start of [...waiting]) start();
  // Drains that need no I/O (a mocked or cached fetch) end within this turn,
  // and then Node exits without emitting beforeExit again, though a call made
  // as they settled (a top-level await's next call, on any client) waits. One
  // more turn of the event loop lets beforeExit come round for it.
  setTimeout(() => {}, 0);
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
  const start = () => {
    if (draining) return;
    draining = true;
    void drain().then(() => {
      draining = false;
    });
  };
  return {
    busy() {
      if (!inNode) return;
      if (!listening) {
        listening = true;
        host.on!('beforeExit', drainAll);
      }
      waiting.add(start);
    },
    idle: () => void waiting.delete(start),
  };
}
