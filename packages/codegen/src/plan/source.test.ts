import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectProblems, plan, property, type Want } from '../../test/plan-problems.js';
import { loadPlan } from './load-plan.js';
import { needsPositionedParse } from './source.js';

describe('a duplicate key', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'a duplicate key is named, at its repeat, with where it was first',
      given: plan('events:\n  A: {}\n  C: {}\n  A: {}\n'),
      want: [{ code: 'duplicate_key', at: 'A: {}', nth: 1, message: /"A".*line 4/ }],
    },
    {
      name: 'a problem inside a repeated key is located in the repeat, whose value counts',
      given: plan(
        'events:\n  A:\n    description: x\n  A:\n    properties:\n      q: { type: strng }\n',
      ),
      want: [
        { code: 'duplicate_key', at: 'A:', nth: 1 },
        { code: 'invalid_value', at: 'strng' },
      ],
    },
    {
      name: 'keys that differ only in how YAML spells them are duplicates',
      given: plan('events:\n  1: { description: a }\n  "1": { description: b }\n'),
      want: [{ code: 'duplicate_key', at: '"1"', message: /"1"/ }],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));
});

describe('a null key is reported, not turned into the name "null"', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: '~ as an event name',
      given: plan('events:\n  ~: {}\n'),
      want: [{ code: 'invalid_type', at: '~', message: /events/, hint: /"null"/ }],
    },
    {
      name: 'null as an event name, beside another problem',
      given: plan('events:\n  null: {}\n  E: { properties: { q: { type: strng } } }\n'),
      want: [
        { code: 'invalid_type', at: 'null' },
        { code: 'invalid_value', at: 'strng' },
      ],
    },
    {
      name: 'an empty key',
      given: plan('events:\n  : {}\n'),
      want: [{ code: 'invalid_type', at: ': {}' }],
    },
    {
      name: 'a null property name',
      given: property('{ type: string }\n      ~: { type: number }'),
      want: [{ code: 'invalid_type', at: '~' }],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));

  it('accepts the name "null" when it is quoted', () => {
    const { model, problems } = loadPlan(plan('events:\n  "null": {}\n'));
    expect(problems).toEqual([]);
    expect(model?.events.map((e) => e.name)).toEqual(['null']);
  });
});

describe('only text that may hold a number read otherwise than written takes the slow positioned parse', () => {
  const table: { given: string; want: boolean }[] = [
    { given: 'p: { const: 0777 }', want: true },
    { given: 'p: { enum: [02134, 10001] }', want: true },
    { given: 'p: { enum: [10001,02134] }', want: true },
    { given: '  - 08 # a comment', want: true },
    { given: 'p: { "minimum":-007 }', want: true },
    { given: 'maximum: 00.5\r', want: true },
    { given: 'const: 12345678901234567890', want: true },
    { given: 'const: 1234567.890123456', want: true },
    { given: 'const: 0x20000000000000', want: true },
    { given: 'const: 0o400000000000000000', want: true },
    { given: 'minimum: 1e-400', want: true },
    { given: 'p: { enum: [0, 0.5, -0, 0e3, 0x1F, 0o17, 10, 100] }', want: false },
    { given: 'const: 123456789012345', want: false },
    { given: 'maximum: 0.30000000000000004', want: true },
    { given: 'description: Opens at 09:00, closes at 18:00.', want: false },
    { given: 'description: Since 2024-01-05, version 2.0.1.', want: false },
    { given: 'deprecated: 2024-01-01T10:00:00Z', want: false },
    { given: '02134: { type: string }', want: false },
  ];
  it.each(table)('$given: $want', ({ given, want }) => {
    expect(needsPositionedParse(`${given}\n`)).toBe(want);
  });

  it('is not needed for the storefront plan or the fixtures', () => {
    for (const path of [
      '../../../../tracking-plan.yaml',
      '../../test/golden/shapes/plan.yaml',
      '../../test/golden/minimal/plan.yaml',
    ]) {
      expect(needsPositionedParse(readFileSync(new URL(path, import.meta.url), 'utf8'))).toBe(
        false,
      );
    }
  });
});
