/**
 * Every failure a call can resolve with, keyed by its stable code. The codes
 * are part of the public API: match on `error.code`, never on the message.
 * The README lists them with what a caller should do about each one.
 */
export const ERROR_CODES = {
  /** The call's argument was not an object. Fix the call site. */
  invalid_argument: 'invalid_argument',
  /** Neither userId nor anonymousId is known. Pass one (always required in Node). */
  missing_identity: 'missing_identity',
  /** No writeKey on the call or the client. Pass `writeKey` to createAnalytics. */
  missing_write_key: 'missing_write_key',
  /** A track call without `event`. */
  missing_event: 'missing_event',
  /** A group call without `groupId`. */
  missing_group_id: 'missing_group_id',
  /** An alias call without `userId`. */
  missing_user_id: 'missing_user_id',
  /** An alias call without `previousId`. */
  missing_previous_id: 'missing_previous_id',
  /** `timestamp` is neither a valid Date nor an ISO 8601 string. */
  invalid_timestamp: 'invalid_timestamp',
  /** properties, traits, context or integrations is not a JSON object (or JSON text of one). */
  invalid_json: 'invalid_json',
  /** A batch item has an unknown `type`, or the batch is not a non-empty array. */
  invalid_batch: 'invalid_batch',
  /** The message is over Segment's 32 KB limit in UTF-8 bytes. Send less data. */
  message_too_large: 'message_too_large',
  /** The queue is at `maxQueueSize`; the endpoint is slower than the app produces calls. */
  queue_full: 'queue_full',
  /** The call came after `close()`. */
  client_closed: 'client_closed',
  /**
   * `close({ timeoutMs })` ran out of time before delivery was confirmed; in Node, so did the
   * 10 s drain that sends what is queued when the process runs out of work.
   */
  close_timeout: 'close_timeout',
  /** The endpoint refused the request with a 4xx that retrying cannot fix. */
  rejected: 'rejected',
  /** Network errors, timeouts or 5xx/408/429 outlasted `maxRetries`. */
  delivery_failed: 'delivery_failed',
  /** The call broke the registered tracking plan and `onViolation` is `'drop'` or `'throw'`. */
  plan_violation: 'plan_violation',
  /** A generated function ran before setDefaultClient() and without options.client. */
  no_client: 'no_client',
  /** A bug in Trackplan itself; the cause is attached. Please report it. */
  internal_error: 'internal_error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The error carried by a failed result. It is never thrown at the caller of a
 * tracking call; it arrives as `result.error` and through `onError`.
 */
export class AnalyticsError extends Error {
  // Declared and assigned in the constructor, not as class fields: field
  // initializers compile to a defineProperty helper in every browser bundle.
  declare readonly name: 'AnalyticsError';
  declare readonly code: ErrorCode;
  /** The HTTP status, when the failure came from the endpoint. */
  declare readonly status: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details: { cause?: unknown; status?: number | undefined } = {},
  ) {
    // Production builds drop the explanations; the code then stands as the message.
    super(message || code, details.cause === undefined ? undefined : { cause: details.cause });
    (this as { name: string }).name = 'AnalyticsError';
    this.code = code;
    this.status = details.status;
  }

  /** `{ code, message, status }`; JSON leaves out a status that is undefined. */
  toJSON(): { code: ErrorCode; message: string; status: number | undefined } {
    return { code: this.code, message: this.message, status: this.status };
  }
}
