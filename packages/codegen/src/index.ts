export {
  type GeneratedFile,
  type GenerateOptions,
  type GenerateResult,
  generate,
} from './generate.js';
export { buildModel, FIXED_EXPORTS, FIXED_TYPE_NAMES } from './model/build-model.js';
export {
  functionName,
  isValidIdentifier,
  nameWords,
  RESERVED_WORDS,
  typeName,
} from './model/namer.js';
export type {
  EventModel,
  NamedTypeModel,
  PageModel,
  PlanModel,
  PropertyModel,
  Shape,
} from './model/types.js';
export { type LoadedPlan, loadPlan, loadPlanFile } from './plan/load-plan.js';
export {
  formatProblem,
  type PlanProblem,
  PROBLEM_CODES,
  type ProblemCode,
} from './plan/problems.js';
export { type PlanFile, PlanSchema, type PropertyNode } from './plan/schema.js';
