import { defineConfig } from '@playwright/test';
import { DEMO_SERVER, E2E_AUTH_SECRET, EMPTY_SERVER, VERSIONED_SERVER } from './tests/e2e/support/servers';
import { CHROMIUM_LAUNCH_OPTIONS } from './tests/support/chromium-launch-options';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: DEMO_SERVER.url,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  // Started in order: the first builds the app, the second reuses that build.
  webServer: [
    {
      command: 'node tests/e2e/support/start-server.mjs --build --seed',
      url: `${DEMO_SERVER.url}/api/health`,
      // A production build comes first; on a busy two-core machine it alone has taken four minutes.
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(DEMO_SERVER.port),
        DATABASE_PATH: DEMO_SERVER.databasePath,
        SITE_URL: DEMO_SERVER.url,
        AUTH_SECRET: E2E_AUTH_SECRET,
        // The browser stands in for a proxy on this machine: tests name a reader's address in X-Forwarded-For (access-gate.spec.ts).
        TRUSTED_PROXIES: '127.0.0.1, ::1',
        STRIPE_WEBHOOK_SECRET: DEMO_SERVER.stripeWebhookSecret,
      },
    },
    {
      command: 'node tests/e2e/support/start-server.mjs',
      url: `${EMPTY_SERVER.url}/api/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { PORT: String(EMPTY_SERVER.port), DATABASE_PATH: EMPTY_SERVER.databasePath, SITE_URL: EMPTY_SERVER.url, AUTH_SECRET: '' },
    },
    {
      // The same build and demo magazine with live co-editing off, for the versioned save and its conflict view.
      command: 'node tests/e2e/support/start-server.mjs --seed',
      url: `${VERSIONED_SERVER.url}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(VERSIONED_SERVER.port),
        DATABASE_PATH: VERSIONED_SERVER.databasePath,
        SITE_URL: VERSIONED_SERVER.url,
        AUTH_SECRET: E2E_AUTH_SECRET,
        COLLAB_ENABLED: 'off',
      },
    },
  ],
});
