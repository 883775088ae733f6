import type { PropertyModel, Shape } from '../model/types.js';
import { jsDoc, propertyKey, valueLiteral } from './escape.js';

/** The distinct types a union renders as, in order. */
function unionMembers(options: readonly Shape[], indent: string): string[] {
  return [...new Set(options.map((option) => typeExpression(option, indent)))];
}

/**
 * Whether the shape renders as a union at its top level, which an array must
 * wrap: `Array<{ sku: string } | null>`, not `{ sku: string } | null[]`. Told
 * from the shape, since an object's text holds unions of its own.
 */
function rendersAsUnion(shape: Shape, indent: string): boolean {
  if (shape.kind === 'enum') return shape.values.length > 1;
  return shape.kind === 'union' && unionMembers(shape.options, indent).length > 1;
}

/** The TypeScript type of a shape; objects span lines at `indent`. */
export function typeExpression(shape: Shape, indent = ''): string {
  switch (shape.kind) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'unknown':
      return 'unknown';
    case 'enum':
      return shape.values.map(valueLiteral).join(' | ');
    case 'const':
      return valueLiteral(shape.value);
    case 'ref':
      return shape.typeName;
    case 'array': {
      const items = typeExpression(shape.items, indent);
      return rendersAsUnion(shape.items, indent) ? `Array<${items}>` : `${items}[]`;
    }
    case 'union':
      return unionMembers(shape.options, indent).join(' | ');
    case 'object':
      return objectType(shape.properties, shape.additional, indent);
  }
}

/**
 * The type of the values of keys an object does not declare. TypeScript
 * requires an index signature to admit every declared property too, so
 * their types join the union; the declared keys keep their own types.
 */
function indexSignatureType(
  properties: readonly PropertyModel[],
  additional: Shape,
  indent: string,
): string {
  const types = [additional, ...properties.map((property) => property.shape)].map((shape) =>
    typeExpression(shape, indent),
  );
  // Without exactOptionalPropertyTypes an optional property also holds undefined.
  if (properties.some((property) => !property.required)) types.push('undefined');
  return [...new Set(types)].join(' | ');
}

/** An object type literal: one documented line per property. */
export function objectType(
  properties: readonly PropertyModel[],
  additional: boolean | Shape,
  indent = '',
): string {
  if (properties.length === 0 && typeof additional === 'boolean') {
    // unknown, not any: it takes any object with any nested values, but not a list.
    return additional ? 'Record<string, unknown>' : 'Record<string, never>';
  }
  const inner = `${indent}  `;
  const lines = properties.map(
    (property) =>
      `${jsDoc([property.description], inner)}${inner}${propertyKey(property.name)}${property.required ? '' : '?'}: ${typeExpression(property.shape, inner)};`,
  );
  if (additional === true) lines.push(`${inner}[key: string]: unknown;`);
  else if (additional !== false)
    lines.push(`${inner}[key: string]: ${indexSignatureType(properties, additional, inner)};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}
