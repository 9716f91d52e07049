// npm run bench: starts `next start` on a throw-away database and drives it with autocannon.
//  1. Tenant resolution: GET /api/tenant with the root domain's Host (no tenant lookup, the
//     baseline) against acme's Host (proxy resolves the host, warm cache).
//  2. Public API: GET /api/v1/goals with valid API keys (auth, scopes, rate limits, request
//     log, a real query) against a bare route on the same server (/api/tenant on the root).
import { spawn } from 'node:child_process';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { NEXT_BIN, buildIsStale, runNextBuild } from '../../lib/cli/next-build.ts';
import { createTestDatabase } from '../support/test-database.ts';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Target {
  label: string;
  host: string;
  path: string;
  /** Authorization headers to rotate through, one per request. */
  keys?: string[];
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function measure(target: Target, duration: number): Promise<Sample> {
  let next = 0;
  const keys = target.keys;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${PORT}${target.path}`,
        connections: CONNECTIONS,
        duration,
        headers: { host: `${target.host}:${PORT}` },
        requests: keys ? [{ setupRequest: (req: { headers: Record<string, string> }) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${keys[next++ % keys.length]}` } }) }] : undefined,
      },
      (error: Error | null, result: { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }) => {
        if (error) reject(error);
        else resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx });
      },
    );
  });
}

async function compare(title: string, targets: Target[]): Promise<{ label: string; rps: number }[]> {
  console.log(`\n[bench] ${title}: warm-up, then ${ROUNDS} interleaved rounds of ${DURATION}s per target, ${CONNECTIONS} connections`);
  for (const target of targets) await measure(target, 3);
  const samples = targets.map(() => [] as Sample[]);
  for (let round = 0; round < ROUNDS; round++) for (const [i, target] of targets.entries()) samples[i].push(await measure(target, DURATION));
  const avg = (list: Sample[], key: keyof Sample) => list.reduce((sum, s) => sum + s[key], 0) / list.length;
  const rows = targets.map((target, i) => ({
    target: target.label,
    'req/s': Math.round(avg(samples[i], 'rps')),
    'p50 ms': avg(samples[i], 'p50').toFixed(1),
    'p99 ms': avg(samples[i], 'p99').toFixed(1),
    'errors+non2xx': avg(samples[i], 'errors') + avg(samples[i], 'non2xx'),
  }));
  console.table(rows);
  return rows.map((row) => ({ label: row.target, rps: row['req/s'] }));
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('next start did not become healthy');
}

const database = await createTestDatabase((line) => console.log(`[bench] ${line}`));
process.env.DATABASE_URL = database.url;
await (await import('../../lib/seed/seed-demo.ts')).seedDemo();

// Enterprise keys for acme's member, so the rate limiter runs on every request without
// refusing them: one key's burst bucket refills at its hourly rate (~28/s), so the load is
// spread over many keys, as many clients would.
const { db, disconnectDb } = await import('../../lib/db/client.ts');
const { createApiKey } = await import('../../lib/api-keys/api-keys.ts');
const { loadTenantById } = await import('../../lib/tenancy/load-tenant.ts');
const acmeRow = await db.tenant.update({ where: { slug: 'acme' }, data: { plan: 'enterprise' } });
const acme = (await loadTenantById(acmeRow.id))!;
const memberUser = await db.user.findUniqueOrThrow({ where: { email: 'member@acme.test' }, include: { memberships: { where: { tenantId: acme.id } } } });
const member = { userId: memberUser.id, email: memberUser.email, name: memberUser.name, role: memberUser.memberships[0].role, membershipId: memberUser.memberships[0].id };
const keys: string[] = [];
for (let i = 0; i < 50; i++) keys.push((await createApiKey(acme, member, { name: `bench ${i}`, scopes: ['read:goals', 'read:users'], tier: 'enterprise' })).secret);
await disconnectDb();

const env = { ...process.env, DATABASE_URL: database.url, ROOT_DOMAIN: `localhost:${PORT}`, NEXTAUTH_SECRET: 'bench', ENCRYPTION_KEY: 'YmVuY2gtZW5jcnlwdGlvbi1rZXktMzItYnl0ZXMtISE=', NEXT_TELEMETRY_DISABLED: '1' };
if (buildIsStale()) runNextBuild(env);

const server = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(PORT)], { env, stdio: 'ignore' });
try {
  await waitForHealth();
  const limiter = process.env.UPSTASH_REDIS_REST_URL ? 'Upstash' : process.env.REDIS_URL ? `Redis (${process.env.REDIS_URL})` : 'in-process';
  console.log(`[bench] rate limiter backend: ${limiter}`);

  const tenancy = await compare('tenant resolution, GET /api/tenant', [
    { label: 'root domain (no tenant lookup)', host: 'localhost', path: '/api/tenant' },
    { label: 'acme.localhost (tenant resolved, warm cache)', host: 'acme.localhost', path: '/api/tenant' },
  ]);
  console.log(`tenant resolution throughput overhead: ${((1 - tenancy[1].rps / tenancy[0].rps) * 100).toFixed(1)}% (target: under 10%)`);

  const api = await compare('public API', [
    { label: 'bare route (GET /api/tenant, root)', host: 'localhost', path: '/api/tenant' },
    { label: 'GET /api/v1/goals with an API key', host: 'acme.localhost', path: '/api/v1/goals', keys },
    // Auth, scopes, limits and logging without a query: separates their cost from the query's.
    { label: 'GET /api/v1/users/me (no query)', host: 'acme.localhost', path: '/api/v1/users/me', keys },
  ]);
  console.log(`authenticated, rate-limited API throughput: ${((api[1].rps / api[0].rps) * 100).toFixed(1)}% of the bare route (target: at least 50%)`);
  console.log(`auth + rate limits + request log alone (users/me): ${((api[2].rps / api[0].rps) * 100).toFixed(1)}% of the bare route`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await database.cleanup();
}
