import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { devFlagPlugin } from '../../../tooling/dev-flag.js';

const golden = fileURLToPath(new URL('../test/golden/storefront/', import.meta.url));

/** Bundles an app entry against the golden storefront module the way a production build would. */
async function bundle(entry: string, nodeEnv: 'production' | 'development'): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: golden, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    conditions: ['@trackplan/source'],
    plugins: [devFlagPlugin()],
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('a production bundle', () => {
  it('holds only the event functions the app imports', async () => {
    const code = await bundle(
      "import { signedUp } from './index.ts'; signedUp({ method: 'email' });",
      'production',
    );
    expect(code).toContain('Signed Up');
    for (const other of [
      'Order Completed',
      'Product Viewed',
      'Checkout Started',
      'Review Submitted',
    ]) {
      expect(code).not.toContain(other);
    }
  });

  it('drops the runtime checks, even when the app passes trackingPlan', async () => {
    const code = await bundle(
      "import { createAnalytics } from '@trackplan/core'; import { trackingPlan, signedUp } from './index.ts'; createAnalytics({ plan: trackingPlan }); signedUp({ method: 'email' });",
      'production',
    );
    expect(code).not.toContain('not an event of the tracking plan');
    expect(code).not.toContain('Not in the tracking plan');
    expect(code).not.toContain('Order Completed');
    // The development test folds away whole.
    expect(code).not.toContain('process.env');
  });

  it('keeps the checks in development', async () => {
    const code = await bundle(
      "import { trackingPlan } from './index.ts'; console.log(trackingPlan);",
      'development',
    );
    expect(code).toContain('not an event of the tracking plan');
    expect(code).toContain('Order Completed');
  });

  it('runs the checks in a browser development build, where there is no process', async () => {
    // As in `vite dev`: the bundler writes the mode in place of
    // process.env.NODE_ENV and defines no process.
    const code = await bundle(
      "import { trackingPlan } from './index.ts'; globalThis.hasPlan = trackingPlan !== undefined;",
      'development',
    );
    const page: { hasPlan?: boolean } = {};
    runInNewContext(code, page);
    expect(page.hasPlan).toBe(true);
  });
});
