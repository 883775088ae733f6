/**
 * Timers that never keep a Node process alive on their own. Looked up on
 * `globalThis` at each call so fake timers in tests apply.
 */
export function startTimer(callback: () => void, delayMs: number, keepAlive = false): unknown {
  const handle: unknown = globalThis.setTimeout(callback, delayMs);
  if (!keepAlive) (handle as { unref?: () => void }).unref?.();
  return handle;
}

export function stopTimer(handle: unknown): void {
  if (handle !== undefined) globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
}

/** Resolves after `delayMs`, or at once when `signal` aborts. */
export function sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const handle = startTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    function onAbort(): void {
      stopTimer(handle);
      resolve();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
