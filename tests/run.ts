// npm test: the whole suite on a fresh machine. Prepares a throw-away database (DATABASE_URL's
// server, or an embedded PostgreSQL), typechecks and lints, runs Vitest (unit + integration),
// builds the app and runs the Playwright e2e tests against Waypoint's server (lib/cli/serve.ts)
// in Debian's Chromium.
// Flags: --unit-only, --e2e-only; other arguments are passed to Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildIsStale, runNextBuild } from '../lib/cli/next-build.ts';
import { fakesPort } from './support/fakes/serve.ts';
import { createTestDatabase } from './support/test-database.ts';

const require = createRequire(import.meta.url);
/** A package's own file, even when its "exports" do not list it. */
const packageFile = (pkg: string, file: string) => path.join(require.resolve.paths(pkg)!.map((dir) => path.join(dir, pkg)).find((dir) => existsSync(dir))!, file);
const args = new Set(process.argv.slice(2));
const runUnit = !args.has('--e2e-only');
const runE2e = !args.has('--unit-only');
// Anything else goes to Playwright, e.g. `npm run test:e2e -- tests/e2e/auth.spec.ts`.
const playwrightArgs = [...args].filter((arg) => arg !== '--e2e-only' && arg !== '--unit-only');
const port = process.env.E2E_PORT ?? '3100';
const log = (line: string) => console.log(`[test] ${line}`);

const database = await createTestDatabase(log);
let e2eDatabase: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  TEST_DATABASE_SERVER_URL: database.serverUrl,
  WAYPOINT_TEST_DATABASE: '1',
  NEXTAUTH_SECRET: 'e2e-secret-not-for-production',
  ENCRYPTION_KEY: 'ZTJlLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzLWxvbmc=',
  ROOT_DOMAIN: `localhost:${port}`,
  E2E_PORT: port,
  // Domain verification in e2e asks a stub DNS server that the tests run on this port.
  DNS_SERVERS: `127.0.0.1:${process.env.E2E_DNS_PORT ?? '5399'}`,
  E2E_DNS_PORT: process.env.E2E_DNS_PORT ?? '5399',
  NEXT_TELEMETRY_DISABLED: '1',
  // Mail stays in the outbox, where the e2e tests read invitation links.
  SMTP_URL: '',
  // Billing runs "not configured" (Stripe is out of reach): the operator sets plans by hand.
  STRIPE_SECRET_KEY: '',
  STRIPE_WEBHOOK_SECRET: '',
  STRIPE_API_BASE: '',
  // The e2e tests change tenants from their own process; the server's cache hears about it
  // through NOTIFY, and this short TTL bounds the damage if it ever did not.
  TENANT_CACHE_TTL_SECONDS: '60',
};

/**
 * The e2e server's integrations: Google and Slack talk to the fakes Playwright starts on
 * E2E_FAKES_PORT (tests/support/fakes/serve.ts, which hands their credentials to the server);
 * Microsoft stays unset, so Outlook shows "not configured".
 */
function integrationsEnv(): Record<string, string> {
  return { E2E_FAKES_PORT: String(fakesPort({ ...process.env, E2E_PORT: port })), MICROSOFT_CLIENT_ID: '', MICROSOFT_CLIENT_SECRET: '', MICROSOFT_API_BASE: '' };
}

/** Migrated, seeded, and the Prisma client let go of (so the next database can be seeded). */
async function seed(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  const { seedDemo } = await import('../lib/seed/seed-demo.ts');
  await seedDemo();
  await (await import('./support/staff-two-factor.ts')).enableDemoOperatorTwoFactor();
  await (await import('../lib/db/client.ts')).disconnectDb();
}
await seed(database.url);

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Failed tests, named again at the very end: CI shows only the tail of the output. */
const failures: string[] = [];
let ok = true;

/** A failure's first line, so the summary says why without the whole stack. */
const firstLine = (message: string | undefined) => (message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim())?.trim().slice(0, 300) ?? '';

type PlaywrightSuite = { file?: string; suites?: PlaywrightSuite[]; specs?: { title: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[] };
function playwrightFailures(suite: PlaywrightSuite, file = suite.file): string[] {
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests.filter((test) => test.status === 'unexpected').map((test) => `${file}:${spec.line} › ${spec.title}\n      ${firstLine(test.results.at(-1)?.error?.message)}`),
  );
  return [...own, ...(suite.suites ?? []).flatMap((child) => playwrightFailures(child, child.file ?? file))];
}

function run(command: string, argv: string[]): boolean {
  const result = spawnSync(process.execPath, [command, ...argv], { stdio: 'inherit', env });
  return result.status === 0;
}

try {
  if (runUnit) {
    log('typecheck and lint');
    ok = run(packageFile('typescript', 'bin/tsc'), ['--noEmit']) && ok;
    ok = run(packageFile('eslint', 'bin/eslint.js'), ['.', '--max-warnings=0']) && ok;
    rmSync('.data/vitest-results.json', { force: true });
    ok = run(packageFile('vitest', 'vitest.mjs'), ['run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', '--outputFile=.data/vitest-results.json']) && ok;
    if (existsSync('.data/vitest-results.json')) {
      const report = JSON.parse(readFileSync('.data/vitest-results.json', 'utf8'));
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests;
      totals.skipped += report.numPendingTests + report.numTodoTests;
      for (const file of report.testResults as { name: string; message?: string; assertionResults: { status: string; fullName: string; failureMessages: string[] }[] }[]) {
        const relative = path.relative(process.cwd(), file.name);
        const failed = file.assertionResults.filter((test) => test.status === 'failed');
        for (const test of failed) failures.push(`${relative} › ${test.fullName}\n      ${firstLine(test.failureMessages[0])}`);
        // A file that fails before its tests run (an import error, a hook) has no failed test.
        if (!failed.length && file.message) failures.push(`${relative}\n      ${firstLine(file.message)}`);
      }
    }
  }
  if (runE2e) {
    // The browser tests get a database of their own: the server they start runs the job
    // queue, which should not inherit the integration tests' thousands of outbox events.
    if (runUnit) {
      e2eDatabase = await createTestDatabase(log);
      await seed(e2eDatabase.url);
      env.DATABASE_URL = e2eDatabase.url;
    }
    // The e2e tests receive real webhook deliveries on a local port. (Vitest files that need
    // it set it themselves: others check that loopback and http are refused.)
    env.WEBHOOKS_ALLOW_LOCALHOST = 'true';
    // Stripe's API stays unconfigured (the billing page says so), but its webhooks are
    // verified: the reseller e2e test signs a paid invoice with this secret.
    env.STRIPE_WEBHOOK_SECRET = 'whsec_e2e_waypoint';
    Object.assign(env, integrationsEnv());
    if (buildIsStale()) {
      log('building the app for the e2e tests (next build)…');
      runNextBuild(env);
    }
    rmSync('.data/playwright-results.json', { force: true });
    ok = run(packageFile('@playwright/test', 'cli.js'), ['test', '--config', 'tests/e2e/playwright.config.ts', ...playwrightArgs]) && ok;
    if (existsSync('.data/playwright-results.json')) {
      const report = JSON.parse(readFileSync('.data/playwright-results.json', 'utf8'));
      const stats = report.stats;
      failures.push(...(report.suites as PlaywrightSuite[]).flatMap((suite) => playwrightFailures(suite)));
      totals.passed += stats.expected + stats.flaky;
      totals.failed += stats.unexpected;
      totals.skipped += stats.skipped;
    } else ok = false;
  }
} finally {
  await e2eDatabase?.cleanup();
  await database.cleanup();
}

if (failures.length) console.log(`\nfailed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
console.log(`\nwaypoint: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
