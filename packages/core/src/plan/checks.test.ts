import { describe, expect, it } from 'vitest';
import type { PlanViolation } from '../plan-validation.js';
import { type Check, v } from './index.js';

function run(check: Check, value: unknown): PlanViolation[] {
  const out: PlanViolation[] = [];
  check(value, 'p', out);
  return out;
}

describe('checks', () => {
  const table: {
    name: string;
    check: Check;
    passes: unknown[];
    fails: { value: unknown; message: RegExp; path?: string }[];
  }[] = [
    {
      name: 'string with format email',
      check: v.string({ format: 'email' }),
      passes: ['ada@example.com'],
      fails: [
        { value: 'ada', message: /Expected a email/ },
        { value: 3, message: /Expected a string, got number/ },
      ],
    },
    {
      name: 'string with pattern and lengths',
      check: v.string({ pattern: '^[A-Z]+$', minLength: 2, maxLength: 3 }),
      passes: ['AB', 'ABC'],
      fails: [
        { value: 'ab', message: /match/ },
        { value: 'A', message: /at least 2/ },
        { value: 'ABCD', message: /at most 3/ },
      ],
    },
    {
      name: 'uri, uuid, date and date-time formats',
      check: v.union([
        v.string({ format: 'uri' }),
        v.string({ format: 'uuid' }),
        v.string({ format: 'date' }),
        v.string({ format: 'date-time' }),
      ]),
      passes: [
        'https://example.com/x',
        '123e4567-e89b-42d3-a456-426614174000',
        '2026-11-28',
        '2026-11-28T10:00:00Z',
      ],
      fails: [{ value: 'not a thing', message: /Expected a uri/ }],
    },
    {
      name: 'integer with bounds',
      check: v.number({ integer: true, minimum: 1, maximum: 5 }),
      passes: [1, 5],
      fails: [
        { value: 1.5, message: /integer/ },
        { value: 0, message: /at least 1/ },
        { value: 6, message: /at most 5/ },
        { value: Number.NaN, message: /Expected a number/ },
        { value: '3', message: /Expected a number, got "3"/ },
      ],
    },
    {
      name: 'boolean',
      check: v.boolean,
      passes: [true, false],
      fails: [{ value: 'true', message: /boolean/ }],
    },
    {
      name: 'null',
      check: v.nullValue,
      passes: [null],
      fails: [{ value: undefined, message: /Expected null/ }],
    },
    {
      name: 'enum',
      check: v.oneOfValues(['USD', 'EUR']),
      passes: ['USD'],
      fails: [{ value: 'usd', message: /one of "USD", "EUR"/ }],
    },
    {
      name: 'nullable string',
      check: v.union([v.string(), v.nullValue]),
      passes: ['x', null],
      fails: [{ value: 1, message: /Expected a string/ }],
    },
    {
      name: 'array of integers',
      check: v.array(v.number({ integer: true })),
      passes: [[], [1, 2]],
      fails: [
        { value: [1, 'a'], message: /Expected a number/, path: 'p[1]' },
        { value: {}, message: /Expected an array/ },
      ],
    },
    {
      name: 'object with required, optional and extra keys',
      check: v.object({ id: [v.string(), true], n: [v.number(), false] }),
      passes: [{ id: 'a' }, { id: 'a', n: 1 }, { id: 'a', n: undefined }],
      fails: [
        { value: {}, message: /Required/, path: 'p.id' },
        { value: { id: 'a', extra: 1 }, message: /Not in the tracking plan/, path: 'p.extra' },
        { value: { id: 1 }, message: /Expected a string/, path: 'p.id' },
        { value: [], message: /Expected an object/ },
      ],
    },
    {
      name: 'object with typed additional properties',
      check: v.object({}, v.number()),
      passes: [{ a: 1, b: 2 }],
      fails: [{ value: { a: 'x' }, message: /Expected a number/, path: 'p.a' }],
    },
  ];

  for (const { name, check, passes, fails } of table) {
    describe(name, () => {
      it.each(passes.map((value) => ({ value })))('passes $value', ({ value }) => {
        expect(run(check, value)).toEqual([]);
      });
      it.each(fails)('fails $value', ({ value, message, path }) => {
        const violations = run(check, value);
        expect(violations.length).toBeGreaterThan(0);
        expect(violations[0]?.message).toMatch(message);
        if (path) expect(violations[0]?.path).toBe(path);
      });
    });
  }

  it('supports recursive types through lazy', () => {
    const category: Check = v.object({
      name: [v.string(), true],
      children: [v.array(v.lazy(() => category)), false],
    });
    expect(
      run(category, { name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] }),
    ).toEqual([
      { path: 'p.children[0].children[0].name', message: 'Expected a string, got number' },
    ]);
  });
});
