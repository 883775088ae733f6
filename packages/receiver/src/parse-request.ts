import { gunzipSync } from 'node:zlib';

/** Segment's documented limits, in bytes. */
export const LIMITS = { messageBytes: 32 * 1024, requestBytes: 500 * 1024 } as const;

export const SINGLE_ROUTES: Record<string, string> = {
  '/v1/track': 'track',
  '/v1/t': 'track',
  '/v1/identify': 'identify',
  '/v1/i': 'identify',
  '/v1/page': 'page',
  '/v1/p': 'page',
  '/v1/screen': 'screen',
  '/v1/group': 'group',
  '/v1/g': 'group',
  '/v1/alias': 'alias',
  '/v1/a': 'alias',
};
export const BATCH_ROUTES = new Set(['/v1/batch', '/v1/b', '/v1/import']);

/**
 * What `parseSegmentRequest` makes of a request: the messages to record, or the
 * 400 Segment would answer. `bodyBytes` is the size after gunzip, except for
 * gzip that cannot be read (the compressed size) and gzip that inflates past
 * 500 KB (512001, where inflating stops).
 */
export type ParsedRequest =
  | { ok: true; writeKey: string | null; messages: Record<string, unknown>[]; bodyBytes: number }
  | { ok: false; status: 400; error: string; bodyBytes: number };

function writeKeyFromAuth(header: string | undefined): string | null {
  // The auth scheme is case-insensitive (RFC 7235), so `basic` counts as `Basic`.
  const credentials = /^basic\s+(.*)$/i.exec(header ?? '')?.[1];
  if (credentials === undefined) return null;
  const user = Buffer.from(credentials, 'base64').toString('utf8').split(':')[0];
  return user ? user : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads a request as Segment does: gzip if the body says so, JSON whatever
 * the Content-Type claims, writeKey from Basic auth or the body, and 400 for
 * bodies that are not JSON objects or are over the size limits.
 */
export function parseSegmentRequest(
  route: string,
  rawBody: Buffer,
  headers: { authorization?: string | undefined; 'content-encoding'?: string | undefined },
): ParsedRequest {
  let body = rawBody;
  if (headers['content-encoding']?.toLowerCase() === 'gzip') {
    try {
      // Stop inflating just past the limit, so a small gzip bomb cannot exhaust memory.
      body = gunzipSync(rawBody, { maxOutputLength: LIMITS.requestBytes + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        // Inflating stopped at the limit, so the size reported is that lower bound.
        const bodyBytes = LIMITS.requestBytes + 1;
        return { ok: false, status: 400, error: 'Request body exceeds 500KB', bodyBytes };
      }
      return { ok: false, status: 400, error: 'Invalid gzip body', bodyBytes: rawBody.length };
    }
  }
  const bodyBytes = body.length;
  if (bodyBytes > LIMITS.requestBytes) {
    return { ok: false, status: 400, error: 'Request body exceeds 500KB', bodyBytes };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, status: 400, error: 'Invalid JSON', bodyBytes };
  }
  if (!isObject(parsed)) return { ok: false, status: 400, error: 'Invalid JSON', bodyBytes };

  const bodyKey = typeof parsed.writeKey === 'string' && parsed.writeKey ? parsed.writeKey : null;
  const writeKey = writeKeyFromAuth(headers.authorization) ?? bodyKey;

  let messages: Record<string, unknown>[];
  if (BATCH_ROUTES.has(route)) {
    if (!Array.isArray(parsed.batch) || !parsed.batch.every(isObject)) {
      return { ok: false, status: 400, error: 'batch must be an array of objects', bodyBytes };
    }
    messages = parsed.batch;
  } else {
    const { writeKey: _omit, ...message } = parsed;
    messages = [{ ...message, type: SINGLE_ROUTES[route] }];
  }
  for (const message of messages) {
    if (Buffer.byteLength(JSON.stringify(message), 'utf8') > LIMITS.messageBytes) {
      return { ok: false, status: 400, error: 'Message exceeds 32KB', bodyBytes };
    }
  }
  return { ok: true, writeKey, messages, bodyBytes };
}
