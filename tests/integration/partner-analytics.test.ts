import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { partnerAnalytics } from '../../lib/partners/analytics/partner-analytics.ts';
import { endpointHost } from '../../lib/partners/analytics/webhooks.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { appCalls, appEndpoint, deliveries } from '../support/app-traffic.ts';
import { addPartnerUser, createApp, createPartner, install, uninstall, type TestApp, type TestPartner } from '../support/marketplace-fixtures.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// A partner (n) with two apps (a, b) and another partner (o) with one (x), over a fixed week
// (2026-03-04 .. 2026-03-10, UTC) plus traffic before it, in the sandbox and of other apps.
// Every expected figure below is worked out by hand from the rows made here.

const NOW = new Date('2026-03-10T15:00:00Z');
const at = (day: string, time = '12:00:00') => new Date(`${day}T${time}Z`);

let n: TestPartner;
let o: TestPartner;
let a: TestApp;
let b: TestApp;
let x: TestApp;
let t: TenantContext[];

async function commission(partnerId: string | null, appId: string | null, tenantId: string, day: string, kind: 'sale' | 'reversal', baseCents: number, amountCents: number, status: 'pending' | 'approved' | 'paid' | 'reversed' = 'pending') {
  const source = `src_${Math.random().toString(36).slice(2)}`;
  await db.commission.create({
    data: { partnerId, appId, resellerId: partnerId ? null : (await reseller()), tenantId, sourceId: source, invoiceId: `in_${source}`, kind, saleCents: baseCents, baseCents, rateBps: 8000, amountCents, level: 0, status, availableAt: at(day), createdAt: at(day) },
  });
}

let resellerId: string | undefined;
async function reseller(): Promise<string> {
  resellerId ??= (await db.reseller.create({ data: { name: 'Analytics reseller', tier: 1, commissionRateBps: 2000 } })).id;
  return resellerId;
}

beforeAll(async () => {
  n = await createPartner();
  o = await createPartner();
  [a, b] = [await createApp(n), await createApp(n)];
  x = await createApp(o);
  t = await Promise.all([workspace(), workspace(), workspace()]);
  const admins = await Promise.all(t.map((w) => memberIn(w, 'admin')));
  const sandboxAdmin = await memberIn(n.sandbox, 'admin');

  // Installs: a in t0 before the window; in t1 on the 5th; in t2 on the 6th, ended on the 8th.
  await install(a, t[0].id, admins[0].userId, at('2026-02-01'));
  const a1 = await install(a, t[1].id, admins[1].userId, at('2026-03-05'));
  const a2 = await install(a, t[2].id, admins[2].userId, at('2026-03-06'));
  await uninstall(a2, at('2026-03-08', '09:00:00'));
  const aSandbox = await install(a, n.sandbox.id, sandboxAdmin.userId, at('2026-03-06'));
  await install(b, t[1].id, admins[1].userId, at('2026-03-09'));
  const x0 = await install(x, t[0].id, admins[0].userId, at('2026-03-05'));

  // API calls of a: the 6th: 4 × 2xx (10, 20, 30, 40 ms) and a 404 (100 ms);
  // the 7th: 3 × 2xx (50 ms), 500s of 1000 and 2000 ms. Plus calls that never count here.
  for (const ms of [10, 20, 30, 40]) await appCalls(a.id, t[1].id, at('2026-03-06'), 1, 200, ms);
  await appCalls(a.id, t[1].id, at('2026-03-06'), 1, 404, 100);
  await appCalls(a.id, t[1].id, at('2026-03-07'), 3, 200, 50);
  await appCalls(a.id, t[1].id, at('2026-03-07'), 1, 500, 1000);
  await appCalls(a.id, t[1].id, at('2026-03-07'), 1, 503, 2000);
  await appCalls(a.id, t[1].id, at('2026-02-20'), 5, 200); // before the window
  await appCalls(a.id, n.sandbox.id, at('2026-03-06'), 7, 500); // the partner testing
  await appCalls(x.id, t[0].id, at('2026-03-06'), 9, 500, 300); // the other partner's app
  await appCalls(null, t[1].id, at('2026-03-06'), 4, 500); // the workspace's own calls

  // Webhooks to a: t1's endpoint on the 6th: 5 succeeded, 2 failed (502), 1 still retrying (503,
  // later), 1 not attempted yet; t2's endpoint on the 8th: 3 succeeded.
  const e1 = await appEndpoint(t[1].id, a1, 'https://hooks.acme.example/waypoint?token=s3cret');
  const e2 = await appEndpoint(t[2].id, a2, 'https://ops.example.org:8443/in');
  await deliveries(t[1].id, e1, at('2026-03-06'), 5, 'succeeded');
  await deliveries(t[1].id, e1, at('2026-03-06'), 2, 'failed', 502);
  await deliveries(t[1].id, e1, at('2026-03-06', '13:00:00'), 1, 'retrying', 503);
  await deliveries(t[1].id, e1, at('2026-03-06'), 1, 'waiting');
  await deliveries(t[1].id, e1, at('2026-02-20'), 4, 'failed');
  await deliveries(t[2].id, e2, at('2026-03-08'), 3, 'succeeded');
  await deliveries(n.sandbox.id, await appEndpoint(n.sandbox.id, aSandbox), at('2026-03-06'), 5, 'failed');
  await deliveries(t[0].id, await appEndpoint(t[0].id, x0), at('2026-03-06'), 6, 'failed');

  // Revenue: a: January sale 800 (paid), March sale 1600 and its partial refund −400;
  // b: February sale 850. A reseller's row, the other partner's, and one older than 12 months.
  await commission(n.id, a.id, t[1].id, '2026-01-15', 'sale', 1000, 800, 'paid');
  await commission(n.id, a.id, t[1].id, '2026-03-02', 'sale', 2000, 1600, 'reversed');
  await commission(n.id, a.id, t[1].id, '2026-03-05', 'reversal', -500, -400, 'reversed');
  await commission(n.id, b.id, t[1].id, '2026-02-10', 'sale', 1000, 850, 'approved');
  await commission(null, null, t[1].id, '2026-03-02', 'sale', 5000, 1000);
  await commission(o.id, x.id, t[0].id, '2026-03-03', 'sale', 20000, 9999);
  await commission(n.id, a.id, t[1].id, '2025-03-31', 'sale', 7000, 7000);
});

describe('partner analytics of one app', () => {
  it('installs, uninstalls and active installations per UTC day, sandbox left out', async () => {
    const { installs } = await partnerAnalytics(n.actor, { appId: a.id, period: 7, now: NOW });
    expect(installs.days.map((d) => [d.day, d.installs, d.uninstalls, d.active])).toEqual([
      ['2026-03-04', 0, 0, 1],
      ['2026-03-05', 1, 0, 2],
      ['2026-03-06', 1, 0, 3],
      ['2026-03-07', 0, 0, 3],
      ['2026-03-08', 0, 1, 2],
      ['2026-03-09', 0, 0, 2],
      ['2026-03-10', 0, 0, 2],
    ]);
    expect(installs.totals).toEqual({ installs: 2, uninstalls: 1, activeNow: 2 });
  });

  it('API calls per day by status class, p50/p95 latency by PostgreSQL, 4xx and 5xx shares', async () => {
    const { apiCalls } = await partnerAnalytics(n.actor, { appId: a.id, period: 7, now: NOW });
    const day = (d: string) => apiCalls.days.find((row) => row.day === d);
    expect(day('2026-03-06')).toEqual({ day: '2026-03-06', ok: 4, clientErrors: 1, serverErrors: 0, p50: 30, p95: 88 });
    expect(day('2026-03-07')).toEqual({ day: '2026-03-07', ok: 3, clientErrors: 0, serverErrors: 2, p50: 50, p95: 1800 });
    expect(day('2026-03-05')).toEqual({ day: '2026-03-05', ok: 0, clientErrors: 0, serverErrors: 0, p50: null, p95: null });
    expect(apiCalls.days).toHaveLength(7);
    // Sorted window: 10 20 30 40 50 50 50 100 1000 2000 → p50 at rank 4.5 = 50, p95 at rank 8.55 = 1550.
    expect(apiCalls.totals).toEqual({ calls: 10, clientErrors: 1, serverErrors: 2, clientErrorRate: 0.1, serverErrorRate: 0.2, p50: 50, p95: 1550 });
  });

  it('webhook deliveries: outcomes per day, success rate, failures by workspace and endpoint host only', async () => {
    const { webhooks } = await partnerAnalytics(n.actor, { appId: a.id, period: 7, now: NOW });
    expect(webhooks.days.find((d) => d.day === '2026-03-06')).toEqual({ day: '2026-03-06', succeeded: 5, failed: 2, retrying: 1 });
    expect(webhooks.days.find((d) => d.day === '2026-03-08')).toEqual({ day: '2026-03-08', succeeded: 3, failed: 0, retrying: 0 });
    expect(webhooks.totals).toEqual({ deliveries: 11, succeeded: 8, failed: 2, retrying: 1, successRate: 8 / 11 });
    expect(webhooks.failingEndpoints).toEqual([
      expect.objectContaining({ appId: a.id, workspace: t[1].name, host: 'hooks.acme.example', deliveries: 8, failed: 2, retrying: 1, lastStatusCode: 503 }),
    ]);
    const json = JSON.stringify(webhooks);
    expect(json).not.toContain('s3cret');
    expect(json).not.toContain('/waypoint');
    expect(json).not.toContain('workspace data');
  });

  it('revenue by month: net of reversals whatever the status, gross sales, the last 12 months', async () => {
    const { revenue } = await partnerAnalytics(n.actor, { appId: a.id, period: 7, now: NOW });
    expect(revenue?.months).toHaveLength(12);
    expect(revenue?.months[0].month).toBe('2025-04');
    expect(revenue?.months.filter((m) => m.netCents !== 0 || m.grossSalesCents !== 0)).toEqual([
      { month: '2026-01', netCents: 800, grossSalesCents: 1000, reversedCents: 0 },
      { month: '2026-03', netCents: 1200, grossSalesCents: 2000, reversedCents: -400 },
    ]);
    expect(revenue?.totals).toEqual({ netCents: 2000, grossSalesCents: 3000, reversedCents: -400 });
    // Per currency: the same, as every row here is in US dollars.
    expect(revenue?.byCurrency?.map(({ currency, totals }) => ({ currency, totals }))).toEqual([{ currency: 'usd', totals: { netCents: 2000, grossSalesCents: 3000, reversedCents: -400 } }]);
  });
});

describe('partner analytics overview (every app of the partner)', () => {
  it('adds up the partner’s apps and nothing else', async () => {
    const all = await partnerAnalytics(n.actor, { period: 7, now: NOW });
    expect(all.appId).toBeNull();
    expect(all.installs.totals).toEqual({ installs: 3, uninstalls: 1, activeNow: 3 });
    expect(all.installs.days.at(-1)).toEqual({ day: '2026-03-10', installs: 0, uninstalls: 0, active: 3 });
    expect(all.apiCalls.totals.calls).toBe(10);
    expect(all.webhooks.totals.deliveries).toBe(11);
    expect(all.revenue?.months.find((m) => m.month === '2026-02')).toEqual({ month: '2026-02', netCents: 850, grossSalesCents: 1000, reversedCents: 0 });
    expect(all.revenue?.totals).toEqual({ netCents: 2850, grossSalesCents: 4000, reversedCents: -400 });
  });

  it('the other partner sees only its own app', async () => {
    const theirs = await partnerAnalytics(o.actor, { period: 7, now: NOW });
    expect(theirs.installs.totals).toEqual({ installs: 1, uninstalls: 0, activeNow: 1 });
    expect(theirs.apiCalls.totals).toMatchObject({ calls: 9, serverErrors: 9, serverErrorRate: 1, p50: 300, p95: 300 });
    expect(theirs.webhooks.totals).toEqual({ deliveries: 6, succeeded: 0, failed: 6, retrying: 0, successRate: 0 });
    expect(theirs.webhooks.failingEndpoints.map((e) => e.appId)).toEqual([x.id]);
    expect(theirs.revenue?.totals.netCents).toBe(9999);
  });
});

describe('who sees what', () => {
  it("another partner's app is 404, as is an unknown app", async () => {
    expect((await failure(partnerAnalytics(o.actor, { appId: a.id, now: NOW }))).status).toBe(404);
    expect((await failure(partnerAnalytics(n.actor, { appId: x.id, now: NOW }))).status).toBe(404);
    expect((await failure(partnerAnalytics(n.actor, { appId: 'app_nosuch', now: NOW }))).status).toBe(404);
  });

  it('developers see the technical figures but not the revenue; billing contacts see the revenue', async () => {
    const developer = await addPartnerUser(n.id, 'developer');
    const billing = await addPartnerUser(n.id, 'billing');
    const dev = await partnerAnalytics(developer, { appId: a.id, period: 7, now: NOW });
    expect(dev.revenue).toBeNull();
    expect(dev.apiCalls.totals.calls).toBe(10);
    expect((await partnerAnalytics(billing, { appId: a.id, period: 7, now: NOW })).revenue?.totals.netCents).toBe(2000);
  });

  it('the period is 7, 30 or 90 days; anything else is 30', async () => {
    expect((await partnerAnalytics(n.actor, { appId: a.id, period: '90', now: NOW })).apiCalls.days).toHaveLength(90);
    expect((await partnerAnalytics(n.actor, { appId: a.id, period: '9999', now: NOW })).period).toBe(30);
    const month = await partnerAnalytics(n.actor, { appId: a.id, now: NOW });
    expect(month.period).toBe(30);
    expect(month.apiCalls.totals.calls).toBe(15);
  });

  it('an app without any traffic is zeros, with no rates made up', async () => {
    const quiet = await createApp(n);
    const stats = await partnerAnalytics(n.actor, { appId: quiet.id, period: 7, now: NOW });
    expect(stats.apiCalls.totals).toEqual({ calls: 0, clientErrors: 0, serverErrors: 0, clientErrorRate: 0, serverErrorRate: 0, p50: null, p95: null });
    expect(stats.webhooks.totals.successRate).toBeNull();
    expect(stats.revenue?.totals).toEqual({ netCents: 0, grossSalesCents: 0, reversedCents: 0 });
  });

  it('endpoint hosts never carry a path, query or credentials', () => {
    expect(endpointHost('https://user:pw@hooks.example.com:8443/a?b=c')).toBe('hooks.example.com:8443');
    expect(endpointHost('not a url')).toBe('invalid URL');
  });
});
