import { AnalyticsError } from './errors.js';

/** A call's `timestamp`: a Date, or an ISO 8601 string such as `2026-11-28T09:30:00.000Z`. */
export type TimestampInput = Date | string;

// Date, optionally with time, fraction and zone offset: the ISO 8601 forms Segment parses.
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Normalizes a timestamp to ISO 8601, or throws `invalid_timestamp` explaining why it cannot. */
export function readTimestamp(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return value.toISOString();
  } else if (typeof value === 'string') {
    // Sent in the form every parser reads: a decimal point, not a comma, and
    // an hours-only offset (`+05`, which Date.parse refuses) with its minutes.
    const text = value
      .trim()
      .replace(',', '.')
      .replace(/(:\d\d(\.\d+)?[+-]\d\d)$/, '$1:00');
    const date = text.slice(0, 10);
    // The pattern admits impossible dates such as month 13, which Date.parse
    // refuses; but Date.parse rolls February 30 over to March 2, so the date
    // must also read back as written.
    if (
      ISO_8601.test(text) &&
      !Number.isNaN(Date.parse(text)) &&
      new Date(date).toISOString().startsWith(date)
    ) {
      return text;
    }
  }
  throw new AnalyticsError(
    'invalid_timestamp',
    __DEV__
      ? `timestamp must be a valid Date or an ISO 8601 string like "2026-11-28T09:30:00Z", got ${typeof value === 'string' ? JSON.stringify(value) : typeof value}.`
      : '',
  );
}
