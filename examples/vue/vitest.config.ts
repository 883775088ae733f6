import { defineConfig } from 'vitest/config';

// End-to-end tests only: they drive the built app (dist/) in Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
