/** The fixture plans whose generated output is committed beside them and type-checked. */
export const GOLDEN_FIXTURES = [
  // The repository's storefront plan, the one the examples use.
  { name: 'storefront', plan: '../../../../tracking-plan.yaml', planFile: 'tracking-plan.yaml' },
  // Names, descriptions, enum values and patterns that try to break out of strings and comments.
  { name: 'hostile', plan: 'hostile/plan.yaml', planFile: 'hostile/plan.yaml' },
  // Open and typed maps, nesting and nullability, whose types and checks must agree.
  { name: 'shapes', plan: 'shapes/plan.yaml', planFile: 'shapes/plan.yaml' },
  // The least a plan can hold.
  { name: 'minimal', plan: 'minimal/plan.yaml', planFile: 'minimal/plan.yaml' },
] as const;
