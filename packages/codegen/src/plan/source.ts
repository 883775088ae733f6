import { load } from 'js-yaml';
import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { PlanProblem } from './problems.js';
import { describePath } from './validate-schema.js';
import { writtenNumberProblem } from './written-numbers.js';

export type PlanPath = readonly (string | number)[];

/** A parsed YAML file that can say where any path in it is. */
export interface PlanSource {
  file: string;
  /**
   * The document as plain data; undefined when the YAML is unreadable. With
   * duplicate keys it is still read (each key's last value wins) for the
   * later checks, but the plan is invalid.
   */
  value: unknown;
  /** 1-based line and column of the value at `path`, or of its key with `at: 'key'`. */
  locate(path: PlanPath, at?: 'key' | 'value'): { line: number; column: number };
  problems: PlanProblem[];
  /**
   * How many more readings of {@link readEarlierCopies} it takes to check
   * every earlier copy of a repeated key, copies inside copies too: the
   * value holds each key's last copy.
   */
  earlierReadings?: number;
  /**
   * In a source from {@link readEarlierCopies}, whether a position is inside
   * one of the copies it reads that no earlier reading held.
   */
  inEarlierCopy?: (position: { line: number; column: number }) => boolean;
  /**
   * Lists (as JSON paths) that held only elements already reported and left
   * out (`enum: [!!timestamp 2024-01-01]`): that they are now empty is no
   * second problem.
   */
  emptied?: ReadonlySet<string>;
}

const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: 'Check the indentation: nested keys go two spaces deeper than their parent.',
  MISSING_CHAR: 'A bracket, brace or quote is not closed.',
};

/** More node visits than any real plan needs: only aliases nested on aliases get here. */
const MAX_NODE_VISITS = 2_000_000;

/**
 * Keys js-yaml may have made from something other than the name as written:
 * a null key (`~:`) becomes "null", a list key "a,b", a mapping key
 * "[object Object]", a merge key "<<", and a key YAML reads as a number or a
 * boolean the way JavaScript prints it (`1.0:` "1", `0x10:` "16", `TRUE:`
 * "true"). Only the positioned parse can tell; a quoted "null" merely takes it.
 */
function mayHideKey(key: string): 'number' | boolean {
  if (NUMBER_AS_PRINTED.test(key)) return 'number';
  return (
    key === 'null' ||
    key === '<<' ||
    key === 'true' ||
    key === 'false' ||
    key.includes(',') ||
    key.includes('[object ')
  );
}

const NUMBER_AS_PRINTED = /^(?:-?(?:\d+(?:\.\d+)?(?:e[+-]\d+)?|Infinity)|NaN)$/;

/**
 * Text that only the positioned parse reads as the plan format does: a tag
 * (`!!timestamp`, `!local`), which the two parsers resolve differently, a
 * directive (`%YAML 1.1`), a number too large for JavaScript (`1e400`, a
 * 400-digit integer), which js-yaml reads as text and \`yaml\` as Infinity,
 * or a number that is not what was written (see written-numbers.ts), whose
 * source text only the positioned parse keeps:
 * - a leading zero (`0777`, `[02134, 10001]`, `- 08 # c`): a plain scalar of
 *   a sign, 0 and a digit, then digits, a fraction or an exponent, after a
 *   space, a flow indicator or a quoted key's colon (not the one in 09:00)
 *   and ended by the line, a comment or a flow indicator;
 * - 16 or more digits (one point among them), or an exponent of three digits:
 *   every number JavaScript cannot hold exactly has one of these, or is a
 *   hexadecimal or 0o octal integer of at least 2^53.
 * Matching more (a "!x" after a space in a description, "code 0123," or a
 * 16-digit id in a description) costs only time.
 */
const NODE_START = String.raw`(?:^[ \t]*|[-:?][ \t]+|[[{,][ \t]*|["']:[ \t]*|&\S+[ \t]+)`;
const TOKEN_END = String.raw`[ \t\r]*(?:$|[,\]}#])`;
const NEEDS_POSITIONED_PARSE = new RegExp(
  String.raw`${NODE_START}!|^\uFEFF?%|${NODE_START}[-+]?(?:` +
    [
      // a leading zero
      String.raw`0\d+(?:\.\d*)?(?:[eE][-+]?\d+)?`,
      // an exponent of three digits or more
      String.raw`(?:\d+(?:\.\d*)?|\.\d+)[eE][-+]?\d{3,}`,
      // 16 digits or more, one point among them
      String.raw`(?=\.?\d(?:\.?\d){15})(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`,
      String.raw`0x[\dA-Fa-f]{14,}`,
      '0o[0-7]{18,}',
    ].join('|') +
    `)${TOKEN_END}`,
  'm',
);

/**
 * Where a plain key may be written in another spelling of the number js-yaml
 * names it by (`0404:`, `1.0:`, `-0:`), and keys whose spelling the text does
 * not show on one line: explicit keys (`? 1e3`) and aliases (`*k :`).
 */
const KEY_START = String.raw`(?:^[ \t]*|[-?][ \t]+|[[{,][ \t]*|&\S+[ \t]+)`;
const NUMBER_LIKE_KEY = new RegExp(
  String.raw`${KEY_START}([-+.\d][^\s:,[\]{}]*)[ \t]*:(?=[\s,\]}]|$)`,
  'gm',
);
const UNSEEN_KEY = new RegExp(String.raw`${KEY_START}(?:\?(?:[ \t]|$)|\*\S+[ \t]*:)`, 'm');

/** Whether some key of the text may be a number js-yaml names otherwise than written. */
function mayMisnameNumberKey(text: string): boolean {
  if (UNSEEN_KEY.test(text)) return true;
  for (const [, written = ''] of text.matchAll(NUMBER_LIKE_KEY)) {
    if (String(Number(written)) !== written) return true;
  }
  return false;
}

/** Whether a plan's text may hold something only the positioned parse reads right. */
export function needsPositionedParse(text: string): boolean {
  return NEEDS_POSITIONED_PARSE.test(text);
}

/**
 * Both parsers read YAML 1.2 with the core schema and nothing else: no
 * timestamps, sets or binary (so no Date, Set or Buffer), no merge keys, and
 * no YAML 1.1 booleans or octals even under a `%YAML 1.1` directive.
 * js-yaml's default schema is that core schema.
 */
const POSITIONED_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  // Duplicate keys are found by checkKeys, which names them.
  uniqueKeys: false,
  prettyErrors: false,
} as const;

/**
 * Counts nodes against the budget; returns whether a key needs the positioned
 * parse, or 'number' when only keys named like numbers may.
 */
function countVisits(value: unknown, budget: { left: number }): 'number' | boolean {
  if (--budget.left < 0 || value === null || typeof value !== 'object') return false;
  let suspect: 'number' | boolean = false;
  for (const [key, child] of Object.entries(value)) {
    const hides = Array.isArray(value) ? false : mayHideKey(key);
    const below = countVisits(child, budget);
    if (hides === true || below === true) suspect = true;
    else if (suspect === false && (hides || below)) suspect = 'number';
    if (budget.left < 0) return suspect;
  }
  return suspect;
}

const TOO_MANY_NODES = Symbol('too many nodes');

/**
 * The plan as js-yaml reads it, or undefined when only the positioned parse
 * reads it as the plan format does.
 */
function readQuickly(text: string): { value: unknown } | undefined {
  if (needsPositionedParse(text)) return undefined;
  let value: unknown;
  try {
    value = load(text);
  } catch {
    return undefined;
  }
  const budget = { left: MAX_NODE_VISITS };
  const suspectKeys = countVisits(value, budget);
  if (budget.left < 0) return { value: TOO_MANY_NODES };
  if (suspectKeys === true || (suspectKeys === 'number' && mayMisnameNumberKey(text))) {
    return undefined;
  }
  return { value };
}

/** Whether a plan's text takes the slower positioned parse. */
export function takesPositionedParse(text: string): boolean {
  return readQuickly(text) === undefined;
}

/** Whether a value read expands, through aliases, to more nodes than any plan needs. */
function expandsTooFar(value: unknown): boolean {
  const budget = { left: MAX_NODE_VISITS };
  countVisits(value, budget);
  return budget.left < 0;
}

function tooManyNodes(file: string): PlanProblem {
  return {
    code: 'yaml_syntax',
    message: 'The plan expands to more nodes than any plan needs; its aliases refer to aliases.',
    hint: 'Write the repeated parts out, or use fewer nested YAML aliases.',
    file,
    line: 1,
    column: 1,
  };
}

/**
 * Reads a plan. The fast path parses with js-yaml, several times faster on
 * large plans; node positions, which only problems need, come from a second
 * parse with \`yaml\` the first time something asks where a path is. Files
 * js-yaml refuses go to \`yaml\` directly, whose errors carry positions.
 */
export function parsePlanSource(text: string, file: string): PlanSource {
  const quick = readQuickly(text);
  if (quick === undefined) return parseWithPositions(text, file);
  const { value } = quick;
  if (value === TOO_MANY_NODES) {
    return {
      file,
      value: undefined,
      locate: () => ({ line: 1, column: 1 }),
      problems: [tooManyNodes(file)],
    };
  }
  let positioned: PlanSource | undefined;
  return {
    file,
    value,
    locate: (path, at) => {
      positioned ??= parseWithPositions(text, file);
      return positioned.locate(path, at);
    },
    problems: [],
  };
}

/**
 * The plan's `reading`th reading (from 1 to its `earlierReadings`), in which
 * earlier copies of repeated keys count instead of the last: checking the
 * readings finds the problems inside every copy, which the plan's own reading
 * (the last copy wins) never looks at. See selectCopies for which copy counts.
 */
export function readEarlierCopies(text: string, file: string, reading: number): PlanSource {
  return parseWithPositions(text, file, reading);
}

/**
 * Parses YAML keeping every node's position, in one reading of repeated keys
 * (see readEarlierCopies; reading 0 is the plan's own). Syntax errors become
 * problems located where the parser stopped; aliases are capped so a hostile
 * file cannot expand without bound.
 */
function parseWithPositions(text: string, file: string, reading = 0): PlanSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...POSITIONED_OPTIONS, lineCounter });
  // A byte order mark is the first character of the text, but no column.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: line === 1 ? Math.max(1, col - bom) : col };
  };
  const problems: PlanProblem[] = doc.errors.map((error) => ({
    code: 'yaml_syntax',
    message:
      error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message,
    hint: YAML_HINTS[error.code] ?? 'Fix the YAML syntax at this position.',
    file,
    ...position(error.pos[0]),
  }));
  let value: unknown;
  let earlierReadings = 0;
  const earlier: { start: number; end: number }[] = [];
  let emptied = new Set<string>();
  // A bad key leaves the rest of the document readable, so the later stages
  // still check it and one run reports every problem.
  if (problems.length === 0) {
    problems.push(...checkVersion(doc, text, file, position));
    const keys = checkKeys(doc, text, file, position, reading);
    problems.push(...keys.problems);
    earlierReadings = keys.earlierReadings;
    earlier.push(...keys.earlier);
    emptied = keys.emptied;
    // Aliases share their anchor's value, so the one limit of both parses is
    // the node visits of what they expand to.
    value = doc.toJS({ maxAliasCount: -1 });
    if (expandsTooFar(value)) {
      value = undefined;
      problems.splice(0, problems.length, tooManyNodes(file));
    }
  }

  function locate(path: PlanPath, at: 'key' | 'value' = 'value') {
    let node: unknown = doc.contents;
    let found = node as Node | null;
    for (const [index, segment] of path.entries()) {
      if (isMap(node)) {
        // The last of duplicate keys is the one whose value counts.
        const pair = [...node.items]
          .reverse()
          .find(
            (item) =>
              isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
          );
        if (!pair) break;
        if (index === path.length - 1 && at === 'key' && isScalar(pair.key)) {
          found = pair.key;
          break;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        break;
      }
      if (node && typeof node === 'object' && 'range' in node) found = node as Node;
    }
    return position(found?.range?.[0] ?? 0);
  }

  const offsetOf = ({ line, column }: { line: number; column: number }) =>
    (lineCounter.lineStarts[line - 1] ?? 0) + column - 1 + (line === 1 ? bom : 0);
  return {
    file,
    value,
    locate,
    problems,
    earlierReadings,
    emptied,
    ...(reading > 0 && {
      inEarlierCopy: (at: { line: number; column: number }) => {
        const offset = offsetOf(at);
        return earlier.some(({ start, end }) => offset >= start && offset < end);
      },
    }),
  };
}

/**
 * A `%YAML 1.1` directive asks for another reading (`yes` as true, `0777` as
 * 511) than the YAML 1.2 the plan is read as, so it is reported rather than
 * silently read otherwise.
 */
function checkVersion(
  doc: Document,
  text: string,
  file: string,
  position: (offset: number) => { line: number; column: number },
): PlanProblem[] {
  const { explicit, version } = doc.directives?.yaml ?? {};
  // A byte order mark may come before the directive.
  const written = /^\uFEFF?(%YAML[ \t]+(\S+))/m.exec(text);
  if (!explicit || (version === '1.2' && written?.[2] === '1.2')) return [];
  return [
    {
      code: 'invalid_value',
      message: `The plan asks for YAML ${written?.[2] ?? version}, but plans are read as YAML 1.2, where yes, no, on and off are text.`,
      hint: 'Remove the %YAML directive, and write true or false where a boolean is meant.',
      file,
      ...position(written ? written.index + written[0].length - (written[1]?.length ?? 0) : 0),
    },
  ];
}

/** The core schema's tags, with what each makes of the node it tags. */
const CORE_TAGS: Record<string, (node: Node) => boolean> = {
  'tag:yaml.org,2002:str': (node) => isScalar(node) && typeof node.value === 'string',
  'tag:yaml.org,2002:int': (node) => isScalar(node) && Number.isInteger(node.value),
  'tag:yaml.org,2002:float': (node) =>
    isScalar(node) && typeof node.value === 'number' && !Number.isInteger(node.value),
  'tag:yaml.org,2002:bool': (node) => isScalar(node) && typeof node.value === 'boolean',
  'tag:yaml.org,2002:null': (node) => isScalar(node) && node.value === null,
  'tag:yaml.org,2002:map': (node) => isMap(node),
  'tag:yaml.org,2002:seq': (node) => isSeq(node),
};

/**
 * Whether a tag is one of the core schema's, on a node it resolves: both
 * parsers then read it alike (`!!str 02134` is the text "02134"). Where
 * \`yaml\` cannot resolve it, it keeps the text and js-yaml refuses or reads
 * another value (`!!float 1`, `!!int 1.5`, `!!str [a]`), so the tag is refused.
 */
function readsAsTagged(node: Node): boolean {
  return node.tag !== undefined && CORE_TAGS[node.tag]?.(node) === true;
}

/**
 * Where a node's tag starts: the node's range begins after its properties
 * (`!!str &anchor value`), so step back over them to the tag.
 */
function tagOffset(text: string, node: Node): number {
  let end = node.range?.[0] ?? 0;
  for (let i = 0; i < 2; i++) {
    while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
    let start = end;
    while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
    // A flow indicator may touch the tag ([!!str a]); a verbatim tag may hold a comma.
    while (start < end && /[[{,]/.test(text.charAt(start))) start++;
    const token = text.slice(start, end);
    if (token.startsWith('!')) return start;
    if (!token.startsWith('&')) break;
    end = start;
  }
  return node.range?.[0] ?? 0;
}

/**
 * Where a key is written. An empty key has no text, and the parser puts it
 * where the text before it ends: after its `?`, or (when it is not the first
 * key of a block mapping) at the end of the line before it, or the start of
 * a blank or comment line before it. It is located at the `?` that opens it,
 * or else at the `:` that ends it, past any blank lines and comments.
 */
function keyOffset(text: string, key: Node | null): number | undefined {
  const [start, end] = key?.range ?? [];
  if (start === undefined || start !== end) return start;
  let before = start;
  while (before > 0 && /[ \t]/.test(text.charAt(before - 1))) before--;
  if (
    text.charAt(before - 1) === '?' &&
    (before === 1 || /[\s,[{]/.test(text.charAt(before - 2)))
  ) {
    return before - 1;
  }
  let after = start;
  for (;;) {
    while (/[ \t\r\n]/.test(text.charAt(after))) after++;
    // A # starts a comment only after white space (or at the start of the text).
    if (text.charAt(after) !== '#' || (after > 0 && !/\s/.test(text.charAt(after - 1)))) break;
    while (after < text.length && text.charAt(after) !== '\n') after++;
  }
  if (text.charAt(after) === ':') return after;
  // Not what the parser was expected to leave: the first character written.
  after = start;
  while (/[ \t]/.test(text.charAt(after))) after++;
  return after;
}

/**
 * Reports what in the document is not plan data, and leaves it out so the
 * later checks see only the rest:
 * - keys that are not names: null keys (`~:`, `null:`, an empty key) and
 *   lists or mappings as keys;
 * - merge keys (`<<: *base`), which YAML 1.2 does not define;
 * - tags (`!!timestamp`, `!!set`, `!local`), which would make a Date, a Set
 *   or whatever a tool makes of them (a bare `!`, which only keeps a scalar
 *   as text, is read as both parsers read it);
 * - numbers too large for JavaScript (`1e400`), which would be Infinity.
 * A number that is read as another than the one written (`0777` as 777) is
 * reported and kept, so the checks beside it still run.
 * Plain keys are read as written (`1.0:` is "1.0", not the number 1), and
 * keys that repeat, once read (`1` and `"1"`), are reported. Each problem is
 * located at its own key or tag. In a `reading` other than 0 the copies of
 * repeated keys that count are chosen by selectCopies, and `earlier` says
 * where the earlier copies that now count are.
 */
function checkKeys(
  doc: Document,
  text: string,
  file: string,
  position: (offset: number) => { line: number; column: number },
  reading: number,
): {
  problems: PlanProblem[];
  earlierReadings: number;
  earlier: { start: number; end: number }[];
  emptied: Set<string>;
} {
  const problems: PlanProblem[] = [];
  /** Lists emptied of refused elements. */
  const emptiedLists = new Set<Node>();
  /** The readings a node's copies take, where more than one; see selectCopies. */
  const readings = new Map<unknown, number>();
  /** Each mapping's pairs by name, where the mapping takes more than one reading. */
  const copiesIn = new Map<YAMLMap, Map<string, Pair[]>>();
  /** The name of each pair kept, as read: an alias key (`*k :`) names what it refers to. */
  const names = new Map<Pair, string>();
  /** Reports and returns whether a node is left out: a tag, or (not as a key) an overflowing number. */
  const refused = (node: unknown, asKey = false): boolean => {
    if (
      !asKey &&
      isScalar(node) &&
      typeof node.value === 'number' &&
      !Number.isFinite(node.value)
    ) {
      const written = node.source ?? String(node.value);
      // .inf and .nan are YAML's own spellings, which the schema checks report.
      if (/^[-+]?\.(?:inf|nan)$/i.test(written)) return false;
      problems.push({
        code: 'invalid_value',
        message: `The number ${written.length > 24 ? `${written.slice(0, 20)}…` : written} is too large for JavaScript, which would read it as Infinity.`,
        hint: 'Write a smaller number, or quote it if it is text.',
        file,
        ...position(node.range?.[0] ?? 0),
      });
      return true;
    }
    if (!node || typeof node !== 'object' || !('tag' in node) || !(node as Node).tag) return false;
    const start = tagOffset(text, node as Node);
    const written = /^\S+/.exec(text.slice(start))?.[0] ?? String((node as Node).tag);
    // A bare ! only stops a scalar being read as a number or boolean, as in both parsers.
    if (written === '!' || readsAsTagged(node as Node)) return false;
    problems.push({
      code: 'invalid_value',
      message: `The YAML tag ${written} is not part of the plan format, which reads text, numbers, true/false, null, lists and mappings.`,
      hint: 'Remove the tag. To keep a value such as a date as text, quote it: "2024-01-01".',
      file,
      ...position(start),
    });
    return true;
  };
  /** Reports a number that is not the one written; it stays in, so the checks beside it still run. */
  const checkNumber = (node: Scalar) => {
    if (typeof node.value !== 'number' || !Number.isFinite(node.value)) return;
    if (node.type !== 'PLAIN' || typeof node.source !== 'string') return;
    const problem = writtenNumberProblem(node.source, node.value);
    if (problem) {
      problems.push({
        code: 'invalid_value',
        ...problem,
        file,
        ...position(node.range?.[0] ?? 0),
      });
    }
  };
  /** Checks a node; returns how many readings it takes to check every copy in it. */
  const visit = (node: unknown, path: (string | number)[]): number => {
    if (isScalar(node)) {
      checkNumber(node);
      return 1;
    }
    if (isSeq(node)) {
      const before = node.items.length;
      node.items = node.items.filter((item) => !refused(item));
      if (before > 0 && node.items.length === 0) emptiedLists.add(node);
      let most = 1;
      for (const [index, item] of node.items.entries()) {
        most = Math.max(most, visit(item, [...path, index]));
      }
      if (most > 1) readings.set(node, most);
      return most;
    }
    if (!isMap(node)) return 1;
    const first = new Map<string, number>();
    const copies = new Map<string, Pair[]>();
    node.items = node.items.filter((pair) => {
      if (refused(pair.key, true)) return false;
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      const start = keyOffset(text, pair.key as Node | null) ?? node.range?.[0] ?? 0;
      const at = { file, ...position(start) };
      const where = describePath(path);
      if (isCollection(key)) {
        problems.push({
          code: 'invalid_type',
          message: `A key in ${where} is a ${isSeq(key) ? 'list' : 'mapping'}; keys must be names.`,
          hint: 'Write the name as text, quoted if it holds [ ] { } or commas.',
          ...at,
        });
        return false;
      }
      const value = isScalar(key) ? key.value : null;
      if (value === null || value === undefined) {
        const range = (pair.key as Node | null)?.range;
        const written = range ? text.slice(range[0], range[1]).trim() : '';
        problems.push({
          code: 'invalid_type',
          message: `A key in ${where} is ${written ? `null (written ${written})` : 'empty'}, so it names nothing.`,
          hint: 'Write the name. A name that is literally "null" or "~" must be quoted: "null":',
          ...at,
        });
        return false;
      }
      const plainText =
        isScalar(pair.key) && pair.key.type === 'PLAIN' ? pair.key.source : undefined;
      if (plainText === '<<') {
        problems.push({
          code: 'invalid_value',
          message: `${where} uses a YAML merge key (<<), which plans do not read.`,
          hint: 'Write the keys out, or declare the shared shape under types: and use it as { $ref: Name }. A name that is literally "<<" must be quoted.',
          ...at,
        });
        return false;
      }
      if (refused(pair.value)) return false;
      // A name is what was written: `1.0:` names "1.0", not the number 1.
      const name = typeof plainText === 'string' ? plainText : String(value);
      if (isScalar(pair.key)) pair.key.value = name;
      names.set(pair, name);
      const earlierLine = first.get(name);
      if (earlierLine === undefined) {
        first.set(name, at.line);
      } else {
        problems.push({
          code: 'duplicate_key',
          message: `The key ${JSON.stringify(name)} appears again in ${where}; it is first at line ${earlierLine}.`,
          hint: 'Each key may appear once per mapping: merge the two, or rename one. As written, this one replaces the first.',
          ...at,
        });
      }
      const pairs = copies.get(name);
      if (pairs) pairs.push(pair);
      else copies.set(name, [pair]);
      const below = visit(pair.value, [...path, name]);
      if (below > 1) readings.set(pair, below);
      return true;
    });
    let most = 1;
    for (const pairs of copies.values()) {
      let all = 0;
      for (const pair of pairs) all += readings.get(pair) ?? 1;
      most = Math.max(most, all);
    }
    if (most > 1) {
      readings.set(node, most);
      copiesIn.set(node, copies);
    }
    return most;
  };
  if (refused(doc.contents)) doc.contents = null;
  const earlierReadings = visit(doc.contents, []) - 1;
  const earlier = reading > 0 ? selectCopies(doc.contents, reading, readings, copiesIn) : [];
  return {
    problems,
    earlierReadings,
    earlier,
    emptied: pathsOf(doc.contents, emptiedLists, names),
  };
}

/**
 * Leaves out, in place, the copies of repeated keys that do not count in a
 * reading, and returns where the earlier copies that count are. A key's
 * copies take its readings in turn from the last copy back, each for as many
 * readings as the copies repeated inside it need, and pass on to those the
 * reading they are at within their own: with `A` twice and `q` twice inside
 * the first `A`, reading 0 takes the last `A`, reading 1 the first `A` and
 * its last `q`, reading 2 the first `A` and its first `q`. Every copy so
 * counts in some reading, and there are at most as many readings as copies,
 * not one per combination of copies.
 */
function selectCopies(
  node: unknown,
  reading: number,
  readings: ReadonlyMap<unknown, number>,
  copiesIn: ReadonlyMap<YAMLMap, ReadonlyMap<string, Pair[]>>,
  earlier: { start: number; end: number }[] = [],
): { start: number; end: number }[] {
  if (reading === 0 || !readings.has(node)) return earlier;
  if (isSeq(node)) {
    for (const item of node.items) selectCopies(item, reading, readings, copiesIn, earlier);
    return earlier;
  }
  const copies = isMap(node) ? copiesIn.get(node) : undefined;
  if (!isMap(node) || !copies) return earlier;
  const leftOut = new Set<unknown>();
  for (const pairs of copies.values()) {
    let first = 0;
    for (let index = pairs.length - 1; index >= 0; index--) {
      const pair = pairs[index] as Pair;
      const count = readings.get(pair) ?? 1;
      if (reading >= first + count) {
        first += count;
        continue;
      }
      for (const later of pairs.slice(index + 1)) leftOut.add(later);
      const start = (pair.key as Node | null)?.range?.[0];
      const end = (pair.value as Node | null)?.range?.[2] ?? (pair.key as Node | null)?.range?.[2];
      if (index < pairs.length - 1 && start !== undefined && end !== undefined) {
        earlier.push({ start, end });
      }
      selectCopies(pair.value, reading - first, readings, copiesIn, earlier);
      break;
    }
  }
  if (leftOut.size > 0) node.items = node.items.filter((pair) => !leftOut.has(pair));
  return earlier;
}

/**
 * The paths (as JSON) of the emptied lists the plan holds as read: where a
 * key repeats, the last copy left in is the one read. Pairs are named as
 * checkKeys named them, so a list under an alias key (`*k : [...]`) is found.
 */
function pathsOf(
  root: unknown,
  lists: ReadonlySet<Node>,
  names: ReadonlyMap<Pair, string>,
): Set<string> {
  const paths = new Set<string>();
  if (lists.size === 0) return paths;
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isSeq(node)) {
      if (lists.has(node)) paths.add(JSON.stringify(path));
      for (const [index, item] of node.items.entries()) walk(item, [...path, index]);
    } else if (isMap(node)) {
      const last = new Map<string, unknown>();
      for (const pair of node.items) {
        const name = names.get(pair);
        if (name !== undefined) last.set(name, pair.value);
      }
      for (const [name, value] of last) walk(value, [...path, name]);
    }
  };
  walk(root, []);
  return paths;
}
