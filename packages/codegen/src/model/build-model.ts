import { closest, type PlanProblem, type ProblemCode } from '../plan/problems.js';
import type { PlanFile, PropertyNode, ScalarValue, TypeName } from '../plan/schema.js';
import type { PlanPath, PlanSource } from '../plan/source.js';
import { describePath } from '../plan/validate-schema.js';
import { bareCycles } from './bare-cycles.js';
import { ignoredKeys, type NodeRole } from './ignored-keys.js';
import { functionName, isValidIdentifier, typeName } from './namer.js';
import type {
  EventModel,
  NamedTypeModel,
  PageModel,
  PlanModel,
  PropertyModel,
  Shape,
} from './types.js';

/** Members of every object (toString, constructor, …): unusable as typed property names. */
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Exports every generated module has; an event function may not take these names. */
export const FIXED_EXPORTS = ['identify', 'group', 'page', 'trackingPlan'] as const;
/** Type names every generated module declares. */
export const FIXED_TYPE_NAMES = [
  'IdentifyTraits',
  'GroupTraits',
  'TrackingPlan',
  'PlanTypes',
] as const;

/**
 * Names the generated declarations refer to without declaring them: core's
 * types they import, their own helper types, and TypeScript's globals. A
 * plan type by one of these names would shadow it and break the module.
 */
export const REFERENCED_TYPE_NAMES = [
  'Array',
  'Promise',
  'Record',
  'CallOptions',
  'GroupResult',
  'IdentifyResult',
  'PageResult',
  'TrackResult',
  'PageName',
  'PageArguments',
] as const;

function valueFits(value: ScalarValue, type: TypeName): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
    case 'string':
    case 'boolean':
      return typeof value === type;
    case 'object':
    case 'array':
      return false;
  }
}

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function deprecation(value: string | boolean | undefined): string | undefined {
  if (value === undefined || value === false) return undefined;
  return value === true ? 'Deprecated.' : value;
}

/**
 * Turns a schema-valid plan into the model emitters read, checking what the
 * schema cannot: references, enums, patterns, bounds and names. Every problem
 * is collected; the model is returned only when there are none.
 */
export function buildModel(
  plan: PlanFile,
  source: PlanSource,
  /**
   * Nodes that lost an invalid key before this check, so what their other
   * keys apply to is unknown; their keys are not judged against each other.
   */
  pruned: ReadonlySet<object> = new Set(),
): { model?: PlanModel; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const report = (
    code: ProblemCode,
    path: PlanPath,
    message: string,
    hint: string,
    at: 'key' | 'value' = 'value',
  ) => problems.push({ code, message, hint, file: source.file, ...source.locate(path, at) });

  const declaredTypes = new Map<string, string>();
  for (const name of Object.keys(plan.types ?? {})) declaredTypes.set(name, typeName(name));

  /** Generated type names, with the plan path that produced each, to catch collisions. */
  const typeNames = new Map<string, { what: string; path: PlanPath }>();
  for (const fixed of FIXED_TYPE_NAMES)
    typeNames.set(fixed, { what: `the generated ${fixed}`, path: [] });
  const referencedTypeNames = new Set<string>(REFERENCED_TYPE_NAMES);
  function claimTypeName(name: string, what: string, path: PlanPath, fix: string): void {
    const earlier = typeNames.get(name);
    if (referencedTypeNames.has(name)) {
      report(
        'name_collision',
        path,
        `${what} would generate the type ${name}, which would hide the ${name} the generated code refers to.`,
        `Rename the type. The generated code refers to ${REFERENCED_TYPE_NAMES.join(', ')}, so plan types cannot take those names.`,
        'key',
      );
    } else if (earlier) {
      report(
        'name_collision',
        path,
        `${what} and ${earlier.what} would both generate the type ${name}.`,
        fix,
        'key',
      );
    } else {
      typeNames.set(name, { what, path });
    }
  }

  /**
   * Claims a type name built from a plan name, or reports that the name has
   * nothing to build one from ('' stands for that).
   */
  function claimDerivedTypeName(
    generated: string,
    kind: 'Type' | 'Page',
    name: string,
    path: PlanPath,
    fix: string,
  ): void {
    if (generated === '') {
      report(
        'invalid_function_name',
        path,
        `The ${kind.toLowerCase()} name "${name}" has no letters or digits to build a type name from.`,
        `Rename the ${kind.toLowerCase()} with letters or digits.`,
        'key',
      );
    } else {
      claimTypeName(generated, `${kind} "${name}"`, path, fix);
    }
  }

  function checkBounds(node: PropertyNode, path: PlanPath): void {
    if (node.minimum !== undefined && node.maximum !== undefined && node.minimum > node.maximum) {
      report(
        'invalid_bounds',
        [...path, 'minimum'],
        `minimum ${node.minimum} is above maximum ${node.maximum} in ${describePath(path)}.`,
        'Swap them, or fix the one that is wrong.',
      );
    }
    if (
      node.minLength !== undefined &&
      node.maxLength !== undefined &&
      node.minLength > node.maxLength
    ) {
      report(
        'invalid_bounds',
        [...path, 'minLength'],
        `minLength ${node.minLength} is above maxLength ${node.maxLength} in ${describePath(path)}.`,
        'Swap them, or fix the one that is wrong.',
      );
    }
  }

  function baseShape(type: TypeName, node: PropertyNode, path: PlanPath): Shape {
    switch (type) {
      case 'string': {
        const shape: Shape = { kind: 'string' };
        if (node.format) shape.format = node.format;
        if (node.pattern !== undefined && isValidPattern(node.pattern)) {
          shape.pattern = node.pattern;
        }
        if (node.minLength !== undefined) shape.minLength = node.minLength;
        if (node.maxLength !== undefined) shape.maxLength = node.maxLength;
        return shape;
      }
      case 'number':
      case 'integer': {
        const shape: Shape = { kind: 'number', integer: type === 'integer' };
        if (node.minimum !== undefined) shape.minimum = node.minimum;
        if (node.maximum !== undefined) shape.maximum = node.maximum;
        return shape;
      }
      case 'boolean':
        return { kind: 'boolean' };
      case 'null':
        return { kind: 'null' };
      case 'object':
        return {
          kind: 'object',
          properties: propertiesOf(node.properties, [...path, 'properties']),
          // An object that says nothing of its keys is any object, as in JSON
          // Schema; listing properties (even none) closes it.
          additional:
            node.additionalProperties === undefined
              ? node.properties === undefined
              : typeof node.additionalProperties === 'boolean'
                ? node.additionalProperties
                : shapeOf(
                    node.additionalProperties,
                    [...path, 'additionalProperties'],
                    'additionalProperties',
                  ),
        };
      case 'array':
        return {
          kind: 'array',
          items: node.items
            ? shapeOf(node.items, [...path, 'items'], 'items')
            : { kind: 'unknown' },
        };
    }
  }

  /** Reports each enum or const value that none of the node's declared types admits. */
  function checkValuesFit(
    values: readonly ScalarValue[],
    types: readonly TypeName[],
    path: PlanPath,
    key: 'enum' | 'const',
  ): void {
    if (types.length === 0) return;
    for (const [index, value] of values.entries()) {
      if (types.some((type) => valueFits(value, type))) continue;
      report(
        'invalid_value',
        key === 'enum' ? [...path, 'enum', index] : [...path, 'const'],
        `The ${key} value ${JSON.stringify(value)} of ${describePath(path)} is not of its type, ${types.join(' or ')}.`,
        typeof value === 'number' && types.includes('string')
          ? `Quote it ("${value}") to make it a string, or fix the type.`
          : 'Change the value, or add its type to `type`.',
      );
    }
  }

  function checkPattern(pattern: string, path: PlanPath): void {
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      report(
        'invalid_pattern',
        [...path, 'pattern'],
        `The pattern of ${describePath(path)} is not a valid regular expression: ${(error as Error).message}.`,
        'Write a JavaScript regular expression without the surrounding slashes, e.g. "^[A-Z]{3}$".',
      );
    }
  }

  /** Reports each key of the node that would have no effect where it is. */
  function checkIgnoredKeys(node: PropertyNode, path: PlanPath, role: NodeRole): void {
    if (pruned.has(node)) return;
    for (const { key, message, hint } of ignoredKeys(node, role, String(path.at(-1)))) {
      report('ignored_key', [...path, key], `${message} (in ${describePath(path)})`, hint, 'key');
    }
  }

  function shapeOf(node: PropertyNode, path: PlanPath, role: NodeRole): Shape {
    checkIgnoredKeys(node, path, role);
    checkBounds(node, path);
    if (node.pattern !== undefined) checkPattern(node.pattern, path);
    if (node.$ref !== undefined) {
      const target = declaredTypes.get(node.$ref);
      if (target === undefined) {
        const suggestion = closest(node.$ref, declaredTypes.keys());
        const known = [...declaredTypes.keys()];
        report(
          'unknown_ref',
          [...path, '$ref'],
          `${describePath(path)} refers to the type "${node.$ref}", which the plan does not declare.`,
          suggestion
            ? `Did you mean "${suggestion}"?`
            : known.length > 0
              ? `Declared types: ${known.join(', ')}.`
              : 'Declare it under `types:` at the top level of the plan.',
        );
        return { kind: 'unknown' };
      }
      return { kind: 'ref', name: node.$ref, typeName: target };
    }
    if (node.oneOf)
      return {
        kind: 'union',
        options: node.oneOf.map((option, i) => shapeOf(option, [...path, 'oneOf', i], 'option')),
      };
    const types: TypeName[] = Array.isArray(node.type)
      ? node.type
      : node.type
        ? [node.type]
        : node.properties
          ? ['object']
          : node.items
            ? ['array']
            : [];
    // Types that lost an invalid entry (type: [strng, number] is left as
    // [number]), or that a node which lost a key only implies, are not the
    // types meant: values are judged against them once the type is fixed.
    const typesKnown = !(
      pruned.has(node) &&
      (node.type === undefined || (Array.isArray(node.type) && pruned.has(node.type)))
    );
    const fitTypes = typesKnown ? types : [];
    if (node.const !== undefined) {
      checkValuesFit([node.const], fitTypes, path, 'const');
      return { kind: 'const', value: node.const };
    }
    if (node.enum) {
      checkValuesFit(node.enum, fitTypes, path, 'enum');
      const kinds = new Set(
        node.enum.filter((value) => value !== null).map((value) => typeof value),
      );
      if (kinds.size > 1) {
        report(
          'mixed_enum',
          [...path, 'enum'],
          `The enum of ${describePath(path)} mixes ${[...kinds].join(' and ')} values.`,
          'Use values of one type; quote numbers ("1") to make them strings.',
        );
      }
      const shape: Shape = { kind: 'enum', values: node.enum };
      return types.includes('null') && !node.enum.includes(null)
        ? { kind: 'union', options: [shape, { kind: 'null' }] }
        : shape;
    }
    if (types.length === 0) return { kind: 'unknown' };
    const shapes = [...new Set(types)].map((type) => baseShape(type, node, path));
    return shapes.length === 1 ? (shapes[0] as Shape) : { kind: 'union', options: shapes };
  }

  function propertiesOf(
    map: Record<string, PropertyNode> | null | undefined,
    path: PlanPath,
  ): PropertyModel[] {
    return Object.entries(map ?? {}).map(([name, node]) => {
      if (OBJECT_MEMBERS.has(name)) {
        report(
          'reserved_name',
          [...path, name],
          `The property "${name}" of ${describePath(path.slice(0, -1))} is a member of every JavaScript object, so TypeScript cannot give it the plan's type.`,
          `Rename the property, e.g. "${name}_value".`,
          'key',
        );
      }
      const property: PropertyModel = {
        name,
        required: node.required === true,
        shape: shapeOf(node, [...path, name], 'property'),
      };
      if (node.description) property.description = node.description;
      return property;
    });
  }

  const types: NamedTypeModel[] = Object.entries(plan.types ?? {}).map(([name, node]) => {
    const path = ['types', name];
    const generated = declaredTypes.get(name) ?? '';
    claimDerivedTypeName(generated, 'Type', name, path, 'Rename one of the types.');
    const model: NamedTypeModel = {
      name,
      typeName: generated,
      shape: shapeOf(node, path, 'type'),
    };
    if (node.description) model.description = node.description;
    return model;
  });
  for (const [name, cycle] of bareCycles(types)) {
    report(
      'circular_ref',
      ['types', name],
      `The type "${name}" is itself through ${cycle.join(' → ')}, with no object or array between, so no value can have it.`,
      'Put an object or an array in the loop (e.g. a list of children), or end it with a type of its own.',
      'key',
    );
  }

  const functions = new Map<string, { what: string }>();
  for (const fixed of FIXED_EXPORTS) functions.set(fixed, { what: `the generated ${fixed}()` });
  const events: EventModel[] = Object.entries(plan.events ?? {}).map(([name, definition]) => {
    const path = ['events', name];
    const def = definition ?? {};
    let fn = def.function ?? functionName(name);
    // Type names follow the event's name, or the function: override when given.
    const propertiesType = `${def.function !== undefined ? upperFirst(def.function) : typeName(name)}Properties`;
    // Names starting with $ are kept for the generated module's internals.
    if (
      def.function !== undefined &&
      (!isValidIdentifier(def.function) || def.function.startsWith('$'))
    ) {
      report(
        'invalid_function_name',
        [...path, 'function'],
        `function: ${JSON.stringify(def.function)} of event "${name}" is not a usable JavaScript identifier.`,
        'Use letters, digits and _, not starting with a digit or $ and not a reserved word, e.g. function: orderCompleted.',
      );
      fn = '';
    } else if (fn === '') {
      report(
        'invalid_function_name',
        path,
        `The event name "${name}" has no letters or digits to build a function name from.`,
        'Add `function: someName` to the event.',
        'key',
      );
    } else {
      const earlier = functions.get(fn);
      if (earlier) {
        report(
          'name_collision',
          path,
          `Event "${name}" and ${earlier.what} would both generate the function ${fn}().`,
          `Give one of them its own name with \`function:\`, e.g. function: ${fn}V2.`,
          'key',
        );
      } else {
        functions.set(fn, { what: `event "${name}"` });
        claimTypeName(
          propertiesType,
          `Event "${name}"`,
          path,
          'Set `function:` on one of them to a different name.',
        );
      }
    }
    const model: EventModel = {
      name,
      functionName: fn,
      typeName: propertiesType,
      properties: propertiesOf(def.properties, [...path, 'properties']),
    };
    if (def.description) model.description = def.description;
    const deprecated = deprecation(def.deprecated);
    if (deprecated) model.deprecated = deprecated;
    return model;
  });

  const pages: PageModel[] = Object.entries(plan.pages ?? {}).map(([name, definition]) => {
    const path = ['pages', name];
    const def = definition ?? {};
    const base = typeName(name);
    claimDerivedTypeName(
      base && `${base}PageProperties`,
      'Page',
      name,
      path,
      'Rename one of the pages.',
    );
    const model: PageModel = {
      name,
      typeName: `${base}PageProperties`,
      properties: propertiesOf(def.properties, [...path, 'properties']),
    };
    if (def.category) model.category = def.category;
    if (def.description) model.description = def.description;
    const deprecated = deprecation(def.deprecated);
    if (deprecated) model.deprecated = deprecated;
    return model;
  });

  const model: PlanModel = {
    name: plan.name,
    types,
    events,
    identifyTraits: propertiesOf(plan.identify?.traits, ['identify', 'traits']),
    groupTraits: propertiesOf(plan.group?.traits, ['group', 'traits']),
    pages,
  };
  if (plan.description) model.description = plan.description;
  return problems.length > 0 ? { problems } : { model, problems };
}
