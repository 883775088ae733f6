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
  sourcemap: true,
  esbuildPlugins: [devFlagPlugin()],
});
