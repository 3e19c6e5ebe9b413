// Vitest runs unit, router and collaboration tests (Playwright runs tests/e2e separately).
// Test files in one worker share a database (PGlite in memory, or DATABASE_URL): factories use
// random unique values, so files never depend on each other's rows.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/support/globalSetup.ts'],
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
