import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { listClients } from '../../lib/resellers/clients.ts';
import { creditCommissionsForInvoice } from '../../lib/resellers/commissions.ts';
import { clientSummary, earningsSummary, listPayouts, monthlyTrend, monthlyTrendByCurrency, payoutStatement, recentCommissions, statementCsv, subResellerOverrides, subResellerTree, topProducts, topProductsByCurrency } from '../../lib/resellers/dashboard.ts';
import { listResellerPrices, setResellerPrice } from '../../lib/resellers/prices.ts';
import { listResellerUsers } from '../../lib/resellers/reseller-users.ts';
import { clientOf, createReseller, invoiceId, type TestReseller } from '../support/resellers.ts';
import { failure } from '../support/workspace.ts';

// Two unrelated tier-1 resellers, A and B; A has a sub-reseller A2. Each sells, earns and is
// paid. Every view of A must show A's own data only, and of A2 only a summary.

let a: TestReseller;
let a2: TestReseller;
let b: TestReseller;
const clients: Record<string, { id: string; name: string }> = {};
const payouts: Record<string, string> = {};

async function sell(reseller: TestReseller, key: string, amountCents: number) {
  const client = await clientOf(reseller, { plan: 'pro' });
  clients[key] = client;
  await creditCommissionsForInvoice({ tenantId: client.id, invoiceId: invoiceId(), amountCents, planId: 'pro', paidAt: new Date() });
  return client;
}

async function payout(reseller: TestReseller) {
  const row = await db.payout.create({
    data: { resellerId: reseller.id, periodStart: new Date(Date.UTC(2002, 0, 1)), periodEnd: new Date(Date.UTC(2002, 1, 1)), totalCents: 0, method: 'manual' },
  });
  await db.commission.updateMany({ where: { resellerId: reseller.id }, data: { payoutId: row.id } });
  const total = await db.commission.aggregate({ where: { payoutId: row.id }, _sum: { amountCents: true } });
  await db.payout.update({ where: { id: row.id }, data: { totalCents: total._sum.amountCents ?? 0 } });
  return row.id;
}

beforeAll(async () => {
  a = await createReseller({ name: `A ${Date.now()}`, rateBps: 2000 });
  a2 = await createReseller({ name: `A2 ${Date.now()}`, parent: a, rateBps: 1500 });
  b = await createReseller({ name: `B ${Date.now()}`, rateBps: 2000 });
  await sell(a, 'a', 10_000);
  await sell(a2, 'a2', 10_000);
  await sell(b, 'b', 50_000);
  payouts.a = await payout(a);
  payouts.b = await payout(b);
});

describe('reseller isolation', () => {
  it("a reseller's client list has its own clients only: not another reseller's, not its sub-reseller's", async () => {
    const listed = (await listClients(a.actor)).map((c) => c.id);
    expect(listed).toEqual([clients.a.id]);
    expect((await listClients(b.actor)).map((c) => c.id)).toEqual([clients.b.id]);
    expect((await listClients(a2.actor)).map((c) => c.id)).toEqual([clients.a2.id]);
    expect(await clientSummary(a.actor)).toEqual({ total: 1, active: 1 });
  });

  it("commissions: its own, with its own clients named and overrides shown via the sub-reseller, never the sub-reseller's client", async () => {
    const lines = await recentCommissions(a.actor);
    expect(lines.map((l) => [l.level, l.amountCents, l.clientName, l.viaResellerName])).toEqual(
      expect.arrayContaining([
        [0, 2000, clients.a.name, null],
        [1, 1700, null, a2.name],
      ]),
    );
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain(clients.a2.name);
    expect(JSON.stringify(lines)).not.toContain(clients.b.id);
    expect((await recentCommissions(b.actor)).map((l) => l.amountCents)).toEqual([10_000]);
  });

  it('earnings, top products and the monthly trend count its own rows only', async () => {
    expect(await earningsSummary(a.actor)).toMatchObject({ totalCents: 3700 });
    expect(await earningsSummary(b.actor)).toMatchObject({ totalCents: 10_000 });
    expect(await topProducts(a.actor)).toEqual([{ planId: 'pro', planName: 'Pro', commissionCents: 3700, invoices: 2 }]);
    const trend = await monthlyTrend(a.actor);
    expect(trend).toHaveLength(12);
    const thisMonth = trend[trend.length - 1];
    // Sales: its own client's invoice only (level 0); commission: both of its rows.
    expect(thisMonth).toMatchObject({ salesCents: 10_000, commissionCents: 3700 });
    expect(trend.slice(0, 11).every((p) => p.salesCents === 0 && p.commissionCents === 0)).toBe(true);
    // The same, per currency (all of these are in US dollars).
    expect((await earningsSummary(a.actor)).byCurrency).toEqual([{ currency: 'usd', totalCents: 3700, paidCents: 0, pendingCents: 3700, holdingCents: 3700, availableCents: 0 }]);
    expect(await topProductsByCurrency(a.actor)).toEqual([{ planId: 'pro', planName: 'Pro', currency: 'usd', commissionCents: 3700, invoices: 2 }]);
    const trends = await monthlyTrendByCurrency(a.actor);
    expect(trends.map((t) => t.currency)).toEqual(['usd']);
    expect(trends[0].points).toEqual(trend);
  });

  it('payouts and statements: its own; another reseller\'s payout is "not found"', async () => {
    expect((await listPayouts(a.actor)).map((p) => p.id)).toEqual([payouts.a]);
    expect((await listPayouts(b.actor)).map((p) => p.id)).toEqual([payouts.b]);
    const denied = await failure(payoutStatement(a.actor, payouts.b));
    expect(denied.status).toBe(404);
    expect((await failure(payoutStatement(a2.actor, payouts.a))).status).toBe(404);

    const statement = await payoutStatement(a.actor, payouts.a);
    expect(statement.lines).toHaveLength(2);
    const csv = statementCsv(statement);
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('date,kind,level,client,via_sub_reseller,invoice,plan,currency,sale,base,rate_percent,commission,status');
    expect(rows).toHaveLength(4);
    expect(csv).toContain(`,sale,1,,${a2.name},`);
    expect(csv).not.toContain(clients.a2.name);
    expect(rows[3]).toBe('total,,,,,,,USD,,,,37.00,pending');
  });

  it('the sub-reseller tree is a summary: name, tier, rate, client count and overrides, no client details', async () => {
    const tree = await subResellerTree(a.actor);
    expect(tree).toEqual([
      { id: a2.id, name: a2.name, tier: 2, status: 'approved', commissionRateBps: 1500, clientCount: 1, overrideCents: 1700, children: [] },
    ]);
    expect(await subResellerOverrides(a.actor)).toEqual({ [a2.id]: [{ currency: 'usd', cents: 1700 }] });
    expect(await subResellerTree(b.actor)).toEqual([]);
    // The sub-reseller does not see its parent's tree or data.
    expect(await subResellerTree(a2.actor)).toEqual([]);
    expect(await earningsSummary(a2.actor)).toMatchObject({ totalCents: 1500 });
  });

  it("prices and people are per reseller: B's price is not A's", async () => {
    await db.plan.updateMany({ where: { id: 'basic', resellerFloorCents: null }, data: { resellerFloorCents: 2000 } });
    await setResellerPrice(b.actor, { planId: 'basic', priceCents: 4500 });
    expect((await listResellerPrices(a.actor)).find((p) => p.planId === 'basic')?.priceCents).toBeNull();
    expect((await listResellerPrices(b.actor)).find((p) => p.planId === 'basic')?.priceCents).toBe(4500);
    const people = await listResellerUsers(a.actor);
    expect(people.users.map((u) => u.email)).toEqual([a.actor.email]);
  });
});
