// Mutation testing (`npm run test:mutation`): StrykerJS changes the server code one small edit
// (a mutant) at a time and reruns the Vitest tests that cover that code; a mutant no test notices
// is a gap in the tests. Stryker lives in tests/mutation's own package (it declares Node >= 22).
// Incremental: results are kept in reports/stryker-incremental.json, so a rerun tests only the
// mutants in code or tests that changed (`-- --force` retests everything).
// One test runner (the machine is shared); the run is started under `nice` by the npm script.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'server/routers/**/*.ts',
    'server/domain/**/*.ts',
    'server/data/**/*.ts',
    'server/status/**/*.ts',
    'server/collab/**/*.ts',
    // Command-line entry points: no test imports them.
    '!server/collab/reproject-cli.ts',
  ],
  // The Vitest layers that exercise these folders. tests/auth and tests/server test server/auth.ts
  // and server/http (outside the mutated folders); tests/e2e is Playwright, which Stryker cannot run.
  testFiles: [
    'tests/unit/**/*.test.ts',
    'tests/routers/**/*.test.ts',
    'tests/status/**/*.test.ts',
    'tests/collab/**/*.test.ts',
  ],
  // Static mutants (module-level code: zod schemas, the role a procedure requires, constant tables)
  // each need a fresh module graph and every test: hours on two cores. The role each procedure
  // requires is pinned by tests/routers/access.test.ts instead; run them with `-- --ignoreStatic false`.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 1,
  ignorePatterns: ['.stryker-tmp', '.next', '.data', 'test-results', 'playwright-report', 'blob-report', 'tests/bench', 'tests/e2e', 'tests/mutation'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
