import { load } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { PlanProblem } from './problems.js';

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
  DUPLICATE_KEY: 'Each key may appear once per mapping; merge or rename the duplicates.',
  BAD_INDENT: 'Check the indentation: nested keys go two spaces deeper than their parent.',
  MISSING_CHAR: 'A bracket, brace or quote is not closed.',
};

/** More node visits than any real plan needs: only aliases nested on aliases get here. */
const MAX_NODE_VISITS = 2_000_000;

function countVisits(value: unknown, budget: { left: number }): void {
  if (--budget.left < 0 || value === null || typeof value !== 'object') return;
  for (const child of Object.values(value)) {
    countVisits(child, budget);
    if (budget.left < 0) return;
  }
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
  countVisits(value, budget);
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
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: PlanProblem[] = doc.errors.map((error) => ({
    code: error.code === 'DUPLICATE_KEY' ? 'duplicate_key' : 'yaml_syntax',
    message:
      error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message,
    hint: YAML_HINTS[error.code] ?? 'Fix the YAML syntax at this position.',
    file,
    ...position(error.pos[0]),
  }));
  let value: unknown;
  // A duplicate key leaves the rest of the document readable, so the later
  // stages still check it and one run reports every problem.
  if (problems.every((problem) => problem.code === 'duplicate_key')) {
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
        const pair = node.items.find(
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
