import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectProblems, plan, property, type Want } from '../../test/plan-problems.js';
import { loadPlan } from './load-plan.js';
import { needsPositionedParse, parsePlanSource, takesPositionedParse } from './source.js';

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

describe('earlier copies of repeated keys take as few readings as the copies nested on one path', () => {
  const events = (count: number, first: string, last: string) =>
    Array.from({ length: count }, (_, i) => `  E${i}: ${first}\n  E${i}: ${last}\n`).join('');
  const repeated = '{ properties: { q: { type: string }, q: { type: number } } }';
  const table: { name: string; given: string; want: number }[] = [
    { name: 'no key repeats', given: 'events:\n  A: {}\n', want: 0 },
    { name: 'a key repeats twice', given: 'events:\n  A: {}\n  A: {}\n  A: {}\n', want: 2 },
    { name: '300 events each repeat once', given: `events:\n${events(300, '{}', '{}')}`, want: 1 },
    {
      name: 'and a property repeats in each first copy',
      given: `events:\n${events(300, repeated, '{}')}`,
      want: 2,
    },
    {
      name: 'and in each last copy too',
      given: `events:\n${events(300, repeated, repeated)}`,
      want: 3,
    },
  ];

  it.each(table)('$name: $want', ({ given, want }) => {
    expect(parsePlanSource(plan(given), 'plan.yaml').earlierReadings ?? 0).toBe(want);
  });
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
      name: 'an empty key after another, located at its colon, not where its line starts',
      given: plan('events:\n  A: {}\n  : {}\n'),
      want: [{ code: 'invalid_type', at: ': {}', nth: 1, message: /empty/ }],
    },
    {
      name: 'an empty key in a flow mapping',
      given: plan('events: { A: {}, : {} }\n'),
      want: [{ code: 'invalid_type', at: ': {} }' }],
    },
    {
      name: 'an empty key after a comment line, located at its colon, not at the comment',
      given: plan('events:\n  A: {}\n  # c\n  : {}\n'),
      want: [{ code: 'invalid_type', at: ': {}', nth: 1 }],
    },
    {
      name: 'an empty key after blank lines and a comment ending the line before',
      given: plan('events:\n  A: {} # c\n\n\n  : {}\n'),
      want: [{ code: 'invalid_type', at: ': {}', nth: 1 }],
    },
    {
      name: 'an empty key after a comment in a flow mapping, not at the end of the line before',
      given: plan('events: {\n  A: {},\n  # c\n  : {} }\n'),
      want: [{ code: 'invalid_type', at: ': {} }' }],
    },
    {
      name: 'an empty explicit key after a comment line, located at its question mark',
      given: plan('events:\n  A: {}\n  # c\n  ?\n  : {}\n'),
      want: [{ code: 'invalid_type', at: '?' }],
    },
    {
      name: 'an empty explicit key, located at its question mark',
      given: plan('events:\n  A: {}\n  ?\n  : {}\n'),
      want: [{ code: 'invalid_type', at: '?' }],
    },
    {
      name: 'an empty explicit key in a flow mapping',
      given: plan('events: { A: {}, ? : {} }\n'),
      want: [{ code: 'invalid_type', at: '?' }],
    },
    {
      name: 'an empty quoted name, located at the name',
      given: plan('events:\n  A: {}\n  "": {}\n'),
      want: [{ code: 'invalid_value', at: '""', message: /empty/ }],
    },
    {
      name: 'an empty quoted property name with no value',
      given: property("{ type: string }\n      '':"),
      want: [{ code: 'invalid_value', at: "''", message: /events\.E\.properties/ }],
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

describe('a byte order mark is not a column', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'a value on line 1',
      given: 'version: 2\nname: Test\n',
      want: [{ code: 'invalid_value', at: '2' }],
    },
    {
      name: 'a key on line 1, and a key missing from the mapping it starts',
      given: 'nme: Test\nversion: 1\n',
      want: [
        { code: 'invalid_type', at: 'nme' },
        { code: 'unknown_key', at: 'nme' },
      ],
    },
    {
      name: 'a plan on one line',
      given: '{ version: 1, name: Test, events: { E: { properties: { p: { type: strng } } } } }\n',
      want: [{ code: 'invalid_value', at: 'strng' }],
    },
    {
      name: 'a tag on line 1, and the name it leaves missing',
      given: '{ version: 1, name: !!binary VGVzdA== }\n',
      want: [
        { code: 'invalid_type', at: '{' },
        { code: 'invalid_value', at: '!!binary' },
      ],
    },
    {
      name: 'a %YAML directive',
      given: `%YAML 1.1\n---\n${plan('')}`,
      want: [{ code: 'invalid_value', at: '%YAML' }],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(`\uFEFF${given}`, want));
});

describe('a core schema tag on a value it does not fit says what the tag needs', () => {
  const fix =
    /^Remove the tag: without one, numbers, true\/false, null, lists and mappings are read as what they are/;
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: '!!float on a whole number',
      given: property('{ type: number, minimum: !!float 1 }'),
      want: [
        {
          code: 'invalid_value',
          at: '!!float',
          message:
            /^The YAML tag !!float needs a number that is not whole, such as 1\.5; here it tags 1\.$/,
          hint: fix,
        },
      ],
    },
    {
      name: '!!float on a whole number written with a point',
      given: property('{ type: number, minimum: !!float 1.0 }'),
      want: [{ code: 'invalid_value', at: '!!float', message: /; here it tags 1\.0\.$/ }],
    },
    {
      name: '!!int on a fraction',
      given: property('{ type: number, minimum: !!int 1.5 }'),
      want: [
        {
          code: 'invalid_value',
          at: '!!int',
          message:
            /^The YAML tag !!int needs a whole number written without a point or an exponent, such as 12 or 0x1F; here it tags 1\.5\.$/,
          hint: fix,
        },
      ],
    },
    {
      name: '!!int written verbatim',
      given: property('{ const: !<tag:yaml.org,2002:int> 1e3 }'),
      want: [
        {
          code: 'invalid_value',
          at: '!<tag:yaml.org,2002:int>',
          message:
            /^The YAML tag !<tag:yaml\.org,2002:int> needs a whole number .*; here it tags 1e3\.$/,
        },
      ],
    },
    {
      name: '!!bool on yes',
      given: property('{ type: boolean, const: !!bool yes }'),
      want: [
        {
          code: 'invalid_value',
          at: '!!bool',
          message: /^The YAML tag !!bool needs true or false; here it tags yes\.$/,
        },
      ],
    },
    {
      name: '!!null on text',
      given: property('{ const: !!null none }'),
      want: [
        {
          code: 'invalid_value',
          at: '!!null',
          message: /needs null, ~ or nothing; here it tags none\.$/,
        },
      ],
    },
    {
      name: '!!int on nothing',
      given: property('{ const: !!int }'),
      want: [{ code: 'invalid_value', at: '!!int', message: /; here it tags nothing\.$/ }],
    },
    {
      name: '!!str on a list',
      given: property('{ enum: !!str [a] }'),
      want: [
        {
          code: 'invalid_value',
          at: '!!str',
          message:
            /^The YAML tag !!str needs text, not a list or a mapping; here it tags a list\.$/,
        },
      ],
    },
    {
      name: '!!seq on a mapping',
      given: property('{ enum: !!seq { a: 1 } }'),
      want: [
        { code: 'invalid_value', at: '!!seq', message: /needs a list; here it tags a mapping\.$/ },
      ],
    },
    {
      name: 'a tag outside the core schema keeps saying it is not part of the format',
      given: property('{ const: !!timestamp 2024-01-01 }'),
      want: [
        {
          code: 'invalid_value',
          at: '!!timestamp',
          message: /^The YAML tag !!timestamp is not part of the plan format/,
          hint: /quote it/,
        },
      ],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));
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
    { given: 'description: Keyed by 123e4567-e89b-12d3-a456-426614174000 in logs', want: false },
    { given: 'description: 123e4567-e89b-12d3-a456-426614174000', want: false },
    { given: 'description: Sent when status != 200', want: false },
    { given: 'description: See ![diagram](docs/flow.png)', want: false },
    { given: 'description: Sent daily at 0900', want: false },
    { given: 'description: Test card 4111111111111111 only', want: false },
    { given: 'description: Shown on the "404" page', want: false },
    { given: 'p: !!timestamp 2024-01-01', want: true },
    { given: 'p: { enum: [a,!b] }', want: true },
    { given: '  - !custom x', want: true },
    { given: 'p: &a !!str x', want: true },
    { given: '  !!str x', want: true },
    { given: '--- !!map', want: true },
    { given: '%YAML 1.1', want: true },
    { given: '\uFEFF%YAML 1.1', want: true },
    { given: 'p: { enum: [1, 1e400] }', want: true },
    { given: 'p: { "const":12345678901234567890 }', want: true },
    { given: 'p: &n 0777', want: true },
    { given: '  0777', want: true },
    { given: 'const: -0x20000000000000', want: true },
  ];
  it.each(table)('$given: $want', ({ given, want }) => {
    expect(needsPositionedParse(`${given}\n`)).toBe(want);
  });

  it.each([
    { given: 'pages:\n  "404": {}\n  "500": { description: Sent daily at 0900 }\n', want: false },
    { given: 'pages:\n  404: {}\n', want: false },
    { given: 'pages:\n  0404: {}\n', want: true },
    { given: 'pages:\n  { 1.0: {} }\n', want: true },
    { given: 'pages:\n  - -0: {}\n', want: true },
    { given: 'pages:\n  ? 1e3\n  : {}\n', want: true },
    { given: 'pages:\n  "404": {}\n  *k : {}\n', want: true },
  ])('a plan with the pages $given takes the positioned parse: $want', ({ given, want }) => {
    expect(takesPositionedParse(`version: 1\nname: Test\n${given}`)).toBe(want);
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
