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
  parseDocument,
} from 'yaml';
import type { PlanProblem } from './problems.js';
import { describePath } from './validate-schema.js';

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
}

const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: 'Check the indentation: nested keys go two spaces deeper than their parent.',
  MISSING_CHAR: 'A bracket, brace or quote is not closed.',
};

/** More node visits than any real plan needs: only aliases nested on aliases get here. */
const MAX_NODE_VISITS = 2_000_000;

/**
 * Keys js-yaml may have made from something that is not a name: a null key
 * (`~:`) becomes "null", a list key "a,b", a mapping key "[object Object]".
 * Only the positioned parse can tell; a quoted "null" merely takes it.
 */
function mayHideKey(key: string): boolean {
  return key === 'null' || key.includes(',') || key.includes('[object ');
}

/** Counts nodes against the budget; returns whether a key needs the positioned parse. */
function countVisits(value: unknown, budget: { left: number }): boolean {
  if (--budget.left < 0 || value === null || typeof value !== 'object') return false;
  let suspect = false;
  for (const [key, child] of Object.entries(value)) {
    if (!Array.isArray(value) && mayHideKey(key)) suspect = true;
    if (countVisits(child, budget)) suspect = true;
    if (budget.left < 0) return suspect;
  }
  return suspect;
}

/**
 * Reads a plan. The fast path parses with js-yaml, several times faster on
 * large plans; node positions, which only problems need, come from a second
 * parse with \`yaml\` the first time something asks where a path is. Files
 * js-yaml refuses go to \`yaml\` directly, whose errors carry positions.
 */
export function parsePlanSource(text: string, file: string): PlanSource {
  let value: unknown;
  try {
    value = load(text);
  } catch {
    return parseWithPositions(text, file);
  }
  const budget = { left: MAX_NODE_VISITS };
  const suspectKeys = countVisits(value, budget);
  if (budget.left < 0) {
    return {
      file,
      value: undefined,
      locate: () => ({ line: 1, column: 1 }),
      problems: [
        {
          code: 'yaml_syntax',
          message:
            'The plan expands to more nodes than any plan needs; its aliases refer to aliases.',
          hint: 'Write the repeated parts out, or use fewer nested YAML aliases.',
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  if (suspectKeys) return parseWithPositions(text, file);
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
  // Duplicate keys are found by checkKeys, which names them.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
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
  // A bad key leaves the rest of the document readable, so the later stages
  // still check it and one run reports every problem.
  if (problems.length === 0) {
    problems.push(...checkKeys(doc, text, file, position));
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({
        code: 'yaml_syntax',
        message: (error as Error).message,
        hint: 'Use fewer YAML aliases; the plan may not expand beyond 100 of them.',
        file,
        line: 1,
        column: 1,
      });
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

  return { file, value, locate, problems };
}

/**
 * Reports the keys that are not names: null keys (`~:`, `null:`, an empty
 * key) and lists or mappings as keys, which are then dropped from the
 * document; and keys that repeat, once YAML's spellings are read as text
 * (`1` and `"1"`). Each is located at its own key.
 */
function checkKeys(
  doc: Document,
  text: string,
  file: string,
  position: (offset: number) => { line: number; column: number },
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) visit(item, [...path, index]);
      return;
    }
    if (!isMap(node)) return;
    const first = new Map<string, number>();
    node.items = node.items.filter((pair) => {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      const start = (pair.key as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
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
        const written = text.slice(start, (pair.key as Node | null)?.range?.[1] ?? start).trim();
        problems.push({
          code: 'invalid_type',
          message: `A key in ${where} is ${written ? `null (written ${written})` : 'empty'}, so it names nothing.`,
          hint: 'Write the name. A name that is literally "null" or "~" must be quoted: "null":',
          ...at,
        });
        return false;
      }
      const name = String(value);
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, at.line);
      } else {
        problems.push({
          code: 'duplicate_key',
          message: `The key ${JSON.stringify(name)} appears again in ${where}; it is first at line ${earlier}.`,
          hint: 'Each key may appear once per mapping: merge the two, or rename one. As written, this one replaces the first.',
          ...at,
        });
      }
      visit(pair.value, [...path, name]);
      return true;
    });
  };
  visit(doc.contents, []);
  return problems;
}
