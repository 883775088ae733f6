import { AnalyticsError } from '../errors.js';
import type { DeliverySettings } from '../options.js';
import { startTimer } from '../timers.js';
import { utf8ByteLength } from '../utf8.js';
import type { DeliveryOutcome } from './delivery.js';
import type { DurableStore } from './durable-store.js';
import { KEEPALIVE_LIMITS, serializeBatch } from './limits.js';
import { backoffDelayMs, classifyStatus, parseRetryAfterMs } from './retry-policy.js';

/** Body bytes of this page's keepalive requests in flight, shared by every client. */
let keepaliveBytes = 0;

function basicAuth(writeKey: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${writeKey}:`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * One request's round: POSTs `{ batch, sentAt, writeKey }` to `{endpoint}/v1/batch`
 * until an answer decides it or the retries run out, with the same messages
 * (so the same messageIds) every time. 2xx succeeds; 429 waits for
 * `Retry-After`; 5xx, 408, timeouts and network errors back off and retry;
 * any other status is final. With a durable store (browsers) it waits while
 * offline without spending retries, and asks for keepalive while the page's
 * budget has room. Never rejects.
 */
export async function postBatch(
  fetchImpl: typeof fetch | undefined,
  settings: DeliverySettings,
  writeKey: string,
  jsonMessages: string[],
  stopped: AbortSignal,
  store?: DurableStore,
): Promise<DeliveryOutcome> {
  // In browsers, Authorization and application/json would each force a CORS
  // preflight, so the writeKey travels in the body only and the type is text/plain.
  const headers: Record<string, string> = settings.sendAuthHeader
    ? { 'Content-Type': 'application/json', Authorization: basicAuth(writeKey) }
    : { 'Content-Type': 'text/plain' };
  let status = 0;
  /** Set by an answer that retrying cannot change; a round that ends any other way failed to deliver. */
  let rejected = false;
  let networkError: unknown;
  let retry = 0;
  for (; ; retry++) {
    await store?.online(stopped);
    // Once close() has given up, nothing more goes out.
    if (stopped.aborted) break;
    const body = serializeBatch(jsonMessages, writeKey, new Date().toISOString());
    const bytes = store ? utf8ByteLength(body) : 0;
    // In browsers a request goes as keepalive, outliving the page, while the budget has room.
    const keepalive = bytes > 0 && keepaliveBytes + bytes <= KEEPALIVE_LIMITS.requestBytes;
    if (keepalive) keepaliveBytes += bytes;
    const request = new AbortController();
    const abort = () => request.abort();
    const timeout = startTimer(abort, settings.requestTimeoutMs);
    stopped.addEventListener('abort', abort);
    let waitMs: number | undefined;
    status = 0;
    networkError = undefined;
    try {
      const response = await (fetchImpl ?? fetch)(`${settings.endpoint}/v1/batch`, {
        method: 'POST',
        body,
        headers,
        signal: request.signal,
        keepalive,
      });
      status = response.status;
      if (status === 429) {
        waitMs = parseRetryAfterMs(response.headers.get('retry-after'), Date.now());
      }
      // Drained so that keep-alive connections are reused; the content is not needed.
      await response.text().catch(() => undefined);
    } catch (error) {
      networkError = error ?? 'network error';
    } finally {
      if (keepalive) keepaliveBytes -= bytes;
      clearTimeout(timeout);
      stopped.removeEventListener('abort', abort);
    }
    const verdict = networkError === undefined ? classifyStatus(status) : 'retry';
    if (verdict === 'success') return { ok: true };
    rejected = verdict === 'reject';
    if (rejected || retry >= settings.maxRetries || stopped.aborted) break;
    const delay =
      waitMs ?? backoffDelayMs(retry, settings.retryBaseDelayMs, settings.retryMaxDelayMs);
    await new Promise<void>((resolve) => {
      const timer = startTimer(done, Math.min(delay, settings.retryMaxDelayMs));
      stopped.addEventListener('abort', done);
      function done(): void {
        clearTimeout(timer);
        stopped.removeEventListener('abort', done);
        resolve();
      }
    });
    // close() gave up while this waited: no further attempt.
    if (stopped.aborted) break;
  }
  return {
    ok: false,
    error: new AnalyticsError(
      rejected ? 'rejected' : 'delivery_failed',
      __DEV__
        ? rejected
          ? `The endpoint rejected the request with HTTP ${status}; it was not retried because sending it again cannot succeed.`
          : `Delivery failed after ${retry + 1} attempt(s); last problem: ${
              networkError === undefined
                ? status
                  ? `HTTP ${status}`
                  : 'the client was closed before it went out'
                : `network error: ${String((networkError as Error).message ?? networkError)}`
            }.`
        : '',
      { cause: networkError, status: rejected ? status : undefined },
    ),
  };
}
