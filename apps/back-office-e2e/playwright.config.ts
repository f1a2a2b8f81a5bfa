import { defineConfig, devices } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Browser tests against the real thing: `tools/start.mjs` builds the API and the back office, starts
 * an embedded PostgreSQL with the demo seed, and serves both on one port.
 */
const repoRoot = resolve(__dirname, '../..');
// E2E_PORT and E2E_DATA_DIR let several runs side by side use their own server.
const port = Number(process.env['E2E_PORT'] ?? 4310);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = resolve(repoRoot, process.env['E2E_DATA_DIR'] ?? 'tmp/e2e-data');

// A fresh database each run. Workers load this file too: only the runner may delete it.
if (process.env['TEST_WORKER_INDEX'] === undefined) {
  rmSync(dataDir, { recursive: true, force: true });
}

export default defineConfig({
  testDir: './src',
  outputDir: join(repoRoot, process.env['E2E_OUTPUT_DIR'] ?? 'test-results/back-office-e2e'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        // Debian's Chromium: browser downloads are not reachable from here.
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--lang=fr-FR',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node tools/start.mjs',
    cwd: repoRoot,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // The launcher's progress lines go to stderr; the API's JSON request log stays out of the report.
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      PASSERELLE_MODE: 'demo',
      // The address the browser uses: the stand-in ProConnect that start.mjs runs registers its
      // callback and post-logout addresses, which must match the API's exactly.
      PUBLIC_URL: baseURL,
    },
  },
});
