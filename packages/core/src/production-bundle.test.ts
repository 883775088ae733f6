import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { devFlagPlugin } from '../../../tooling/dev-flag.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Bundles an app whose track call lacks its event, built the way the
 * published package is, for a browser in the given mode. Running it leaves
 * the error's message in `globalThis.message`.
 */
async function bundle(nodeEnv: 'production' | 'development'): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { createAnalytics } from './index.ts';
        createAnalytics({ writeKey: 'k', window: null })
          .track({ userId: 'u' })
          .then((result) => { globalThis.message = result.error.message; });`,
      resolveDir: here,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    plugins: [devFlagPlugin()],
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Runs a bundle the way a browser would: the web's globals, and no `process`. */
async function messageInBrowser(code: string): Promise<unknown> {
  const page: { message?: unknown } = {};
  const web = {
    AbortController,
    TextEncoder,
    URLSearchParams,
    setTimeout,
    clearTimeout,
    queueMicrotask,
  };
  runInNewContext(code, Object.assign(page, web));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return page.message;
}

describe('the development flag in a browser bundle', () => {
  it('folds away entirely in a production build, leaving the codes', async () => {
    const code = await bundle('production');
    expect(code).not.toContain('track needs');
    expect(code).not.toContain('process.env');
    expect(code).toContain('missing_event');
    expect(await messageInBrowser(code)).toBe('missing_event');
  });

  it('keeps the explanations in a development build, where the page has no process', async () => {
    // As in `vite dev` or webpack's development mode: the bundler writes the
    // mode in place of process.env.NODE_ENV, and defines no process.
    const code = await bundle('development');
    expect(await messageInBrowser(code)).toBe('track needs a non-empty string "event".');
  });
});
