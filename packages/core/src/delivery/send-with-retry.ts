import { AnalyticsError } from '../errors.js';
import type { DeliverySettings } from '../options.js';
import { sleep, startTimer, stopTimer } from '../timers.js';
import type { DeliveryOutcome } from './delivery.js';
import { serializeBatch } from './limits.js';
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

async function attempt(
  transport: Transport,
  settings: DeliverySettings,
  body: string,
  headers: Record<string, string>,
  stop: AbortSignal,
): Promise<Attempt> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  const timeout = startTimer(abort, settings.requestTimeoutMs);
  stop.addEventListener('abort', abort, { once: true });
  try {
    const response = await transport.send({
      url: `${settings.endpoint}/v1/batch`,
      body,
      headers,
      signal: controller.signal,
    });
    return { response };
  } catch (networkError) {
    return { networkError };
  } finally {
    stopTimer(timeout);
    stop.removeEventListener('abort', abort);
  }
}

/**
 * Sends one request's messages, retrying transient failures with the same
 * messageIds until `maxRetries` is spent. Never rejects.
 */
export async function sendWithRetry(
  transport: Transport,
  settings: DeliverySettings,
  writeKey: string,
  jsonMessages: readonly string[],
  stop: AbortSignal,
): Promise<DeliveryOutcome> {
  const headers = requestHeaders(writeKey, settings.sendAuthHeader);
  let lastProblem = '';
  for (let retry = 0; ; retry++) {
    const body = serializeBatch(jsonMessages, writeKey, new Date().toISOString());
    const result = await attempt(transport, settings, body, headers, stop);
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
      lastProblem = `HTTP ${status}`;
      if (status === 429) {
        waitMs = parseRetryAfterMs(result.response.header('retry-after'), Date.now());
      }
    } else {
      lastProblem = `network error: ${String((result.networkError as Error)?.message ?? result.networkError)}`;
    }
    if (retry >= settings.maxRetries || stop.aborted) {
      return {
        ok: false,
        error: new AnalyticsError(
          'delivery_failed',
          __DEV__
            ? `Delivery failed after ${retry + 1} attempt(s); last problem: ${lastProblem}.`
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
