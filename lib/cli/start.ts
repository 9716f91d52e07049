// npm start (production build) / npm run dev (next dev): everything a fresh clone needs.
// DATABASE_URL if set, otherwise an embedded PostgreSQL; migrations; demo data; then Next.
import { spawn } from 'node:child_process';
import { openLocalDatabase } from '../db/local-database.ts';
import { applyMigrations } from '../db/migrations.ts';
import { DEMO_OPERATOR, DEMO_PASSWORD, DEMO_ROLES, DEMO_TENANTS, demoEmail } from '../seed/demo-data.ts';
import { DEMO_RESELLER, DEMO_SUB_RESELLER } from '../seed/seed-resellers.ts';
import { loadLocalEnv } from './local-env.ts';
import { NEXT_BIN, buildIsStale, runNextBuild } from './next-build.ts';

const dev = process.argv.includes('--dev');
loadLocalEnv();
const port = Number(process.env.PORT ?? 3000);
process.env.ROOT_DOMAIN ??= `localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = '1';

const log = (line: string) => console.log(`[waypoint] ${line}`);
const database = await openLocalDatabase({ log });
process.env.DATABASE_URL = database.url;
await applyMigrations(database.url, { log });
const { seedDemo } = await import('../seed/seed-demo.ts');
await seedDemo();
await (await import('../db/client.ts')).disconnectDb();

if (!dev && buildIsStale()) {
  log('Building the app (first start, or sources changed)…');
  runNextBuild();
}

const root = process.env.ROOT_DOMAIN;
const scheme = root.startsWith('localhost') ? 'http' : 'https';
const logins = DEMO_TENANTS.filter((t) => t.status !== 'suspended')
  .map((t) => `  ${scheme}://${t.slug}.${root}   ${DEMO_ROLES.map((r) => demoEmail(r, t.slug)).join(', ')}`)
  .join('\n');
console.log(`
Waypoint is starting on ${scheme}://${root}
Demo workspaces (password for every demo login: ${DEMO_PASSWORD}):
${logins}
  ${scheme}://initech.${root}   (suspended, shows the 403 page)
Platform operator: ${scheme}://${root}/operator/signin   ${DEMO_OPERATOR.email}
Resellers: ${scheme}://${root}/reseller/signin   ${DEMO_RESELLER.email} (tier 1), ${DEMO_SUB_RESELLER.email} (tier 2)
`);

const child = spawn(process.execPath, [NEXT_BIN, dev ? 'dev' : 'start', '-p', String(port)], { stdio: 'inherit', env: process.env });
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await database.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
child.on('exit', (code) => void shutdown(code ?? 0));
