import { describe, expect, it } from 'vitest';
import { expectProblems, plan, property, type Want } from '../../test/plan-problems.js';
import { generate } from '../generate.js';
import type { EventModel } from '../model/types.js';
import { loadPlan } from './load-plan.js';

/**
 * A plan is read once, as YAML 1.2 with the core schema, whichever parser
 * reads it. A key with a comma takes the plan through the positioned parse,
 * so each reading is checked both ways.
 */
const BOTH_PARSES = [
  { parse: 'quick', extra: '' },
  { parse: 'positioned', extra: '  "Added, Removed": {}\n' },
] as const;

function eventsOf(text: string): EventModel[] {
  const { model, problems } = loadPlan(text);
  expect(problems).toEqual([]);
  return model?.events.filter((event) => event.name !== 'Added, Removed') ?? [];
}

describe('YAML scalars are read as YAML 1.2 (core schema) by both parses', () => {
  const table: { name: string; given: string; want: Partial<EventModel> }[] = [
    {
      name: 'an unquoted date stays the text written',
      given: 'E:\n    description: 2024-01-01\n',
      want: { description: '2024-01-01' },
    },
    {
      name: 'an unquoted date-time stays the text written',
      given: 'E:\n    deprecated: 2024-01-01T10:00:00Z\n',
      want: { deprecated: '2024-01-01T10:00:00Z' },
    },
    {
      name: 'yes, no, on and off are text, not booleans',
      given: 'E:\n    properties:\n      p: { enum: [yes, no, on, off, y, n] }\n',
      want: {
        properties: [
          {
            name: 'p',
            required: false,
            shape: { kind: 'enum', values: ['yes', 'no', 'on', 'off', 'y', 'n'] },
          },
        ],
      },
    },
    {
      name: 'a zero, a negative zero, a fraction and exponents of zero are numbers as written',
      given: 'E:\n    properties:\n      p: { enum: [0, 0.5, -0.5, 0e3, 10, 100, .5e1] }\n',
      want: {
        properties: [
          {
            name: 'p',
            required: false,
            shape: { kind: 'enum', values: [0, 0.5, -0.5, 0, 10, 100, 5] },
          },
        ],
      },
    },
    {
      name: 'a negative zero is a number',
      given: 'E:\n    properties:\n      p: { const: -0 }\n',
      want: { properties: [{ name: 'p', required: false, shape: { kind: 'const', value: -0 } }] },
    },
    {
      name: 'hexadecimal and 0o octal are numbers, as YAML 1.2 writes them',
      given: 'E:\n    properties:\n      p: { enum: [0x1F, 0o17, 0x1FFFFFFFFFFFFF] }\n',
      want: {
        properties: [
          {
            name: 'p',
            required: false,
            shape: { kind: 'enum', values: [31, 15, Number.MAX_SAFE_INTEGER] },
          },
        ],
      },
    },
    {
      name: 'a capital 0X or 0O, a 0b or an underscore makes text',
      given: 'E:\n    properties:\n      p: { enum: [0X1F, 0O17, 0b101, 1_000] }\n',
      want: {
        properties: [
          {
            name: 'p',
            required: false,
            shape: { kind: 'enum', values: ['0X1F', '0O17', '0b101', '1_000'] },
          },
        ],
      },
    },
    {
      name: 'numbers JavaScript holds exactly are read as written',
      given:
        'E:\n    properties:\n      p: { enum: [9007199254740991, -9007199254740991, 0.1, 0.30000000000000004, 1.7976931348623157e308, 5e-324, 1e21, 1.50, 123456789012345] }\n',
      want: {
        properties: [
          {
            name: 'p',
            required: false,
            shape: {
              kind: 'enum',
              values: [
                Number.MAX_SAFE_INTEGER,
                -Number.MAX_SAFE_INTEGER,
                0.1,
                0.30000000000000004,
                Number.MAX_VALUE,
                Number.MIN_VALUE,
                1e21,
                1.5,
                123456789012345,
              ],
            },
          },
        ],
      },
    },
    {
      name: 'digits with a leading zero that YAML reads as text stay text',
      given: 'E:\n    description: Opens at 09:00, closes 0800h\n',
      want: { description: 'Opens at 09:00, closes 0800h' },
    },
    {
      name: 'a sexagesimal-looking value is text',
      given: 'E:\n    properties:\n      p: { enum: ["1:10", 1:20] }\n',
      want: {
        properties: [
          { name: 'p', required: false, shape: { kind: 'enum', values: ['1:10', '1:20'] } },
        ],
      },
    },
    {
      name: 'a bare ! (the non-specific tag) keeps a scalar as text',
      given: 'E:\n    properties:\n      p: { const: ! 12 }\n',
      want: { properties: [{ name: 'p', required: false, shape: { kind: 'const', value: '12' } }] },
    },
    {
      name: 'a description ending in " !" is text',
      given: 'E:\n    description: Commande validée !\n',
      want: { description: 'Commande validée !' },
    },
    {
      name: 'a !!str tag keeps digits with a leading zero as text',
      given: 'E:\n    properties:\n      p: { enum: [!!str 02134, !!str 10001] }\n',
      want: {
        properties: [
          { name: 'p', required: false, shape: { kind: 'enum', values: ['02134', '10001'] } },
        ],
      },
    },
    {
      name: 'the core schema tags !!str, !!int, !!float, !!bool and !!null read as both parsers read them',
      given:
        'E:\n    description: !!str 2024\n    properties:\n      p: { enum: [!!int 12, !!float 1.5] }\n      b: { const: !!bool true }\n      c: { const: !!str true }\n      d: { const: !!null ~ }\n      q: { type: !!str string, required: !!bool true }\n',
      want: {
        description: '2024',
        properties: [
          { name: 'p', required: false, shape: { kind: 'enum', values: [12, 1.5] } },
          { name: 'b', required: false, shape: { kind: 'const', value: true } },
          { name: 'c', required: false, shape: { kind: 'const', value: 'true' } },
          { name: 'd', required: false, shape: { kind: 'const', value: null } },
          { name: 'q', required: true, shape: { kind: 'string' } },
        ],
      },
    },
    {
      name: 'the core schema tags !!map and !!seq read as both parsers read them',
      given: 'E: !!map\n    properties: !!map\n      p: { enum: !!seq [a, b] }\n',
      want: {
        properties: [{ name: 'p', required: false, shape: { kind: 'enum', values: ['a', 'b'] } }],
      },
    },
    {
      name: 'true, True and TRUE are booleans',
      given: 'E:\n    properties:\n      p: { enum: [true, False, TRUE] }\n',
      want: {
        properties: [
          { name: 'p', required: false, shape: { kind: 'enum', values: [true, false, true] } },
        ],
      },
    },
  ];

  for (const { parse, extra } of BOTH_PARSES) {
    it.each(table)(`$name (${parse} parse)`, ({ given, want }) => {
      const [event] = eventsOf(plan(`events:\n${extra}  ${given}`));
      expect(event).toMatchObject(want);
    });
  }

  it('gives the generated code and its checks the values read', () => {
    const result = generate(
      plan(
        'events:\n  E:\n    properties:\n      p: { enum: [yes, no] }\n      q: { const: 0x1F }\n',
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const module = result.files.find((file) => file.path === 'index.ts')?.contents ?? '';
    const checks = module.slice(module.indexOf('function $buildTrackingPlan'));
    expect(module).toContain('p?: "yes" | "no";');
    expect(module).toContain('q?: 31;');
    expect(checks).toMatch(/"yes",\s*"no"/);
    expect(checks).toContain('31');
  });

  it.each([
    { given: '{ const: 0777 }', want: '0777' },
    { given: '{ enum: [02134, 10001] }', want: '02134' },
    { given: '{ const: 12345678901234567890 }', want: '12345678901234567890' },
  ])('generates nothing from $given, which would not be the number written', ({ given, want }) => {
    const result = generate(property(given));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining(want),
    ]);
  });
});

describe('names are read exactly as written, not as the numbers or booleans YAML sees in them', () => {
  const table: { given: string; want: string }[] = [
    { given: '1.0', want: '1.0' },
    { given: '0x10', want: '0x10' },
    { given: '010', want: '010' },
    { given: '1e3', want: '1e3' },
    { given: '+1', want: '+1' },
    { given: '.inf', want: '.inf' },
    { given: 'TRUE', want: 'TRUE' },
    { given: 'false', want: 'false' },
    { given: '1e400', want: '1e400' },
    { given: '02134', want: '02134' },
    { given: '-007', want: '-007' },
    { given: '12345678901234567890', want: '12345678901234567890' },
    { given: '0.10000000000000001', want: '0.10000000000000001' },
  ];
  for (const { parse, extra } of BOTH_PARSES) {
    it.each(table)(`event $given is named $want (${parse} parse)`, ({ given, want }) => {
      expect(eventsOf(plan(`events:\n${extra}  ${given}: {}\n`)).map((e) => e.name)).toEqual([
        want,
      ]);
    });
    it.each([...table, { given: '"<<"', want: '<<' }])(
      `property $given is named $want (${parse} parse)`,
      ({ given, want }) => {
        const [event] = eventsOf(
          plan(`events:\n${extra}  E:\n    properties:\n      ${given}: { type: string }\n`),
        );
        expect(event?.properties.map((p) => p.name)).toEqual([want]);
      },
    );
  }
});

describe('YAML the plan format does not read is reported, whichever parse reads it', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'a timestamp tag, which would make a Date',
      given: plan('events:\n  E:\n    description: !!timestamp 2024-01-01\n'),
      want: [{ code: 'invalid_value', at: '!!timestamp', message: /!!timestamp/, hint: /quote/ }],
    },
    {
      name: 'a set tag',
      given: property('{ enum: !!set { a, b } }'),
      want: [{ code: 'invalid_value', at: '!!set' }],
    },
    {
      name: 'a binary tag',
      given: property('{ const: !!binary aGk= }'),
      want: [{ code: 'invalid_value', at: '!!binary' }],
    },
    {
      name: 'a float tag, which the two parsers read differently',
      given: property('{ type: number, minimum: !!float 1 }'),
      want: [{ code: 'invalid_value', at: '!!float' }],
    },
    {
      name: 'an omap tag',
      given: property('{ enum: !!omap [a: 1] }'),
      want: [{ code: 'invalid_value', at: '!!omap' }],
    },
    {
      name: 'a pairs tag',
      given: property('{ enum: !!pairs [a: 1] }'),
      want: [{ code: 'invalid_value', at: '!!pairs' }],
    },
    {
      name: 'an int tag on what is not an integer, which the two parsers read differently',
      given: property('{ type: number, minimum: !!int 1.5 }'),
      want: [{ code: 'invalid_value', at: '!!int' }],
    },
    {
      name: 'a str tag on a list, which only one parser reads',
      given: property('{ enum: !!str [a] }'),
      want: [{ code: 'invalid_value', at: '!!str' }],
    },
    {
      name: 'a tag that empties a list, reported once',
      given: property('{ enum: [!!timestamp 2024-01-01] }'),
      want: [{ code: 'invalid_value', at: '!!timestamp' }],
    },
    {
      name: 'a tag that empties a list of types, reported once',
      given: property('{ type: [!!set { a }] }'),
      want: [{ code: 'invalid_value', at: '!!set' }],
    },
    {
      name: 'a tag that empties a list under an alias key, reported once',
      given: plan(
        'description: &k enum\nevents:\n  E:\n    properties:\n      p: { type: string, *k : [!!timestamp 2020-01-01] }\n',
      ),
      want: [{ code: 'invalid_value', at: '!!timestamp' }],
    },
    {
      name: 'a tag that empties the last of two lists under an alias key, reported once',
      given: plan(
        'description: &k enum\nevents:\n  E:\n    properties:\n      p: { type: string, *k : [a], *k : [!!timestamp 2020-01-01] }\n',
      ),
      want: [
        { code: 'duplicate_key', at: '*k', nth: 1 },
        { code: 'invalid_value', at: '!!timestamp' },
      ],
    },
    {
      name: 'a value that does not fit its type, in a list under an alias key, located at itself',
      given: plan(
        'description: &k enum\nevents:\n  E:\n    properties:\n      p: { type: string, *k : [1] }\n',
      ),
      want: [{ code: 'invalid_value', at: '1]' }],
    },
    {
      name: 'a leading zero beside a !!str that keeps another as text',
      given: property("{ enum: [!!str 02134, '02135'] }\n      q: { const: 0777 }"),
      want: [{ code: 'invalid_value', at: '0777', hint: /!!str 0777/ }],
    },
    {
      name: 'a YAML 1.1 directive after a byte order mark',
      given: `\uFEFF%YAML 1.1\n---\n${property('{ enum: [yes, no] }')}`,
      want: [{ code: 'invalid_value', at: '%YAML', message: /1\.1/ }],
    },
    {
      name: 'a local tag',
      given: property('!custom { type: string }'),
      want: [{ code: 'invalid_value', at: '!custom' }],
    },
    {
      name: 'a verbatim tag',
      given: property('{ const: !<tag:yaml.org,2002:timestamp> 2024-01-01 }'),
      want: [{ code: 'invalid_value', at: '!<tag' }],
    },
    {
      name: 'a number too large for JavaScript, which one parser read as text',
      given: property('{ enum: [1, 1e400] }'),
      want: [{ code: 'invalid_value', at: '1e400', message: /too large/, hint: /quote/ }],
    },
    {
      name: 'an integer too large for JavaScript',
      given: property(`{ const: ${'9'.repeat(400)} }`),
      want: [{ code: 'invalid_value', at: '999' }],
    },
    {
      name: 'a const with a leading zero, which YAML 1.1 reads as octal',
      given: property('{ const: 0777 }'),
      want: [
        {
          code: 'invalid_value',
          at: '0777',
          message: /0777.*777.*octal 511/,
          hint: /"0777".*777/,
        },
      ],
    },
    {
      name: 'zip codes in an enum, each reported',
      given: property('{ enum: [02134, 10001, 00501] }'),
      want: [
        { code: 'invalid_value', at: '02134', message: /leading zero/, hint: /quote/i },
        { code: 'invalid_value', at: '00501' },
      ],
    },
    {
      name: 'a leading zero in a block list, before a comment',
      given: property(
        '\n        enum:\n          - 08 # not octal in YAML 1.1 either\n          - 09',
      ),
      want: [
        { code: 'invalid_value', at: '08', message: /08 is read as the number 8/ },
        { code: 'invalid_value', at: '09' },
      ],
    },
    {
      name: 'leading zeros in bounds, signed and with a fraction',
      given: property('{ type: number, minimum: -007, maximum: 00.5 }'),
      want: [
        { code: 'invalid_value', at: '-007', hint: /\(-7\)/ },
        { code: 'invalid_value', at: '00.5', hint: /\(0\.5\)/ },
      ],
    },
    {
      name: 'a leading zero in a length, a flow mapping with a quoted key, and the version',
      given: `version: 01\nname: Test\nevents:\n  E:\n    properties:\n      p: { "type": string, "minLength":02 }\n`,
      want: [
        { code: 'invalid_value', at: '01' },
        { code: 'invalid_value', at: '02 ' },
      ],
    },
    {
      name: 'an integer beyond what JavaScript holds exactly',
      given: property('{ const: 12345678901234567890 }'),
      want: [
        {
          code: 'invalid_value',
          at: '1234',
          message: /12345678901234567890.*12345678901234567000/,
          hint: /quote/i,
        },
      ],
    },
    {
      name: 'an integer just past the safe range, which its neighbour reads as',
      given: property('{ enum: [9007199254740992, 9007199254740993] }'),
      want: [
        { code: 'invalid_value', at: '9007199254740992', message: /9007199254740991/ },
        { code: 'invalid_value', at: '9007199254740993', message: /9007199254740992/ },
      ],
    },
    {
      name: 'a hexadecimal integer beyond the safe range',
      given: property('{ const: 0x20000000000001 }'),
      want: [{ code: 'invalid_value', at: '0x2' }],
    },
    {
      name: 'a decimal that does not survive the round trip',
      given: property('{ type: number, maximum: 0.10000000000000001 }'),
      want: [{ code: 'invalid_value', at: '0.1', message: /reads it as 0\.1\b/ }],
    },
    {
      name: 'a number so small it reads as 0',
      given: property('{ type: number, minimum: 1e-400 }'),
      want: [{ code: 'invalid_value', at: '1e-400', message: /as 0\b/ }],
    },
    {
      name: 'a number with a leading zero where text belongs, beside its type problem',
      given: plan('events:\n  E:\n    description: 0123\n'),
      want: [
        { code: 'invalid_type', at: '0123' },
        { code: 'invalid_value', at: '0123' },
      ],
    },
    {
      name: 'a YAML 1.1 directive, which would read yes as true',
      given: `%YAML 1.1\n---\n${property('{ enum: [yes, no] }')}`,
      want: [{ code: 'invalid_value', at: '%YAML', message: /1\.2/ }],
    },
    {
      name: 'a merge key in a property',
      given: plan(
        'types:\n  Base: { type: string }\nevents:\n  E:\n    properties:\n      base: &b { type: string }\n      p: { <<: *b, required: true }\n',
      ),
      want: [{ code: 'invalid_value', at: '<<', message: /merge/, hint: /\$ref/ }],
    },
    {
      name: 'a merge key among properties, with the problems beside it',
      given: plan(
        'common: &c\n  id: { type: string }\nevents:\n  E:\n    properties:\n      <<: *c\n      q: { type: strng }\n',
      ),
      want: [
        { code: 'unknown_key', at: 'common' },
        { code: 'invalid_value', at: '<<' },
        { code: 'invalid_value', at: 'strng' },
      ],
    },
  ];

  for (const { parse, extra } of BOTH_PARSES) {
    it.each(table)(`$name (${parse} parse)`, ({ given, want }) => {
      const text = extra ? given.replace('events:\n', `events:\n${extra}`) : given;
      expectProblems(text, want);
    });
  }
});

describe('every copy of a repeated key is checked', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'a problem in the first copy of an event',
      given: plan(
        'events:\n  A:\n    properties:\n      q: { type: strng }\n  A:\n    properties:\n      q: { type: string }\n',
      ),
      want: [
        { code: 'invalid_value', at: 'strng' },
        { code: 'duplicate_key', at: 'A:', nth: 1 },
      ],
    },
    {
      name: 'problems in each of three copies, each at its own place',
      given: plan(
        'events:\n  A: { properties: { q: { type: strng } } }\n  A: { description: 1 }\n  A: { properties: { q: { $ref: Nope } } }\n',
      ),
      want: [
        { code: 'invalid_value', at: 'strng' },
        { code: 'duplicate_key', at: 'A:', nth: 1 },
        { code: 'invalid_type', at: '1 }' },
        { code: 'duplicate_key', at: 'A:', nth: 2 },
        { code: 'unknown_ref', at: 'Nope' },
      ],
    },
    {
      name: 'a problem in the first copy of a property, and an unknown key in the first copy of a type',
      given: plan(
        'types:\n  T: { type: string, requird: true }\n  T: { type: string }\nevents:\n  E:\n    properties:\n      q: { type: string, minimum: 1 }\n      q: { type: number }\n',
      ),
      want: [
        { code: 'unknown_key', at: 'requird' },
        { code: 'duplicate_key', at: 'T:', nth: 1 },
        { code: 'ignored_key', at: 'minimum' },
        { code: 'duplicate_key', at: 'q:', nth: 1 },
      ],
    },
    {
      name: 'a problem in the last copy of a key repeated inside the first copy of an event',
      given: plan(
        'events:\n  A:\n    properties:\n      q: { type: string }\n      q: { type: strng }\n  A:\n    description: x\n',
      ),
      want: [
        { code: 'duplicate_key', at: 'q:', nth: 1 },
        { code: 'invalid_value', at: 'strng' },
        { code: 'duplicate_key', at: 'A:', nth: 1 },
      ],
    },
    {
      name: 'a problem in the first copy of a key repeated inside the last copy of an event',
      given: plan(
        'events:\n  A:\n    description: x\n  A:\n    properties:\n      q: { type: strng }\n      q: { type: string }\n',
      ),
      want: [
        { code: 'duplicate_key', at: 'A:', nth: 1 },
        { code: 'invalid_value', at: 'strng' },
        { code: 'duplicate_key', at: 'q:', nth: 1 },
      ],
    },
    {
      name: 'problems in every copy of keys repeated three deep',
      given: plan(
        [
          'events:',
          '  A:',
          '    properties:',
          '      o:',
          '        properties:',
          '          x: { type: strng }',
          '          x: { type: nul }',
          '      o: { type: numbr }',
          '  A:',
          '    properties:',
          '      o:',
          '        properties:',
          '          x: { type: intger }',
          '          x: { type: string }',
          '',
        ].join('\n'),
      ),
      want: [
        { code: 'invalid_value', at: 'strng' },
        { code: 'duplicate_key', at: 'x:', nth: 1 },
        { code: 'invalid_value', at: 'nul' },
        { code: 'duplicate_key', at: 'o:', nth: 1 },
        { code: 'invalid_value', at: 'numbr' },
        { code: 'duplicate_key', at: 'A:', nth: 1 },
        { code: 'invalid_value', at: 'intger' },
        { code: 'duplicate_key', at: 'x:', nth: 3 },
      ],
    },
    {
      name: 'a list that only the earlier copy empties is one problem, not two',
      given: plan(
        'events:\n  A: { properties: { p: { enum: [!!timestamp 2024-01-01] } } }\n  A: { properties: { p: { enum: [a] } } }\n',
      ),
      want: [
        { code: 'invalid_value', at: '!!timestamp' },
        { code: 'duplicate_key', at: 'A:', nth: 1 },
      ],
    },
    {
      name: 'the same problem in both copies is reported at each',
      given: plan('events:\n  A: { description: 1 }\n  A: { description: 2 }\n'),
      want: [
        { code: 'invalid_type', at: '1 }' },
        { code: 'duplicate_key', at: 'A:', nth: 1 },
        { code: 'invalid_type', at: '2 }' },
      ],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));
});

describe('an anchor used many times reads like the plan written out, whichever parse reads it', () => {
  const events = Array.from(
    { length: 120 },
    (_, i) => `  E${i}:\n    properties:\n      price: *money\n`,
  ).join('');
  const aliased = plan(`types:\n  Money: &money { type: number, minimum: 0 }\nevents:\n${events}`);

  for (const { parse, extra } of BOTH_PARSES) {
    it(`generates a plan aliasing one anchor 120 times (${parse} parse)`, () => {
      const result = generate(aliased.replace('events:\n', `events:\n${extra}`));
      expect(result.ok ? [] : result.problems).toEqual([]);
    });
  }

  it('generates it with a description that takes the positioned parse', () => {
    const text = aliased.replace('  E0:\n', '  E0:\n    description: !!str 0900\n');
    const result = generate(text);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) {
    const previous = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
  }
  const bomb = plan(`${levels.join('\n')}\nevents:\n  E: {}\n`);
  for (const { parse, extra } of BOTH_PARSES) {
    it(`refuses aliases nested without bound (${parse} parse)`, () => {
      const { model, problems } = loadPlan(bomb.replace('events:\n', `events:\n${extra}`));
      expect(model).toBeUndefined();
      expect(problems.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
        { code: 'yaml_syntax', line: 1, column: 1 },
      ]);
      expect(problems[0]?.message).toMatch(/aliases/);
    });
  }
});

describe('a byte order mark before the %YAML directive', () => {
  it('reads a plan that asks for YAML 1.2, on the positioned parse', () => {
    const text = `\uFEFF%YAML 1.2\n---\n${plan('events:\n  "Added, Removed": {}\n')}`;
    const { problems } = loadPlan(text);
    expect(problems).toEqual([]);
  });
});
