/**
 * Every error the receiver throws or reports, keyed by its stable code: match
 * on `error.code`, never on the message. The README lists them.
 */
export const RECEIVER_ERROR_CODES = {
  /** `injectFaults` was given a fault it cannot apply. The message names the field to fix. */
  invalid_fault: 'invalid_fault',
  /**
   * After `down()`, the receiver could not listen on its port again, usually because
   * another process took it, so it has closed. Reported to `onError`. Start the
   * receiver on a port nothing else uses (or 0).
   */
  relisten_failed: 'relisten_failed',
} as const;

export type ReceiverErrorCode = keyof typeof RECEIVER_ERROR_CODES;

/** An error from the receiver, with a stable `code` and the underlying error as `cause`. */
export class ReceiverError extends Error {
  declare readonly name: 'ReceiverError';
  declare readonly code: ReceiverErrorCode;

  constructor(code: ReceiverErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    (this as { name: string }).name = 'ReceiverError';
    this.code = code;
  }
}
