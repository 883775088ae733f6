import { describe, expect, it } from 'vitest';
import { expectProblems, plan, property, type Want } from '../../test/plan-problems.js';
import { loadPlan } from './load-plan.js';

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
