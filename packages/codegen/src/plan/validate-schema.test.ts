import { describe, it } from 'vitest';
import { expectProblems, plan, property, type Want } from '../../test/plan-problems.js';

describe('messages say what is wrong where it is', () => {
  const table: { name: string; given: string; want: Want[] }[] = [
    {
      name: 'an infinite number is named as such, not as null',
      given: property('{ type: number, minimum: .inf }'),
      want: [{ code: 'invalid_type', at: '.inf', message: /^(?!.*null).*\.inf/, hint: /finite/ }],
    },
    {
      name: 'an event that is not a mapping gets the keys of an event',
      given: plan('events:\n  B: 5\n'),
      want: [
        {
          code: 'invalid_type',
          at: '5',
          message: /an event/,
          hint: /^(?!.*enum).*description, function, deprecated, properties/,
        },
      ],
    },
    {
      name: 'a page that is not a mapping gets the keys of a page',
      given: plan('pages:\n  Home: [a]\n'),
      want: [{ code: 'invalid_type', at: '[a]', hint: /category/ }],
    },
  ];

  it.each(table)('$name', ({ given, want }) => expectProblems(given, want));
});
