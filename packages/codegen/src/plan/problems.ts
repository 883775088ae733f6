/**
 * Every problem a plan can have, keyed by its stable code. Documented in the
 * package README with an example of each.
 */
export const PROBLEM_CODES = [
  'file_unreadable',
  'yaml_syntax',
  'duplicate_key',
  'unknown_key',
  'invalid_type',
  'invalid_value',
  'unknown_ref',
  'circular_ref',
  'mixed_enum',
  'invalid_pattern',
  'invalid_bounds',
  'invalid_function_name',
  'name_collision',
  'reserved_name',
  'ignored_key',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One problem in a plan file, located at the node it concerns. */
export interface PlanProblem {
  code: ProblemCode;
  message: string;
  /** How to fix it. */
  hint: string;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** `file:line:col error code: message` and the hint on the next line, as compilers print. */
export function formatProblem(problem: PlanProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} error ${problem.code}: ${problem.message}\n  hint: ${problem.hint}`;
}

/** Problems in reading order: by line, then column, then code. */
export function sortProblems(problems: PlanProblem[]): PlanProblem[] {
  return [...problems].sort(
    (a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** The closest of `candidates` to `word` by edit distance, when close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
