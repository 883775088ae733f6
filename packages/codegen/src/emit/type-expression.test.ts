import { describe, expect, it } from 'vitest';
import type { Shape } from '../model/types.js';
import { typeExpression } from './type-expression.js';

const sku: Shape = {
  kind: 'object',
  properties: [{ name: 'sku', required: true, shape: { kind: 'string' } }],
  additional: false,
};

describe('typeExpression of an array', () => {
  it.each<[string, Shape, string]>([
    [
      'of a nullable object',
      { kind: 'array', items: { kind: 'union', options: [sku, { kind: 'null' }] } },
      'Array<{ sku: string } | null>',
    ],
    [
      'of an object or a string',
      { kind: 'array', items: { kind: 'union', options: [sku, { kind: 'string' }] } },
      'Array<{ sku: string } | string>',
    ],
    [
      'of an enum',
      { kind: 'array', items: { kind: 'enum', values: ['a', 'b'] } },
      'Array<"a" | "b">',
    ],
    ['of an object', { kind: 'array', items: sku }, '{ sku: string }[]'],
    [
      'of an object whose property is a union',
      {
        kind: 'array',
        items: {
          kind: 'object',
          properties: [
            { name: 'size', required: true, shape: { kind: 'enum', values: ['S', 'M'] } },
          ],
          additional: false,
        },
      },
      '{ size: "S" | "M" }[]',
    ],
    [
      'of a union whose options render alike',
      {
        kind: 'array',
        items: { kind: 'union', options: [{ kind: 'string' }, { kind: 'string' }] },
      },
      'string[]',
    ],
  ])('%s', (_, shape, expected) => {
    expect(typeExpression(shape).replace(/\s+/g, ' ').replace(/; }/g, ' }')).toBe(expected);
  });
});
