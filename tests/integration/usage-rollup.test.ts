import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { flushRequestLog, logApiRequest, type RequestLogEntry } from '../../lib/api/request-log.ts';
import { LATENCY_BOUNDS_MS } from '../../lib/api/usage-rollup.ts';
import { usageStats } from '../../lib/api/usage-stats.ts';
import { db } from '../../lib/db/client.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// The daily rollup (ApiUsageDaily) against the raw log it sums, on a generated workload: two
// workspaces, three keys and key-less (OAuth) requests, five routes, statuses of every class and
// latencies from 0 to 12 s, written in four batches so rows are both inserted and added to.
// The expected figures come from the raw log (SQL) or from the generated entries, never from
// the rollup's own code.
const NOW = new Date('2032-03-10T12:00:00Z');
const DAY_MS = 86_400_000;
const ROUTES = [['GET', '/api/v1/goals'], ['POST', '/api/v1/goals'], ['GET', '/api/v1/goals/{id}'], ['GET', '/api/v1/habits'], ['DELETE', '/api/v1/teams/{id}']] as const;
const STATUSES = [200, 200, 200, 201, 204, 301, 400, 404, 429, 500, 503];

let a: TenantContext;
let b: TenantContext;
let keys: string[];
const entries: RequestLogEntry[] = [];

// A fixed pseudo-random sequence: the same workload on every run.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

/** The histogram bucket of a duration, as PostgreSQL's width_bucket(ms, bounds) counts it. */
const bucket = (ms: number) => LATENCY_BOUNDS_MS.filter((bound) => bound <= ms).length;
const boundsOf = (i: number, max: number) => [i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!, LATENCY_BOUNDS_MS[i] ?? max];

function generated(tenantId: string, n: number): RequestLogEntry[] {
  return Array.from({ length: n }, () => {
    const [method, route] = pick(ROUTES);
    return {
      tenantId,
      apiKeyId: random() < 0.2 ? null : pick(keys),
      method,
      route,
      status: pick(STATUSES),
      durationMs: Math.floor(Math.exp(random() * Math.log(12_000))) - 1,
      bytes: 100,
      createdAt: new Date(NOW.getTime() - Math.floor(random() * 5 * DAY_MS)),
    };
  });
}

const rollupOf = (tenantId: string) =>
  db.apiUsageDaily.findMany({ where: { tenantId }, orderBy: [{ day: 'asc' }, { apiKeyId: 'asc' }, { method: 'asc' }, { route: 'asc' }, { statusClass: 'asc' }] });

beforeAll(async () => {
  a = await workspace();
  b = await workspace();
  const admin = await memberIn(a, 'admin');
  keys = await Promise.all(['one', 'two', 'three'].map(async (name) => (await createApiKey(a, admin, { name, scopes: ['read:goals'] })).key.id));
  // B's traffic names A's key ids too: it must stay B's.
  entries.push(...generated(a.id, 1_200), ...generated(b.id, 300));
  // Batches under the writer's own size (500), which would start a flush of its own.
  for (let i = 0; i < entries.length; i += 400) {
    for (const entry of entries.slice(i, i + 400)) logApiRequest(entry);
    await flushRequestLog();
  }
});

describe('the daily usage rollup', () => {
  it('sums the batches exactly: requests, durations, slowest and histogram per day, key, route and status class', async () => {
    const expected = new Map<string, { requests: number; durationMs: number; maxDurationMs: number; latencyBuckets: number[] }>();
    for (const e of entries.filter((e) => e.tenantId === a.id)) {
      const key = [e.createdAt.toISOString().slice(0, 10), e.apiKeyId ?? '', e.method, e.route, e.status < 400 ? 2 : e.status < 500 ? 4 : 5].join(' ');
      const row = expected.get(key) ?? { requests: 0, durationMs: 0, maxDurationMs: 0, latencyBuckets: new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0) };
      row.requests++;
      row.durationMs += e.durationMs;
      row.maxDurationMs = Math.max(row.maxDurationMs, e.durationMs);
      row.latencyBuckets[bucket(e.durationMs)]!++;
      expected.set(key, row);
    }
    const rows = await rollupOf(a.id);
    const actual = new Map(rows.map((r) => [[r.day.toISOString().slice(0, 10), r.apiKeyId, r.method, r.route, r.statusClass].join(' '), { requests: r.requests, durationMs: Number(r.durationMs), maxDurationMs: r.maxDurationMs, latencyBuckets: r.latencyBuckets }]));
    expect(actual).toEqual(expected);
    // Four batches of one workload: most rows were added to, not only inserted.
    expect(rows.length).toBeLessThan(entries.filter((e) => e.tenantId === a.id).length / 2);
  });

  it('gives the developers page the raw log’s counts, and its percentiles to within a bucket', async () => {
    const window = { tenantId: a.id, createdAt: { gte: new Date(Date.UTC(2032, 1, 10)), lt: new Date(Date.UTC(2032, 2, 11)) } };
    const stats = await usageStats(a, { now: NOW });
    const raw = await db.apiRequestLog.findMany({ where: window, select: { status: true, method: true, route: true, createdAt: true } });
    expect(stats.totals.requests).toBe(raw.length);
    expect(stats.totals.errors).toBe(raw.filter((r) => r.status >= 400).length);
    for (const day of stats.days) {
      const those = raw.filter((r) => r.createdAt.toISOString().startsWith(day.day));
      expect(day).toEqual({ day: day.day, ok: those.filter((r) => r.status < 400).length, clientErrors: those.filter((r) => r.status >= 400 && r.status < 500).length, serverErrors: those.filter((r) => r.status >= 500).length });
    }
    for (const endpoint of stats.topEndpoints) {
      const those = raw.filter((r) => r.method === endpoint.method && r.route === endpoint.route);
      expect([endpoint.requests, endpoint.errors]).toEqual([those.length, those.filter((r) => r.status >= 400).length]);
    }
    expect(stats.topEndpoints).toHaveLength(ROUTES.length);

    const [exact] = await db.$queryRaw<{ p50: number; p95: number; p99: number; max: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY "durationMs") AS p99, max("durationMs") AS max
      FROM "ApiRequestLog" WHERE "tenantId" = ${a.id}`;
    for (const q of ['p50', 'p95', 'p99'] as const) {
      const approx = stats.latency[q]!;
      // Off by at most the width of the bucket holding the exact value (or the estimate, when
      // percentile_cont interpolates across two buckets' boundary).
      const width = Math.max(...[exact![q], approx].map((ms) => bucket(ms)).map((i) => boundsOf(i, exact!.max)).map(([low, high]) => high! - low!));
      expect(Math.abs(approx - exact![q]), q).toBeLessThanOrEqual(width);
    }
  });

  it('filters by key, and keeps each workspace to its own traffic', async () => {
    const [key] = keys;
    const own = await usageStats(a, { now: NOW, apiKeyIds: [key!] });
    expect(own.totals.requests).toBe(entries.filter((e) => e.tenantId === a.id && e.apiKeyId === key).length);
    const theirs = await usageStats(b, { now: NOW, apiKeyIds: [key!] });
    expect(theirs.totals.requests).toBe(entries.filter((e) => e.tenantId === b.id && e.apiKeyId === key).length);
    expect((await usageStats(b, { now: NOW })).totals.requests).toBe(300);
    expect((await usageStats(a, { now: NOW })).totals.requests).toBe(1_200);
  });

  it('is rebuilt by the migration’s backfill exactly as the batches wrote it', async () => {
    const written = await rollupOf(a.id);
    const folder = readdirSync('prisma/migrations').find((name) => name.endsWith('_api_usage_daily'))!;
    const migration = readFileSync(path.join('prisma/migrations', folder, 'migration.sql'), 'utf8');
    const backfill = migration.slice(migration.indexOf('INSERT INTO "ApiUsageDaily"'));
    expect(backfill).toContain('FROM "ApiRequestLog"\nGROUP BY');
    await db.apiUsageDaily.deleteMany({ where: { tenantId: a.id } });
    // Only this workspace's log: other test files share the database.
    await db.$executeRawUnsafe(backfill.replace('FROM "ApiRequestLog"\n', 'FROM "ApiRequestLog" WHERE "tenantId" = $1\n'), a.id);
    expect(await rollupOf(a.id)).toEqual(written);
  });
});
