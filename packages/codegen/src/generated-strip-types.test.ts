import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { devFlagPlugin } from '../../../tooling/dev-flag.js';

// Node 22.6 and later run TypeScript by erasing its types (by default from
// 22.18 and 23.6), so `node src/main.ts` loads the generated module as
// written, with no build. Node 20 cannot; there the test is skipped.
const STRIPS_TYPES =
  spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', '-e', ''], {
    stdio: 'ignore',
  }).status === 0;

const core = (path: string) => fileURLToPath(new URL(`../../core/src/${path}`, import.meta.url));
const storefront = fileURLToPath(new URL('../test/golden/storefront/index.ts', import.meta.url));

// An app's entry, itself TypeScript, importing the module as Node resolves it: by its file name.
const MAIN = `
import { createAnalytics } from '@trackplan/core';
import { signedUp, trackingPlan } from './analytics/index.ts';

const delivery = {
  requiresWriteKey: false,
  deliver: async () => ({ ok: true }),
  flush: async () => {},
  close: async () => ({ drained: true }),
};
const analytics = createAnalytics({ window: null, plan: trackingPlan, onViolation: 'drop', delivery });
const call = await signedUp({ method: 'email' }, { userId: 'u', client: analytics });
const good = await analytics.track({ event: 'Signed Up', userId: 'u', properties: { method: 'email' } });
const bad = await analytics.track({ event: 'Signed Up', userId: 'u', properties: { method: 'fax' } });
console.log(JSON.stringify({
  hasPlan: trackingPlan !== undefined,
  call: call.success,
  good: good.success,
  bad: bad.error?.code ?? null,
}));
`;

it.skipIf(!STRIPS_TYPES)(
  `runs under Node's type stripping, with no build and no loader (skipped on a Node without it; this is Node ${process.versions.node})`,
  { timeout: 60_000 },
  async () => {
    const app = mkdtempSync(join(tmpdir(), 'codegen-strip-'));
    try {
      // Core as an installed package: JavaScript, which Node does not strip in node_modules.
      await build({
        entryPoints: { index: core('index.ts'), plan: core('plan/index.ts') },
        outdir: join(app, 'node_modules/@trackplan/core'),
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        // Core's development checks, read from NODE_ENV as in its own build.
        plugins: [devFlagPlugin()],
        logLevel: 'silent',
      });
      writeFileSync(
        join(app, 'node_modules/@trackplan/core/package.json'),
        JSON.stringify({ type: 'module', exports: { '.': './index.js', './plan': './plan.js' } }),
      );
      writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
      mkdirSync(join(app, 'analytics'));
      copyFileSync(storefront, join(app, 'analytics/index.ts'));
      writeFileSync(join(app, 'main.ts'), MAIN);

      const run = (nodeEnv: string) =>
        spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', 'main.ts'], {
          cwd: app,
          encoding: 'utf8',
          env: { ...process.env, NODE_ENV: nodeEnv },
        });
      const development = run('development');
      expect(development.stderr).toBe('');
      expect(JSON.parse(development.stdout)).toEqual({
        hasPlan: true,
        call: true,
        good: true,
        bad: 'plan_violation',
      });
      const production = run('production');
      expect(production.stderr).toBe('');
      expect(JSON.parse(production.stdout)).toEqual({
        hasPlan: false,
        call: true,
        good: true,
        bad: null,
      });
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  },
);
