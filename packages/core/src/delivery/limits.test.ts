import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../utf8.js';
import { envelopeBytes, SEGMENT_LIMITS, serializeBatch, splitIntoRequests } from './limits.js';

const items = (count: number, bytes: number) =>
  Array.from({ length: count }, (_, id) => ({ id, bytes }));

describe('splitIntoRequests', () => {
  it('keeps a small queue in one request', () => {
    expect(splitIntoRequests(items(3, 100), 50)).toHaveLength(1);
  });
  it('splits at 2,500 messages', () => {
    const requests = splitIntoRequests(items(5001, 10), 50);
    expect(requests.map((r) => r.length)).toEqual([2500, 2500, 1]);
  });
  it('splits so no request exceeds 500 KB, keeping order', () => {
    const queue = items(40, 30 * 1024);
    const requests = splitIntoRequests(queue, 60);
    for (const request of requests) {
      const size = 60 + request.reduce((sum, item) => sum + item.bytes, 0) + request.length - 1;
      expect(size).toBeLessThanOrEqual(SEGMENT_LIMITS.requestBytes);
    }
    expect(requests.flat().map((item) => item.id)).toEqual(queue.map((item) => item.id));
    expect(requests.length).toBe(3);
  });
  it('fills a request up to exactly the byte limit', () => {
    const overhead = 100;
    const half = (SEGMENT_LIMITS.requestBytes - overhead - 1) / 2;
    expect(splitIntoRequests(items(2, Math.floor(half)), overhead)).toHaveLength(1);
    expect(splitIntoRequests(items(2, Math.floor(half) + 1), overhead)).toHaveLength(2);
  });
});

describe('serializeBatch', () => {
  it('builds the documented body from pre-serialized messages', () => {
    const body = serializeBatch(
      ['{"type":"track"}', '{"type":"page"}'],
      'k"ey',
      '2026-11-28T00:00:00.000Z',
    );
    expect(JSON.parse(body)).toEqual({
      batch: [{ type: 'track' }, { type: 'page' }],
      sentAt: '2026-11-28T00:00:00.000Z',
      writeKey: 'k"ey',
    });
  });
  it('measures the envelope exactly', () => {
    const body = serializeBatch([], 'wk€', '2026-11-28T00:00:00.000Z');
    expect(envelopeBytes('wk€')).toBe(utf8ByteLength(body));
  });
});
