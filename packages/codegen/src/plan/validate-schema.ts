import type { z } from 'zod';
import { closest, type PlanProblem } from './problems.js';
import { ALLOWED_KEYS, FORMATS, type PlanFile, PlanSchema, TYPE_NAMES } from './schema.js';
import type { PlanPath, PlanSource } from './source.js';

/** A path as a reader would write it: events."Order Completed".properties.total */
export function describePath(path: PlanPath): string {
  if (path.length === 0) return 'the plan';
  return path
    .map((segment) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(segment)
          ? segment
          : JSON.stringify(segment),
    )
    .join('.')
    .replace(/\.\[/g, '[');
}

function valueAt(data: unknown, path: PlanPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  // JSON has no infinities: name them as YAML writes them, not as JSON.stringify's null.
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Which mapping a path points at, to know its allowed keys. */
function mappingKind(path: PlanPath): keyof typeof ALLOWED_KEYS {
  if (path.length === 0) return 'plan';
  if (path.length === 2 && path[0] === 'events') return 'event';
  if (path.length === 2 && path[0] === 'pages') return 'page';
  if (path.length === 1 && (path[0] === 'identify' || path[0] === 'group')) return 'traits';
  return 'property';
}

/** Mappings from names to definitions: `events`, `pages`, `types`, `properties`, `traits`. */
function isNameMap(path: PlanPath): boolean {
  const last = path[path.length - 1];
  if (path.length === 1) return last === 'events' || last === 'pages' || last === 'types';
  return last === 'properties' || last === 'traits';
}

const KIND_NAMES: Record<keyof typeof ALLOWED_KEYS, string> = {
  plan: 'the plan',
  event: 'an event',
  page: 'a page',
  traits: 'a traits section',
  property: 'a property',
};

/** What a path expected to hold a mapping should hold, and the hint to write it. */
function expectedMapping(path: PlanPath): { what: string; hint: string } {
  if (isNameMap(path)) {
    return {
      what: 'a mapping of names',
      hint: `Write one \`name: {...}\` line per entry under ${String(path[path.length - 1])}:, or leave it empty.`,
    };
  }
  const kind = mappingKind(path);
  const name = String(path[path.length - 1]);
  return {
    what: `${KIND_NAMES[kind]}, a mapping`,
    hint: `${upperFirst(KIND_NAMES[kind])} is a mapping with the keys ${ALLOWED_KEYS[kind].join(', ')}${
      kind === 'event' || kind === 'page'
        ? `; write \`${name}: {}\` for one with no properties`
        : ''
    }.`,
  };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function issueToProblems(
  issue: z.core.$ZodIssue,
  data: unknown,
  source: PlanSource,
): PlanProblem[] {
  const path = issue.path as PlanPath;
  const at = (p: PlanPath, where: 'key' | 'value' = 'value') => ({
    file: source.file,
    ...source.locate(p, where),
  });
  const where = describePath(path);
  const last = path[path.length - 1];

  if (issue.code === 'unrecognized_keys') {
    const allowed = ALLOWED_KEYS[mappingKind(path)];
    return issue.keys.map((key) => {
      const suggestion = closest(key, allowed);
      return {
        code: 'unknown_key' as const,
        message: `Unknown key "${key}" in ${where}.`,
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : `Allowed keys here: ${allowed.join(', ')}.`,
        ...at([...path, key], 'key'),
      };
    });
  }
  // The names of events, pages, types and properties may be anything but empty.
  if (issue.code === 'invalid_key' && last === '') {
    return [
      {
        code: 'invalid_value',
        message: `A name in ${describePath(path.slice(0, -1))} is empty, so it names nothing.`,
        hint: 'Write the name between the quotes, or remove the entry.',
        ...at(path, 'key'),
      },
    ];
  }
  const actual = valueAt(data, path);
  if (last === 'type' || (path[path.length - 2] === 'type' && typeof last === 'number')) {
    const suggestion = typeof actual === 'string' ? closest(actual, TYPE_NAMES) : undefined;
    return [
      {
        code: 'invalid_value',
        message: `${where} is ${kindOf(actual)}, which is not a type.`,
        hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use one of ${TYPE_NAMES.join(', ')}${typeof last === 'number' ? '' : ', or a list of them such as [string, "null"]'}.`,
        ...at(path),
      },
    ];
  }
  if (last === 'format') {
    const suggestion = typeof actual === 'string' ? closest(actual, FORMATS) : undefined;
    return [
      {
        code: 'invalid_value',
        message: `${where} is ${kindOf(actual)}, which is not a supported format.`,
        hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use one of ${FORMATS.join(', ')}, or a pattern.`,
        ...at(path),
      },
    ];
  }
  if (last === 'version') {
    return [
      {
        code: 'invalid_value',
        message: `This codegen reads plan version 1; ${where} is ${kindOf(actual)}.`,
        hint: 'Write `version: 1` at the top of the plan.',
        ...at(path),
      },
    ];
  }
  if (issue.code === 'invalid_type' && actual === undefined) {
    return [
      {
        code: 'invalid_type',
        message: `${where} is missing.`,
        hint: `Add \`${String(last)}:\` (${issue.expected}) to ${describePath(path.slice(0, -1))}.`,
        ...at(path.slice(0, -1)),
      },
    ];
  }
  if (typeof actual === 'number' && !Number.isFinite(actual)) {
    return [
      {
        code: 'invalid_type',
        message: `${where} is ${kindOf(actual)}; expected a finite number.`,
        hint:
          last === 'minimum' || last === 'maximum'
            ? `Write a finite number, or leave ${last} out for no bound.`
            : 'Write a finite number.',
        ...at(path),
      },
    ];
  }
  if (
    issue.code === 'invalid_type' &&
    (issue.expected === 'record' || issue.expected === 'object')
  ) {
    const { what, hint } = expectedMapping(path);
    return [
      {
        code: 'invalid_type',
        message: `${where} is ${kindOf(actual)}; expected ${what}.`,
        hint,
        ...at(path),
      },
    ];
  }
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    const expected = issue.code === 'invalid_type' ? issue.expected : 'a different kind of value';
    return [
      {
        code: 'invalid_type',
        message: `${where} is ${kindOf(actual)}; expected ${expected === 'record' || expected === 'object' ? 'a mapping' : expected === 'array' ? 'a list' : expected}.`,
        hint:
          (!isNameMap(path.slice(0, -1)) && mappingKind(path.slice(0, -1)) === 'property') ||
          path.includes('properties')
            ? 'See the property keys in the plan format: type, enum, required, description, items, properties…'
            : 'See the plan format in the codegen README.',
        ...at(path),
      },
    ];
  }
  return [
    {
      code: 'invalid_value',
      message: `${where}: ${issue.message.replace(/^Invalid input: /, '')}.`,
      hint: 'See the plan format in the codegen README.',
      ...at(path),
    },
  ];
}

/** Whether an option's issue says the value is not of the option's kind at all. */
function isOtherKind(issue: z.core.$ZodIssue): boolean {
  return (
    issue.path.length === 0 &&
    (issue.code === 'invalid_type' ||
      issue.code === 'invalid_value' ||
      issue.code === 'invalid_union')
  );
}

/**
 * Replaces each failed union (`type: string | [string, ...]`, a boolean or a
 * property node) by the issues of its one option of the value's kind, so a
 * problem is reported, and cut out, where it is: in `type: [string, strng]`
 * at strng, not at the list. zod reports the union whole when every option
 * fails, even one that only an element or a nested key fails.
 */
function unwrapUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const fitting = issue.errors.filter((option) => !option.some(isOtherKind));
    const [only] = fitting;
    if (fitting.length !== 1 || !only) return [issue];
    return unwrapUnions(only.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

/**
 * Cuts every invalid part out of `copy`, in place (unknown keys dropped, bad
 * values removed, version and name filled), so later checks can still look
 * at the rest and every problem is reported in one run. `pruned` collects the
 * mappings that lost a key, whose remaining keys may mean something else
 * than the author meant (a rule beside a misspelled `type`).
 */
function pruneInvalid(
  copy: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
  pruned: Set<object>,
): void {
  // List elements are spliced out last, highest index first, so that the
  // issues' indices stay right and no hole is left for zod to refuse again.
  const elements = new Map<unknown[], number[]>();
  for (const issue of issues) {
    const parentPath = issue.path.slice(0, -1) as PlanPath;
    const parent = valueAt(copy, parentPath) as Record<string | number, unknown> | undefined;
    const target = valueAt(copy, issue.path as PlanPath) as Record<string, unknown> | undefined;
    if (issue.code === 'unrecognized_keys' && target && typeof target === 'object') {
      for (const key of issue.keys) delete target[key];
      pruned.add(target);
    } else if (Array.isArray(parent) && typeof issue.path.at(-1) === 'number') {
      elements.set(parent, [...(elements.get(parent) ?? []), issue.path.at(-1) as number]);
      pruned.add(parent);
      const holder = valueAt(copy, parentPath.slice(0, -1));
      if (holder && typeof holder === 'object') pruned.add(holder);
    } else if (parent && typeof parent === 'object' && issue.path.length > 0) {
      delete parent[issue.path[issue.path.length - 1] as string | number];
      pruned.add(parent);
      const holder = valueAt(copy, parentPath.slice(0, -1));
      if (Array.isArray(parent) && holder && typeof holder === 'object') pruned.add(holder);
    }
  }
  for (const [list, indices] of elements) {
    for (const index of [...new Set(indices)].sort((a, b) => b - a)) list.splice(index, 1);
  }
  if (copy && typeof copy === 'object') {
    copy.version = 1;
    if (typeof copy.name !== 'string' || copy.name === '') copy.name = 'plan';
  }
}

/**
 * Finds keys named __proto__ anywhere in the plan. They are refused: a
 * JavaScript object literal with such a key changes its prototype instead of
 * holding a property, in generated code as in most tools downstream, and zod
 * skips them, so their contents would go unchecked.
 */
function protoKeyProblems(value: unknown, source: PlanSource, path: PlanPath = []): PlanProblem[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const child = [...path, Array.isArray(value) ? Number(key) : key];
    const own: PlanProblem[] =
      key === '__proto__'
        ? [
            {
              code: 'reserved_name',
              message: `${describePath(path)} uses the name "__proto__", which JavaScript objects cannot hold as a plain key.`,
              hint: 'Rename it, e.g. "proto".',
              file: source.file,
              ...source.locate(child, 'key'),
            },
          ]
        : [];
    return [...own, ...protoKeyProblems((value as Record<string, unknown>)[key], source, child)];
  });
}

/** Enough for a part cut out to empty its list, and the list's holder in turn. */
const MAX_PRUNE_ROUNDS = 4;

/** A copy of the plan without its __proto__ keys, which protoKeyProblems reports. */
function withoutProtoKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutProtoKeys);
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== '__proto__') copy[key] = withoutProtoKeys(child);
  }
  return copy;
}

/**
 * Checks the plan's shape with zod, reporting every problem rather than the
 * first. When some parts are invalid, `partial` holds the valid rest.
 */
export function validatePlanSchema(source: PlanSource): {
  plan?: PlanFile;
  partial?: PlanFile;
  /** The mappings of `partial` that lost an invalid key. */
  pruned?: Set<object>;
  problems: PlanProblem[];
} {
  const reserved = protoKeyProblems(source.value, source);
  // The rest of a plan with __proto__ keys is still checked, without them.
  const value = reserved.length > 0 ? withoutProtoKeys(source.value) : source.value;
  const result = PlanSchema.safeParse(value);
  // The checked input, not zod's copy: zod builds records by assignment,
  // which silently drops a key named __proto__. The schema transforms
  // nothing, so the input is exactly the validated plan.
  if (result.success) {
    return reserved.length > 0
      ? { partial: value as PlanFile, pruned: new Set(), problems: reserved }
      : { plan: value as PlanFile, problems: [] };
  }
  const issues = unwrapUnions(result.error.issues);
  const problems = [
    ...reserved,
    ...issues
      // A list emptied of elements the parse reported and left out is no second problem.
      .filter(
        (issue) => issue.code !== 'too_small' || !source.emptied?.has(JSON.stringify(issue.path)),
      )
      .flatMap((issue) => issueToProblems(issue, value, source)),
  ];
  if (!value || typeof value !== 'object') return { problems };
  // Cutting out a part can leave its holder invalid in turn (an enum left
  // empty); cut again, without reporting, until the rest is valid.
  const prunedNodes = new Set<object>();
  const partial = structuredClone(value) as Record<string, unknown>;
  let left = issues;
  for (let round = 0; round < MAX_PRUNE_ROUNDS; round++) {
    pruneInvalid(partial, left, prunedNodes);
    const rest = PlanSchema.safeParse(partial);
    if (rest.success) return { partial: partial as PlanFile, pruned: prunedNodes, problems };
    left = unwrapUnions(rest.error.issues);
  }
  return { problems };
}
