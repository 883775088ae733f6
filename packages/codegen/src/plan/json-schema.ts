import { z } from 'zod';
import { PlanSchema } from './schema.js';

/**
 * The JSON Schema of the plan format, derived from the zod schema so the two
 * never disagree. Editors use it to autocomplete tracking-plan.yaml.
 */
export function planJsonSchema(): string {
  const schema = z.toJSONSchema(PlanSchema, { target: 'draft-7', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Trackplan tracking plan, version 1' }, null, 2)}\n`;
}
