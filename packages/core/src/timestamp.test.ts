import { describe, expect, it } from 'vitest';
import { AnalyticsError } from './errors.js';
import { readTimestamp } from './timestamp.js';

describe('readTimestamp', () => {
  const valid = [
    { given: '2026-11-28T09:30:00Z', want: '2026-11-28T09:30:00Z' },
    { given: '2026-11-28T09:30:00.123Z', want: '2026-11-28T09:30:00.123Z' },
    { given: '2026-11-28T09:30:00+01:00', want: '2026-11-28T09:30:00+01:00' },
    { given: '2026-11-28', want: '2026-11-28' },
    { given: '2028-02-29', want: '2028-02-29' },
    { given: '2000-02-29T12:00:00+05:30', want: '2000-02-29T12:00:00+05:30' },
    { given: '2026-12-31T23:59:59Z', want: '2026-12-31T23:59:59Z' },
    { given: '2026-11-28T09:30:00+05', want: '2026-11-28T09:30:00+05:00' },
    { given: '2026-11-28T09:30-03', want: '2026-11-28T09:30-03:00' },
    { given: '2026-11-28T09:30:00.25+05', want: '2026-11-28T09:30:00.25+05:00' },
    { given: '2026-11-28T09:30:00,5Z', want: '2026-11-28T09:30:00.5Z' },
    { given: ' 2026-11-28T09:30:00+0530 ', want: '2026-11-28T09:30:00+0530' },
    { given: new Date(Date.UTC(2026, 10, 28, 9, 30)), want: '2026-11-28T09:30:00.000Z' },
    { given: undefined, want: undefined },
  ];
  it.each(valid)('accepts $given', ({ given, want }) => {
    expect(readTimestamp(given)).toBe(want);
  });

  const invalid = [
    'yesterday',
    '28/11/2026',
    '2026-13-45T99:99:99Z',
    '2026-02-30T00:00:00Z',
    '2026-02-29',
    '1900-02-29T00:00:00Z',
    '2026-04-31T10:00:00+02:00',
    '2026-11-28T09:30:00+5',
    '2026-11-28T09:30:00+25',
    '2026-11-28-05',
    '',
    1732786200000,
    new Date('nope'),
    {},
    ['2026-11-28T09:30:00Z'],
    { toString: () => '2026-11-28T09:30:00Z' },
    Object.create(null),
  ];
  it.each(invalid)('rejects %s with invalid_timestamp', (given) => {
    const read = () => readTimestamp(given);
    expect(read).toThrow(AnalyticsError);
    expect(read).toThrow(expect.objectContaining({ code: 'invalid_timestamp' }));
  });
});
