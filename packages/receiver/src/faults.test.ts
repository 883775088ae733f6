import { describe, expect, it } from 'vitest';
import { faultIssue } from './faults.js';

describe('faultIssue', () => {
  const valid: { given: unknown }[] = [
    { given: {} },
    { given: { status: 200 } },
    { given: { status: 503, retryAfter: '1', times: 2 } },
    { given: { status: 599 } },
    { given: { delayMs: 0 } },
    { given: { delayMs: 2.5 } },
    // Capped where it is applied, as maxLifetimeMs and down() are.
    { given: { delayMs: 3e9 } },
    { given: { delayMs: Number.POSITIVE_INFINITY } },
    { given: { dropConnection: true, resetConnection: false } },
    { given: { times: 0 } },
    { given: { status: undefined, times: undefined } },
  ];

  it.each(valid)('accepts $given', ({ given }) => {
    expect(faultIssue(given, 'fault')).toBeUndefined();
  });

  const invalid: { given: unknown; want: string }[] = [
    { given: null, want: 'fault must be an object, got null' },
    { given: 500, want: 'fault must be an object, got 500' },
    { given: [{ status: 500 }], want: 'fault must be an object, got an array' },
    { given: { delay: 100 }, want: 'fault has an unknown field "delay"' },
    { given: { status: 99 }, want: 'fault.status must be a whole number from 200 to 599, got 99' },
    {
      given: { status: 100 },
      want: 'fault.status must be a whole number from 200 to 599, got 100',
    },
    {
      given: { status: 1000 },
      want: 'fault.status must be a whole number from 200 to 599, got 1000',
    },
    {
      given: { status: 500.5 },
      want: 'fault.status must be a whole number from 200 to 599, got 500.5',
    },
    {
      given: { status: '500' },
      want: 'fault.status must be a whole number from 200 to 599, got "500"',
    },
    {
      given: { retryAfter: 1 },
      want: 'fault.retryAfter must be a string that is a valid header value, got 1',
    },
    {
      given: { retryAfter: '1\r\nX-Injected: yes' },
      want: 'fault.retryAfter must be a string that is a valid header value, got "1\\r\\nX-Injected: yes"',
    },
    {
      given: { delayMs: -5 },
      want: 'fault.delayMs must be a number of milliseconds, 0 or more (capped at 2147483647), got -5',
    },
    {
      given: { delayMs: Number.NaN },
      want: 'fault.delayMs must be a number of milliseconds, 0 or more (capped at 2147483647), got NaN',
    },
    { given: { dropConnection: 'yes' }, want: 'fault.dropConnection must be a boolean, got "yes"' },
    { given: { times: 1.5 }, want: 'fault.times must be a whole number, 0 or more, got 1.5' },
    { given: { times: -1 }, want: 'fault.times must be a whole number, 0 or more, got -1' },
  ];

  it.each(invalid)('refuses $given: $want', ({ given, want }) => {
    expect(faultIssue(given, 'fault')).toBe(want);
  });
});
