import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LIMITS, type ParsedRequest, parseSegmentRequest } from './parse-request.js';

type Headers = Parameters<typeof parseSegmentRequest>[2];

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** A Basic auth header as Segment's libraries send it: the write key as user, no password. */
function basicAuth(credentials: string, scheme = 'Basic'): string {
  return `${scheme} ${Buffer.from(credentials, 'utf8').toString('base64')}`;
}

function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** A batch message whose JSON is exactly `bytes` long in UTF-8, padded with `unit`. */
function messageOfBytes(bytes: number, unit = 'a'): Record<string, unknown> {
  const empty = { type: 'track', event: 'Sized', properties: { pad: '' } };
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  const room = bytes - utf8Bytes(empty);
  const pad = unit.repeat(Math.floor(room / unitBytes)) + 'a'.repeat(room % unitBytes);
  const message = { ...empty, properties: { pad } };
  expect(utf8Bytes(message)).toBe(bytes);
  return message;
}

/** A valid batch body exactly `bytes` long, made of messages each well under the message limit. */
function batchBodyOfBytes(bytes: number): Buffer {
  const messageBytes = LIMITS.messageBytes / 2;
  const messageCount = Math.ceil(bytes / messageBytes);
  const body = {
    batch: Array.from({ length: messageCount }, () => messageOfBytes(messageBytes - 1024)),
    pad: '',
  };
  body.pad = 'y'.repeat(bytes - utf8Bytes(body));
  const encoded = json(body);
  expect(encoded.length).toBe(bytes);
  return encoded;
}

function rejection(error: string, bodyBytes?: number) {
  return {
    ok: false,
    status: 400,
    error,
    bodyBytes: bodyBytes === undefined ? expect.any(Number) : bodyBytes,
  };
}

describe('parseSegmentRequest routes', () => {
  const message = {
    userId: 'user-1',
    event: 'Order Completed',
    messageId: 'm-1',
    properties: { total: 9.5 },
  };

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

  it.each(singleRoutes)('reads $given as one $want message', ({ given, want }) => {
    const body = json({ ...message, writeKey: 'body-key' });

    const parsed = parseSegmentRequest(given, body, {});

    expect(parsed).toEqual({
      ok: true,
      writeKey: 'body-key',
      messages: [{ ...message, type: want }],
      bodyBytes: body.length,
    });
  });

  it.each(singleRoutes)(
    'types a message on $given by its route, not by its body',
    ({ given, want }) => {
      const parsed = parseSegmentRequest(given, json({ ...message, type: 'bogus' }), {});

      expect(parsed.ok && parsed.messages.map((m) => m.type)).toEqual([want]);
    },
  );

  it.each(['/v1/batch', '/v1/b', '/v1/import'])('reads %s as a batch, as sent', (route) => {
    const batch = [
      { ...message, type: 'track' },
      { type: 'identify', userId: 'user-1', traits: { plan: 'pro' }, messageId: 'm-2' },
      { type: 'page', name: 'Home', messageId: 'm-3' },
    ];
    const body = json({ batch, writeKey: 'body-key', sentAt: '2026-01-01T00:00:00.000Z' });

    expect(parseSegmentRequest(route, body, {})).toEqual({
      ok: true,
      writeKey: 'body-key',
      messages: batch,
      bodyBytes: body.length,
    });
  });

  it('accepts an empty batch', () => {
    expect(parseSegmentRequest('/v1/batch', json({ batch: [] }), {})).toEqual({
      ok: true,
      writeKey: null,
      messages: [],
      bodyBytes: 12,
    });
  });
});

describe('parseSegmentRequest writeKey', () => {
  const cases: {
    name: string;
    given: { headers: Headers; body: Record<string, unknown> };
    want: string | null;
  }[] = [
    {
      name: 'the Basic auth user',
      given: { headers: { authorization: basicAuth('auth-key:') }, body: {} },
      want: 'auth-key',
    },
    {
      name: 'the Basic auth user over the body writeKey',
      given: { headers: { authorization: basicAuth('auth-key:') }, body: { writeKey: 'body-key' } },
      want: 'auth-key',
    },
    {
      name: 'the Basic auth user, not its password',
      given: { headers: { authorization: basicAuth('auth-key:secret') }, body: {} },
      want: 'auth-key',
    },
    {
      name: 'the user under a lower-case basic scheme',
      given: { headers: { authorization: basicAuth('auth-key:', 'basic') }, body: {} },
      want: 'auth-key',
    },
    {
      name: 'the body writeKey without auth',
      given: { headers: {}, body: { writeKey: 'body-key' } },
      want: 'body-key',
    },
    {
      name: 'the body writeKey when the Basic user is empty',
      given: { headers: { authorization: basicAuth(':secret') }, body: { writeKey: 'body-key' } },
      want: 'body-key',
    },
    {
      name: 'the body writeKey under a Bearer scheme',
      given: { headers: { authorization: 'Bearer auth-key' }, body: { writeKey: 'body-key' } },
      want: 'body-key',
    },
    { name: 'null with neither', given: { headers: {}, body: {} }, want: null },
    {
      name: 'null under a Bearer scheme and no body key',
      given: { headers: { authorization: 'Bearer auth-key' }, body: {} },
      want: null,
    },
    {
      name: 'null for an empty body writeKey',
      given: { headers: {}, body: { writeKey: '' } },
      want: null,
    },
    {
      name: 'null for a body writeKey that is not a string',
      given: { headers: {}, body: { writeKey: 42 } },
      want: null,
    },
  ];

  it.each(cases)('is $name', ({ given, want }) => {
    for (const route of ['/v1/track', '/v1/batch']) {
      const body = route === '/v1/batch' ? { ...given.body, batch: [] } : given.body;

      const parsed = parseSegmentRequest(route, json(body), given.headers);

      expect(parsed).toMatchObject({ ok: true, writeKey: want });
    }
  });

  it('leaves the body writeKey out of a single message', () => {
    const parsed = parseSegmentRequest(
      '/v1/track',
      json({ event: 'Signed Up', writeKey: 'body-key' }),
      {},
    );

    expect(parsed.ok && parsed.messages).toEqual([{ event: 'Signed Up', type: 'track' }]);
  });
});

describe('parseSegmentRequest encodings', () => {
  const batch = [{ type: 'track', event: 'Order Completed', messageId: 'm-1' }];
  const plain = json({ batch });

  const accepted: { given: { body: Buffer; headers: Headers }; want: ParsedRequest }[] = [
    {
      given: { body: gzipSync(plain), headers: { 'content-encoding': 'gzip' } },
      want: { ok: true, writeKey: null, messages: batch, bodyBytes: plain.length },
    },
    {
      given: { body: gzipSync(plain), headers: { 'content-encoding': 'GZIP' } },
      want: { ok: true, writeKey: null, messages: batch, bodyBytes: plain.length },
    },
    {
      given: { body: plain, headers: { 'content-encoding': 'identity' } },
      want: { ok: true, writeKey: null, messages: batch, bodyBytes: plain.length },
    },
  ];

  it.each(accepted)('reads a body with headers $given.headers', ({ given, want }) => {
    expect(parseSegmentRequest('/v1/batch', given.body, given.headers)).toEqual(want);
  });

  it('reads the writeKey from a gzip body', () => {
    const body = gzipSync(json({ batch, writeKey: 'body-key' }));

    const parsed = parseSegmentRequest('/v1/batch', body, { 'content-encoding': 'gzip' });

    expect(parsed).toMatchObject({ ok: true, writeKey: 'body-key' });
  });
});

describe('parseSegmentRequest rejections', () => {
  const cases: {
    name: string;
    given: { route: string; body: Buffer; headers?: Headers };
    want: ReturnType<typeof rejection>;
  }[] = [
    {
      name: 'a body that is not gzip but says it is',
      given: {
        route: '/v1/batch',
        body: json({ batch: [] }),
        headers: { 'content-encoding': 'gzip' },
      },
      want: rejection('Invalid gzip body', 12),
    },
    {
      name: 'a truncated gzip body',
      given: {
        route: '/v1/batch',
        body: gzipSync(json({ batch: [] })).subarray(0, 10),
        headers: { 'content-encoding': 'gzip' },
      },
      want: rejection('Invalid gzip body', 10),
    },
    {
      name: 'a gzip body sent without Content-Encoding',
      given: { route: '/v1/batch', body: gzipSync(json({ batch: [] })) },
      want: rejection('Invalid JSON'),
    },
    {
      name: 'JSON cut short',
      given: { route: '/v1/track', body: Buffer.from('{"event":"Order', 'utf8') },
      want: rejection('Invalid JSON', 15),
    },
    {
      name: 'an empty body',
      given: { route: '/v1/track', body: Buffer.alloc(0) },
      want: rejection('Invalid JSON', 0),
    },
    {
      name: 'a form-encoded body',
      given: { route: '/v1/track', body: Buffer.from('event=Order+Completed', 'utf8') },
      want: rejection('Invalid JSON'),
    },
    {
      name: 'a JSON array',
      given: { route: '/v1/batch', body: json([{ type: 'track', event: 'E' }]) },
      want: rejection('Invalid JSON'),
    },
    {
      name: 'JSON null',
      given: { route: '/v1/track', body: json(null) },
      want: rejection('Invalid JSON', 4),
    },
    {
      name: 'a JSON string',
      given: { route: '/v1/track', body: json('track') },
      want: rejection('Invalid JSON'),
    },
    {
      name: 'a JSON number',
      given: { route: '/v1/batch', body: json(42) },
      want: rejection('Invalid JSON', 2),
    },
    {
      name: 'a batch body without batch',
      given: { route: '/v1/batch', body: json({ type: 'track', event: 'E' }) },
      want: rejection('batch must be an array of objects'),
    },
    {
      name: 'batch as an object',
      given: { route: '/v1/batch', body: json({ batch: { 0: { type: 'track' } } }) },
      want: rejection('batch must be an array of objects'),
    },
    {
      name: 'batch as a string',
      given: { route: '/v1/b', body: json({ batch: '[]' }) },
      want: rejection('batch must be an array of objects'),
    },
    {
      name: 'batch holding a non-object',
      given: { route: '/v1/import', body: json({ batch: [{ type: 'track' }, null] }) },
      want: rejection('batch must be an array of objects'),
    },
    {
      name: 'batch holding an array',
      given: { route: '/v1/batch', body: json({ batch: [[{ type: 'track' }]] }) },
      want: rejection('batch must be an array of objects'),
    },
  ];

  it.each(cases)('answers 400 to $name', ({ given, want }) => {
    expect(parseSegmentRequest(given.route, given.body, given.headers ?? {})).toEqual(want);
  });
});

describe('parseSegmentRequest request size limit', () => {
  it('is 500 KB', () => {
    expect(LIMITS.requestBytes).toBe(500 * 1024);
  });

  const cases: { given: { bytes: number; gzip: boolean }; want: 'accepts' | 'rejects' }[] = [
    { given: { bytes: 500 * 1024, gzip: false }, want: 'accepts' },
    { given: { bytes: 500 * 1024 + 1, gzip: false }, want: 'rejects' },
    { given: { bytes: 500 * 1024, gzip: true }, want: 'accepts' },
    { given: { bytes: 500 * 1024 + 1, gzip: true }, want: 'rejects' },
  ];

  it.each(cases)('$want a $given.bytes-byte body (gzip: $given.gzip)', ({ given, want }) => {
    const plain = batchBodyOfBytes(given.bytes);
    const body = given.gzip ? gzipSync(plain) : plain;
    const headers: Headers = given.gzip ? { 'content-encoding': 'gzip' } : {};

    const parsed = parseSegmentRequest('/v1/batch', body, headers);

    expect(parsed).toEqual(
      want === 'accepts'
        ? { ok: true, writeKey: null, messages: expect.any(Array), bodyBytes: given.bytes }
        : rejection('Request body exceeds 500KB', given.bytes),
    );
  });

  it('stops inflating a gzip bomb just past the limit', () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, ' '));

    const parsed = parseSegmentRequest('/v1/batch', bomb, { 'content-encoding': 'gzip' });

    expect(parsed).toEqual(rejection('Request body exceeds 500KB', LIMITS.requestBytes + 1));
  });
});

describe('parseSegmentRequest message size limit', () => {
  it('is 32 KB', () => {
    expect(LIMITS.messageBytes).toBe(32 * 1024);
  });

  const cases: { given: { bytes: number; unit: string }; want: 'accepts' | 'rejects' }[] = [
    { given: { bytes: 32 * 1024, unit: 'a' }, want: 'accepts' },
    { given: { bytes: 32 * 1024 + 1, unit: 'a' }, want: 'rejects' },
    { given: { bytes: 32 * 1024, unit: 'é' }, want: 'accepts' },
    { given: { bytes: 32 * 1024 + 1, unit: '€' }, want: 'rejects' },
    { given: { bytes: 32 * 1024 + 1, unit: '😀' }, want: 'rejects' },
  ];

  it.each(cases)('$want a $given.bytes-byte message padded with $given.unit', ({ given, want }) => {
    const message = messageOfBytes(given.bytes, given.unit);
    const body = json({ batch: [{ type: 'track', event: 'Small' }, message] });

    const parsed = parseSegmentRequest('/v1/batch', body, {});

    expect(parsed).toEqual(
      want === 'accepts'
        ? {
            ok: true,
            writeKey: null,
            messages: [{ type: 'track', event: 'Small' }, message],
            bodyBytes: body.length,
          }
        : rejection('Message exceeds 32KB', body.length),
    );
  });

  it('measures in UTF-8 bytes, not string length', () => {
    const message = messageOfBytes(40 * 1024, '€');
    // Under the limit by string length, so only a byte count catches it.
    expect(JSON.stringify(message).length).toBeLessThan(LIMITS.messageBytes);

    for (const [route, body] of [
      ['/v1/batch', json({ batch: [message] })],
      ['/v1/track', json(message)],
    ] as const) {
      expect(parseSegmentRequest(route, body, {})).toEqual(
        rejection('Message exceeds 32KB', body.length),
      );
    }
  });
});
