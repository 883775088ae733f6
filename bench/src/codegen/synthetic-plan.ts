/**
 * One synthetic plan in both formats, so both generators get the same work:
 * each event has 9 properties of mixed types, including an enum, a nullable
 * string, a nested object and arrays of strings and of objects.
 */
export function eventName(index: number): string {
  return `Feature ${index} Used`;
}

/** The event the run-time measures call, halfway through a plan of `events`, and its generated function. */
export function sampleEvent(events: number): { name: string; functionName: string } {
  const index = Math.floor(events / 2);
  return { name: eventName(index), functionName: `feature${index}Used` };
}

export function trackplanYaml(events: number): string {
  const lines = ['version: 1', 'name: Synthetic', 'events:'];
  for (let i = 0; i < events; i++) {
    lines.push(
      `  ${eventName(i)}:`,
      `    description: Synthetic event number ${i}.`,
      '    properties:',
      '      id: { type: string, required: true }',
      '      amount: { type: number, minimum: 0, required: true }',
      '      count: { type: integer, minimum: 0 }',
      '      enabled: { type: boolean }',
      '      tier: { enum: [free, pro, enterprise], required: true }',
      '      coupon: { type: [string, "null"] }',
      '      address: { type: object, properties: { city: { type: string, required: true }, zip: { type: string } } }',
      '      tags: { type: array, items: { type: string } }',
      '      items: { type: array, items: { type: object, properties: { sku: { type: string, required: true }, qty: { type: integer } } } }',
    );
  }
  return `${lines.join('\n')}\n`;
}

function eventSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      properties: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          amount: { type: 'number', minimum: 0 },
          count: { type: 'integer', minimum: 0 },
          enabled: { type: 'boolean' },
          tier: { enum: ['free', 'pro', 'enterprise'] },
          coupon: { type: ['string', 'null'] },
          address: {
            type: 'object',
            properties: { city: { type: 'string' }, zip: { type: 'string' } },
            required: ['city'],
          },
          tags: { type: 'array', items: { type: 'string' } },
          items: {
            type: 'array',
            items: {
              type: 'object',
              properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
              required: ['sku'],
            },
          },
        },
        required: ['id', 'amount', 'tier'],
      },
    },
    required: ['properties'],
  };
}

/** The same plan in the Config API `plan.json` format Typewriter 9 reads from its cache. */
export function typewriterPlanJson(events: number): string {
  return JSON.stringify({
    name: 'workspaces/bench/tracking-plans/tp_bench',
    display_name: 'Synthetic',
    create_time: '2026-01-01T00:00:00Z',
    update_time: '2026-01-01T00:00:00Z',
    rules: {
      events: Array.from({ length: events }, (_, i) => ({
        name: eventName(i),
        description: `Synthetic event number ${i}.`,
        version: 1,
        rules: eventSchema(),
      })),
    },
  });
}

/** Valid properties for any synthetic event. */
export const SAMPLE_PROPERTIES = {
  id: 'x1',
  amount: 12.5,
  count: 2,
  enabled: true,
  tier: 'pro',
  coupon: null,
  address: { city: 'Lyon', zip: '69001' },
  tags: ['a', 'b'],
  items: [{ sku: 'sku-1', qty: 1 }],
};
