import { describe, expect, it } from 'vitest';
import { withCallOptions } from './call-options.js';

describe('withCallOptions', () => {
  const table: { name: string; fields: object; options: object | undefined; want: object }[] = [
    {
      name: 'adds the options the call does not set',
      fields: { event: 'E', properties: { a: 1 } },
      options: { userId: 'u', context: { app: 'x' } },
      want: { event: 'E', properties: { a: 1 }, userId: 'u', context: { app: 'x' } },
    },
    {
      name: "keeps the call's own fields over the options', even undefined ones",
      fields: { userId: undefined, traits: { b: 2 } },
      options: { userId: 'from-options', traits: { c: 3 } },
      want: { userId: undefined, traits: { b: 2 } },
    },
    {
      name: 'leaves the fields alone without options',
      fields: { event: 'E' },
      options: undefined,
      want: { event: 'E' },
    },
  ];

  it.each(table)('$name', ({ fields, options, want }) => {
    const before = options && structuredClone(options);
    const result = withCallOptions(fields, options);
    expect(result).toBe(fields);
    expect(result).toStrictEqual(want);
    expect(options).toStrictEqual(before);
  });
});
