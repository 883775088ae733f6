import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * What `__DEV__` becomes in published builds: true unless the app's bundler
 * sets NODE_ENV to production, in which case the check folds to false and the
 * development-only branches (long error explanations, plan validation) drop
 * out. Without a bundler in a browser there is no `process`, so it is false.
 * It tests `typeof process === 'object'` rather than `!== 'undefined'`: esbuild
 * folds the whole check away in production only in that form, and otherwise
 * leaves a `typeof process` behind at every use.
 */
export const DEV_EXPRESSION = `(typeof process === 'object' && process.env.NODE_ENV !== 'production')`;

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
