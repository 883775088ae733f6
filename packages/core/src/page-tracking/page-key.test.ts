import { describe, expect, it } from 'vitest';
import { hashCounts, type PageChangePolicy, pageKey } from './page-key.js';

const at = (pathname: string, search = '', hash = '') => ({ pathname, search, hash });

describe('pageKey', () => {
  const table: { given: [ReturnType<typeof at>, PageChangePolicy | undefined]; want: string }[] = [
    { given: [at('/p', '?q=1', '#top'), undefined], want: '/p?q=1' },
    { given: [at('/p', '?q=1', '#/cart'), undefined], want: '/p?q=1#/cart' },
    { given: [at('/', '', '#!/cart'), undefined], want: '/#!/cart' },
    { given: [at('/p', '?q=1', '#top'), { query: false }], want: '/p' },
    { given: [at('/p', '', '#top'), { hash: true }], want: '/p#top' },
    { given: [at('/', '', '#/cart'), { hash: false }], want: '/' },
    // Hash routers: an anchor inside the route, and the route's own query.
    { given: [at('/', '', '#/cart#summary'), undefined], want: '/#/cart' },
    { given: [at('/', '', '#!/cart#summary'), undefined], want: '/#!/cart' },
    { given: [at('/', '', '#/search?q=shoe'), { query: false }], want: '/#/search' },
    { given: [at('/', '', '#/search?q=shoe#top'), undefined], want: '/#/search?q=shoe' },
    { given: [at('/', '', '#/cart#summary'), { hash: true }], want: '/#/cart#summary' },
    { given: [at('/', '', '#/'), undefined], want: '/' },
    { given: [at('/', '', '#!/'), undefined], want: '/' },
    { given: [at('/', '', '#/#top'), undefined], want: '/' },
    { given: [at('/', '', '#/a?x#y'), { hash: true, query: false }], want: '/#/a#y' },
  ];
  it.each(table)('$given → $want', ({ given: [location, policy], want }) => {
    expect(pageKey(location, policy)).toBe(want);
  });

  it('never counts an empty hash', () => {
    expect(hashCounts('', { hash: true })).toBe(false);
  });
});
