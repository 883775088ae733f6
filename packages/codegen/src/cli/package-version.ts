import { createRequire } from 'node:module';

/**
 * The version in this package's package.json. The package refers to itself
 * by name, which Node resolves through its `exports` from the file asking:
 * `src/cli/` when run from sources, `dist/cli.js` when built, wherever the
 * package is installed.
 */
export function packageVersion(from: string | URL = import.meta.url): string {
  const manifest = createRequire(from)('@trackplan/codegen/package.json') as { version: string };
  return manifest.version;
}
