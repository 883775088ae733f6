import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  /** Minified bytes of every chunk. */
  minifiedBytes: number;
  /** Gzipped bytes of the entry chunk: what loads before the first call. */
  upFrontGzipBytes: number;
  /** Gzipped bytes of every chunk, lazy ones included. */
  totalGzipBytes: number;
}

/**
 * The frameworks an app already ships: the bindings are measured without
 * them, and the same list applies to every scenario so the settings match.
 */
export const FRAMEWORK_EXTERNALS = ['react', 'react-dom', 'vue', 'vue-router'];

/**
 * Bundles `source` for browsers the way an app's production build would
 * (esbuild, minified, code splitting so lazy chunks stay separate) and
 * measures each chunk gzipped at level 9. Sources may use JSX, compiled the
 * way React 17+ apps compile it.
 */
export async function measureBundle(source: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'tsx' },
    jsx: 'automatic',
    external: FRAMEWORK_EXTERNALS,
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    absWorkingDir: resolveDir,
    outdir: join(resolveDir, '.bench-out'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  let minifiedBytes = 0;
  let upFrontGzipBytes = 0;
  let totalGzipBytes = 0;
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const gzipped = gzipSync(file.contents, { level: 9 }).length;
    minifiedBytes += file.contents.length;
    totalGzipBytes += gzipped;
    const output = result.metafile.outputs[relative(resolveDir, file.path)];
    if (output?.entryPoint !== undefined) upFrontGzipBytes += gzipped;
  }
  return { minifiedBytes, upFrontGzipBytes, totalGzipBytes };
}
