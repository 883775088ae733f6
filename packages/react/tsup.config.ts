import { defineConfig } from 'tsup';
import { devFlagPlugin } from '../../tooling/dev-flag';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'react-router': 'src/react-router.ts',
    next: 'src/next.ts',
    'tanstack-router': 'src/tanstack-router.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2020',
  sourcemap: true,
  // Hooks and context only work in client components; this lets a Next.js
  // server component layout render <AnalyticsProvider> directly.
  banner: { js: "'use client';" },
  external: ['react', 'react-router', 'next', '@tanstack/react-router', '@trackplan/core'],
  esbuildPlugins: [devFlagPlugin()],
});
