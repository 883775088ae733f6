import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { devFlagPlugin } from '../../../tooling/dev-flag.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Bundles an app that tracks one call, built the way the published package is. */
async function bundle(define: Record<string, string>, minify = true): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "import { createAnalytics } from './index.ts'; createAnalytics({ writeKey: 'k' }).track({ event: 'E' });",
      resolveDir: here,
      loader: 'ts',
    },
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    write: false,
    plugins: [devFlagPlugin()],
    define,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('the development flag in a bundle', () => {
  it('folds away entirely when the app builds for production', async () => {
    const code = await bundle({ 'process.env.NODE_ENV': '"production"' });
    expect(code).not.toContain('No writeKey');
    // Not even the test for `process` is left at each former message.
    expect(code).not.toContain('typeof process');
  });

  it('keeps the explanations in a development build', async () => {
    const code = await bundle({ 'process.env.NODE_ENV': '"development"' });
    expect(code).toContain('No writeKey: pass createAnalytics({ writeKey })');
  });

  it('keeps them, behind a test for process, when no bundler sets NODE_ENV', async () => {
    // Unminified: a minifying esbuild browser build assumes production.
    const code = await bundle({}, false);
    expect(code).toContain('No writeKey');
    expect(code).toContain('typeof process');
  });
});
