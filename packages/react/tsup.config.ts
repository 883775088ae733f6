import { readdir, readFile, writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { devFlagPlugin } from '../../tooling/dev-flag';

const USE_CLIENT = "'use client';";

/**
 * tsup turns split ESM chunks into CommonJS afterwards and writes its helper
 * functions above the banner, where `'use client'` is no longer a directive.
 * This moves it back to the front of each CommonJS file, on the same line so
 * that the source maps' lines still match.
 */
async function useClientFirst(): Promise<void> {
  for (const name of await readdir('dist')) {
    if (!name.endsWith('.cjs')) continue;
    const path = `dist/${name}`;
    const code = await readFile(path, 'utf8');
    if (!code.startsWith(USE_CLIENT))
      await writeFile(path, USE_CLIENT + code.replace(USE_CLIENT, ''));
  }
}

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'react-router': 'src/react-router.ts',
    next: 'src/next.ts',
    'tanstack-router': 'src/tanstack-router.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // Entries share chunks in CommonJS too, as they do in ESM, so that every
  // entry sees one binding context; see tooling/check-one-copy.mjs.
  splitting: true,
  clean: true,
  target: 'es2020',
  sourcemap: true,
  // Hooks and context only work in client components; this lets a Next.js
  // server component layout render <AnalyticsProvider> directly.
  banner: { js: "'use client';" },
  external: ['react', 'react-router', 'next', '@tanstack/react-router', '@trackplan/core'],
  esbuildPlugins: [devFlagPlugin()],
  onSuccess: useClientFirst,
});
