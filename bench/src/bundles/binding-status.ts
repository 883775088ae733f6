import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Why a workspace binding cannot be bundled yet, or undefined when it can.
 * Bundles go through the built `dist`, as a user's would, so a binding whose
 * sources exist but were not built is not measured either.
 */
export function bindingNotReady(name: string): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve(`${name}/package.json`));
  } catch {
    return 'not measured: package not installed';
  }
  if (!existsSync(join(packageDir, 'src/index.ts'))) return 'not measured: package not built yet';
  if (!existsSync(join(packageDir, 'dist/index.js'))) {
    return 'not measured: package not built yet (run `pnpm bench` from the root, which builds it)';
  }
  return undefined;
}
