import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets several checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/** The e2e server's origin. */
export const BASE_URL = baseURL;
/** The e2e server's own database folder, wiped by its start command (never the developer's ./data). */
export const E2E_DATA_DIR = path.resolve('reports/e2e-data');
/** Signed-in browser states per seeded user (`<key>.json`), written by e2e/global-setup.ts. */
export const AUTH_DIR = path.resolve('reports/e2e-auth');

// This module is evaluated again in each worker process: the first evaluation names the run's stack, workers inherit it.
process.env.E2E_STACK_NAME ||= `e2e-${Date.now()}`;
/** The CloudFormation stack the e2e server deploys to and reads (INFRA_REVIEW_STACK_NAME): one per run, never the default. */
export const E2E_STACK_NAME = process.env.E2E_STACK_NAME;
/** The moto launcher the e2e server uses as CloudFormation; its command runs scripts/ensure-moto.sh first. */
export const MOTO_ENDPOINT = `http://127.0.0.1:${process.env.MOTO_PORT || 5000}`;

/** End-to-end tests: a production build served by `server.mjs` (npm start), driven by the system Chromium (no downloads). */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  // The first request runs the review, which synthesizes the reference CDK app.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    // Specs run signed in as the viewer unless they choose another state (e2e/fixtures.ts `storageStateOf`).
    storageState: path.join(AUTH_DIR, 'viewer.json'),
    headless: true,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `bash scripts/ensure-moto.sh >/dev/null && rm -rf ${JSON.stringify(E2E_DATA_DIR)} && npm run build && node server.mjs -p ${PORT}`,
    url: `${baseURL}/api/health`,
    env: {
      PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: '1',
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: '',
      // moto accepts any credentials; the stack name keeps runs on a shared moto apart.
      AWS_ENDPOINT_URL_CLOUDFORMATION: MOTO_ENDPOINT,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      INFRA_REVIEW_STACK_NAME: E2E_STACK_NAME,
    },
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
