/** One message as recorded, with where and how it arrived. */
export interface ReceivedMessage {
  /** The Segment message as sent: type, messageId, timestamp, event, properties… */
  message: Record<string, unknown>;
  /** From Basic auth when present, else the body's writeKey; null when neither. */
  writeKey: string | null;
  /** The route it came in on, e.g. `/v1/batch`. */
  route: string;
  /** Index of the HTTP request it came in, counting from 0. */
  requestIndex: number;
}

/** One HTTP request as the receiver saw and answered it. */
export interface ReceivedRequest {
  index: number;
  method: string;
  route: string;
  headers: Record<string, string | string[] | undefined>;
  /**
   * Size of the body after gunzip, in bytes, as far as the receiver read it. 0
   * while in flight, for a faulted request and for one over `maxBodyBytes`, none
   * of which is parsed; the compressed size when the gzip cannot be read; 512001
   * (one past 500 KB, where inflating stops) when it inflates past 500 KB.
   */
  bodyBytes: number;
  writeKey: string | null;
  messageCount: number;
  /** What the receiver answered; 0 when it dropped the connection. */
  status: number;
}

/**
 * A fault for the next `times` requests to Segment routes (default 1):
 * answer with `status` (and `Retry-After`), answer late by `delayMs`, close
 * the connection without answering, or reset it (TCP RST). A faulted request
 * records nothing, as a real failure would; `delayMs` alone records it once
 * the delay is over, even if the client has given up by then.
 */
export interface Fault {
  /** A whole number from 200 to 599; 1xx are interim answers a client keeps waiting after. */
  status?: number;
  /** Sent as the `Retry-After` header with `status`; must be a valid header value. */
  retryAfter?: string;
  /** 0 or more; above 2^31-1 ms (about 24.8 days) it is capped at that. */
  delayMs?: number;
  dropConnection?: boolean;
  resetConnection?: boolean;
  /** A whole number, 0 or more. A fault for 0 requests is dropped. @default 1 */
  times?: number;
}
