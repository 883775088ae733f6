import { readFile } from 'node:fs/promises';
import { buildModel } from '../model/build-model.js';
import type { PlanModel } from '../model/types.js';
import { type PlanProblem, sortProblems } from './problems.js';
import { type PlanSource, parsePlanSource } from './source.js';
import { validatePlanSchema } from './validate-schema.js';

export interface LoadedPlan {
  /** Present exactly when there are no problems. */
  model?: PlanModel;
  /** Every problem found, in reading order. */
  problems: PlanProblem[];
}

/**
 * The front of the pipeline: YAML with positions → zod-validated plan →
 * checked model. Each stage reports all it finds; a later stage runs only
 * on what the earlier one accepted.
 */
export function loadPlan(text: string, file = 'tracking-plan.yaml'): LoadedPlan {
  const source = parsePlanSource(text, file);
  if (source.value === undefined) return { problems: sortProblems(source.problems) };
  const checked = checkSource(source);
  if (checked.model) return checked;
  // A repeated key's earlier copies are not in the plan as read, where the
  // last copy wins; read the plan again with each earlier copy counting, and
  // keep what is found inside it.
  const problems = [...checked.problems];
  const seen = new Set(problems.map(problemKey));
  const readings = source.earlierReadings ?? 0;
  let nodesLeft = MAX_EARLIER_COPY_NODES;
  for (let reading = 1; reading <= readings; reading++) {
    if (reading > MAX_EARLIER_READINGS || nodesLeft <= 0) {
      problems.push(notAllCopiesChecked(checked.problems, file));
      break;
    }
    const earlier = source.readEarlierCopies?.(reading);
    if (earlier?.value === undefined) break;
    nodesLeft -= nodesIn(earlier.value, nodesLeft);
    for (const problem of checkSource(earlier, false).problems) {
      if (problem.code === 'duplicate_key' || !earlier.inEarlierCopy?.(problem)) continue;
      if (seen.has(problemKey(problem))) continue;
      seen.add(problemKey(problem));
      problems.push(problem);
    }
  }
  return { problems: sortProblems(problems) };
}

/**
 * Limits of the checks of earlier copies: how many readings (see
 * PlanSource.readEarlierCopies) and how many nodes in all they check. Each
 * copy repeated inside a copy takes a reading of its own, so a plan that
 * repeats keys many times inside keys repeated many times takes many. Real
 * plans stay far below both; past either, the rest is not checked, and the
 * plan says so at its first repeated key.
 */
export const MAX_EARLIER_READINGS = 2_000;
export const MAX_EARLIER_COPY_NODES = 500_000;

/** How many nodes (values, lists and mappings) a value holds, counted up to `limit` and one past. */
function nodesIn(value: unknown, limit: number): number {
  let count = 0;
  const walk = (node: unknown) => {
    count++;
    if (count > limit || node === null || typeof node !== 'object') return;
    for (const child of Object.values(node)) {
      walk(child);
      if (count > limit) return;
    }
  };
  walk(value);
  return count;
}

/** Says, at the plan's first repeated key, that not every earlier copy was checked. */
function notAllCopiesChecked(problems: readonly PlanProblem[], file: string): PlanProblem {
  const first = problems.find((problem) => problem.code === 'duplicate_key');
  return {
    code: 'duplicate_key',
    message:
      'The plan repeats keys inside repeated keys too often to check every copy: problems inside some earlier copies of repeated keys are not reported.',
    hint: 'Remove the repeated keys (each is reported as duplicate_key) and run again: the copies that remain are then checked in full.',
    file,
    line: first?.line ?? 1,
    column: first?.column ?? 1,
  };
}

const problemKey = (problem: PlanProblem) =>
  `${problem.line}:${problem.column}:${problem.code}:${problem.message}`;

/** The schema and model checks of a parsed plan, with the parse's own problems unless told not to. */
function checkSource(source: PlanSource, withSourceProblems = true): LoadedPlan {
  const own = withSourceProblems ? source.problems : [];
  const { plan, partial, pruned, problems } = validatePlanSchema(source);
  if (!plan) {
    // Still check what was valid, so one run reports every problem.
    const later = partial ? buildModel(partial, source, pruned).problems : [];
    return { problems: sortProblems([...own, ...problems, ...later]) };
  }
  const built = buildModel(plan, source);
  return built.model && source.problems.length === 0
    ? { model: built.model, problems: [] }
    : { problems: sortProblems([...own, ...built.problems]) };
}

/** {@link loadPlan} on a file, with an unreadable file reported as a problem. */
export async function loadPlanFile(path: string, displayName = path): Promise<LoadedPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      problems: [
        {
          code: 'file_unreadable',
          message: `Cannot read the plan: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
          hint: 'Pass the plan with --plan, or run `codegen init` to write a starter plan.',
          file: displayName,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  return loadPlan(text, displayName);
}
