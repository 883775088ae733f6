import { utf8ByteLength } from '../utf8.js';

/**
 * Segment's documented limits, in UTF-8 bytes.
 * @see https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#max-request-size
 */
export const SEGMENT_LIMITS = {
  messageBytes: 32 * 1024,
  requestBytes: 500 * 1024,
  requestMessages: 2500,
} as const;

/**
 * Browsers refuse keepalive requests once those in flight from a page carry
 * 64 KB of body in all. Browser requests are split to this size so that each
 * can go as keepalive, and outlive the page, when the budget has room.
 * @see https://fetch.spec.whatwg.org/#http-network-or-cache-fetch (keepalive, 64 kibibytes)
 */
export const KEEPALIVE_LIMITS = {
  requestBytes: 64 * 1024,
  requestMessages: SEGMENT_LIMITS.requestMessages,
} as const;

const SAMPLE_SENT_AT = '2026-01-01T00:00:00.000Z';

/** Bytes of `{"batch":[],"sentAt":…,"writeKey":…}` around the messages. */
export function envelopeBytes(writeKey: string): number {
  return utf8ByteLength(serializeBatch([], writeKey, SAMPLE_SENT_AT));
}

/** The request body, built from messages serialized once at enqueue time. */
export function serializeBatch(
  jsonMessages: readonly string[],
  writeKey: string,
  sentAt: string,
): string {
  return `{"batch":[${jsonMessages.join(',')}],"sentAt":${JSON.stringify(sentAt)},"writeKey":${JSON.stringify(writeKey)}}`;
}

/**
 * Splits queued messages into requests that each fit both the byte and the
 * count limit, keeping their order.
 */
export function splitIntoRequests<T extends { bytes: number }>(
  items: readonly T[],
  overheadBytes: number,
  limits: { requestBytes: number; requestMessages: number } | undefined = SEGMENT_LIMITS,
): T[][] {
  const requests: T[][] = [];
  let current: T[] = [];
  let size = overheadBytes;
  for (const item of items) {
    const added = item.bytes + (current.length > 0 ? 1 : 0);
    if (
      current.length > 0 &&
      (current.length >= limits.requestMessages || size + added > limits.requestBytes)
    ) {
      requests.push(current);
      current = [];
      size = overheadBytes;
    }
    size += item.bytes + (current.length > 0 ? 1 : 0);
    current.push(item);
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
