import { defineConfig } from 'tsup';
import { devFlagPlugin } from '../../tooling/dev-flag';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'adapters/index': 'src/adapters/index.ts',
    'plan/index': 'src/plan/index.ts',
    'page-tracking/index': 'src/page-tracking/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2020',
  treeshake: true,
  // Entries share chunks in CommonJS too, as they do in ESM. Without it each
  // CJS entry carries its own AnalyticsError class (and every other module it
  // uses), so an error made in one entry fails instanceof in another.
  splitting: true,
  sourcemap: true,
  esbuildPlugins: [devFlagPlugin()],
});
