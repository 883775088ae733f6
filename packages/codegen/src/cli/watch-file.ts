import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` after each change to `path`, until `signal` aborts; the
 * promise returned settles then. It watches the directory, because editors
 * often save by writing a new file and renaming it over the old one, which a
 * watch on the file itself misses. Bursts of events within 50 ms make one
 * call, and calls never overlap. It throws at once when the directory cannot
 * be watched, such as when it does not exist.
 */
export function watchFile(
  path: string,
  signal: AbortSignal | undefined,
  onChange: () => Promise<void>,
): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  const name = basename(path);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();
  const watcher = watch(dirname(path), (_event, changed) => {
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(onChange, onChange);
    }, 50);
  });
  return new Promise((resolve) => {
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        watcher.close();
        void running.then(() => resolve());
      },
      { once: true },
    );
  });
}
