import type { PropertyModel, Shape } from '../model/types.js';
import { jsDoc, propertyKey, valueLiteral } from './escape.js';

function needsParentheses(type: string): boolean {
  return type.includes(' | ') && !type.startsWith('{');
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
      return needsParentheses(items) ? `Array<${items}>` : `${items}[]`;
    }
    case 'union':
      return [...new Set(shape.options.map((option) => typeExpression(option, indent)))].join(
        ' | ',
      );
    case 'object':
      return objectType(shape.properties, shape.additional !== false, indent);
  }
}

/** An object type literal: one documented line per property. */
export function objectType(
  properties: readonly PropertyModel[],
  additional: boolean,
  indent = '',
): string {
  if (properties.length === 0 && !additional) return 'Record<string, never>';
  const inner = `${indent}  `;
  const lines = properties.map(
    (property) =>
      `${jsDoc([property.description], inner)}${inner}${propertyKey(property.name)}${property.required ? '' : '?'}: ${typeExpression(property.shape, inner)};`,
  );
  if (additional) lines.push(`${inner}[key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}
