import { describe, expect, it } from 'vitest';
import { type Arrival, type Tally, tally } from './tally.js';

const arrival = (seq: string, messageId: string): Arrival => ({ seq, messageId });

describe('tally', () => {
  const table: { name: string; tracked: string[]; arrivals: Arrival[]; want: Tally }[] = [
    {
      name: 'everything once',
      tracked: ['a', 'b'],
      arrivals: [arrival('a', '1'), arrival('b', '2')],
      want: { tracked: 2, lost: 0, duplicated: 0, resent: 0 },
    },
    {
      name: 'a call that never arrived',
      tracked: ['a', 'b'],
      arrivals: [arrival('a', '1')],
      want: { tracked: 2, lost: 1, duplicated: 0, resent: 0 },
    },
    {
      name: 'the same messageId twice: resent, removed by deduplication',
      tracked: ['a'],
      arrivals: [arrival('a', '1'), arrival('a', '1'), arrival('a', '1')],
      want: { tracked: 1, lost: 0, duplicated: 0, resent: 2 },
    },
    {
      name: 'one call under two messageIds: a duplicate deduplication keeps',
      tracked: ['a'],
      arrivals: [arrival('a', '1'), arrival('a', '2'), arrival('a', '2')],
      want: { tracked: 1, lost: 0, duplicated: 1, resent: 1 },
    },
    {
      name: 'arrivals of calls this case did not make are ignored',
      tracked: ['a'],
      arrivals: [arrival('a', '1'), arrival('z', '9')],
      want: { tracked: 1, lost: 0, duplicated: 0, resent: 0 },
    },
  ];
  it.each(table)('$name', ({ tracked, arrivals, want }) => {
    expect(tally(tracked, arrivals)).toEqual(want);
  });
});
