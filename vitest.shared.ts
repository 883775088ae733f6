import { defineConfig } from 'vitest/config';

/**
 * The one vitest setup every package extends. Tests import workspace packages
 * through the `@trackplan/source` export condition, so they run against the
 * TypeScript sources with no build step.
 */
export const sharedConfig = defineConfig({
  define: {
    // Tests run the development build; see tooling/dev-flag.ts.
    __DEV__: 'true',
  },
  resolve: {
    conditions: ['@trackplan/source'],
  },
  ssr: {
    resolve: {
      conditions: ['@trackplan/source'],
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 20_000,
  },
});
