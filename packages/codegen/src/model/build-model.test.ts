import { describe, expect, it } from 'vitest';
import { property } from '../../test/plan-problems.js';
import { loadPlan } from '../plan/load-plan.js';
import type { Shape } from './types.js';

/** What the object shape of property p admits beyond its listed keys. */
function additionalOf(node: string): boolean | Shape | undefined {
  const { model, problems } = loadPlan(property(node));
  expect(problems).toEqual([]);
  const shape = model?.events[0]?.properties[0]?.shape;
  const object = shape?.kind === 'union' ? shape.options.find((o) => o.kind === 'object') : shape;
  return object?.kind === 'object' ? object.additional : undefined;
}

describe('an object that says nothing of its keys is any object', () => {
  const table: { given: string; want: boolean | Shape }[] = [
    { given: '{ type: object }', want: true },
    { given: '{ type: [object, "null"] }', want: true },
    { given: '{ type: object, additionalProperties: true }', want: true },
    { given: '{ type: object, additionalProperties: { type: string } }', want: { kind: 'string' } },
    { given: '{ type: object, additionalProperties: false }', want: false },
    { given: '{ type: object, properties: {} }', want: false },
    { given: '{ type: object, properties: ~ }', want: false },
    { given: '{ properties: { id: { type: string } } }', want: false },
    { given: '{ properties: {}, additionalProperties: true }', want: true },
  ];

  it.each(table)('$given admits other keys: $want', ({ given, want }) => {
    expect(additionalOf(given)).toEqual(want);
  });
});
