import { describe, it } from 'vitest';
import { expectProblems, plan, property, type Want } from '../../test/plan-problems.js';

describe('messages say what is wrong where it is', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'an infinite number is named as such, not as null',
      given: property('{ type: number, minimum: .inf }'),
      want: [{ code: 'invalid_type', at: '.inf', message: /^(?!.*null).*\.inf/, hint: /finite/ }],
    },
    {
      name: 'an event that is not a mapping gets the keys of an event',
      given: plan('events:\n  B: 5\n'),
      want: [
        {
          code: 'invalid_type',
          at: '5',
          message: /an event/,
          hint: /^(?!.*enum).*description, function, deprecated, properties/,
        },
      ],
    },
    {
      name: 'a page that is not a mapping gets the keys of a page',
      given: plan('pages:\n  Home: [a]\n'),
      want: [{ code: 'invalid_type', at: '[a]', hint: /category/ }],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));
});

describe('every problem is reported in one run, whatever else is wrong', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'a __proto__ key beside other problems',
      given: plan('events:\n  __proto__: {}\n  E:\n    properties:\n      q: { $ref: Nope }\n'),
      want: [
        { code: 'reserved_name', at: '__proto__' },
        { code: 'unknown_ref', at: 'Nope' },
      ],
    },
    {
      name: 'an invalid enum value beside a later check',
      given: property('{ enum: [{ a: 1 }] }\n      q: { $ref: Nope }'),
      want: [
        { code: 'invalid_type', at: '{ a: 1 }' },
        { code: 'unknown_ref', at: 'Nope' },
      ],
    },
    {
      name: 'an invalid oneOf option beside a later check',
      given: property('{ oneOf: [5, { type: string }] }\n      q: { $ref: Nope }'),
      want: [
        { code: 'invalid_type', at: '5' },
        { code: 'unknown_ref', at: 'Nope' },
      ],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));
});
