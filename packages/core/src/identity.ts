import { createUuid, readId } from './ids.js';

/** Where identity persists. Values are JSON values; the storage decides the encoding. */
export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

/** The keys analytics.js uses, so a site moving from it keeps its users. */
export const IDENTITY_KEYS = {
  anonymousId: 'ajs_anonymous_id',
  userId: 'ajs_user_id',
  traits: 'ajs_user_traits',
} as const;

export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, unknown>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

export interface IdentitySnapshot {
  userId: string | null;
  anonymousId: string | null;
  traits: Record<string, unknown>;
}

function asTraits(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The current browser user, read from storage on each use so every tab agrees. */
export interface Identity {
  /** The anonymousId, created and stored on first use. */
  anonymousId(): string;
  userId(): string | null;
  traits(): Record<string, unknown>;
  /** Remembers an identify call: another user's traits are replaced, otherwise merged. */
  remember(userId: string | undefined, traits: Record<string, unknown> | undefined): void;
  /** Forgets the user: a new anonymousId is made on next use. */
  reset(): void;
  snapshot(): IdentitySnapshot;
}

/**
 * The current user of a browser: an anonymousId created on first use and kept,
 * plus the userId and traits that `identify` remembers and `reset` forgets.
 * A server client has no Identity: every call names its user.
 */
export function createIdentity(storage: KeyValueStorage): Identity {
  const anonymousId = (): string => {
    const stored = readId(storage.get(IDENTITY_KEYS.anonymousId));
    if (stored) return stored;
    const created = createUuid();
    storage.set(IDENTITY_KEYS.anonymousId, created);
    return created;
  };
  const userId = (): string | null => readId(storage.get(IDENTITY_KEYS.userId)) ?? null;
  const traits = (): Record<string, unknown> => asTraits(storage.get(IDENTITY_KEYS.traits));
  return {
    anonymousId,
    userId,
    traits,
    remember(newUserId, newTraits) {
      const previous = userId();
      if (newUserId !== undefined && newUserId !== previous) {
        storage.set(IDENTITY_KEYS.userId, newUserId);
        // Traits gathered while anonymous carry over at login, as in analytics.js;
        // a different user's traits do not.
        storage.set(IDENTITY_KEYS.traits, { ...(previous === null ? traits() : {}), ...newTraits });
      } else if (newTraits) {
        storage.set(IDENTITY_KEYS.traits, { ...traits(), ...newTraits });
      }
    },
    reset() {
      storage.remove(IDENTITY_KEYS.userId);
      storage.remove(IDENTITY_KEYS.traits);
      storage.remove(IDENTITY_KEYS.anonymousId);
    },
    snapshot: () => ({ userId: userId(), anonymousId: anonymousId(), traits: traits() }),
  };
}
