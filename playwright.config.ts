// End-to-end tests in Chromium against the production server (`npm run test:e2e` builds first).
// The server gets a fresh embedded database per run unless DATABASE_URL points at Postgres.
// Set E2E_BASE_URL to run the tests against a server you started yourself instead, E2E_PORT to move it.
// A second server, on E2E_PORT + 10 with its own embedded database, holds the seeded demo workspace
// for the accessibility gate (tests/e2e/a11y.spec.ts): real data in every state, and other tests'
// projects never change what it checks. E2E_DEMO_URL points the gate at a demo you started yourself.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// E2E_PORT lets several checkouts run their end-to-end tests at the same time.
const port = Number(process.env.E2E_PORT ?? 3100);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${port}`;

// The config is evaluated again in every worker; the directory made by the first evaluation is
// handed down through the environment so all of them agree on it.
if (!external && !process.env.DATABASE_URL && !process.env.WAYMARK_E2E_DATA_DIR) {
  process.env.WAYMARK_E2E_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'waymark-e2e-'));
}
// The demo's address reaches the tests as WAYMARK_E2E_DEMO_URL (E2E_DEMO_URL stays what a person set).
const demoPort = port + 10;
const externalDemo = process.env.E2E_DEMO_URL ?? external;
const demoURL = externalDemo ?? `http://localhost:${demoPort}`;
process.env.WAYMARK_E2E_DEMO_URL = demoURL;
if (!externalDemo && !process.env.WAYMARK_E2E_DEMO_DIR) {
  process.env.WAYMARK_E2E_DEMO_DIR = mkdtempSync(path.join(tmpdir(), 'waymark-e2e-demo-'));
}

const serverEnv = {
  NODE_ENV: 'production',
  BETTER_AUTH_SECRET: 'waymark-e2e-secret-0123456789-abcdefghijklmnop',
  AUTH_SIGN_IN_LIMIT: '10000',
};

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
  webServer: [
    ...(external
      ? []
      : [
          {
            command: 'npx tsx server/main.ts',
            url: `${baseURL}/sign-in`,
            reuseExistingServer: false,
            timeout: 120_000,
            stdout: 'pipe' as const,
            stderr: 'pipe' as const,
            gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 20_000 },
            env: {
              ...serverEnv,
              PORT: String(port),
              APP_URL: baseURL,
              SEED_DEMO: 'false',
              ...(process.env.DATABASE_URL
                ? { DATABASE_URL: process.env.DATABASE_URL }
                : { DATA_DIR: process.env.WAYMARK_E2E_DATA_DIR! }),
            },
          },
        ]),
    // The demo server always uses a fresh embedded database (the demo is seeded only into an empty
    // one), so DATABASE_URL, which Playwright would pass down, is removed from its environment.
    ...(externalDemo
      ? []
      : [
          {
            command: 'env -u DATABASE_URL npx tsx server/main.ts',
            url: `${demoURL}/sign-in`,
            reuseExistingServer: false,
            timeout: 120_000,
            stdout: 'pipe' as const,
            stderr: 'pipe' as const,
            gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 20_000 },
            env: {
              ...serverEnv,
              PORT: String(demoPort),
              APP_URL: demoURL,
              SEED_DEMO: 'true',
              DATA_DIR: process.env.WAYMARK_E2E_DEMO_DIR!,
            },
          },
        ]),
  ],
});
