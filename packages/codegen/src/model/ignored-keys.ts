import type { PropertyNode, TypeName } from '../plan/schema.js';

/** Where a property node sits, which decides whether `required` means anything there. */
export type NodeRole = 'property' | 'type' | 'items' | 'additionalProperties' | 'option';

/** A key of a node that the generator would not honour where it is written. */
export interface IgnoredKey {
  key: keyof PropertyNode;
  message: string;
  hint: string;
}

/** The rules that only some types take, and the types that take them. */
const RULES_BY_TYPE: readonly { keys: (keyof PropertyNode)[]; types: TypeName[]; fix: string }[] = [
  {
    keys: ['format', 'pattern', 'minLength', 'maxLength'],
    types: ['string'],
    fix: 'type: string',
  },
  { keys: ['minimum', 'maximum'], types: ['number', 'integer'], fix: 'type: number' },
  { keys: ['items'], types: ['array'], fix: 'type: array' },
  { keys: ['properties', 'additionalProperties'], types: ['object'], fix: 'type: object' },
];

/** Keys that only shape a value: every key but the ones that describe or place it. */
const VALUE_KEYS = [
  'type',
  'enum',
  'const',
  ...RULES_BY_TYPE.flatMap((rule) => rule.keys),
  'oneOf',
  '$ref',
] as const satisfies readonly (keyof PropertyNode)[];

const REQUIRED_HINTS: Record<Exclude<NodeRole, 'property'>, (name: string) => string> = {
  type: (name) =>
    `Remove it, and mark required where the type is used: { $ref: ${name}, required: true }.`,
  items: () => 'Remove it: an array item cannot be left out. Mark the array itself required.',
  additionalProperties: () =>
    'Remove it: additionalProperties types the keys an object does not declare, which are never required.',
  option: () => 'Remove it, and put required on the property that holds the oneOf.',
};

/** The types a node admits: its `type`, or what its `properties` or `items` imply. */
export function declaredTypes(node: PropertyNode): TypeName[] {
  if (Array.isArray(node.type)) return node.type;
  if (node.type) return [node.type];
  if (node.properties !== undefined) return ['object'];
  if (node.items !== undefined) return ['array'];
  return [];
}

/**
 * Every key of `node` the generator would drop: keys beside `$ref` or
 * `oneOf`, which stand for the whole value; rules beside `enum` or `const`,
 * which already fix the values; rules for a type the node does not have;
 * and `required` anywhere but on a property. `name` is the node's name, for
 * hints (a type's name under `types:`).
 */
export function ignoredKeys(node: PropertyNode, role: NodeRole, name: string): IgnoredKey[] {
  const present = (key: keyof PropertyNode) => node[key] !== undefined;
  const found: IgnoredKey[] = [];
  if (role !== 'property' && present('required')) {
    found.push({
      key: 'required',
      message:
        role === 'type'
          ? `required on the type "${name}" is ignored: a type says what a value is, not whether a property must be there.`
          : `required is ignored on ${role === 'option' ? 'a oneOf option' : role === 'items' ? 'array items' : 'additionalProperties'}; it applies only to a property.`,
      hint: REQUIRED_HINTS[role](name),
    });
  }
  const whole = present('$ref') ? '$ref' : present('oneOf') ? 'oneOf' : undefined;
  if (whole) {
    for (const key of VALUE_KEYS) {
      if (key === whole || !present(key)) continue;
      found.push({
        key,
        message: `${key} next to ${whole} would be ignored: ${whole} stands for the whole value.`,
        hint:
          whole === '$ref'
            ? key === 'type' && [node.type].flat().includes('null')
              ? `To allow null, write oneOf: [{ $ref: ${node.$ref} }, { type: "null" }].`
              : `Beside $ref only description and required are allowed. Put ${key} in the type ${node.$ref} under types:, or use oneOf to combine it.`
            : key === 'type' && [node.type].flat().includes('null')
              ? 'Move the type into the options; to allow null add the option { type: "null" }.'
              : `Beside oneOf only description and required are allowed. Move ${key} into each option it applies to.`,
      });
    }
    return found;
  }
  const fixed = present('const') ? 'const' : present('enum') ? 'enum' : undefined;
  const types = declaredTypes(node);
  for (const rule of RULES_BY_TYPE) {
    for (const key of rule.keys) {
      if (!present(key)) continue;
      if (fixed) {
        found.push({
          key,
          message: `${key} next to ${fixed} would be ignored: ${fixed} already fixes the values.`,
          hint: `Remove ${key}, or list only the values it allows in ${fixed}.`,
        });
      } else if (!types.some((type) => rule.types.includes(type))) {
        found.push({
          key,
          message:
            types.length === 0
              ? `${key} would be ignored: it applies to ${rule.types[0]} values, and this property has no type.`
              : `${key} would be ignored: it applies to ${rule.types[0]} values, and this property is ${types.join(' or ')}.`,
          hint:
            key === 'minLength' || key === 'maxLength'
              ? `Add \`${rule.fix}\`; minLength and maxLength count the characters of a string. Arrays have no length rules.`
              : `Add \`${rule.fix}\`${types.length === 0 ? '' : ` to the types, e.g. type: [${[...types, rule.types[0]].join(', ')}]`}, or remove ${key}.`,
        });
      }
    }
  }
  if (fixed === 'const' && present('enum')) {
    found.push({
      key: 'enum',
      message: 'enum next to const would be ignored: const already fixes the value.',
      hint: 'Keep one of them: const for one value, enum for several.',
    });
  }
  return found;
}
