import { describe, expect, it } from 'vitest';
import { backoffDelayMs, classifyStatus, parseRetryAfterMs } from './retry-policy.js';

describe('classifyStatus', () => {
  const table = [
    { given: 200, want: 'success' },
    { given: 204, want: 'success' },
    { given: 400, want: 'reject' },
    { given: 401, want: 'reject' },
    { given: 403, want: 'reject' },
    { given: 404, want: 'reject' },
    { given: 413, want: 'reject' },
    { given: 408, want: 'retry' },
    { given: 429, want: 'retry' },
    { given: 500, want: 'retry' },
    { given: 502, want: 'retry' },
    { given: 503, want: 'retry' },
  ] as const;
  it.each(table)('HTTP $given → $want', ({ given, want }) => {
    expect(classifyStatus(given)).toBe(want);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);
  const table = [
    { given: null, want: undefined },
    { given: '3', want: 3000 },
    { given: '0', want: 0 },
    { given: '1.5', want: 1500 },
    { given: 'Sat, 28 Nov 2026 12:00:10 GMT', want: 10_000 },
    { given: 'Sat, 28 Nov 2026 11:00:00 GMT', want: 0 },
    { given: 'soon', want: undefined },
  ];
  it.each(table)('Retry-After $given → $want ms', ({ given, want }) => {
    expect(parseRetryAfterMs(given, now)).toBe(want);
  });
});

describe('backoffDelayMs', () => {
  it('doubles per retry, between half and all of the ceiling', () => {
    expect(backoffDelayMs(0, 500, 60_000, () => 0)).toBe(250);
    expect(backoffDelayMs(0, 500, 60_000, () => 1)).toBe(500);
    expect(backoffDelayMs(3, 500, 60_000, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, 500, 60_000, () => 1)).toBe(4000);
  });
  it('never exceeds the cap', () => {
    expect(backoffDelayMs(30, 500, 60_000, () => 1)).toBe(60_000);
  });
  it('spreads retries with jitter', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelayMs(4, 500, 60_000)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
