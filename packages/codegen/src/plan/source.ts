import { load } from 'js-yaml';
import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isNode,
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
import { type CopyIndex, pathsOf, readingValue, selectCopies } from './earlier-copies.js';
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
   * The plan's `reading`th reading (from 1 to its `earlierReadings`), in
   * which earlier copies of repeated keys count instead of the last: checking
   * the readings finds the problems inside every copy, which the plan's own
   * reading (the last copy wins) never looks at. See selectCopies for which
   * copy counts. A reading holds only what the checks of those copies need
   * (see readingValue), and reuses this parse.
   */
  readEarlierCopies?: (reading: number) => PlanSource;
  /**
   * In a source from {@link readEarlierCopies}, whether a problem is one of
   * the earlier copies it reads: it is inside one, and, if it is a name
   * collision, the reading holds every name it may collide with.
   */
  inEarlierCopy?: (problem: Pick<PlanProblem, 'code' | 'line' | 'column'>) => boolean;
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
 * Parses YAML keeping every node's position. Syntax errors become problems
 * located where the parser stopped; aliases are capped so a hostile file
 * cannot expand without bound.
 */
function parseWithPositions(text: string, file: string): PlanSource {
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
  let index: CopyIndex | undefined;
  let emptied = new Set<string>();
  // A bad key leaves the rest of the document readable, so the later stages
  // still check it and one run reports every problem.
  if (problems.length === 0) {
    problems.push(...checkVersion(doc, text, file, position));
    const keys = checkKeys(doc, text, file, position);
    problems.push(...keys.problems);
    earlierReadings = keys.earlierReadings;
    index = keys.index;
    emptied = pathsOf(doc.contents, index.emptiedLists, index.names);
    // Aliases share their anchor's value, so the one limit of both parses is
    // the node visits of what they expand to.
    value = doc.toJS({ maxAliasCount: -1 });
    if (expandsTooFar(value)) {
      value = undefined;
      problems.splice(0, problems.length, tooManyNodes(file));
    }
  }

  /** Where a path is, with the copies `leftOut` of a reading passed over. */
  function locateIn(path: PlanPath, at: 'key' | 'value', leftOut?: ReadonlySet<Pair>) {
    let node: unknown = doc.contents;
    let found = node as Node | null;
    for (const [index, segment] of path.entries()) {
      if (isMap(node)) {
        // The last of duplicate keys is the one whose value counts.
        // A key may be an alias (`*k :`), named by the text it stands for.
        const nameOf = (key: unknown) => (isAlias(key) ? key.resolve(doc) : key);
        const pair = [...node.items].reverse().find((item) => {
          const key = isPair(item) && !leftOut?.has(item) ? nameOf(item.key) : undefined;
          return isScalar(key) && String(key.value) === String(segment);
        });
        if (!pair) break;
        if (index === path.length - 1 && at === 'key' && isNode(pair.key)) {
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

  const copyIndex = index;
  const offsetOf = ({ line, column }: { line: number; column: number }) =>
    (lineCounter.lineStarts[line - 1] ?? 0) + column - 1 + (line === 1 ? bom : 0);
  const readEarlierCopies = (copies: CopyIndex, reading: number): PlanSource => {
    const selection = selectCopies(doc.contents, reading, copies);
    // Generated names are checked where the copies names are made of differ
    // from the reading before's: a run of readings with the same ones would
    // only find the same problems again.
    const claimsNames = selection.claims !== selectCopies(doc.contents, reading - 1, copies).claims;
    const read = readingValue(doc, value, selection, copies, claimsNames);
    return {
      file,
      value: read.value,
      locate: (path, at = 'value') => locateIn(path, at, selection.leftOut),
      problems: [],
      emptied: read.emptied,
      inEarlierCopy: (problem) => {
        // Elsewhere only some of the names a name may collide with are read.
        if (problem.code === 'name_collision' && !claimsNames) return false;
        const offset = offsetOf(problem);
        return selection.ranges.some(({ start, end }) => offset >= start && offset < end);
      },
    };
  };
  return {
    file,
    value,
    locate: (path, at = 'value') => locateIn(path, at),
    problems,
    earlierReadings,
    emptied,
    ...(earlierReadings > 0 &&
      copyIndex &&
      value !== undefined && {
        readEarlierCopies: (reading: number) => readEarlierCopies(copyIndex, reading),
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

/**
 * The core schema's tags: whether each fits the node it tags, as both
 * parsers then read it alike, and what it needs, for the problem when not.
 */
const CORE_TAGS: Record<string, { fits: (node: Node) => boolean; needs: string }> = {
  'tag:yaml.org,2002:str': {
    fits: (node) => isScalar(node) && typeof node.value === 'string',
    needs: 'text, not a list or a mapping',
  },
  'tag:yaml.org,2002:int': {
    fits: (node) => isScalar(node) && Number.isInteger(node.value),
    needs: 'a whole number written without a point or an exponent, such as 12 or 0x1F',
  },
  'tag:yaml.org,2002:float': {
    fits: (node) =>
      isScalar(node) && typeof node.value === 'number' && !Number.isInteger(node.value),
    needs: 'a number that is not whole, such as 1.5',
  },
  'tag:yaml.org,2002:bool': {
    fits: (node) => isScalar(node) && typeof node.value === 'boolean',
    needs: 'true or false',
  },
  'tag:yaml.org,2002:null': {
    fits: (node) => isScalar(node) && node.value === null,
    needs: 'null, ~ or nothing',
  },
  'tag:yaml.org,2002:map': { fits: (node) => isMap(node), needs: 'a mapping' },
  'tag:yaml.org,2002:seq': { fits: (node) => isSeq(node), needs: 'a list' },
};

/**
 * Whether a tag is one of the core schema's, on a node it resolves: both
 * parsers then read it alike (`!!str 02134` is the text "02134"). Where
 * \`yaml\` cannot resolve it, it keeps the text and js-yaml refuses or reads
 * another value (`!!float 1`, `!!int 1.5`, `!!str [a]`), so the tag is refused.
 */
function readsAsTagged(node: Node): boolean {
  return coreTagOf(node)?.fits(node) === true;
}

/** The core schema tag on a node, if that is what it has (a verbatim `!<constructor>` is not). */
function coreTagOf(node: Node): (typeof CORE_TAGS)[string] | undefined {
  return node.tag !== undefined && Object.hasOwn(CORE_TAGS, node.tag)
    ? CORE_TAGS[node.tag]
    : undefined;
}

/** What a tagged node holds, as a problem names it: its kind, or its first line as written. */
function describeTagged(text: string, node: Node): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  const [start = 0, end = start] = node.range ?? [];
  const written = text.slice(start, end).split(/\r?\n/)[0]?.trim() ?? '';
  if (written === '') return 'nothing';
  return written.length > 24 ? `${written.slice(0, 20)}…` : written;
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
 * located at its own key or tag. It also indexes the copies of repeated
 * keys, for selectCopies to choose from in each later reading.
 */
function checkKeys(
  doc: Document,
  text: string,
  file: string,
  position: (offset: number) => { line: number; column: number },
): {
  problems: PlanProblem[];
  earlierReadings: number;
  index: CopyIndex;
} {
  const problems: PlanProblem[] = [];
  /** Lists emptied of refused elements. */
  const emptiedLists = new Set<Node>();
  /** The readings a node's copies take, where more than one; see selectCopies. */
  const readings = new Map<unknown, number>();
  /**
   * Each mapping's pairs by name, where the mapping takes more than one
   * reading: only the names that take more than one (repeated, or holding
   * repeats), in the order they are first written.
   */
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
    const coreTag = coreTagOf(node as Node);
    problems.push({
      code: 'invalid_value',
      ...(coreTag
        ? {
            message: `The YAML tag ${written} needs ${coreTag.needs}; here it tags ${describeTagged(text, node as Node)}.`,
            hint: 'Remove the tag: without one, numbers, true/false, null, lists and mappings are read as what they are, and quoted text as text.',
          }
        : {
            message: `The YAML tag ${written} is not part of the plan format, which reads text, numbers, true/false, null, lists and mappings.`,
            hint: 'Remove the tag. To keep a value such as a date as text, quote it: "2024-01-01".',
          }),
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
    for (const [name, pairs] of copies) {
      let all = 0;
      for (const pair of pairs) all += readings.get(pair) ?? 1;
      most = Math.max(most, all);
      if (all === 1) copies.delete(name);
    }
    if (most > 1) {
      readings.set(node, most);
      copiesIn.set(node, copies);
    }
    return most;
  };
  if (refused(doc.contents)) doc.contents = null;
  const earlierReadings = visit(doc.contents, []) - 1;
  return { problems, earlierReadings, index: { readings, copiesIn, names, emptiedLists } };
}
