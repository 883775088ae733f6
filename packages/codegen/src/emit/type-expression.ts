import type { PropertyModel, Shape } from '../model/types.js';
import { jsDoc, propertyKey, valueLiteral } from './escape.js';

/**
 * The types a shape is a union of at its top level: a oneOf's distinct
 * options, an enum's values, else the shape's one type. An array wraps more
 * than one (`Array<{ sku: string } | null>`, not `{ sku: string } | null[]`);
 * this is told from the shape, since an object's text holds unions of its own.
 */
function unionMembers(shape: Shape, indent: string): string[] {
  if (shape.kind === 'union') {
    return [...new Set(shape.options.map((option) => typeExpression(option, indent)))];
  }
  if (shape.kind === 'enum') return shape.values.map(valueLiteral);
  return [typeExpression(shape, indent)];
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
    case 'union':
      return unionMembers(shape, indent).join(' | ');
    case 'const':
      return valueLiteral(shape.value);
    case 'ref':
      return shape.typeName;
    case 'array': {
      const members = unionMembers(shape.items, indent);
      const items = members.join(' | ');
      return members.length > 1 ? `Array<${items}>` : `${items}[]`;
    }
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
