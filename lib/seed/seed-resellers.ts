import { db } from '../db/client.ts';
import { approveDueCommissions, creditCommissionsForInvoice } from '../resellers/commissions.ts';
import { previousMonth } from '../payouts/period.ts';
import { createPayoutFor } from '../payouts/run-payouts.ts';

// The demo reseller network (seedDemo runs this; idempotent like the rest of the seed):
//   Summit Partners (tier 1, 20%)       reseller@waypoint.test / waypoint-demo
//   └─ Trailhead Consulting (tier 2, 15%) subreseller@waypoint.test / waypoint-demo
// Two client workspaces (Northwind Fitness, sold by Summit; Bluebird Yoga, sold by
// Trailhead, which earns Summit an override), custom prices, six months of paid invoices
// and their commissions, and one paid manual payout, so the dashboard has something to show.

export const DEMO_RESELLER = { email: 'reseller@waypoint.test', name: 'Riley Reseller' };
export const DEMO_SUB_RESELLER = { email: 'subreseller@waypoint.test', name: 'Sam Subreseller' };

/** The floors the demo (and the tests) use where the operator has set none. */
export const DEMO_PLAN_FLOORS: Record<string, number> = { basic: 2500, pro: 8000, enterprise: 25_000 };

const CLIENTS = [
  { slug: 'northwind', name: 'Northwind Fitness', plan: 'pro', seller: 'summit', priceCents: 11_900 },
  { slug: 'bluebird', name: 'Bluebird Yoga', plan: 'basic', seller: 'trailhead', priceCents: 3900 },
] as const;

function monthsAgo(now: Date, months: number, day = 3): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 12));
}

export async function seedResellers(passwordHash: string, now: Date = new Date()): Promise<number> {
  let created = 0;
  for (const [planId, floorCents] of Object.entries(DEMO_PLAN_FLOORS)) {
    const { count } = await db.plan.updateMany({ where: { id: planId, resellerFloorCents: null }, data: { resellerFloorCents: floorCents } });
    created += count;
  }

  const ensureUser = async (email: string, name: string) => {
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    // Demo addresses are the platform's own: verified (also in databases seeded before verification existed).
    if (existing) {
      await db.user.updateMany({ where: { id: existing.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
      return existing.id;
    }
    created++;
    return (await db.user.create({ data: { email, name, passwordHash, emailVerifiedAt: new Date() } })).id;
  };

  const ensureReseller = async (name: string, tier: number, parentId: string | null, rateBps: number, ownerId: string) => {
    let reseller = await db.reseller.findFirst({ where: { name, tier }, select: { id: true } });
    if (!reseller) {
      created++;
      reseller = await db.reseller.create({
        data: { name, tier, parentId, commissionRateBps: rateBps, status: 'approved', approvedAt: monthsAgo(now, 8), whiteLabel: { name, logoUrl: '', websiteUrl: '' } },
        select: { id: true },
      });
    }
    await db.resellerUser.upsert({ where: { resellerId_userId: { resellerId: reseller.id, userId: ownerId } }, create: { resellerId: reseller.id, userId: ownerId, role: 'owner' }, update: {} });
    return reseller.id;
  };

  const summit = await ensureReseller('Summit Partners', 1, null, 2000, await ensureUser(DEMO_RESELLER.email, DEMO_RESELLER.name));
  const trailhead = await ensureReseller('Trailhead Consulting', 2, summit, 1500, await ensureUser(DEMO_SUB_RESELLER.email, DEMO_SUB_RESELLER.name));
  const sellers = { summit, trailhead };

  for (const client of CLIENTS) {
    const resellerId = sellers[client.seller];
    if (await db.plan.findUnique({ where: { id: client.plan }, select: { id: true } })) {
      await db.resellerPrice.upsert({
        where: { resellerId_planId_currency: { resellerId, planId: client.plan, currency: 'usd' } },
        create: { resellerId, planId: client.plan, priceCents: client.priceCents },
        update: {},
      });
    }
    let tenant = await db.tenant.findUnique({ where: { slug: client.slug }, select: { id: true, resellerId: true } });
    if (!tenant) {
      created++;
      tenant = await db.tenant.create({
        data: { slug: client.slug, name: client.name, status: 'active', plan: client.plan, resellerId, branding: { create: {} } },
        select: { id: true, resellerId: true },
      });
      await db.auditLog.create({ data: { tenantId: tenant.id, action: 'tenant.created', targetType: 'tenant', targetId: tenant.id, metadata: { source: 'demo seed', resellerId } } });
      const ownerId = await ensureUser(`owner@${client.slug}.test`, `Owner at ${client.name}`);
      await db.membership.create({ data: { tenantId: tenant.id, userId: ownerId, role: 'owner' } });
    }
    if (tenant.resellerId !== resellerId) continue; // changed by hand since: leave it alone
    // Six monthly invoices, the last one this month (still in its holding period).
    for (let months = 5; months >= 0; months -= 1) {
      const paidAt = monthsAgo(now, months, months === 0 ? 1 : 3);
      const invoiceId = `in_demo_${client.slug}_${paidAt.toISOString().slice(0, 7).replace('-', '')}`;
      const result = await creditCommissionsForInvoice({ tenantId: tenant.id, invoiceId, amountCents: client.priceCents, planId: client.plan, paidAt });
      created += result.created;
    }
  }

  // What the daily jobs would have done by now: approve what is out of its holding period, and
  // pay Summit for a past month (manually, with a reference).
  await approveDueCommissions(now);
  const paidPeriod = previousMonth(monthsAgo(now, 1));
  const existing = await db.payout.findUnique({ where: { resellerId_periodStart_currency: { resellerId: summit, periodStart: paidPeriod.start, currency: 'usd' } }, select: { id: true } });
  if (!existing) {
    const payout = await createPayoutFor({ kind: 'reseller', id: summit }, paidPeriod);
    if (payout) {
      created++;
      const paidAt = monthsAgo(now, 1, 5);
      await db.$transaction([
        db.payout.update({ where: { id: payout.payoutId }, data: { status: 'paid', paidAt, reference: 'DEMO-SEPA-0001' } }),
        db.commission.updateMany({ where: { payoutId: payout.payoutId }, data: { status: 'paid', paidAt } }),
      ]);
    }
  }
  return created;
}
