import { request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReceiverError } from './errors.js';
import { type Receiver, type ReceiverOptions, startReceiver } from './server.js';
import type { ReceivedMessage } from './types.js';

const started: Receiver[] = [];

async function start(options: ReceiverOptions = {}): Promise<Receiver> {
  const receiver = await startReceiver({ port: 0, ...options });
  started.push(receiver);
  return receiver;
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(started.splice(0).map((receiver) => receiver.close()));
});

function basicAuth(writeKey: string): string {
  return `Basic ${Buffer.from(`${writeKey}:`, 'utf8').toString('base64')}`;
}

function post(
  receiver: Receiver,
  route: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${receiver.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function track(event: string, messageId = `id-${event}`): Record<string, unknown> {
  return { type: 'track', event, messageId, userId: 'user-1' };
}

function postBatch(receiver: Receiver, ...events: string[]): Promise<Response> {
  return post(receiver, '/v1/batch', { batch: events.map((event) => track(event)) });
}

function events(received: ReceivedMessage[]): unknown[] {
  return received.map(({ message }) => message.event);
}

/** Lets pending I/O callbacks run, a bounded number of event-loop turns, without a clock. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Catches the receiver's timer of `delayMs` so the test can fire it by hand and
 * order events without a clock. Other timers run as usual.
 */
function catchTimer(delayMs: number): () => (() => void) | undefined {
  const realSetTimeout = globalThis.setTimeout;
  let caught: (() => void) | undefined;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
    callback: () => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    if (ms !== delayMs) return realSetTimeout(callback, ms, ...args);
    caught = callback;
    return realSetTimeout(() => undefined, 0);
  }) as typeof setTimeout);
  return () => caught;
}

async function untilCaught(caught: () => (() => void) | undefined): Promise<() => void> {
  for (let i = 0; i < 1_000 && caught() === undefined; i += 1) await turns(1);
  const callback = caught();
  expect(callback).toBeTypeOf('function');
  return callback ?? (() => undefined);
}

describe('Segment routes', () => {
  it('listens on loopback', async () => {
    const receiver = await start();

    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(receiver.url).not.toMatch(/:0$/);
  });

  const singleRoutes: { given: string; want: string }[] = [
    { given: '/v1/track', want: 'track' },
    { given: '/v1/t', want: 'track' },
    { given: '/v1/identify', want: 'identify' },
    { given: '/v1/i', want: 'identify' },
    { given: '/v1/page', want: 'page' },
    { given: '/v1/p', want: 'page' },
    { given: '/v1/screen', want: 'screen' },
    { given: '/v1/group', want: 'group' },
    { given: '/v1/g', want: 'group' },
    { given: '/v1/alias', want: 'alias' },
    { given: '/v1/a', want: 'alias' },
  ];

  it.each(singleRoutes)(
    'answers 200 on $given and records a $want message',
    async ({ given, want }) => {
      const receiver = await start();

      const response = await post(
        receiver,
        given,
        { userId: 'user-1', messageId: 'm-1' },
        {
          Authorization: basicAuth('auth-key'),
        },
      );

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ success: true });
      expect(receiver.messages()).toEqual([
        {
          message: { userId: 'user-1', messageId: 'm-1', type: want },
          writeKey: 'auth-key',
          route: given,
          requestIndex: 0,
        },
      ]);
    },
  );

  it.each(['/v1/batch', '/v1/b', '/v1/import'])(
    'answers 200 on %s and records each message of the batch',
    async (route) => {
      const receiver = await start();
      const batch = [track('First'), { type: 'identify', userId: 'user-1', messageId: 'i-1' }];

      const response = await post(receiver, route, { batch, writeKey: 'body-key' });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ success: true });
      expect(receiver.messages()).toEqual(
        batch.map((message) => ({ message, writeKey: 'body-key', route, requestIndex: 0 })),
      );
    },
  );

  it('numbers requests from 0 and logs each one', async () => {
    const receiver = await start();

    await postBatch(receiver, 'A', 'B');
    await post(receiver, '/v1/track', { event: 'C' }, { Authorization: basicAuth('auth-key') });

    expect(receiver.messages().map(({ requestIndex }) => requestIndex)).toEqual([0, 0, 1]);
    expect(receiver.requests()).toEqual([
      {
        index: 0,
        method: 'POST',
        route: '/v1/batch',
        headers: expect.objectContaining({ 'content-type': 'application/json' }),
        bodyBytes: JSON.stringify({ batch: [track('A'), track('B')] }).length,
        writeKey: null,
        messageCount: 2,
        status: 200,
      },
      {
        index: 1,
        method: 'POST',
        route: '/v1/track',
        headers: expect.objectContaining({ authorization: basicAuth('auth-key') }),
        bodyBytes: JSON.stringify({ event: 'C' }).length,
        writeKey: 'auth-key',
        messageCount: 1,
        status: 200,
      },
    ]);
  });

  it('calls onMessage for each recorded message', async () => {
    const onMessage = vi.fn();
    const receiver = await start({ onMessage });

    await postBatch(receiver, 'A', 'B');

    expect(onMessage.mock.calls).toEqual(receiver.messages().map((received) => [received]));
    expect(onMessage).toHaveBeenCalledTimes(2);
  });

  it('fails the whole request with a 500 when onMessage throws, so a retry records it once', async () => {
    let failing = true;
    const receiver = await start({
      onMessage: ({ message }) => {
        if (failing && message.event === 'B') throw new Error('print failed');
      },
    });

    const first = await postBatch(receiver, 'A', 'B', 'C');
    const firstBody = await first.json();
    const messagesAfterFirst = receiver.messages();
    failing = false;
    const retry = await postBatch(receiver, 'A', 'B', 'C');

    expect(first.status).toBe(500);
    expect(messagesAfterFirst).toEqual([]);
    expect(receiver.requests()).toEqual([
      expect.objectContaining({ index: 0, status: 500, messageCount: 0, writeKey: null }),
      expect.objectContaining({ index: 1, status: 200, messageCount: 3 }),
    ]);
    expect(retry.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['A', 'B', 'C']);
    expect(receiver.messages().map(({ requestIndex }) => requestIndex)).toEqual([1, 1, 1]);
    expect(firstBody).toEqual({
      success: false,
      error: 'Receiver error: onMessage threw: print failed',
    });
  });

  const contentTypes: { given: Record<string, string>; want: string }[] = [
    { given: { 'Content-Type': 'application/json' }, want: 'application/json' },
    { given: { 'Content-Type': 'text/plain' }, want: 'text/plain' },
    {
      given: { 'Content-Type': 'application/x-www-form-urlencoded' },
      want: 'application/x-www-form-urlencoded',
    },
  ];

  it.each(contentTypes)('reads JSON sent as $want', async ({ given }) => {
    const receiver = await start();

    const response = await post(receiver, '/v1/track', { event: 'Typed' }, given);

    expect(response.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['Typed']);
  });

  it('reads JSON sent with no Content-Type', async () => {
    const receiver = await start();

    const response = await fetch(`${receiver.url}/v1/track`, {
      method: 'POST',
      body: new TextEncoder().encode(JSON.stringify({ event: 'Untyped' })),
    });

    expect(response.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['Untyped']);
  });

  it('reads a gzip body', async () => {
    const receiver = await start();
    const plain = JSON.stringify({ batch: [track('Zipped')] });

    const response = await fetch(`${receiver.url}/v1/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(plain),
    });

    expect(response.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['Zipped']);
    expect(receiver.requests()[0]?.bodyBytes).toBe(plain.length);
  });

  it.each(['/v1/batch/', '/v1/batch?from=test'])('accepts %s', async (route) => {
    const receiver = await start();

    const response = await post(receiver, route, { batch: [track('A')] });

    expect(response.status).toBe(200);
    expect(receiver.messages()).toEqual([
      expect.objectContaining({ route: '/v1/batch', message: track('A') }),
    ]);
  });

  const badBodies: { given: { route: string; body: string }; want: string }[] = [
    { given: { route: '/v1/track', body: '{"event":' }, want: 'Invalid JSON' },
    { given: { route: '/v1/batch', body: '[]' }, want: 'Invalid JSON' },
    {
      given: { route: '/v1/batch', body: '{"batch":{}}' },
      want: 'batch must be an array of objects',
    },
  ];

  it.each(badBodies)(
    'answers 400 "$want" to $given.body and records nothing',
    async ({ given, want }) => {
      const receiver = await start();

      const response = await fetch(`${receiver.url}${given.route}`, {
        method: 'POST',
        body: given.body,
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ success: false, error: want });
      expect(receiver.messages()).toEqual([]);
      expect(receiver.requests()).toEqual([
        expect.objectContaining({ status: 400, messageCount: 0, route: given.route }),
      ]);
    },
  );

  it('answers 400 to a message over 32 KB in UTF-8 bytes', async () => {
    const receiver = await start();
    const text = '€'.repeat(12 * 1024);

    const response = await post(receiver, '/v1/track', { event: 'Big', properties: { text } });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ success: false, error: 'Message exceeds 32KB' });
    expect(receiver.messages()).toEqual([]);
  });

  it('answers 400 to a body over maxBodyBytes before parsing it', async () => {
    const receiver = await start({ maxBodyBytes: 1024 });

    const response = await post(receiver, '/v1/batch', {
      batch: [track('A', 'x'.repeat(2048))],
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      success: false,
      error: "Request body exceeds the receiver's limit of 1024 bytes",
    });
    expect(receiver.messages()).toEqual([]);
    expect(receiver.requests()).toEqual([expect.objectContaining({ status: 400 })]);
  });

  const unknownRoutes: { given: { method: string; route: string } }[] = [
    { given: { method: 'POST', route: '/v1/unknown' } },
    { given: { method: 'POST', route: '/v2/batch' } },
    { given: { method: 'POST', route: '/' } },
    { given: { method: 'GET', route: '/v1/batch' } },
    { given: { method: 'PUT', route: '/v1/track' } },
    { given: { method: 'POST', route: '/__receiver' } },
  ];

  it.each(unknownRoutes)('answers 404 to $given.method $given.route', async ({ given }) => {
    const receiver = await start();

    const response = await fetch(`${receiver.url}${given.route}`, {
      method: given.method,
      ...(given.method === 'GET' ? {} : { body: JSON.stringify({ batch: [track('A')] }) }),
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ success: false });
    expect(receiver.messages()).toEqual([]);
    expect(receiver.requests()).toEqual([]);
  });
});

describe('CORS', () => {
  it.each(['/v1/batch', '/v1/track', '/__receiver/messages'])(
    'answers a preflight OPTIONS %s with 204 and open CORS headers',
    async (route) => {
      const receiver = await start();

      const response = await fetch(`${receiver.url}${route}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:5173',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,authorization,content-encoding',
        },
      });

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toBe(
        'content-type, authorization, content-encoding',
      );
      expect(await response.text()).toBe('');
      expect(receiver.requests()).toEqual([]);
    },
  );

  it('also allows any other header a preflight asks for, such as X-Retry-Count', async () => {
    const receiver = await start();

    const response = await fetch(`${receiver.url}/v1/t`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-retry-count',
      },
    });

    expect(response.headers.get('access-control-allow-headers')).toBe(
      'Content-Type, Authorization, Content-Encoding, x-retry-count',
    );
  });

  it('allows any origin on answers too', async () => {
    const receiver = await start();
    receiver.injectFaults({ status: 503 });

    const answers = [
      await postBatch(receiver, 'Faulted'),
      await postBatch(receiver, 'A'),
      await post(receiver, '/v1/batch', 'not an object'),
      await fetch(`${receiver.url}/nowhere`),
      await fetch(`${receiver.url}/__receiver/messages`),
    ];

    expect(answers.map((response) => response.status)).toEqual([503, 200, 400, 404, 200]);
    for (const response of answers) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
  });
});

describe('faults', () => {
  it('answers an injected 500 once, then 200, recording nothing for the faulted request', async () => {
    const receiver = await start();
    receiver.injectFaults({ status: 500 });

    const faulted = await postBatch(receiver, 'Faulted');
    const next = await postBatch(receiver, 'Delivered');

    expect(faulted.status).toBe(500);
    expect(await faulted.json()).toEqual({ success: false, error: 'Injected 500' });
    expect(next.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['Delivered']);
    expect(receiver.messages()[0]?.requestIndex).toBe(1);
    expect(receiver.requests()).toEqual([
      expect.objectContaining({ index: 0, status: 500, messageCount: 0, writeKey: null }),
      expect.objectContaining({ index: 1, status: 200, messageCount: 1 }),
    ]);
  });

  it('repeats a fault `times` times', async () => {
    const receiver = await start();
    receiver.injectFaults({ status: 500, times: 2 });

    const statuses: number[] = [];
    for (const event of ['A', 'B', 'C']) statuses.push((await postBatch(receiver, event)).status);

    expect(statuses).toEqual([500, 500, 200]);
    expect(events(receiver.messages())).toEqual(['C']);
  });

  it('applies queued faults in order', async () => {
    const receiver = await start();
    receiver.injectFaults({ status: 500 }, { status: 503, times: 2 });
    receiver.injectFaults({ status: 400 });

    const statuses: number[] = [];
    for (const event of ['A', 'B', 'C', 'D', 'E']) {
      statuses.push((await postBatch(receiver, event)).status);
    }

    expect(statuses).toEqual([500, 503, 503, 400, 200]);
    expect(events(receiver.messages())).toEqual(['E']);
  });

  it('sets Retry-After on an injected 429', async () => {
    const receiver = await start();
    receiver.injectFaults({ status: 429, retryAfter: '3' }, { status: 429 });

    const withRetryAfter = await postBatch(receiver, 'A');
    const without = await postBatch(receiver, 'B');

    expect(withRetryAfter.status).toBe(429);
    expect(withRetryAfter.headers.get('retry-after')).toBe('3');
    expect(without.status).toBe(429);
    expect(without.headers.get('retry-after')).toBeNull();
    expect(receiver.messages()).toEqual([]);
  });

  it('faults Segment routes only, not control routes', async () => {
    const receiver = await start();
    receiver.injectFaults({ status: 500 });

    const control = await fetch(`${receiver.url}/__receiver/messages`);
    const segment = await postBatch(receiver, 'A');

    expect(control.status).toBe(200);
    expect(segment.status).toBe(500);
  });

  it('holds the answer back until the delayMs timer fires, then records it', async () => {
    const receiver = await start();
    const delay = catchTimer(7_777);
    receiver.injectFaults({ delayMs: 7_777 });

    let status: number | undefined;
    const answered = post(receiver, '/v1/track', track('Late')).then((response) => {
      status = response.status;
    });
    const fireDelay = await untilCaught(delay);
    await turns(20);

    expect(status).toBeUndefined();
    expect(receiver.messages()).toEqual([]);
    expect(receiver.requests()).toEqual([expect.objectContaining({ status: 0 })]);

    fireDelay();
    await answered;

    expect(status).toBe(200);
    expect(events(receiver.messages())).toEqual(['Late']);
    expect(receiver.requests()).toEqual([expect.objectContaining({ status: 200 })]);
  });

  it('answers a short delay with the injected status after it', async () => {
    const receiver = await start();
    receiver.injectFaults({ delayMs: 5, status: 503 });

    const response = await postBatch(receiver, 'A');

    expect(response.status).toBe(503);
    expect(receiver.messages()).toEqual([]);
  });

  it.each([200, 204, 304, 418, 599])(
    'answers an injected %d with that status and logs the same',
    async (status) => {
      const receiver = await start();
      receiver.injectFaults({ status });

      const response = await postBatch(receiver, 'A');

      expect(response.status).toBe(status);
      expect(receiver.requests().map((request) => request.status)).toEqual([status]);
    },
  );

  it('refuses a fault it cannot apply in injectFaults, queuing none of the call', async () => {
    const receiver = await start();

    const thrown = (() => {
      try {
        receiver.injectFaults({ status: 503 }, { status: 99 });
      } catch (error) {
        return error;
      }
    })();

    expect(thrown).toBeInstanceOf(ReceiverError);
    expect(thrown).toMatchObject({
      code: 'invalid_fault',
      message: expect.stringMatching(
        /^injectFaults: faults\[1\]\.status must be a whole number from 200 to 599, got 99\. A fault has only these optional fields: status/,
      ),
    });
    expect((await postBatch(receiver, 'A')).status).toBe(200);
    expect(receiver.requests().map(({ status }) => status)).toEqual([200]);
  });

  it.each([{ status: 1000 }, { times: 1.5 }, { delayMs: Number.NaN }])(
    'refuses %o in injectFaults',
    async (fault) => {
      const receiver = await start();

      expect(() => receiver.injectFaults(fault)).toThrow(ReceiverError);
      expect((await postBatch(receiver, 'A')).status).toBe(200);
    },
  );

  it('caps delayMs at the longest timer Node can set, rather than answering at once', async () => {
    const receiver = await start();
    const delay = catchTimer(2 ** 31 - 1);
    receiver.injectFaults({ delayMs: 3e9 });

    let status: number | undefined;
    const answered = postBatch(receiver, 'Late').then((response) => {
      status = response.status;
    });
    const fire = await untilCaught(delay);
    await turns(20);
    expect(status).toBeUndefined();

    fire();
    await answered;
    expect(status).toBe(200);
  });

  it('drops the connection, so fetch rejects, and records nothing', async () => {
    const receiver = await start();
    receiver.injectFaults({ dropConnection: true });

    await expect(postBatch(receiver, 'Dropped')).rejects.toThrow(TypeError);
    const next = await postBatch(receiver, 'Delivered');

    expect(next.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['Delivered']);
    expect(receiver.requests().map(({ status }) => status)).toEqual([0, 200]);
  });
});

describe('down and idle', () => {
  it('resets the connection without answering, and records nothing', async () => {
    const receiver = await start();
    receiver.injectFaults({ resetConnection: true });

    const error = await postBatch(receiver, 'Reset').catch((caught: unknown) => caught);
    const next = await postBatch(receiver, 'Delivered');

    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
    expect(next.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['Delivered']);
  });

  it('refuses connections while down, then listens again on the same port', async () => {
    const receiver = await start();
    const timer = catchTimer(4_321);
    await receiver.down(4_321);

    const refused = await postBatch(receiver, 'Refused').catch((caught: unknown) => caught);
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');

    (await untilCaught(timer))();
    let response: Response | undefined;
    for (let i = 0; i < 1_000 && response === undefined; i += 1) {
      response = await postBatch(receiver, 'Back').catch(() => undefined);
      if (response === undefined) await turns(1);
    }
    expect(response?.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['Back']);
  });

  it('ends open connections when it goes down', async () => {
    const receiver = await start();
    receiver.injectFaults({ delayMs: 60_000 });
    const held = postBatch(receiver, 'Held').catch((caught: unknown) => caught);
    for (let i = 0; i < 1_000 && receiver.requests().length === 0; i += 1) await turns(1);

    await receiver.down(60_000);

    expect(await held).toBeInstanceOf(TypeError);
  });

  it('goes down through POST /__receiver/down after answering', async () => {
    const receiver = await start();
    const timer = catchTimer(9_876);

    const bad = await fetch(`${receiver.url}/__receiver/down`, { method: 'POST', body: '{}' });
    const good = await fetch(`${receiver.url}/__receiver/down`, {
      method: 'POST',
      body: JSON.stringify({ ms: 9_876 }),
    });

    expect(bad.status).toBe(400);
    expect(good.status).toBe(200);
    await untilCaught(timer);
    const refused = await postBatch(receiver, 'Refused').catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(TypeError);
  });

  it('closes and reports to onError when another process took its port while it was down', async () => {
    const onError = vi.fn();
    const receiver = await start({ onError });
    const timer = catchTimer(4_444);
    await receiver.down(4_444);
    const waiting = receiver
      .waitForMessages(1, { timeoutMs: 60_000 })
      .catch((caught: unknown) => caught);
    const squatter = createNetServer();
    await new Promise<void>((resolve) => {
      squatter.listen(Number(new URL(receiver.url).port), '127.0.0.1', resolve);
    });

    try {
      (await untilCaught(timer))();
      for (let i = 0; i < 1_000 && onError.mock.calls.length === 0; i += 1) await turns(1);

      expect(onError).toHaveBeenCalledTimes(1);
      const [error] = onError.mock.calls[0] ?? [];
      expect(error).toBeInstanceOf(ReceiverError);
      expect(error).toMatchObject({
        code: 'relisten_failed',
        message: expect.stringContaining(
          `The receiver could not listen again on ${receiver.url} after going down, so it has closed`,
        ),
        cause: expect.objectContaining({ code: 'EADDRINUSE' }),
      });
      expect(await waiting).toEqual(
        expect.objectContaining({ message: expect.stringContaining('could not listen again') }),
      );
      // Closed, so going down again does nothing and cannot fail a second time.
      await expect(receiver.down(1)).resolves.toBeUndefined();
      await expect(receiver.close()).resolves.toBeUndefined();
      expect(onError).toHaveBeenCalledTimes(1);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('reports a failed listen after down as a process warning when there is no onError', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const receiver = await start();
    const timer = catchTimer(4_445);
    await receiver.down(4_445);
    const squatter = createNetServer();
    await new Promise<void>((resolve) => {
      squatter.listen(Number(new URL(receiver.url).port), '127.0.0.1', resolve);
    });

    try {
      (await untilCaught(timer))();
      for (let i = 0; i < 1_000 && warn.mock.calls.length === 0; i += 1) await turns(1);

      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ code: 'relisten_failed' }));
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('close() works while down', async () => {
    const receiver = await startReceiver({ port: 0 });
    await receiver.down(60_000);
    await expect(receiver.close()).resolves.toBeUndefined();
  });

  it('idle() waits for a held-back request to be answered', async () => {
    const receiver = await start();
    await expect(receiver.idle()).resolves.toBeUndefined();
    const delay = catchTimer(5_555);
    receiver.injectFaults({ delayMs: 5_555 });
    const answered = postBatch(receiver, 'Late');
    const fire = await untilCaught(delay);

    let idle = false;
    const waiting = receiver.idle().then(() => {
      idle = true;
    });
    await turns(20);
    expect(idle).toBe(false);

    fire();
    await answered;
    await waiting;
    expect(idle).toBe(true);
    expect(events(receiver.messages())).toEqual(['Late']);
  });
});

describe('control routes', () => {
  it('GET /__receiver/messages lists recorded messages', async () => {
    const receiver = await start();
    await postBatch(receiver, 'A', 'B');

    const response = await fetch(`${receiver.url}/__receiver/messages`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ messages: receiver.messages() });
    expect(receiver.messages()).toHaveLength(2);
  });

  it('GET /__receiver/requests lists Segment requests, faulted ones included', async () => {
    const receiver = await start();
    receiver.injectFaults({ status: 500 });
    await postBatch(receiver, 'A');
    await postBatch(receiver, 'A');

    const response = await fetch(`${receiver.url}/__receiver/requests`);

    expect(response.status).toBe(200);
    const { requests } = (await response.json()) as { requests: unknown[] };
    expect(requests).toEqual([
      expect.objectContaining({ index: 0, route: '/v1/batch', status: 500, messageCount: 0 }),
      expect.objectContaining({ index: 1, route: '/v1/batch', status: 200, messageCount: 1 }),
    ]);
  });

  const faultBodies: { given: unknown; want: number[] }[] = [
    { given: { status: 500 }, want: [500, 200] },
    { given: { status: 503, times: 2 }, want: [503, 503, 200] },
    { given: [{ status: 500 }, { status: 429, retryAfter: '1' }], want: [500, 429, 200] },
    { given: [], want: [200] },
  ];

  it.each(faultBodies)('POST /__receiver/faults $given queues faults', async ({ given, want }) => {
    const receiver = await start();

    const response = await post(receiver, '/__receiver/faults', given);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true });
    const statuses: number[] = [];
    for (const _ of want) statuses.push((await postBatch(receiver, 'A')).status);
    expect(statuses).toEqual(want);
  });

  const badFaults: { given: string }[] = [
    { given: '' },
    { given: '{"status":' },
    { given: 'null' },
    { given: '[null]' },
    { given: '500' },
    { given: '"status"' },
    { given: '[{"status":500},42]' },
    { given: '{"status":"500"}' },
    { given: '{"delay":100}' },
    { given: '{"dropConnection":"yes"}' },
    { given: '{"status":99}' },
    { given: '{"status":1000}' },
    { given: '[{"status":500},{"status":1000}]' },
    { given: '{"status":500.5}' },
    { given: '{"retryAfter":"1\\r\\nX-Injected: yes","status":429}' },
    { given: '{"delayMs":-5}' },
    { given: '{"times":1.5,"status":500}' },
    { given: '{"times":-1,"status":500}' },
  ];

  it.each(badFaults)(
    'POST /__receiver/faults answers 400 to `$given` and queues nothing',
    async ({ given }) => {
      const receiver = await start();

      const response = await fetch(`${receiver.url}/__receiver/faults`, {
        method: 'POST',
        body: given,
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        success: false,
        error: expect.stringContaining('Send a JSON fault or array of faults'),
      });
      receiver.injectFaults({ status: 503 });
      const statuses: number[] = [];
      for (const event of ['A', 'B']) statuses.push((await postBatch(receiver, event)).status);
      expect(statuses).toEqual([503, 200]);
    },
  );

  it('POST /__receiver/faults names the field to fix', async () => {
    const receiver = await start();

    const single = await post(receiver, '/__receiver/faults', { status: 1000 });
    const listed = await post(receiver, '/__receiver/faults', [{ status: 500 }, { times: 1.5 }]);

    expect(single.status).toBe(400);
    expect(((await single.json()) as { error: string }).error).toMatch(
      /^The fault\.status must be a whole number from 200 to 599, got 1000\. Send a JSON fault/,
    );
    expect(listed.status).toBe(400);
    expect(((await listed.json()) as { error: string }).error).toMatch(
      /^faults\[1\]\.times must be a whole number, 0 or more, got 1\.5\. Send a JSON fault/,
    );
    expect((await postBatch(receiver, 'A')).status).toBe(200);
  });

  it('POST /__receiver/reset forgets messages, requests and pending faults', async () => {
    const receiver = await start();
    await postBatch(receiver, 'A');
    receiver.injectFaults({ status: 500, times: 5 });

    const response = await fetch(`${receiver.url}/__receiver/reset`, { method: 'POST' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true });
    expect(receiver.messages()).toEqual([]);
    expect(receiver.requests()).toEqual([]);
    expect((await postBatch(receiver, 'B')).status).toBe(200);
    expect(receiver.messages()).toEqual([expect.objectContaining({ requestIndex: 0 })]);
  });

  it('clear() forgets messages, requests and pending faults', async () => {
    const receiver = await start();
    await postBatch(receiver, 'A');
    receiver.injectFaults({ status: 500 });

    receiver.clear();

    expect(receiver.messages()).toEqual([]);
    expect(receiver.requests()).toEqual([]);
    expect((await postBatch(receiver, 'B')).status).toBe(200);
  });

  it('clear() while a request is held back by delayMs: it is answered but not recorded', async () => {
    const receiver = await start();
    const delay = catchTimer(6_666);
    receiver.injectFaults({ delayMs: 6_666 });
    const held = postBatch(receiver, 'Before clear');
    const fire = await untilCaught(delay);

    receiver.clear();
    const after = await postBatch(receiver, 'After clear');
    fire();
    const late = await held;

    expect(after.status).toBe(200);
    expect(late.status).toBe(200);
    expect(events(receiver.messages())).toEqual(['After clear']);
    expect(receiver.messages().map(({ requestIndex }) => requestIndex)).toEqual([0]);
    expect(receiver.requests()).toEqual([
      expect.objectContaining({ index: 0, status: 200, messageCount: 1 }),
    ]);
  });

  it('clear() while a body is being read: the request takes no fault queued after', async () => {
    const receiver = await start();
    const { port } = new URL(receiver.url);
    let sent: (status: number | undefined) => void = () => undefined;
    const answered = new Promise<number | undefined>((resolve) => {
      sent = resolve;
    });
    const slow = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/v1/track' },
      (response) => {
        response.resume();
        sent(response.statusCode);
      },
    );
    slow.on('error', () => sent(undefined));
    slow.write('{"event":');
    for (let i = 0; i < 1_000 && receiver.requests().length === 0; i += 1) await turns(1);

    receiver.clear();
    receiver.injectFaults({ status: 503 });
    slow.end('"Before clear"}');
    const slowStatus = await answered;
    const next = await postBatch(receiver, 'After clear');

    expect(slowStatus).toBe(200);
    expect(next.status).toBe(503);
    expect(receiver.messages()).toEqual([]);
    expect(receiver.requests()).toEqual([expect.objectContaining({ index: 0, status: 503 })]);
  });

  it('clear() from onMessage records nothing of that request', async () => {
    let receiver: Receiver | undefined;
    receiver = await start({ onMessage: () => receiver?.clear() });

    const response = await postBatch(receiver, 'A', 'B');

    expect(response.status).toBe(200);
    expect(receiver.messages()).toEqual([]);
    expect(receiver.requests()).toEqual([]);
  });

  const unknownControl: { given: { method: string; route: string } }[] = [
    { given: { method: 'GET', route: '/__receiver/nothing' } },
    { given: { method: 'POST', route: '/__receiver/messages' } },
    { given: { method: 'GET', route: '/__receiver/reset' } },
    { given: { method: 'GET', route: '/__receiver/faults' } },
  ];

  it.each(unknownControl)('answers 404 to $given.method $given.route', async ({ given }) => {
    const receiver = await start();
    await postBatch(receiver, 'Kept');

    const response = await fetch(`${receiver.url}${given.route}`, { method: given.method });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ success: false, error: 'Unknown control route' });
    expect(events(receiver.messages())).toEqual(['Kept']);
  });
});

describe('uniqueMessages', () => {
  it('removes repeated messageIds, keeping the first arrival', async () => {
    const receiver = await start();

    await post(receiver, '/v1/batch', { batch: [track('A', 'm-1'), track('B', 'm-2')] });
    await post(receiver, '/v1/batch', { batch: [track('A again', 'm-1'), track('C', 'm-3')] });

    expect(events(receiver.messages())).toEqual(['A', 'B', 'A again', 'C']);
    expect(receiver.uniqueMessages()).toEqual([
      receiver.messages()[0],
      receiver.messages()[1],
      receiver.messages()[3],
    ]);
  });

  it('keeps every message sent without a messageId', async () => {
    const receiver = await start();

    await post(receiver, '/v1/batch', {
      batch: [
        { type: 'track', event: 'A' },
        { type: 'track', event: 'B' },
        { type: 'track', event: 'C', messageId: 'm-1' },
        { type: 'track', event: 'C again', messageId: 'm-1' },
      ],
    });

    expect(events(receiver.uniqueMessages())).toEqual(['A', 'B', 'C']);
  });
});

describe('waitForMessages', () => {
  it('resolves once the count has arrived', async () => {
    const receiver = await start();
    let resolved: ReceivedMessage[] | undefined;
    const waiting = receiver.waitForMessages(3).then((messages) => {
      resolved = messages;
    });

    await postBatch(receiver, 'A', 'B');
    await turns(5);
    expect(resolved).toBeUndefined();
    await postBatch(receiver, 'C');
    await waiting;

    expect(events(resolved ?? [])).toEqual(['A', 'B', 'C']);
  });

  it('resolves at once when the count is already there', async () => {
    const receiver = await start();
    await postBatch(receiver, 'A', 'B');

    await expect(receiver.waitForMessages(2)).resolves.toEqual(receiver.messages());
  });

  it('rejects after timeoutMs when too few arrive', async () => {
    const receiver = await start();
    await postBatch(receiver, 'A');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const waiting = receiver.waitForMessages(2, { timeoutMs: 50 });
    waiting.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );

    await vi.advanceTimersByTimeAsync(49);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    await expect(waiting).rejects.toThrow('Expected 2 messages within 50 ms, got 1.');
  });
});

describe('lifetime', () => {
  it('close() can be called again and at once', async () => {
    const receiver = await start();
    await postBatch(receiver, 'A');

    await Promise.all([receiver.close(), receiver.close()]);
    await receiver.close();

    await expect(postBatch(receiver, 'B')).rejects.toThrow(TypeError);
  });

  it('close() ends a request still in flight rather than waiting for it', async () => {
    const receiver = await start();
    const delay = catchTimer(7_777);
    receiver.injectFaults({ delayMs: 7_777 });
    const inFlight = postBatch(receiver, 'Held');
    await untilCaught(delay);

    await receiver.close();

    await expect(inFlight).rejects.toThrow(TypeError);
    expect(receiver.messages()).toEqual([]);
  });

  it('stops by itself after maxLifetimeMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const receiver = await start({ maxLifetimeMs: 60_000 });

    vi.advanceTimersByTime(59_999);
    expect((await postBatch(receiver, 'Alive')).status).toBe(200);

    vi.advanceTimersByTime(1);
    await expect(postBatch(receiver, 'Gone')).rejects.toThrow(TypeError);
    expect(events(receiver.messages())).toEqual(['Alive']);
  });

  it.each([2 ** 31, 30 * 24 * 60 * 60 * 1000, Number.POSITIVE_INFINITY])(
    'caps maxLifetimeMs %d at the longest timer Node can set, rather than stopping at once',
    async (maxLifetimeMs) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const receiver = await start({ maxLifetimeMs });

      vi.advanceTimersByTime(2 ** 31 - 2);
      expect((await postBatch(receiver, 'Alive')).status).toBe(200);

      vi.advanceTimersByTime(1);
      await expect(postBatch(receiver, 'Gone')).rejects.toThrow(TypeError);
    },
  );
});

describe('gaps found in review', () => {
  it('ignores a fault for zero requests', async () => {
    const receiver = await startReceiver();
    try {
      receiver.injectFaults({ status: 500, times: 0 });
      const response = await fetch(`${receiver.url}/v1/track`, {
        method: 'POST',
        body: JSON.stringify({ event: 'E', userId: 'u' }),
      });
      expect(response.status).toBe(200);
    } finally {
      await receiver.close();
    }
  });

  it('rejects waitForMessages when the receiver closes before enough arrive', async () => {
    const receiver = await startReceiver();
    const waiting = receiver.waitForMessages(1, { timeoutMs: 60_000 });
    await receiver.close();
    await expect(waiting).rejects.toThrow('before the receiver closed');
    await expect(receiver.waitForMessages(1)).rejects.toThrow('the receiver is closed');
  });
});
