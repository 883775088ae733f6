import { renderModule } from './emit/render-module.js';
import { buildModuleView } from './emit/view-model.js';
import type { PlanModel } from './model/types.js';
import { loadPlan } from './plan/load-plan.js';
import type { PlanProblem } from './plan/problems.js';

/** A file the generator produces, relative to the output directory. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

export interface GenerateOptions {
  /** How the plan is named in problems and in the generated header. @default 'tracking-plan.yaml' */
  planFile?: string;
}

export type GenerateResult =
  | { ok: true; files: GeneratedFile[] }
  | { ok: false; problems: PlanProblem[] };

/**
 * The generator as a library: plan text in, files out. It writes nothing;
 * the CLI does. The same plan always gives byte-identical files.
 */
export function generate(plan: string | PlanModel, options: GenerateOptions = {}): GenerateResult {
  const planFile = options.planFile ?? 'tracking-plan.yaml';
  let model: PlanModel;
  if (typeof plan === 'string') {
    const loaded = loadPlan(plan, planFile);
    if (!loaded.model) return { ok: false, problems: loaded.problems };
    model = loaded.model;
  } else {
    model = plan;
  }
  const view = buildModuleView(model, planFile.replace(/[\r\n\u2028\u2029]/g, ' '));
  return { ok: true, files: renderModule(view) };
}
