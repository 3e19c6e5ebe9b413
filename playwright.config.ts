// End-to-end tests in Chromium against the production server (`npm run test:e2e` builds first).
// The server gets a fresh embedded database per run unless DATABASE_URL points at Postgres.
// Set E2E_BASE_URL to run the tests against a server you started yourself instead, E2E_PORT to move it.
// A second server (the `demo` project, port E2E_PORT + 10) starts the way the README's `npm start`
// does: embedded PGlite in a fresh data directory, the demo workspace seeded on its first start. Its
// specs (tests/e2e/demo*.spec.ts) read the demo; the other specs keep their own empty database.
// The accessibility gate (a11y.spec.ts) and the keyboard tests open demo pages by its address too,
// which reaches every worker as WAYMARK_E2E_DEMO_URL.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// E2E_PORT lets several checkouts run their end-to-end tests at the same time.
const port = Number(process.env.E2E_PORT ?? 3100);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${port}`;
// With E2E_BASE_URL, set E2E_DEMO_BASE_URL to a demo-seeded server of your own, or the demo specs are left out.
const demoPort = port + 10;
const demoBaseURL = external ? process.env.E2E_DEMO_BASE_URL : `http://localhost:${demoPort}`;
if (demoBaseURL) process.env.WAYMARK_E2E_DEMO_URL = demoBaseURL;

// The config is evaluated again in every worker; the directory made by the first evaluation is
// handed down through the environment so all of them agree on it.
if (!external && !process.env.DATABASE_URL && !process.env.WAYMARK_E2E_DATA_DIR) {
  process.env.WAYMARK_E2E_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'waymark-e2e-'));
}
// The demo server is on PGlite even when DATABASE_URL is set: it is the README's default path, and
// the seed needs a database with no users, which the other server's Postgres database is not.
if (!external && !process.env.WAYMARK_E2E_DEMO_DATA_DIR) {
  process.env.WAYMARK_E2E_DEMO_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'waymark-e2e-demo-'));
}

const demoSpecs = /\/demo[^/]*\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'fresh', testIgnore: demoSpecs },
    ...(demoBaseURL ? [{ name: 'demo', testMatch: demoSpecs, use: { baseURL: demoBaseURL } }] : []),
  ],
  webServer: external
    ? undefined
    : [
        {
          command: 'npx tsx server/main.ts',
          url: `${baseURL}/sign-in`,
          reuseExistingServer: false,
          timeout: 120_000,
          stdout: 'pipe',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
          env: {
            NODE_ENV: 'production',
            PORT: String(port),
            APP_URL: baseURL,
            SEED_DEMO: 'false',
            BETTER_AUTH_SECRET: 'waymark-e2e-secret-0123456789-abcdefghijklmnop',
            AUTH_SIGN_IN_LIMIT: '10000',
            ...(process.env.DATABASE_URL
              ? { DATABASE_URL: process.env.DATABASE_URL }
              : { DATA_DIR: process.env.WAYMARK_E2E_DATA_DIR! }),
          },
        },
        {
          // `npm start` itself, with none of the settings above: no APP_URL, a generated auth secret,
          // SEED_DEMO left at its default. Only the port, the data directory and the sign-in limit differ
          // (the gate signs the demo's three people in again after a failed test restarts its worker).
          command: 'env -u DATABASE_URL -u APP_URL -u TRUSTED_ORIGINS -u BETTER_AUTH_SECRET -u SEED_DEMO npm start',
          url: `${demoBaseURL}/sign-in`,
          reuseExistingServer: false,
          timeout: 120_000,
          stdout: 'pipe',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
          env: { NODE_ENV: 'production', PORT: String(demoPort), DATA_DIR: process.env.WAYMARK_E2E_DEMO_DATA_DIR!, AUTH_SIGN_IN_LIMIT: '1000' },
        },
    ],
});
