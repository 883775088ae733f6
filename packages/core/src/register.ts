import type { JsonObjectInput } from './json-input.js';

/**
 * The shape of a tracking plan at the type level: event name → properties,
 * page name → properties, and the identify and group traits.
 */
export interface PlanShape {
  events: Record<string, unknown>;
  pages: Record<string, unknown>;
  identifyTraits: unknown;
  groupTraits: unknown;
}

/** What core accepts when no plan is registered: any name, any JSON object. */
export interface LoosePlan {
  events: Record<string, JsonObjectInput>;
  pages: Record<string, JsonObjectInput>;
  identifyTraits: JsonObjectInput;
  groupTraits: JsonObjectInput;
}

/**
 * Augment this interface to type every call in the app by your tracking plan.
 * `codegen` writes the augmentation for you:
 *
 * @example
 * declare module '@trackplan/core' {
 *   interface Register {
 *     plan: { events: { 'Order Completed': { order_id: string } }; pages: {}; identifyTraits: {}; groupTraits: {} };
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by generated code.
export interface Register {}

/** The registered plan, or {@link LoosePlan} when none is registered. */
export type RegisteredPlan = Register extends { plan: infer P extends PlanShape } ? P : LoosePlan;

/** The names of a plan's pages. */
export type PageName<P extends PlanShape> = keyof P['pages'] & string;

/** `properties: T`, optional exactly when every key of T is optional. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends T` is the test for "every key optional".
export type FieldOf<Key extends string, T> = {} extends T ? { [K in Key]?: T } : { [K in Key]: T };
