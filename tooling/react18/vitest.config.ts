import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

const require = createRequire(import.meta.url);
const here = (name: string) => dirname(require.resolve(`${name}/package.json`));
const manifest = fileURLToPath(new URL('./package.json', import.meta.url));

/**
 * Resolves TanStack Router as if this package imported it: its copy, which
 * pnpm linked to React 18. Vitest loads dependencies with Node, where the
 * aliases below do not apply, so packages/react's copy would import its own
 * React, 19, and React 18 would reject its elements ("Objects are not valid
 * as a React child"). Resolving through the package's `exports` loads the
 * same ESM development build as packages/react's own run; an alias to the
 * package's folder would load its `main`, the CommonJS build.
 */
const tanStackRouterFromHere: Plugin = {
  name: 'react18:tanstack-router',
  enforce: 'pre',
  resolveId(source, importer, options) {
    if (source !== '@tanstack/react-router' || importer === manifest) return null;
    return this.resolve(source, manifest, { ...options, skipSelf: true });
  },
};

/**
 * @trackplan/react's own tests, run with React 18: `react` and `react-dom`
 * resolve to this package's 18.3 copies everywhere, in the bindings, the
 * tests, Testing Library and the routers alike.
 */
export default mergeConfig(
  sharedConfig,
  defineConfig({
    root: '../../packages/react',
    plugins: [tanStackRouterFromHere],
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
    },
  }),
);
