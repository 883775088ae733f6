import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * What `__DEV__` becomes in published builds: `process.env.NODE_ENV` compared
 * with 'production', unguarded, the usual form in packages built for bundlers.
 * Bundlers (Vite, webpack, esbuild, Parcel, Rollup with its replace plugin)
 * write the mode in its place: a production build folds the check to false and
 * drops the development-only branches (long error explanations, plan
 * validation), and a development build keeps them. In Node, `process` is real.
 *
 * A `typeof process` guard would be wrong here: bundlers replace
 * `process.env.NODE_ENV` but leave `typeof process`, and browsers have no
 * `process`, so a guarded check is false in every browser development build.
 * The cost is that a browser page loading the package without any bundler
 * gets a ReferenceError wherever the check runs.
 */
export const DEV_EXPRESSION = `(process.env.NODE_ENV !== 'production')`;

/** An esbuild plugin that writes {@link DEV_EXPRESSION} in place of `__DEV__`. */
export function devFlagPlugin(): Plugin {
  return {
    name: 'trackplan-dev-flag',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.tsx?$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const loader = path.endsWith('x') ? 'tsx' : 'ts';
        return { contents: source.replaceAll('__DEV__', DEV_EXPRESSION), loader };
      });
    },
  };
}
