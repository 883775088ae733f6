// What must and must not compile for open and typed maps, nesting and nullability.
import { shapesSent } from './index.js';

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
