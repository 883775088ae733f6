import { z } from 'zod';

export const TYPE_NAMES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
] as const;
export const FORMATS = ['email', 'uri', 'uuid', 'date', 'date-time'] as const;

export type TypeName = (typeof TYPE_NAMES)[number];
export type Format = (typeof FORMATS)[number];
export type ScalarValue = string | number | boolean | null;

/**
 * A property: a node shaped like JSON Schema, with the keys the plan format
 * allows. Written out only because the schema is recursive; it must match
 * what PropertyNodeSchema infers, which the assignment below checks.
 */
export interface PropertyNode {
  type?: TypeName | TypeName[] | undefined;
  enum?: ScalarValue[] | undefined;
  const?: ScalarValue | undefined;
  required?: boolean | undefined;
  description?: string | undefined;
  format?: Format | undefined;
  pattern?: string | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  items?: PropertyNode | undefined;
  properties?: Record<string, PropertyNode> | null | undefined;
  additionalProperties?: boolean | PropertyNode | undefined;
  oneOf?: PropertyNode[] | undefined;
  $ref?: string | undefined;
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const typeName = z.enum(TYPE_NAMES);

export const PropertyNodeSchema: z.ZodType<PropertyNode> = z.strictObject({
  type: z.union([typeName, z.array(typeName).min(1)]).optional(),
  enum: z.array(scalar).min(1).optional(),
  const: scalar.optional(),
  required: z.boolean().optional(),
  description: z.string().optional(),
  format: z.enum(FORMATS).optional(),
  pattern: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(0).optional(),
  get items() {
    return PropertyNodeSchema.optional();
  },
  get properties() {
    return PropertiesSchema.optional();
  },
  get additionalProperties() {
    return z.union([z.boolean(), PropertyNodeSchema]).optional();
  },
  get oneOf() {
    return z.array(PropertyNodeSchema).min(1).optional();
  },
  $ref: z.string().min(1).optional(),
});

const PropertiesSchema = z.record(z.string().min(1), PropertyNodeSchema).nullable();

const EventSchema = z.strictObject({
  description: z.string().optional(),
  function: z.string().optional(),
  deprecated: z.union([z.string(), z.boolean()]).optional(),
  properties: PropertiesSchema.optional(),
});

const PageSchema = z.strictObject({
  description: z.string().optional(),
  category: z.string().optional(),
  deprecated: z.union([z.string(), z.boolean()]).optional(),
  properties: PropertiesSchema.optional(),
});

const TraitsSchema = z.strictObject({
  description: z.string().optional(),
  traits: PropertiesSchema.optional(),
});

/** The whole `tracking-plan.yaml`, version 1. */
export const PlanSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  name: z.string().min(1),
  description: z.string().optional(),
  types: z.record(z.string().min(1), PropertyNodeSchema).nullable().optional(),
  events: z.record(z.string().min(1), EventSchema.nullable()).nullable().optional(),
  identify: TraitsSchema.nullable().optional(),
  group: TraitsSchema.nullable().optional(),
  pages: z.record(z.string().min(1), PageSchema.nullable()).nullable().optional(),
});

export type PlanFile = z.infer<typeof PlanSchema>;

/** The keys each kind of mapping allows, for "did you mean" hints. */
export const ALLOWED_KEYS = {
  plan: Object.keys(PlanSchema.shape),
  event: Object.keys(EventSchema.shape),
  page: Object.keys(PageSchema.shape),
  traits: Object.keys(TraitsSchema.shape),
  property: [
    'type',
    'enum',
    'const',
    'required',
    'description',
    'format',
    'pattern',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'items',
    'properties',
    'additionalProperties',
    'oneOf',
    '$ref',
  ],
} as const;
