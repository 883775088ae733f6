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

describe('a problem inside a list or mapping that may be written otherwise is located inside it', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'a misspelled type in a list of types',
      given: property('{ type: [string, strng] }'),
      want: [
        {
          code: 'invalid_value',
          at: 'strng',
          message: /type\[1\] is string "strng"/,
          hint: /^Did you mean "string"\? Use one of string, .*, null\.$/,
        },
      ],
    },
    {
      name: 'each wrong type in a block list',
      given: property('\n        type:\n          - strng\n          - string\n          - nul'),
      want: [
        { code: 'invalid_value', at: 'strng' },
        { code: 'invalid_value', at: 'nul' },
      ],
    },
    {
      name: 'a list in a list of types',
      given: property('{ type: [string, [null]] }'),
      want: [{ code: 'invalid_value', at: '[null]', message: /a list, which is not a type/ }],
    },
    {
      name: 'a misspelled type in additionalProperties',
      given: property('{ type: object, additionalProperties: { type: strng } }'),
      want: [{ code: 'invalid_value', at: 'strng', hint: /"string"/ }],
    },
    {
      name: 'a rule beside a list with a misspelled type is not judged until it is fixed',
      given: property('{ type: [strng, "null"], pattern: "^a" }\n      q: { $ref: Nope }'),
      want: [
        { code: 'invalid_value', at: 'strng' },
        { code: 'unknown_ref', at: 'Nope' },
      ],
    },
    {
      name: 'an enum beside a list with a misspelled type is not judged against the rest of the list',
      given: property('{ type: [strng, number], enum: ["a"] }'),
      want: [{ code: 'invalid_value', at: 'strng' }],
    },
    {
      name: 'a const beside a list with a misspelled type is not judged against the rest of the list',
      given: property('{ type: [integer, nul], const: null }'),
      want: [{ code: 'invalid_value', at: 'nul' }],
    },
    {
      name: 'an enum beside a misspelled type is not judged against the type its items imply',
      given: property('{ type: strng, items: { type: string }, enum: ["a"] }'),
      want: [{ code: 'invalid_value', at: 'strng' }],
    },
    {
      name: 'an enum that its intact type list refuses is reported beside an unknown key',
      given: property('{ type: [number], enum: ["a"], requird: true }'),
      want: [
        { code: 'invalid_value', at: '"a"', message: /not of its type, number/ },
        { code: 'unknown_key', at: 'requird' },
      ],
    },
    {
      name: 'a value that fits no option is still reported whole',
      given: property('{ type: object, additionalProperties: yes }'),
      want: [{ code: 'invalid_type', at: 'yes' }],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));
});
