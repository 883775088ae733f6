// What must and must not compile for open and typed maps, nesting and nullability.
import { expectTypeOf } from 'vitest';
import { type Bag, identify, page, type ShapesSentProperties, shapesSent } from './index.js';

shapesSent({ counts: { a: 1, b: 2 }, maybe_required: null });
shapesSent({
  counts: {},
  maybe_required: 3,
  money: { amount: 1, currency: 'EUR', note: 'gift' },
  open: { id: 'x', anything: [1, 'two'] },
  closed: { id: 'x' },
  matrix: [[1, 2], [3]],
  maybe: null,
});
// @ts-expect-error the values of counts are integers
shapesSent({ counts: { a: 'one' }, maybe_required: null });
// TypeScript lets Money's extra keys hold its declared keys' types too (a number
// here); only the runtime check refuses those.
// @ts-expect-error Money's extra keys hold strings
shapesSent({ counts: {}, maybe_required: null, money: { amount: 1, note: true } });
// @ts-expect-error Money's declared keys keep their own types
shapesSent({ counts: {}, maybe_required: null, money: { amount: 'one' } });
// @ts-expect-error closed objects take no other keys
shapesSent({ counts: {}, maybe_required: null, closed: { id: 'x', other: 1 } });
// @ts-expect-error nullable is not optional
shapesSent({ counts: {} });
// @ts-expect-error the matrix holds numbers
shapesSent({ counts: {}, maybe_required: null, matrix: [['1']] });

// An object that lists neither properties nor additionalProperties takes any keys
// holding any values, nested ones too, wherever it is used.
const anything = { id: 'x', nested: { list: [1, 'two', null, { deep: true }] }, empty: {} };
expectTypeOf<ShapesSentProperties['meta']>().toEqualTypeOf<Record<string, unknown> | undefined>();
expectTypeOf<Bag>().toEqualTypeOf<Record<string, unknown>>();
shapesSent({
  counts: {},
  maybe_required: null,
  meta: anything,
  bag: anything,
  bags: [anything, {}],
  bag_or_text: anything,
  bags_by_name: { a: anything },
  maybe_meta: anything,
  nothing: {},
});
shapesSent({ counts: {}, maybe_required: null, bag_or_text: 'text', maybe_meta: null });
identify({ preferences: anything });
page('Search', { filters: anything });
page('Search', { filters: {} });
// @ts-expect-error an open object is still an object, not a list
shapesSent({ counts: {}, maybe_required: null, meta: [1, 2] });
// @ts-expect-error nor text
shapesSent({ counts: {}, maybe_required: null, meta: 'text' });
// @ts-expect-error nor a list, under types: either
shapesSent({ counts: {}, maybe_required: null, bag: [] });
// @ts-expect-error page properties are checked as event properties are
page('Search', { filters: 5 });
// @ts-expect-error properties: {} lists no keys, so it takes none
shapesSent({ counts: {}, maybe_required: null, nothing: { a: 1 } });
