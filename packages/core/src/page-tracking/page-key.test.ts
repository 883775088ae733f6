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
  ];
  it.each(table)('$given → $want', ({ given: [location, policy], want }) => {
    expect(pageKey(location, policy)).toBe(want);
  });

  it('never counts an empty hash', () => {
    expect(hashCounts('', { hash: true })).toBe(false);
  });
});
