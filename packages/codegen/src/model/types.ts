import type { Format, ScalarValue } from '../plan/schema.js';

/** A value's shape, normalized from a property node. Emitters read only this. */
export type Shape =
  | { kind: 'string'; format?: Format; pattern?: string; minLength?: number; maxLength?: number }
  | { kind: 'number'; integer: boolean; minimum?: number; maximum?: number }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'enum'; values: ScalarValue[] }
  | { kind: 'const'; value: ScalarValue }
  | { kind: 'object'; properties: PropertyModel[]; additional: boolean | Shape }
  | { kind: 'array'; items: Shape; minLength?: number; maxLength?: number }
  | { kind: 'ref'; name: string; typeName: string }
  | { kind: 'union'; options: Shape[] }
  | { kind: 'unknown' };

export interface PropertyModel {
  /** The key as written in the plan and sent on the wire. */
  name: string;
  required: boolean;
  description?: string;
  shape: Shape;
}

export interface NamedTypeModel {
  /** The name in the plan's `types`. */
  name: string;
  typeName: string;
  description?: string;
  shape: Shape;
}

export interface EventModel {
  /** Exactly as written in the plan: this is what goes on the wire. */
  name: string;
  functionName: string;
  /** The type name of its properties, e.g. OrderCompletedProperties. */
  typeName: string;
  description?: string;
  deprecated?: string;
  properties: PropertyModel[];
}

export interface PageModel {
  name: string;
  typeName: string;
  category?: string;
  description?: string;
  deprecated?: string;
  properties: PropertyModel[];
}

/** The validated, normalized plan: the one input of every emitter. */
export interface PlanModel {
  name: string;
  description?: string;
  types: NamedTypeModel[];
  events: EventModel[];
  identifyTraits: PropertyModel[];
  groupTraits: PropertyModel[];
  pages: PageModel[];
}
