import type { NamedTypeModel, Shape } from './types.js';

/** The declared types a shape is, without an object or array around them: a `$ref`, or one among `oneOf` options. */
function bareReferences(shape: Shape): string[] {
  if (shape.kind === 'ref') return [shape.name];
  if (shape.kind === 'union') return shape.options.flatMap(bareReferences);
  return [];
}

/**
 * The declared types that are themselves through `$ref`s and `oneOf` options
 * alone, each with the way back to it (`['P', 'Q', 'P']`). Such a type has no
 * values: TypeScript refuses it (it "circularly references itself"), and its
 * run-time check would call itself for ever. An object or an array between
 * makes the recursion fine (`Category: { children: { items: { $ref: Category } } }`).
 */
export function bareCycles(types: readonly NamedTypeModel[]): Map<string, string[]> {
  const references = new Map(types.map((type) => [type.name, bareReferences(type.shape)]));
  const cycles = new Map<string, string[]>();
  for (const { name } of types) {
    // Breadth first, so the way back found is a shortest one.
    const cameFrom = new Map<string, string>();
    const queue = [name];
    while (queue.length > 0 && !cycles.has(name)) {
      const at = queue.shift()!;
      for (const next of references.get(at) ?? []) {
        if (next === name) {
          const between: string[] = [];
          for (let step = at; step !== name; step = cameFrom.get(step)!) between.unshift(step);
          cycles.set(name, [name, ...between, name]);
          break;
        }
        if (!cameFrom.has(next) && references.has(next)) {
          cameFrom.set(next, at);
          queue.push(next);
        }
      }
    }
  }
  return cycles;
}
