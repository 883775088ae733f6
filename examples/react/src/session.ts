import { useSyncExternalStore } from 'react';
import { analytics } from './analytics-client.js';

const listeners = new Set<() => void>();

/** Tells components that the identified user changed. */
export function userChanged(): void {
  for (const listener of listeners) listener();
}

/** The userId the client remembers (across reloads, in cookies and localStorage). */
export function useSignedInUser(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => analytics.user().userId,
  );
}
