/**
 * A timer that never keeps a Node process alive on its own, unless asked to.
 * `setTimeout` is looked up at each call, so fake timers in tests apply.
 */
export function startTimer(
  callback: () => void,
  delayMs: number,
  keepAlive?: boolean,
): ReturnType<typeof setTimeout> {
  const handle = setTimeout(callback, delayMs);
  if (!keepAlive) (handle as { unref?: () => void }).unref?.();
  return handle;
}
