/** What to do with a response, by status, following Segment's HTTP API rules. */
export type ResponseVerdict = 'success' | 'retry' | 'reject';

/**
 * - 2xx: delivered.
 * - 408 Request Timeout, 429 Too Many Requests, 5xx: transient, retry.
 * - every other status (400 bad payload, 401/403 bad writeKey, 413 too large…):
 *   sending the same bytes again cannot succeed, so do not retry.
 */
export function classifyStatus(status: number): ResponseVerdict {
  if (status >= 200 && status < 300) return 'success';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'reject';
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half
 * and all of `min(cap, base * 2^n)`, so retries spread out without collapsing
 * to zero.
 */
export function backoffDelayMs(
  retryIndex: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retryIndex);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
