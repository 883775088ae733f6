import { AnalyticsError } from './errors.js';

/** A call's `timestamp`: a Date, or an ISO 8601 string such as `2026-11-28T09:30:00.000Z`. */
export type TimestampInput = Date | string;

// Date, optionally with time, fraction and zone offset: the ISO 8601 forms Segment parses.
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Normalizes a timestamp to ISO 8601 UTC, or explains why it cannot. */
export function readTimestamp(value: unknown): string | undefined | AnalyticsError {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      return new AnalyticsError(
        'invalid_timestamp',
        __DEV__ ? 'timestamp is an invalid Date.' : '',
      );
    }
    return value.toISOString();
  }
  if (typeof value === 'string' && ISO_8601.test(value.trim())) {
    const time = Date.parse(value.trim().replace(',', '.'));
    if (!Number.isNaN(time)) return value.trim();
  }
  return new AnalyticsError(
    'invalid_timestamp',
    __DEV__
      ? `timestamp must be a Date or an ISO 8601 string like "2026-11-28T09:30:00Z", got ${JSON.stringify(String(value))}.`
      : '',
  );
}
