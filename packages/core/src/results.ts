import type { AnalyticsError } from './errors.js';

/** Present on every result. `error` is set exactly when `success` is false. */
export interface ResultBase {
  success: boolean;
  /** Set once the call passed validation, whether or not delivery then worked. */
  messageId?: string;
  error?: AnalyticsError;
}

export interface TrackResult extends ResultBase {
  event: string;
  userId: string | null;
  anonymousId: string | null;
}

export interface IdentifyResult extends ResultBase {
  userId: string | null;
  anonymousId: string | null;
}

export interface PageResult extends ResultBase {
  name: string | null;
  userId: string | null;
  anonymousId: string | null;
}

export interface GroupResult extends ResultBase {
  groupId: string;
  userId: string | null;
  anonymousId: string | null;
}

export interface AliasResult extends ResultBase {
  userId: string;
  previousId: string;
}

export interface BatchResult {
  success: boolean;
  /** How many items were accepted for delivery (0 when validation failed). */
  count: number;
  messageIds?: string[];
  error?: AnalyticsError;
}

/** What `close()` resolves to. */
export interface CloseResult {
  /** True when everything queued was settled before the timeout. */
  drained: boolean;
}
