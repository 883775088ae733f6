/** One HTTP request to a Segment-compatible endpoint. */
export interface TransportRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  /**
   * Set in browsers while the page's keepalive requests stay within the 64 KB
   * that browsers allow them: the request then outlives the page, as with
   * `fetch(…, { keepalive: true })` or `navigator.sendBeacon`.
   */
  keepalive?: boolean;
}

export interface TransportResponse {
  status: number;
  /** Value of a response header, case-insensitive; `Retry-After` is the one read. */
  header(name: string): string | null;
}

/**
 * The HTTP layer, one method to swap: rejects on network failure, resolves
 * with the status otherwise.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

/** A transport over `fetch`, the browser's or Node's, or one you inject. */
export function fetchTransport(fetchImpl?: typeof fetch): Transport {
  return {
    async send({ url, body, headers, signal, keepalive }) {
      const doFetch = fetchImpl ?? globalThis.fetch;
      const response = await doFetch(url, {
        method: 'POST',
        body,
        headers,
        signal,
        keepalive: keepalive === true,
      });
      // Drain the body so keep-alive connections are reused; its content is not needed.
      await response.text().catch(() => undefined);
      return { status: response.status, header: (name) => response.headers.get(name) };
    },
  };
}
