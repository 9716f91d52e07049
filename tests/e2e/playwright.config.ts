import { defineConfig } from '@playwright/test';
import { fakesPort } from '../support/fakes/serve.ts';

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../.data/playwright-results.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium (npx playwright install cannot download browsers here).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Custom domains in tests (e.g. coach.acme.test) point at this machine.
        '--host-resolver-rules=MAP *.test 127.0.0.1',
      ],
    },
  },
  webServer: [
    {
      // The integrations' providers (Google, Slack) as local fakes, started first: the app's
      // server below reads their URLs and credentials from them.
      command: `node --import tsx tests/support/fakes/serve.ts`,
      cwd: '../..',
      url: `http://127.0.0.1:${fakesPort()}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // Waypoint's own server (lib/cli/serve.ts): client IPs, request ids, security headers;
      // with GOOGLE_* and SLACK_* pointing at the fakes (tests/support/fakes/serve-app.ts).
      command: `node --import tsx tests/support/fakes/serve-app.ts`,
      env: { PORT: String(port), WAYPOINT_MODE: 'demo', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      cwd: '../..',
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
