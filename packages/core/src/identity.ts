import { createUuid } from './ids.js';

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

function asId(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function asTraits(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The current user of a browser: an anonymousId created on first use and kept,
 * plus the userId and traits that `identify` remembers and `reset` forgets.
 * A server client has no Identity: every call names its user.
 */
export class Identity {
  constructor(private readonly storage: KeyValueStorage) {}

  get anonymousId(): string {
    const stored = asId(this.storage.get(IDENTITY_KEYS.anonymousId));
    if (stored) return stored;
    const created = createUuid();
    this.storage.set(IDENTITY_KEYS.anonymousId, created);
    return created;
  }

  get userId(): string | null {
    return asId(this.storage.get(IDENTITY_KEYS.userId));
  }

  get traits(): Record<string, unknown> {
    return asTraits(this.storage.get(IDENTITY_KEYS.traits));
  }

  /** Remembers an identify call: a new userId replaces the traits, the same one merges them. */
  remember(userId: string | undefined, traits: Record<string, unknown> | undefined): void {
    const previous = this.userId;
    if (userId !== undefined && userId !== previous) {
      this.storage.set(IDENTITY_KEYS.userId, userId);
      this.storage.set(IDENTITY_KEYS.traits, traits ?? {});
    } else if (traits) {
      this.storage.set(IDENTITY_KEYS.traits, { ...this.traits, ...traits });
    }
  }

  /** Forgets the user: a new anonymousId is made on next use. */
  reset(): void {
    this.storage.remove(IDENTITY_KEYS.userId);
    this.storage.remove(IDENTITY_KEYS.traits);
    this.storage.remove(IDENTITY_KEYS.anonymousId);
  }

  snapshot(): IdentitySnapshot {
    return { userId: this.userId, anonymousId: this.anonymousId, traits: this.traits };
  }
}
