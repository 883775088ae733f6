import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from './load-plan.js';

const plan = (body: string) => `version: 1\nname: Test\n${body}`;

describe('loadPlan reports each problem with its code and position', () => {
  const table: {
    name: string;
    given: string;
    want: { code: string; line: number; column: number; hint?: RegExp }[];
  }[] = [
    {
      name: 'invalid YAML',
      given: 'version: 1\nname: [unclosed\n',
      want: [{ code: 'yaml_syntax', line: 3, column: 1 }],
    },
    {
      name: 'a duplicate key',
      given: plan('events:\n  A: {}\n  A: {}\n'),
      want: [{ code: 'duplicate_key', line: 5, column: 3 }],
    },
    {
      name: 'a wrong version',
      given: 'version: 2\nname: T\n',
      want: [{ code: 'invalid_value', line: 1, column: 10 }],
    },
    {
      name: 'a missing name',
      given: 'version: 1\n',
      want: [{ code: 'invalid_type', line: 1, column: 1 }],
    },
    {
      name: 'an unknown top-level key',
      given: plan('event: {}\n'),
      want: [{ code: 'unknown_key', line: 3, column: 1, hint: /"events"/ }],
    },
    {
      name: 'an unknown property key',
      given: plan('events:\n  E:\n    properties:\n      p: { type: string, requird: true }\n'),
      want: [{ code: 'unknown_key', line: 6, column: 26, hint: /"required"/ }],
    },
    {
      name: 'an unknown type',
      given: plan('events:\n  E:\n    properties:\n      p: { type: strng }\n'),
      want: [{ code: 'invalid_value', line: 6, column: 18, hint: /"string"/ }],
    },
    {
      name: 'a wrong value type',
      given: plan('events:\n  E:\n    properties:\n      p: { type: string, required: "yes" }\n'),
      want: [{ code: 'invalid_type', line: 6, column: 36 }],
    },
    {
      name: 'a bad $ref',
      given: plan(
        'types:\n  Product: { type: object }\nevents:\n  E:\n    properties:\n      p: { $ref: Prodct }\n',
      ),
      want: [{ code: 'unknown_ref', line: 8, column: 18, hint: /"Product"/ }],
    },
    {
      name: 'types that are each other with no object or array between',
      given: plan(
        'types:\n  A: { $ref: B }\n  B: { oneOf: [{ $ref: A }, { type: "null" }] }\n  C: { $ref: C }\n  Tree: { type: object, properties: { children: { type: array, items: { $ref: Tree } } } }\n  D: { $ref: A }\n',
      ),
      want: [
        { code: 'circular_ref', line: 4, column: 3, hint: /object or an array/ },
        { code: 'circular_ref', line: 5, column: 3 },
        { code: 'circular_ref', line: 6, column: 3 },
      ],
    },
    {
      name: 'an enum mixing value types',
      given: plan('events:\n  E:\n    properties:\n      p: { enum: [a, 1] }\n'),
      want: [{ code: 'mixed_enum', line: 6, column: 18 }],
    },
    {
      name: 'enum values that are not of the declared type',
      given: plan(
        'events:\n  E:\n    properties:\n      p: { type: string, enum: [1, 2] }\n      q: { type: integer, enum: [1, 1.5] }\n      r: { type: [string, "null"], enum: [a, null] }\n',
      ),
      want: [
        { code: 'invalid_value', line: 6, column: 33, hint: /"1"/ },
        { code: 'invalid_value', line: 6, column: 36 },
        { code: 'invalid_value', line: 7, column: 37 },
      ],
    },
    {
      name: 'a const that is not of the declared type',
      given: plan('events:\n  E:\n    properties:\n      p: { type: number, const: x }\n'),
      want: [{ code: 'invalid_value', line: 6, column: 33 }],
    },
    {
      name: 'an invalid pattern',
      given: plan('events:\n  E:\n    properties:\n      p: { type: string, pattern: "(" }\n'),
      want: [{ code: 'invalid_pattern', line: 6, column: 35 }],
    },
    {
      name: 'bounds the wrong way round',
      given: plan(
        'events:\n  E:\n    properties:\n      p: { type: integer, minimum: 5, maximum: 1 }\n',
      ),
      want: [{ code: 'invalid_bounds', line: 6, column: 36 }],
    },
    {
      name: 'colliding event names',
      given: plan('events:\n  Sign Up: {}\n  sign-up: {}\n'),
      want: [{ code: 'name_collision', line: 5, column: 3, hint: /function:/ }],
    },
    {
      name: 'an event colliding with a generated export',
      given: plan('events:\n  Page: {}\n'),
      want: [{ code: 'name_collision', line: 4, column: 3 }],
    },
    {
      name: 'types named like what the generated declarations use',
      given: plan(
        'types:\n  Record: { type: string }\n  promise: { type: string }\n  Page Name: { type: string }\n  Call Options: { type: string }\n  Track Result: { type: string }\n',
      ),
      want: [
        { code: 'name_collision', line: 4, column: 3, hint: /Rename/ },
        { code: 'name_collision', line: 5, column: 3 },
        { code: 'name_collision', line: 6, column: 3 },
        { code: 'name_collision', line: 7, column: 3 },
        { code: 'name_collision', line: 8, column: 3 },
      ],
    },
    {
      name: 'a function override that is not an identifier',
      given: plan('events:\n  E:\n    function: "order completed"\n'),
      want: [{ code: 'invalid_function_name', line: 5, column: 15 }],
    },
    {
      name: 'a name with nothing to build an identifier from',
      given: plan('events:\n  "!!!": {}\n'),
      want: [{ code: 'invalid_function_name', line: 4, column: 3, hint: /function:/ }],
    },
    {
      name: 'a __proto__ key',
      given: plan('events:\n  __proto__: {}\n'),
      want: [{ code: 'reserved_name', line: 4, column: 3 }],
    },
  ];

  it.each(table)('$name', ({ given, want }) => {
    const { model, problems } = loadPlan(given, 'plan.yaml');
    expect(model).toBeUndefined();
    expect(problems.map(({ code, line, column }) => ({ code, line, column }))).toEqual(
      want.map(({ code, line, column }) => ({ code, line, column })),
    );
    for (const [index, { hint }] of want.entries()) {
      if (hint) expect(problems[index]?.hint).toMatch(hint);
      expect(problems[index]?.file).toBe('plan.yaml');
      expect(problems[index]?.message.length).toBeGreaterThan(10);
    }
  });

  it('reports duplicate keys together with the problems around them', () => {
    const { model, problems } = loadPlan(
      plan(
        'events:\n  A:\n    properties:\n      p: { type: string }\n      p: { type: number }\n  B: { properties: { q: { type: strng } } }\n  A: {}\n',
      ),
    );
    expect(model).toBeUndefined();
    expect(problems.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'duplicate_key', line: 7, column: 7 },
      { code: 'invalid_value', line: 8, column: 33 },
      { code: 'duplicate_key', line: 9, column: 3 },
    ]);
  });

  it('reports schema and semantic problems together, in reading order', () => {
    const { problems } = loadPlan(
      plan(
        'typez: {}\nevents:\n  A:\n    properties:\n      p: { $ref: Nope }\n      q: { type: numbr }\n  a: {}\n',
      ),
    );
    expect(problems.map((p) => p.code)).toEqual([
      'unknown_key',
      'unknown_ref',
      'invalid_value',
      'name_collision',
    ]);
  });
});

describe('loadPlan builds the model of a valid plan', () => {
  it('keeps wire names exactly and names functions deterministically', () => {
    const { model, problems } = loadPlan(
      plan(
        [
          'events:',
          '  "it\'s done": {}',
          '  "a */ b ${x} `c`":',
          '    description: "*/ alert(1) /*"',
          '  delete: {}',
          '  Order Completed:',
          '    function: checkoutDone',
          '    deprecated: Use "Checkout Completed"',
          '    properties:',
          '      total: { type: number, required: true, minimum: 0 }',
          '      coupon: { type: [string, "null"] }',
          '      currency: { enum: [USD, EUR], required: true }',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([]);
    expect(model?.events.map((e) => [e.name, e.functionName, e.typeName])).toEqual([
      ["it's done", 'itsDone', 'ItsDoneProperties'],
      ['a */ b ${x} `c`', 'aBXC', 'ABXCProperties'],
      ['delete', 'delete_', 'DeleteProperties'],
      ['Order Completed', 'checkoutDone', 'CheckoutDoneProperties'],
    ]);
    const order = model?.events[3];
    expect(order?.deprecated).toBe('Use "Checkout Completed"');
    expect(order?.properties).toEqual([
      { name: 'total', required: true, shape: { kind: 'number', integer: false, minimum: 0 } },
      {
        name: 'coupon',
        required: false,
        shape: { kind: 'union', options: [{ kind: 'string' }, { kind: 'null' }] },
      },
      { name: 'currency', required: true, shape: { kind: 'enum', values: ['USD', 'EUR'] } },
    ]);
    expect(model?.events[1]?.description).toBe('*/ alert(1) /*');
  });

  it('reads the repository plan the examples use', () => {
    const text = readFileSync(new URL('../../../../tracking-plan.yaml', import.meta.url), 'utf8');
    const { model, problems } = loadPlan(text);
    expect(problems).toEqual([]);
    expect(model?.events.length).toBeGreaterThanOrEqual(15);
    expect(
      model?.events
        .find((e) => e.name === 'Order Completed')
        ?.properties.find((p) => p.name === 'products')?.shape,
    ).toEqual({
      kind: 'array',
      items: { kind: 'ref', name: 'Product', typeName: 'Product' },
    });
    expect(model?.pages.map((p) => p.typeName)).toContain('ProductDetailPageProperties');
  });

  it('gives the same model for the same plan, and renames nothing on an unrelated edit', () => {
    const before = loadPlan(plan('events:\n  B Happened: {}\n  A Happened: {}\n')).model;
    const again = loadPlan(plan('events:\n  B Happened: {}\n  A Happened: {}\n')).model;
    const after = loadPlan(
      plan('events:\n  B Happened: {}\n  New One: {}\n  A Happened: {}\n'),
    ).model;
    expect(again).toEqual(before);
    const names = (m: typeof before) =>
      Object.fromEntries(m?.events.map((e) => [e.name, e.functionName]) ?? []);
    expect(names(after)).toMatchObject(names(before));
  });
});

describe('names every JavaScript object already has', () => {
  it('are refused as property names, with the fix', () => {
    const { problems } = loadPlan(
      plan(
        'events:\n  E:\n    properties:\n      toString: { type: number }\n      constructor: { type: string }\n',
      ),
    );
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['reserved_name', 6, 7],
      ['reserved_name', 7, 7],
    ]);
    expect(problems[0]?.hint).toContain('toString_value');
  });
  it('are fine as event names', () => {
    const { model } = loadPlan(plan('events:\n  constructor: {}\n  toString: {}\n'));
    expect(model?.events.map((e) => e.functionName)).toEqual(['constructor', 'toString']);
  });
});

it('refuses a plan whose aliases nest without bound, quickly', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) {
    const previous = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
  }
  const { problems } = loadPlan(`version: 1\nname: Bomb\n${levels.join('\n')}\n`);
  expect(problems.map((p) => p.code)).toEqual(['yaml_syntax']);
  expect(problems[0]?.message).toContain('aliases');
});
