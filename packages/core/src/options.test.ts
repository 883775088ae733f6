import { describe, expect, it } from 'vitest';
import { resolveDeliverySettings } from './options.js';

describe('resolveDeliverySettings', () => {
  it('applies the documented defaults', () => {
    expect(resolveDeliverySettings({}, false)).toEqual({
      endpoint: 'https://api.segment.io',
      sendAuthHeader: true,
      flushAt: 20,
      flushIntervalMs: 1000,
      maxRetries: 3,
      retryBaseDelayMs: 500,
      retryMaxDelayMs: 60_000,
      requestTimeoutMs: 10_000,
      maxQueueSize: 10_000,
      maxPersistedMessages: 1000,
    });
  });
  const table = [
    { given: { flushAt: 0 }, want: { flushAt: 1 } },
    { given: { flushAt: 10_000 }, want: { flushAt: 2500 } },
    { given: { flushAt: 7.9 }, want: { flushAt: 7 } },
    { given: { maxRetries: -2 }, want: { maxRetries: 0 } },
    { given: { maxRetries: Number.NaN }, want: { maxRetries: 3 } },
    {
      given: { endpoint: 'http://127.0.0.1:8787///' },
      want: { endpoint: 'http://127.0.0.1:8787' },
    },
    { given: { persist: false }, want: { maxPersistedMessages: 0 } },
    { given: { persist: false, maxPersistedMessages: 50 }, want: { maxPersistedMessages: 0 } },
    { given: { persist: true, maxPersistedMessages: 50 }, want: { maxPersistedMessages: 50 } },
    { given: { maxPersistedMessages: -5 }, want: { maxPersistedMessages: 0 } },
    { given: { region: 'eu' as const }, want: { endpoint: 'https://events.eu1.segmentapis.com' } },
    {
      given: { region: 'eu' as const, endpoint: 'https://proxy.example' },
      want: { endpoint: 'https://proxy.example' },
    },
  ];
  it.each(table)('$given → $want', ({ given, want }) => {
    expect(resolveDeliverySettings(given, false)).toMatchObject(want);
  });
  it('keeps the writeKey out of headers in browsers', () => {
    expect(resolveDeliverySettings({}, true).sendAuthHeader).toBe(false);
  });
});
