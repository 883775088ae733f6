import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { planJsonSchema } from './json-schema.js';

it('ships a JSON Schema that matches the zod schema (run `pnpm json-schema` after changing it)', () => {
  const committed = readFileSync(
    new URL('../../tracking-plan.schema.json', import.meta.url),
    'utf8',
  );
  expect(committed).toBe(planJsonSchema());
  const schema = JSON.parse(committed);
  expect(Object.keys(schema.properties)).toEqual(
    expect.arrayContaining(['version', 'name', 'types', 'events', 'identify', 'group', 'pages']),
  );
  expect(schema.additionalProperties).toBe(false);
});
