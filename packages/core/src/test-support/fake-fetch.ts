import { vi } from 'vitest';

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: { batch: Record<string, unknown>[]; sentAt: string; writeKey: string };
  /** Whether it asked to outlive the page (`fetch(…, { keepalive: true })`). */
  keepalive: boolean;
}

type Reply =
  | { status: number; headers?: Record<string, string> }
  | { networkError: string }
  | 'hang';

/**
 * A fetch double for unit tests: replies come from a script (then 200s), and
 * every request is recorded with its parsed body. `'hang'` never answers
 * until the request is aborted, like a server past the timeout.
 */
export function fakeFetch(...script: Reply[]) {
  const requests: SentRequest[] = [];
  const fetch = vi.fn(
    async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      requests.push({
        url: String(url),
        headers: { ...(init?.headers as Record<string, string>) },
        body: JSON.parse(String(init?.body)),
        keepalive: init?.keepalive === true,
      });
      const reply = script.shift() ?? { status: 200 };
      if (reply === 'hang') {
        return new Promise((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        });
      }
      if ('networkError' in reply) throw new TypeError(reply.networkError);
      return new Response(reply.status === 200 ? '{"success":true}' : '{}', {
        status: reply.status,
        headers: reply.headers ?? {},
      });
    },
  );
  const messages = () => requests.flatMap((request) => request.body.batch);
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests, messages };
}
