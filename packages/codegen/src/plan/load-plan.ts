import { readFile } from 'node:fs/promises';
import { buildModel } from '../model/build-model.js';
import type { PlanModel } from '../model/types.js';
import { type PlanProblem, sortProblems } from './problems.js';
import { type PlanSource, parsePlanSource, readEarlierCopies } from './source.js';
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
  for (let reading = 1; reading <= (source.earlierReadings ?? 0); reading++) {
    const earlier = readEarlierCopies(text, file, reading);
    if (earlier.value === undefined) break;
    for (const problem of checkSource(earlier, false).problems) {
      if (problem.code === 'duplicate_key' || !earlier.inEarlierCopy?.(problem)) continue;
      if (seen.has(problemKey(problem))) continue;
      seen.add(problemKey(problem));
      problems.push(problem);
    }
  }
  return { problems: sortProblems(problems) };
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
