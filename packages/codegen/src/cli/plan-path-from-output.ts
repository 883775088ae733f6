import nodePath, { type PlatformPath } from 'node:path';

/**
 * How the generated header names the plan: relative to the output directory,
 * with `/` on every OS. The header is part of what `codegen check` compares,
 * so it must not depend on the directory generate or check runs from.
 */
export function planPathFromOutput(
  outDir: string,
  planPath: string,
  path: Pick<PlatformPath, 'relative' | 'sep'> = nodePath,
): string {
  return path.relative(outDir, planPath).split(path.sep).join('/');
}
