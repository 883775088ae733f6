import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { devFlagPlugin } from '../../../tooling/dev-flag.js';

it('runs the generated checks where eval and new Function are forbidden, as under a strict CSP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-csp-'));
  try {
    const golden = fileURLToPath(new URL('../test/golden/storefront/', import.meta.url));
    const script = `
      import { createAnalytics } from '@trackplan/core';
      import { trackingPlan } from './index.ts';
      const analytics = createAnalytics({ window: null, plan: trackingPlan, onViolation: 'drop', delivery: {
        requiresWriteKey: false, deliver: async () => ({ ok: true }), flush: async () => {}, close: async () => ({ drained: true }),
      } });
      let evalBlocked = false;
      try { new Function('return 1'); } catch { evalBlocked = true; }
      const good = await analytics.track({ event: 'Signed Up', userId: 'u', properties: { method: 'email' } });
      const bad = await analytics.track({ event: 'Signed Up', userId: 'u', properties: { method: 'fax' } });
      console.log(JSON.stringify({ evalBlocked, good: good.success, bad: bad.error?.code }));
    `;
    const result = await build({
      stdin: { contents: script, resolveDir: golden, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      conditions: ['@trackplan/source'],
      plugins: [devFlagPlugin()],
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    const file = join(dir, 'csp.mjs');
    writeFileSync(file, result.outputFiles[0]?.text ?? '');
    const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', file], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      evalBlocked: true,
      good: true,
      bad: 'plan_violation',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
