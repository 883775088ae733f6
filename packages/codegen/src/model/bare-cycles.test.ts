import { describe, expect, it } from 'vitest';
import { bareCycles } from './bare-cycles.js';
import type { NamedTypeModel, Shape } from './types.js';

const ref = (name: string): Shape => ({ kind: 'ref', name, typeName: name });
const named = (name: string, shape: Shape): NamedTypeModel => ({ name, typeName: name, shape });

describe('bareCycles', () => {
  it('gives each type on a loop of references and oneOf options the shortest way back', () => {
    const cycles = bareCycles([
      named('P', ref('Q')),
      named('Q', { kind: 'union', options: [ref('R'), ref('P'), { kind: 'null' }] }),
      named('R', { kind: 'string' }),
      named('Self', ref('Self')),
      named('Into', ref('P')),
    ]);
    expect(Object.fromEntries(cycles)).toEqual({
      P: ['P', 'Q', 'P'],
      Q: ['Q', 'P', 'Q'],
      Self: ['Self', 'Self'],
    });
  });

  it('lets an object or an array stand between, as recursive data needs', () => {
    const cycles = bareCycles([
      named('Tree', {
        kind: 'object',
        properties: [
          { name: 'children', required: false, shape: { kind: 'array', items: ref('Tree') } },
        ],
        additional: false,
      }),
      named('List', { kind: 'array', items: ref('List') }),
      named('Json', {
        kind: 'union',
        options: [{ kind: 'string' }, { kind: 'array', items: ref('Json') }],
      }),
    ]);
    expect(cycles.size).toBe(0);
  });
});
