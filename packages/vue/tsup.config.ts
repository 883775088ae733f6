import { defineConfig } from 'tsup';
import { devFlagPlugin } from '../../tooling/dev-flag';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // A separate entry, so apps without vue-router never load the adapter.
    router: 'src/router.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // Entries share chunks in CommonJS too, as they do in ESM, so that every
  // entry sees one binding context; see tooling/check-one-copy.mjs.
  splitting: true,
  clean: true,
  target: 'es2020',
  treeshake: true,
  sourcemap: true,
  esbuildPlugins: [devFlagPlugin()],
});
