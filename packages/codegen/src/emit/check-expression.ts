import type { PropertyModel, Shape } from '../model/types.js';
import { propertyKey, stringLiteral, valueLiteral } from './escape.js';

function rules(entries: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(entries)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'string' ? stringLiteral(value) : String(value)}`,
    );
  return parts.length === 0 ? '' : `{ ${parts.join(', ')} }`;
}

/**
 * The runtime check of a shape, as an expression over the `v` checks of
 * `@trackplan/core/plan`. References are lazy, so types may refer to each
 * other in any order, recursively too.
 */
export function checkExpression(shape: Shape, indent = ''): string {
  switch (shape.kind) {
    case 'string':
      return `$v.string(${rules({ format: shape.format, pattern: shape.pattern, minLength: shape.minLength, maxLength: shape.maxLength })})`;
    case 'number':
      return `$v.number(${rules({ integer: shape.integer, minimum: shape.minimum, maximum: shape.maximum })})`;
    case 'boolean':
      return '$v.boolean';
    case 'null':
      return '$v.nullValue';
    case 'unknown':
      return '$v.unknown';
    case 'enum':
      return `$v.oneOfValues([${shape.values.map(valueLiteral).join(', ')}])`;
    case 'const':
      return `$v.oneOfValues([${valueLiteral(shape.value)}])`;
    case 'ref':
      return `$v.lazy(() => ${shape.typeName}Check)`;
    case 'array':
      return `$v.array(${checkExpression(shape.items, indent)})`;
    case 'union':
      return `$v.union([${shape.options.map((option) => checkExpression(option, indent)).join(', ')}])`;
    case 'object':
      return objectCheck(shape.properties, shape.additional, indent);
  }
}

/** An object check; `extraOptional` adds optional string keys the plan did not declare. */
export function objectCheck(
  properties: readonly PropertyModel[],
  additional: boolean | Shape,
  indent = '',
  extraOptional: readonly string[] = [],
): string {
  const inner = `${indent}  `;
  const declared = new Set(properties.map((property) => property.name));
  const entries = [
    ...properties.map(
      (property) =>
        `${inner}${propertyKey(property.name)}: $v.${property.required ? 'required' : 'optional'}(${checkExpression(property.shape, inner)}),`,
    ),
    ...extraOptional
      .filter((name) => !declared.has(name))
      .map((name) => `${inner}${propertyKey(name)}: $v.optional($v.string()),`),
  ];
  const extra =
    typeof additional === 'boolean'
      ? additional
        ? ', true'
        : ''
      : `, ${checkExpression(additional, indent)}`;
  return entries.length === 0
    ? `$v.object({}${extra})`
    : `$v.object({\n${entries.join('\n')}\n${indent}}${extra})`;
}
