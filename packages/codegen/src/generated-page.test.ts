import { callThrough } from '@trackplan/core';
import { expect, it, vi } from 'vitest';

// The generated page() as it calls into core, with core's callThrough recorded.
vi.mock('@trackplan/core', () => ({ callThrough: vi.fn(async () => ({ success: true })) }));
const hostile: { page: (...args: unknown[]) => Promise<unknown> } = await import(
  // A computed path: the golden module augments core's Register, see generated-runtime.test.ts.
  `../test/golden/${'hostile'}/index.ts`
);

it.each([
  { name: 'Page */ ${x}', fields: { name: 'Page */ ${x}', category: 'Cat */ `y`' } },
  { name: 'constructor', fields: { name: 'constructor' } },
  { name: 'toString', fields: { name: 'toString' } },
])('page($name) passes its plan category, and only that', async ({ name, fields }) => {
  vi.mocked(callThrough).mockClear();
  await hostile.page(name, { a: 1 }, { userId: 'u' });
  expect(vi.mocked(callThrough).mock.calls).toEqual([
    ['page', { ...fields, properties: { a: 1 } }, { userId: 'u' }],
  ]);
});
