import { describe, expect, it } from 'vitest';
import { AnalyticsError } from './errors.js';
import { deepMerge, readJsonObject } from './json-input.js';

describe('readJsonObject', () => {
  const accepted = [
    { given: undefined, want: undefined },
    { given: null, want: undefined },
    { given: { plan: 'pro' }, want: { plan: 'pro' } },
    { given: '{"plan":"pro","seats":3}', want: { plan: 'pro', seats: 3 } },
    { given: Object.assign(Object.create(null), { a: 1 }), want: { a: 1 } },
  ];
  it.each(accepted)('reads $given', ({ given, want }) => {
    expect(readJsonObject(given, 'traits')).toEqual(want);
  });

  const refused = [
    'not json',
    '[1,2]',
    '"text"',
    'null',
    '42',
    42,
    true,
    [1],
    new Date(),
    new Map(),
  ];
  it.each(refused)('refuses %s with invalid_json naming the field', (given) => {
    const read = () => readJsonObject(given, 'traits');
    expect(read).toThrow(AnalyticsError);
    expect(read).toThrow(
      expect.objectContaining({ code: 'invalid_json', message: expect.stringContaining('traits') }),
    );
  });
});

describe('deepMerge', () => {
  it('merges nested objects, the second argument winning', () => {
    expect(
      deepMerge(
        { page: { url: 'u', title: 'old' }, locale: 'en' },
        { page: { title: 'new' }, app: 'x' },
      ),
    ).toEqual({ page: { url: 'u', title: 'new' }, locale: 'en', app: 'x' });
  });
  it('replaces arrays and scalars instead of merging them', () => {
    expect(deepMerge({ a: [1, 2], b: { c: 1 } }, { a: [3], b: 'flat' })).toEqual({
      a: [3],
      b: 'flat',
    });
  });
  it('returns either side when the other is absent', () => {
    expect(deepMerge(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(deepMerge({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
