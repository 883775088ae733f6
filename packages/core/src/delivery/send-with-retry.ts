import { AnalyticsError } from '../errors.js';
import type { DeliverySettings } from '../options.js';
import { sleep, startTimer, stopTimer } from '../timers.js';
import { utf8ByteLength } from '../utf8.js';
import type { DeliveryOutcome } from './delivery.js';
import type { DurableStore } from './durable-store.js';
import { KEEPALIVE_LIMITS, serializeBatch } from './limits.js';
import { backoffDelayMs, classifyStatus, parseRetryAfterMs } from './retry-policy.js';
import type { Transport, TransportResponse } from './transport.js';

function basicAuth(writeKey: string): string {
  const bytes = new TextEncoder().encode(`${writeKey}:`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function requestHeaders(writeKey: string, sendAuthHeader: boolean): Record<string, string> {
  // In browsers, Authorization and application/json would each force a CORS
  // preflight, so the writeKey travels in the body only and the type is text/plain.
  return sendAuthHeader
    ? { 'Content-Type': 'application/json', Authorization: basicAuth(writeKey) }
    : { 'Content-Type': 'text/plain' };
}

type Attempt = { response: TransportResponse } | { networkError: unknown };

/** Body bytes of this page's keepalive requests in flight, shared by every client. */
let keepaliveBytes = 0;

async function attempt(
  transport: Transport,
  settings: DeliverySettings,
  body: string,
  headers: Record<string, string>,
  stop: AbortSignal,
  mayKeepalive: boolean,
): Promise<Attempt> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  const timeout = startTimer(abort, settings.requestTimeoutMs);
  // In browsers, a request goes as keepalive (outliving the page) while the budget has room.
  const bytes = mayKeepalive ? utf8ByteLength(body) : 0;
  const keepalive = bytes > 0 && keepaliveBytes + bytes <= KEEPALIVE_LIMITS.requestBytes;
  if (keepalive) keepaliveBytes += bytes;
  stop.addEventListener('abort', abort, { once: true });
  try {
    const response = await transport.send({
      url: `${settings.endpoint}/v1/batch`,
      body,
      headers,
      signal: controller.signal,
      keepalive,
    });
    return { response };
  } catch (networkError) {
    return { networkError };
  } finally {
    if (keepalive) keepaliveBytes -= bytes;
    stopTimer(timeout);
    stop.removeEventListener('abort', abort);
  }
}

/**
 * Sends one request's messages, retrying transient failures with the same
 * messageIds until `maxRetries` is spent. In browsers, waits while offline
 * without spending retries. Never rejects.
 */
export async function sendWithRetry(
  transport: Transport,
  settings: DeliverySettings,
  writeKey: string,
  jsonMessages: readonly string[],
  stop: AbortSignal,
  store?: DurableStore,
): Promise<DeliveryOutcome> {
  const headers = requestHeaders(writeKey, settings.sendAuthHeader);
  for (let retry = 0; ; retry++) {
    await store?.online(stop);
    const body = serializeBatch(jsonMessages, writeKey, new Date().toISOString());
    const result = await attempt(transport, settings, body, headers, stop, !!store);
    let waitMs: number | undefined;
    if ('response' in result) {
      const { status } = result.response;
      const verdict = classifyStatus(status);
      if (verdict === 'success') return { ok: true };
      if (verdict === 'reject') {
        return {
          ok: false,
          error: new AnalyticsError(
            'rejected',
            __DEV__
              ? `The endpoint rejected the request with HTTP ${status}; it was not retried because sending it again cannot succeed.`
              : '',
            { status },
          ),
        };
      }
      if (status === 429) {
        waitMs = parseRetryAfterMs(result.response.header('retry-after'), Date.now());
      }
    }
    if (retry >= settings.maxRetries || stop.aborted) {
      return {
        ok: false,
        error: new AnalyticsError(
          'delivery_failed',
          __DEV__
            ? `Delivery failed after ${retry + 1} attempt(s); last problem: ${
                'response' in result
                  ? `HTTP ${result.response.status}`
                  : `network error: ${String((result.networkError as Error)?.message ?? result.networkError)}`
              }.`
            : '',
          'networkError' in result ? { cause: result.networkError } : {},
        ),
      };
    }
    const delay =
      waitMs ?? backoffDelayMs(retry, settings.retryBaseDelayMs, settings.retryMaxDelayMs);
    await sleep(Math.min(delay, settings.retryMaxDelayMs), stop);
  }
}
