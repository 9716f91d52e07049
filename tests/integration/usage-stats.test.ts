import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { flushRequestLog, logApiRequest } from '../../lib/api/request-log.ts';
import { usageStats, usageStatsFor } from '../../lib/api/usage-stats.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf } from '../support/factories.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// Workspace A gets exactly 100 requests in the window, numbered i = 1..100 with
// durationMs = i, so the exact percentiles are known: p50 50.5, p95 95.05, p99 99.01. The stats
// read a latency histogram (lib/api/usage-rollup.ts), where all three fall in the 50–100 ms
// bucket: they are checked to within its width.
//   status: i % 10 === 0 → 500, i % 10 === 5 → 404, otherwise 200
//   route:  i <= 70 → GET /api/v1/goals, 71..90 → POST /api/v1/goals, 91..100 → GET /api/v1/habits
//   key:    odd i → ann's key, even i → the admin's key
//   day:    1..50 on 2031-05-20 ("today"), 51..60 on 2031-04-21 (the window's first day), 61..100 on 2031-05-19
// Workspace B's requests are slow 503s on its own route, on the same days; none may show in A's stats.
// They are written the way the API writes them (the request log's batch and its daily rollup),
// not billed, so the usage meters below are the test's own.
const NOW = new Date('2031-05-20T15:00:00Z');

let a: TenantContext;
let b: TenantContext;
let admin: Member;
let ann: Member;
let viewer: Member;
let annKey: string;
let adminKey: string;

function dayOf(i: number): string {
  if (i <= 50) return '2031-05-20';
  if (i <= 60) return '2031-04-21';
  return '2031-05-19';
}

function requestA(i: number) {
  const status = i % 10 === 0 ? 500 : i % 10 === 5 ? 404 : 200;
  const [method, route] = i <= 70 ? ['GET', '/api/v1/goals'] : i <= 90 ? ['POST', '/api/v1/goals'] : ['GET', '/api/v1/habits'];
  return { tenantId: a.id, apiKeyId: i % 2 ? annKey : adminKey, method, route, status, durationMs: i, bytes: 100, createdAt: new Date(`${dayOf(i)}T${String(i % 24).padStart(2, '0')}:30:00Z`) };
}

beforeAll(async () => {
  a = await workspace();
  b = await workspace();
  await db.tenant.update({ where: { id: a.id }, data: { plan: 'pro' } });
  a = await contextOf(a.id);
  [admin, ann, viewer] = await Promise.all([memberIn(a, 'admin'), memberIn(a), memberIn(a, 'viewer')]);
  annKey = (await createApiKey(a, ann, { name: 'Ann key', scopes: ['read:goals'] })).key.id;
  adminKey = (await createApiKey(a, admin, { name: 'Admin key', scopes: ['read:goals'] })).key.id;

  const outside = [
    // Just before the window and just after today: excluded.
    { ...requestA(1), durationMs: 10_000, createdAt: new Date('2031-04-20T23:59:59Z') },
    { ...requestA(1), durationMs: 10_000, createdAt: new Date('2031-05-21T00:00:00Z') },
  ];
  const other = Array.from({ length: 30 }, (_, i) => ({
    tenantId: b.id,
    // Even a row naming A's key id stays B's.
    apiKeyId: i === 0 ? annKey : 'key_b',
    method: 'DELETE',
    route: '/api/v1/b-only',
    status: 503,
    durationMs: 5_000 + i,
    bytes: 10,
    createdAt: new Date(`${dayOf(i + 41)}T10:00:00Z`),
  }));
  for (const entry of [...Array.from({ length: 100 }, (_, i) => requestA(i + 1)), ...outside, ...other]) logApiRequest({ ...entry, billable: false });
  await flushRequestLog();
  // Neither has a subscription: their billing periods are calendar months (UTC).
  const month = (m: number) => ({ periodStart: new Date(Date.UTC(2031, m - 1, 1)), periodEnd: new Date(Date.UTC(2031, m, 1)) });
  await db.usagePeriod.createMany({
    data: [
      { tenantId: a.id, metric: 'api_requests', ...month(5), value: 4321 },
      { tenantId: a.id, metric: 'api_requests', ...month(4), value: 7 },
      { tenantId: b.id, metric: 'api_requests', ...month(5), value: 99_999 },
    ],
  });
});

describe('usageStats', () => {
  it('counts requests per UTC day by status class, with empty days as zeros', async () => {
    const stats = await usageStats(a, { now: NOW });
    expect(stats.days).toHaveLength(30);
    expect(stats.days[0]).toEqual({ day: '2031-04-21', ok: 8, clientErrors: 1, serverErrors: 1 });
    expect(stats.days.at(-2)).toEqual({ day: '2031-05-19', ok: 32, clientErrors: 4, serverErrors: 4 });
    expect(stats.days.at(-1)).toEqual({ day: '2031-05-20', ok: 40, clientErrors: 5, serverErrors: 5 });
    expect(stats.days.slice(1, -2).every((d) => d.ok + d.clientErrors + d.serverErrors === 0)).toBe(true);
  });

  it('totals the window and its error rate', async () => {
    const stats = await usageStats(a, { now: NOW });
    expect(stats.totals).toEqual({ requests: 100, errors: 20, errorRate: 0.2 });
  });

  it('reads latency percentiles from the histogram, within the width of their bucket', async () => {
    const { latency } = await usageStats(a, { now: NOW });
    expect(Math.abs(latency.p50! - 50.5)).toBeLessThanOrEqual(50);
    expect(Math.abs(latency.p95! - 95.05)).toBeLessThanOrEqual(50);
    expect(Math.abs(latency.p99! - 99.01)).toBeLessThanOrEqual(50);
    expect(latency.p50).toBeLessThan(latency.p95!);
    expect(latency.p95).toBeLessThan(latency.p99!);
  });

  it('ranks endpoints by requests, with their error rates', async () => {
    const { topEndpoints } = await usageStats(a, { now: NOW });
    expect(topEndpoints).toEqual([
      { method: 'GET', route: '/api/v1/goals', requests: 70, errors: 14, errorRate: 0.2 },
      { method: 'POST', route: '/api/v1/goals', requests: 20, errors: 4, errorRate: 0.2 },
      { method: 'GET', route: '/api/v1/habits', requests: 10, errors: 2, errorRate: 0.2 },
    ]);
    expect(await usageStats(a, { now: NOW, topEndpoints: 1 }).then((s) => s.topEndpoints.map((e) => e.requests))).toEqual([70]);
  });

  it("reads the billing period's usage meter against the plan's quota", async () => {
    // a is on pro (100,000 a month); b on the test factories' default plan, enterprise (1,000,000).
    expect((await usageStats(a, { now: NOW })).month).toEqual({ period: '2031-05', requests: 4321, quota: 100_000 });
    expect((await usageStats(b, { now: NOW })).month).toEqual({ period: '2031-05', requests: 99_999, quota: 1_000_000 });
    expect((await usageStats(a, { now: new Date('2031-06-01T00:00:00Z') })).month.requests).toBe(0);
  });

  it('filters by API key', async () => {
    const own = await usageStats(a, { now: NOW, apiKeyIds: [annKey] });
    // Odd i: no multiple of 10, so no 500s; 5, 15, …, 95 are the 404s.
    expect(own.totals).toEqual({ requests: 50, errors: 10, errorRate: 0.2 });
    expect(Math.abs(own.latency.p50! - 50)).toBeLessThanOrEqual(50);
    const none = await usageStats(a, { now: NOW, apiKeyIds: [] });
    expect(none.totals.requests).toBe(0);
    expect(none.latency).toEqual({ p50: null, p95: null, p99: null });
    expect(none.topEndpoints).toEqual([]);
  });

  it("never shows another workspace's requests", async () => {
    const stats = await usageStats(a, { now: NOW });
    expect(stats.topEndpoints.map((e) => e.route)).not.toContain('/api/v1/b-only');
    expect(stats.latency.p99).toBeLessThan(100);
    const theirs = await usageStats(b, { now: NOW });
    expect(theirs.totals).toEqual({ requests: 30, errors: 30, errorRate: 1 });
    expect(theirs.topEndpoints).toEqual([{ method: 'DELETE', route: '/api/v1/b-only', requests: 30, errors: 30, errorRate: 1 }]);
    expect((await usageStats(b, { now: NOW, apiKeyIds: [annKey] })).totals.requests).toBe(1);
  });
});

describe('usageStatsFor', () => {
  it("gives admins the workspace's traffic and others their own keys' traffic", async () => {
    const forAdmin = await usageStatsFor(a, admin, NOW);
    expect(forAdmin.scope).toBe('workspace');
    expect(forAdmin.totals.requests).toBe(100);
    const forAnn = await usageStatsFor(a, ann, NOW);
    expect(forAnn.scope).toBe('own');
    expect(forAnn.totals.requests).toBe(50);
    const forViewer = await usageStatsFor(a, viewer, NOW);
    expect(forViewer.totals.requests).toBe(0);
    // The quota is the workspace's, whoever looks.
    expect(forViewer.month.requests).toBe(4321);
  });
});
