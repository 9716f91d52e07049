import type { Member } from '../auth/session.ts';
import { PLAN_CATALOG } from '../billing/plan-catalog.ts';
import { getStripe } from '../billing/stripe-client.ts';
import { db } from '../db/client.ts';
import { approveDueCommissions } from '../earnings/approve.ts';
import { creditCommissionsForInvoice } from '../earnings/credit-invoice.ts';
import { backgroundTasksSettled } from '../http/after-response.ts';
import { installApp } from '../marketplace/installations.ts';
import { allowPaidApp } from '../marketplace/paid-app-allowances.ts';
import { billedCallBlocks } from '../marketplace/pricing.ts';
import { recordManualPayout } from '../payouts/manual.ts';
import { previousMonth } from '../payouts/period.ts';
import { createPayoutFor } from '../payouts/run-payouts.ts';
import { openWorkspaceTicket } from '../support/tickets.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import { DEMO_OPERATOR } from './demo-data.ts';
import { DEMO_PAID_APP } from './seed-apps.ts';

// The demo partner's earnings (seedDemo runs this after the apps; idempotent like the rest of
// the seed). Northstar Labs' paid app, Stride Coach, is installed in acme:
// - on the operator's say-so (allowPaidApp, as on the operator's app page: the demo runs
//   without Stripe, so acme is billed by the operator, billedVia 'operator'), installed by
//   admin@acme.test through the same installApp as the consent page, dated back to before its
//   first invoice;
// - six monthly invoices of acme (the plan, Stride Coach's fee and the calls above the included
//   10,000), the last one this month, credited through the same creditCommissionsForInvoice as
//   Stripe's invoice.paid: Northstar (standard tier, 20% fee) earns 80% of each app part;
//   those out of their 30-day holding period are approved, and the month before last is paid
//   out (createPayoutFor, then recordManualPayout with a bank reference, as the operator would);
// - an open ticket from acme's admin about Stride Coach, waiting for Northstar's answer
//   (openWorkspaceTicket, as from the installed app's page; the partner is emailed).
// Each step looks for what it would make first and leaves existing data alone (an uninstall
// made while trying the demo is not undone).

export const DEMO_WORKSPACE = 'acme';
export const DEMO_INSTALLER = 'admin@acme.test';

/** When acme installed Stride Coach: before the first of the demo's monthly invoices. */
const INSTALLED_DAYS_AGO = 200;

/** Stride Coach's calls in acme per invoiced month, oldest first (10,000 are included in the fee). */
const MONTHLY_CALLS = [8_200, 12_400, 15_900, 11_050, 18_300, 9_700];

export const DEMO_TICKET = {
  subject: 'Sessions logged twice after a watch sync',
  description: [
    'Since Monday some of our members see their Stride Coach sessions logged twice on the same habit after their watch syncs.',
    '',
    'It happened to at least three people in the Coaches team (e.g. the "Morning run" habit on Tuesday). Could you look into it? We can share more details.',
  ].join('\n'),
  priority: 'high' as const,
};

function monthsAgo(now: Date, months: number, day: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 12));
}

export async function seedPartnerEarnings(now: Date = new Date()): Promise<number> {
  const app = await db.marketplaceApp.findUnique({ where: { slug: DEMO_PAID_APP.slug }, select: { id: true, slug: true, liveVersionId: true, status: true } });
  const tenant = await db.tenant.findUnique({ where: { slug: DEMO_WORKSPACE }, select: { id: true } });
  const operator = await db.user.findUnique({ where: { email: DEMO_OPERATOR.email }, select: { id: true } });
  if (!app?.liveVersionId || app.status !== 'published' || !tenant || !operator) return 0;
  let created = 0;

  // With Stripe configured, a paid app is billed on the workspace's subscription (acme has none
  // in the demo): the paid install, its invoices and ticket are the Stripe-less demo's only.
  if (getStripe()) return 0;

  // Installed once by acme's admin, on the operator's say-so (what the operator's app page
  // records without Stripe). Never again: an uninstall or a revoked allowance made while trying
  // the demo stays.
  if (!(await db.appInstallation.findFirst({ where: { tenantId: tenant.id, appId: app.id }, select: { id: true } }))) {
    if (!(await db.paidAppAllowance.findUnique({ where: { tenantId_appId: { tenantId: tenant.id, appId: app.id } }, select: { appId: true } }))) {
      await allowPaidApp({ userId: operator.id, email: DEMO_OPERATOR.email, role: 'owner' }, app.id, { workspace: DEMO_WORKSPACE, note: 'Demo: billed by the operator (no Stripe configured).' });
      created++;
    }
    const context = await loadTenantById(tenant.id);
    const admin = await demoMember(tenant.id, DEMO_INSTALLER);
    if (context && admin) {
      const { installationId } = await installApp(context, admin, app.slug, { versionId: app.liveVersionId });
      // installApp set billedVia 'operator' (the allowance); dated back for the demo's history.
      await db.appInstallation.update({ where: { id: installationId }, data: { installedAt: new Date(now.getTime() - INSTALLED_DAYS_AGO * 86_400_000) } });
      created++;
    }
  }
  const installation = await db.appInstallation.findFirst({ where: { tenantId: tenant.id, appId: app.id, uninstalledAt: null }, select: { id: true } });
  if (!installation) return created;

  // Six monthly invoices, paid on the 3rd (this month's on the 1st: still in its holding period).
  const version = await db.appVersion.findUniqueOrThrow({ where: { id: app.liveVersionId }, select: { pricing: true, priceCurrency: true, monthlyFeeCents: true, per1000CallsCents: true, includedCalls: true } });
  const pricing = { ...version, pricing: version.pricing as 'hybrid' };
  const planCents = PLAN_CATALOG.find((plan) => plan.id === 'enterprise')!.priceCents;
  for (let months = MONTHLY_CALLS.length - 1; months >= 0; months -= 1) {
    const paidAt = new Date(Math.min(monthsAgo(now, months, months === 0 ? 1 : 3).getTime(), now.getTime()));
    const feeCents = version.monthlyFeeCents ?? 0;
    const usageCents = billedCallBlocks(pricing, MONTHLY_CALLS[MONTHLY_CALLS.length - 1 - months]) * (version.per1000CallsCents ?? 0);
    const lines = [
      { amountCents: planCents, appId: null },
      { amountCents: feeCents, appId: app.id },
      ...(usageCents > 0 ? [{ amountCents: usageCents, appId: app.id }] : []),
    ];
    const result = await creditCommissionsForInvoice({
      tenantId: tenant.id,
      invoiceId: `in_demo_${DEMO_WORKSPACE}_${paidAt.toISOString().slice(0, 7).replace('-', '')}`,
      amountCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
      planId: 'enterprise',
      paidAt,
      lines,
    });
    created += result.created;
  }
  await approveDueCommissions(now);

  // What the daily payout job and the operator would have done by now: a payout for the month
  // before last (the approved earnings available by its end), paid by bank transfer.
  const partnerId = (await db.marketplaceApp.findUniqueOrThrow({ where: { id: app.id }, select: { partnerId: true } })).partnerId;
  const paidPeriod = previousMonth(monthsAgo(now, 1, 1));
  if (!(await db.payout.findUnique({ where: { partnerId_periodStart_currency: { partnerId, periodStart: paidPeriod.start, currency: 'usd' } }, select: { id: true } }))) {
    const payout = await createPayoutFor({ kind: 'partner', id: partnerId }, paidPeriod);
    if (payout) {
      await recordManualPayout({ userId: operator.id, email: DEMO_OPERATOR.email, role: 'owner' }, payout.payoutId, { reference: 'DEMO-NORTHSTAR-0001' });
      created++;
    }
  }

  // An open ticket from acme's admin, waiting for the partner's first answer (opened two hours ago).
  const ticketed = await db.supportTicket.findFirst({ where: { kind: 'workspace_partner', tenantId: tenant.id, appId: app.id, subject: DEMO_TICKET.subject }, select: { id: true } });
  if (!ticketed) {
    const context = await loadTenantById(tenant.id);
    const admin = await demoMember(tenant.id, DEMO_INSTALLER);
    if (context && admin) {
      await openWorkspaceTicket(context, admin, installation.id, { subject: DEMO_TICKET.subject, description: DEMO_TICKET.description, priority: DEMO_TICKET.priority }, [], new Date(now.getTime() - 2 * 3_600_000));
      await backgroundTasksSettled();
      created++;
    }
  }
  return created;
}

export async function demoMember(tenantId: string, email: string): Promise<Member | null> {
  const membership = await db.membership.findFirst({ where: { tenantId, user: { email } }, select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } } });
  return membership && { userId: membership.user.id, email: membership.user.email, name: membership.user.name, role: membership.role, membershipId: membership.id };
}
