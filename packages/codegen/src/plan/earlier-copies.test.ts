import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectProblems, plan, positionOf, type Want } from '../../test/plan-problems.js';
import { loadPlan, MAX_EARLIER_COPY_NODES, MAX_EARLIER_READINGS } from './load-plan.js';
import { parsePlanSource } from './source.js';

/** What the checks of one loadPlan were given: how often it parsed, and each value it checked. */
const seen = vi.hoisted(() => ({ parses: 0, checked: [] as unknown[] }));

vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      seen.parses++;
      return yaml.parseDocument(...args);
    },
  };
});

vi.mock('./validate-schema.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./validate-schema.js')>();
  return {
    ...original,
    validatePlanSchema: (...args: Parameters<typeof original.validatePlanSchema>) => {
      seen.checked.push(args[0].value);
      return original.validatePlanSchema(...args);
    },
  };
});

beforeEach(() => {
  seen.parses = 0;
  seen.checked = [];
});

/** `count` events that take nothing but their own reading, named Event 0 and on from `from`. */
const ordinary = (count: number, from = 0) =>
  Array.from(
    { length: count },
    (_, i) => `  Event ${from + i}:\n    properties:\n      a: { type: string }\n`,
  ).join('');

/** `Dup` written `copies` times, each listing `x` `inner` times, the very first x misspelled. */
const repeated = (copies: number, inner: number) =>
  Array.from(
    { length: copies },
    (_, copy) =>
      `  Dup:\n    properties:\n${Array.from(
        { length: inner },
        (_, i) => `      x: { type: ${copy === 0 && i === 0 ? 'strng' : 'string'} }\n`,
      ).join('')}`,
  ).join('');

const eventsIn = (value: unknown) =>
  Object.keys((value as { events?: object } | undefined)?.events ?? {});

describe('the earlier copies of repeated keys are read without reading the whole plan again', () => {
  // The shape that made one plan take 399 readings of the whole plan: an
  // event written many times, each copy repeating a property many times.
  const text = plan(`events:\n${ordinary(30)}${repeated(4, 4)}${ordinary(30, 30)}`);

  it('takes a reading for every copy inside every copy', () => {
    expect(parsePlanSource(text, 'plan.yaml').earlierReadings).toBe(15);
  });

  it('parses the plan once, and reports a problem inside an earlier copy of an earlier copy', () => {
    const { problems } = loadPlan(text, 'plan.yaml');
    expect(seen.parses).toBe(1);
    expect(problems.filter(({ code }) => code !== 'duplicate_key')).toEqual([
      expect.objectContaining({ code: 'invalid_value', ...positionOf(text, 'strng') }),
    ]);
  });

  it('checks the copies a reading reads, and the other events only by name in the first reading of an earlier copy of an event', () => {
    loadPlan(text, 'plan.yaml');
    const all = 61;
    // The plan's own reading, the last Dup's three earlier x, then each
    // earlier Dup: first with its last x and the names it must not share,
    // then with each of its three earlier x.
    expect(seen.checked.map((value) => eventsIn(value).length)).toEqual([
      all,
      ...[1, 1, 1],
      ...[all, 1, 1, 1],
      ...[all, 1, 1, 1],
      ...[all, 1, 1, 1],
    ]);
    const [, , , , firstOfAnEarlierDup] = seen.checked as { events: Record<string, unknown> }[];
    expect(firstOfAnEarlierDup?.events['Event 0']).toEqual({});
  });
});

describe('what the checks of an earlier copy read beside it', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'the function names of the other events',
      given: plan('events:\n  Sign Up: {}\n  A: { function: signUp }\n  A: {}\n'),
      want: [
        { code: 'name_collision', at: 'A:' },
        { code: 'duplicate_key', at: 'A:', nth: 1 },
      ],
    },
    {
      name: 'every name, in each reading that checks them, not only the types',
      given: plan(
        'types:\n  SignUpProperties: { type: object }\nevents:\n  Sign Up: {}\n  sign-up: { properties: { a: { type: string }, a: { type: number } } }\n  sign-up: {}\n',
      ),
      want: [
        { code: 'name_collision', at: 'Sign Up:', message: /type SignUpProperties/ },
        { code: 'name_collision', at: 'sign-up:', message: /function signUp/ },
        { code: 'duplicate_key', at: 'a:', nth: 1 },
        { code: 'duplicate_key', at: 'sign-up:', nth: 1 },
        { code: 'name_collision', at: 'sign-up:', nth: 1 },
      ],
    },
    {
      name: 'the type names of the other pages',
      given: plan('pages:\n  Home: {}\n  home: { category: 1 }\n  home: {}\n'),
      want: [
        { code: 'name_collision', at: 'home:' },
        { code: 'invalid_type', at: '1 }' },
        { code: 'duplicate_key', at: 'home:', nth: 1 },
        { code: 'name_collision', at: 'home:', nth: 1 },
      ],
    },
    {
      name: 'the declared types, which a reference refers to',
      given: plan(
        'types:\n  T: { type: string }\nevents:\n  A: { properties: { p: { $ref: T }, q: { $ref: U } } }\n  A: {}\n',
      ),
      want: [
        { code: 'unknown_ref', at: 'U }' },
        { code: 'duplicate_key', at: 'A:', nth: 1 },
      ],
    },
    {
      name: 'the keys beside a repeated rule, such as its type',
      given: plan(
        'events:\n  A:\n    properties:\n      p: { type: string, pattern: "^a", pattern: "^b" }\n',
      ),
      want: [{ code: 'duplicate_key', at: 'pattern', nth: 1 }],
    },
    {
      name: 'an anchor in an event the reading leaves out',
      given: plan(
        'events:\n  A: { properties: { a: &m { type: numbr } } }\n  B: { properties: { b: *m } }\n  B: {}\n',
      ),
      want: [
        { code: 'invalid_value', at: 'numbr' },
        { code: 'invalid_value', at: '*m' },
        { code: 'duplicate_key', at: 'B:', nth: 1 },
      ],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));
});

describe('a plan with too many copies inside copies to check', () => {
  const notAll = /too often to check every copy/;

  it(`stops after ${MAX_EARLIER_COPY_NODES} nodes and says so at the first repeated key`, () => {
    // An alias makes each reading of the first Dup 111,111 nodes large.
    const big = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...['b', 'c', 'd', 'e'].map(
        (name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`,
      ),
    ].join('\n');
    const inner = Array(10).fill('      x: { type: string }\n').join('');
    const text = plan(
      `${big}\nevents:\n  Dup:\n    description: *e\n    properties:\n${inner}  Dup: {}\n`,
    );
    const readings = parsePlanSource(text, 'plan.yaml').earlierReadings ?? 0;
    const { problems } = loadPlan(text, 'plan.yaml');
    const checkedReadings = seen.checked.length - 1;
    expect(checkedReadings).toBe(Math.ceil(MAX_EARLIER_COPY_NODES / 111_111));
    expect(checkedReadings).toBeLessThan(readings);
    const first = problems.find(({ code }) => code === 'duplicate_key');
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'duplicate_key', message: expect.stringMatching(notAll) }),
    );
    expect(problems.find(({ message }) => notAll.test(message))).toMatchObject({
      line: first?.line,
      column: first?.column,
    });
  });

  it(`stops after ${MAX_EARLIER_READINGS} readings`, () => {
    const copies = Math.ceil((MAX_EARLIER_READINGS + 2) / 2);
    const text = plan(`events:\n${repeated(copies, 2)}`);
    expect(parsePlanSource(text, 'plan.yaml').earlierReadings).toBeGreaterThan(
      MAX_EARLIER_READINGS,
    );
    const { problems } = loadPlan(text, 'plan.yaml');
    expect(seen.checked.length).toBe(1 + MAX_EARLIER_READINGS);
    expect(problems.filter(({ message }) => notAll.test(message))).toHaveLength(1);
  });

  it('checks every copy of a plan within the limits, and says nothing of them', () => {
    const text = plan(`events:\n${ordinary(30)}${repeated(4, 4)}`);
    const { problems } = loadPlan(text, 'plan.yaml');
    expect(seen.checked.length).toBe(16);
    expect(problems.some(({ message }) => notAll.test(message))).toBe(false);
  });
});
