import { describe, expect, it } from 'vitest';
import { expectProblems, plan, property, type Want } from '../../test/plan-problems.js';
import { loadPlan } from '../plan/load-plan.js';

describe('a key the generator would not honour is reported, never dropped', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'type next to $ref, with how to make it nullable',
      given: plan(
        'types:\n  X: { type: object }\nevents:\n  E:\n    properties:\n      p: { $ref: X, type: [object, "null"] }\n',
      ),
      want: [
        {
          code: 'ignored_key',
          at: 'type: [object',
          message: /\$ref/,
          hint: /oneOf: \[\{ \$ref: X \}, \{ type: "null" \}\]/,
        },
      ],
    },
    {
      name: 'rules next to $ref',
      given: plan(
        'types:\n  X: { type: string }\nevents:\n  E:\n    properties:\n      p: { $ref: X, minLength: 2, enum: [a] }\n',
      ),
      want: [
        { code: 'ignored_key', at: 'minLength', hint: /types:/ },
        { code: 'ignored_key', at: 'enum' },
      ],
    },
    {
      name: 'type next to oneOf',
      given: property('{ oneOf: [{ type: string }], type: number }'),
      want: [{ code: 'ignored_key', at: 'type: number', message: /oneOf/, hint: /option/ }],
    },
    {
      name: 'required on an entry under types:',
      given: plan('types:\n  X: { type: string, required: true }\n'),
      want: [{ code: 'ignored_key', at: 'required', hint: /\$ref: X, required: true/ }],
    },
    {
      name: 'required on array items and on oneOf options',
      given: property(
        '{ type: array, items: { type: string, required: true } }\n      q: { oneOf: [{ type: string, required: true }] }',
      ),
      want: [
        { code: 'ignored_key', at: 'required' },
        { code: 'ignored_key', at: 'required', nth: 1 },
      ],
    },
    {
      name: 'string rules without type: string',
      given: property('{ pattern: "([", format: email, minLength: 3 }'),
      want: [
        { code: 'ignored_key', at: 'pattern', hint: /type: string/ },
        { code: 'invalid_pattern', at: '"(["' },
        { code: 'ignored_key', at: 'format', hint: /type: string/ },
        { code: 'ignored_key', at: 'minLength', hint: /type: string/ },
      ],
    },
    {
      name: 'string rules on another type',
      given: property('{ type: number, format: email }'),
      want: [{ code: 'ignored_key', at: 'format', message: /number/, hint: /string/ }],
    },
    {
      name: 'number rules without a number type',
      given: property('{ minimum: 0, maximum: 9 }\n      q: { type: string, maximum: 3 }'),
      want: [
        { code: 'ignored_key', at: 'minimum', hint: /type: number/ },
        { code: 'ignored_key', at: 'maximum' },
        { code: 'ignored_key', at: 'maximum', nth: 1, message: /string/ },
      ],
    },
    {
      name: 'array and object rules without their type',
      given: property(
        [
          '{ type: string, items: { type: string } }',
          '      q: { type: array, properties: { a: { type: string } } }',
          '      r: { type: number, additionalProperties: true }',
          '      s: { type: array, minLength: 1 }',
          '      t: { additionalProperties: true }',
        ].join('\n'),
      ),
      want: [
        { code: 'ignored_key', at: 'items', hint: /type: array/ },
        { code: 'ignored_key', at: 'properties: { a', hint: /type: object/ },
        { code: 'ignored_key', at: 'additionalProperties' },
        { code: 'ignored_key', at: 'minLength', hint: /string/ },
        { code: 'ignored_key', at: 'additionalProperties', nth: 1, hint: /type: object/ },
      ],
    },
    {
      name: 'rules next to enum or const, which fix the values',
      given: property(
        '{ type: string, enum: [a, b], pattern: "^a" }\n      q: { const: a, enum: [a, b] }',
      ),
      want: [
        { code: 'ignored_key', at: 'pattern', message: /enum/ },
        { code: 'ignored_key', at: 'enum: [a, b] }', message: /const/ },
      ],
    },
    {
      name: 'rules beside a misspelled or invalid type are not reported twice',
      given: property('{ type: strng, pattern: "^a" }\n      q: { typ: number, minimum: 1 }'),
      want: [
        { code: 'invalid_value', at: 'strng' },
        { code: 'unknown_key', at: 'typ:', hint: /"type"/ },
      ],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));

  it('accepts what the generator honours', () => {
    const { model, problems } = loadPlan(
      plan(
        [
          'types:',
          '  X: { type: object, description: A thing }',
          'events:',
          '  E:',
          '    properties:',
          '      p: { $ref: X, required: true, description: The thing }',
          '      q: { oneOf: [{ $ref: X }, { type: "null" }], description: Maybe a thing }',
          '      r: { type: [string, number], pattern: "^a", minimum: 1 }',
          '      s: { properties: { a: { type: string, required: true } }, additionalProperties: true }',
          '      t: { items: { type: string, minLength: 1 } }',
          '      u: { type: [string, "null"], enum: [a, null] }',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([]);
    expect(model?.events[0]?.properties.map((p) => [p.name, p.required, p.shape.kind])).toEqual([
      ['p', true, 'ref'],
      ['q', false, 'union'],
      ['r', false, 'union'],
      ['s', false, 'object'],
      ['t', false, 'array'],
      ['u', false, 'enum'],
    ]);
  });
});
