import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;

/** The e2e server's origin. */
export const BASE_URL = baseURL;
/** The e2e server's own database folder, wiped by its start command (never the developer's ./data). */
export const E2E_DATA_DIR = path.resolve('reports/e2e-data');
/** Signed-in browser states per seeded user (`<key>.json`), written by e2e/global-setup.ts. */
export const AUTH_DIR = path.resolve('reports/e2e-auth');

/** End-to-end tests: a production build served by `next start`, driven by the system Chromium (no downloads). */
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
    command: `rm -rf ${JSON.stringify(E2E_DATA_DIR)} && npm run build && npx next start -p ${PORT}`,
    url: `${baseURL}/api/health`,
    env: { PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: E2E_DATA_DIR, DATABASE_URL: '' },
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
