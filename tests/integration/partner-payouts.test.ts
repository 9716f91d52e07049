import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as statementRoute from '../../app/api/partner/statements/[month]/route.ts';
import * as tierRoute from '../../app/api/operator/partner-tiers/[tierId]/route.ts';
import * as termsRoute from '../../app/api/operator/partners/[partnerId]/terms/route.ts';
import { db } from '../../lib/db/client.ts';
import { creditCommissionsForInvoice } from '../../lib/earnings/credit-invoice.ts';
import { reverseCommissionsForRefund } from '../../lib/earnings/reverse-refund.ts';
import { monthlyStatement, partnerBalance, statementMonths, statementMonthsByCurrency } from '../../lib/payouts/partner-earnings.ts';
import { PARTNER_STATEMENT_HEADER } from '../../lib/payouts/statement-csv.ts';
import { callRoute, type AppCall, type RouteHandlerFn } from '../support/app-client.ts';
import { createTenant } from '../support/factories.ts';
import { addPartnerUser, createApp, createPartner } from '../support/marketplace-fixtures.ts';
import { invoiceId, operator } from '../support/resellers.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure } from '../support/workspace.ts';

// What a partner sees of its money (balance, monthly statements, CSV), who may see it, and the
// operator's settings of partners' money (tier, payout terms, the tiers' fees), over HTTP as
// the pages call them.

const ROOT = 'localhost:3100';
const onRoot = (handler: RouteHandlerFn, call: Omit<AppCall, 'host' | 'tenantId'>) => callRoute(handler, { ...call, host: ROOT, tenantId: null });

/** A partner with an app on its own product, and sales in March 2030 (one refunded by half in April). */
async function partnerWithRevenue() {
  const partner = await createPartner();
  const app = await createApp(partner, { name: `Ledger ${randomBytes(2).toString('hex')}` });
  const workspace = await createTenant({ name: '=cmd|calc' }); // a name a spreadsheet would run
  const march = new Date(Date.UTC(2030, 2, 10, 12));
  const first = invoiceId();
  const second = invoiceId();
  await creditCommissionsForInvoice({ tenantId: workspace.id, invoiceId: first, amountCents: 4900, paidAt: march, lines: [{ amountCents: 4900, appId: app.id }] });
  await creditCommissionsForInvoice({ tenantId: workspace.id, invoiceId: second, amountCents: 1001, paidAt: new Date(Date.UTC(2030, 2, 20)), lines: [{ amountCents: 1001, appId: app.id }] });
  await reverseCommissionsForRefund({ invoiceId: first, refundId: `re_${first}`, amountCents: 2450, at: new Date(Date.UTC(2030, 3, 2)) });
  return { partner, app, workspace, first, second };
}

describe("a partner's balance and statements", () => {
  it('month by month: sales in the month they were paid, refunds in the month of the refund; exact cents', async () => {
    const { partner } = await partnerWithRevenue();
    const months = await statementMonths(partner.actor);
    // 80% of $49.00 = $39.20 and of $10.01 = $8.00 (8.008 → 8.00); half of $39.20 back in April.
    expect(months).toEqual([
      { month: '2030-04', start: new Date(Date.UTC(2030, 3, 1)), grossCents: 0, salesCents: 0, reversalsCents: -1960, netCents: -1960, lines: 1 },
      { month: '2030-03', start: new Date(Date.UTC(2030, 2, 1)), grossCents: 5901, salesCents: 4720, reversalsCents: 0, netCents: 4720, lines: 2 },
    ]);
    const march = await monthlyStatement(partner.actor, '2030-03');
    expect(march).toMatchObject({ grossCents: 5901, salesCents: 4720, netCents: 4720 });
    expect(march.lines.map((line) => [line.kind, line.baseCents, line.rateBps, line.amountCents, line.status])).toEqual([
      ['sale', 4900, 8000, 3920, 'pending'],
      ['sale', 1001, 8000, 800, 'pending'],
    ]);
    expect(await partnerBalance(partner.actor)).toMatchObject({ pendingCents: 4720 - 1960, availableCents: 0, paidCents: 0, tierName: 'Standard', platformFeeBps: 2000 });
  });

  it('amounts in different currencies stay apart: the balance, the months and a statement per currency', async () => {
    const { partner, app, workspace } = await partnerWithRevenue();
    await creditCommissionsForInvoice({ tenantId: workspace.id, invoiceId: invoiceId(), amountCents: 1000, currency: 'eur', paidAt: new Date(Date.UTC(2030, 2, 15)), lines: [{ amountCents: 1000, appId: app.id }] });
    expect((await partnerBalance(partner.actor)).byCurrency).toEqual([
      { currency: 'eur', pendingCents: 800, availableCents: 0, inPayoutCents: 0, paidCents: 0 },
      { currency: 'usd', pendingCents: 4720 - 1960, availableCents: 0, inPayoutCents: 0, paidCents: 0 },
    ]);
    const march = [
      { currency: 'eur', grossCents: 1000, salesCents: 800, reversalsCents: 0, netCents: 800 },
      { currency: 'usd', grossCents: 5901, salesCents: 4720, reversalsCents: 0, netCents: 4720 },
    ];
    expect(await statementMonthsByCurrency(partner.actor)).toEqual([
      { month: '2030-04', currencies: [{ currency: 'usd', grossCents: 0, salesCents: 0, reversalsCents: -1960, netCents: -1960 }] },
      { month: '2030-03', currencies: march },
    ]);
    const statement = await monthlyStatement(partner.actor, '2030-03');
    expect(statement.totals).toEqual(march);
    expect(statement.lines.map((line) => line.currency).sort()).toEqual(['eur', 'usd', 'usd']);
  });

  it('developers do not see money; another partner sees none of it', async () => {
    const { partner } = await partnerWithRevenue();
    const developer = await addPartnerUser(partner.id, 'developer');
    expect((await failure(partnerBalance(developer))).status).toBe(403);
    expect((await failure(monthlyStatement(developer, '2030-03'))).status).toBe(403);
    const billing = await addPartnerUser(partner.id, 'billing');
    expect((await monthlyStatement(billing, '2030-03')).lines).toHaveLength(2);
    const other = await createPartner();
    expect(await statementMonths(other.actor)).toEqual([]);
    expect((await monthlyStatement(other.actor, '2030-03')).lines).toEqual([]);
    expect((await failure(monthlyStatement(partner.actor, '2030-13'))).status).toBe(404);
  });

  it('the CSV statement: owners and billing contacts only, exact amounts, spreadsheet formulas neutralized', async () => {
    const { partner, app, first } = await partnerWithRevenue();
    const cookie = await sessionCookie(partner.actor.userId, null);
    const answer = await onRoot(statementRoute.GET, { path: '/api/partner/statements/2030-03', params: { month: '2030-03' }, cookie });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toContain('waypoint-partner-statement-2030-03.csv');
    const rows = answer.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe(PARTNER_STATEMENT_HEADER.join(','));
    expect(rows[1]).toBe(`2030-03-10,sale,${app.name},'=cmd|calc,${first},${first},USD,49.00,49.00,80.00,39.20,pending,`);
    expect(rows.at(-1)).toBe('total,,,,,,USD,,59.01,,47.20,,');

    const april = await onRoot(statementRoute.GET, { path: '/api/partner/statements/2030-04', params: { month: '2030-04' }, cookie });
    expect(april.text).toContain(',-19.60,');

    const developer = await addPartnerUser(partner.id, 'developer');
    const denied = await onRoot(statementRoute.GET, { path: '/api/partner/statements/2030-03', params: { month: '2030-03' }, cookie: await sessionCookie(developer.userId, null) });
    expect(denied.status).toBe(403);
    expect((await onRoot(statementRoute.GET, { path: '/api/partner/statements/march', params: { month: 'march' }, cookie })).status).toBe(404);
    expect((await onRoot(statementRoute.GET, { path: '/api/partner/statements/2030-03', params: { month: '2030-03' } })).status).toBe(401);
  });
});

describe("the operator's settings of partners' money", () => {
  it("sets a partner's tier and payout terms (audited, every bad input a 4xx); new invoices use the new fee", async () => {
    const { partner, app, workspace } = await partnerWithRevenue();
    const op = await operator();
    const cookie = await sessionCookie(op.userId, null);
    const patch = (json: unknown, partnerId = partner.id) => onRoot(termsRoute.PATCH, { method: 'PATCH', path: `/api/operator/partners/${partnerId}/terms`, params: { partnerId }, cookie, json });

    expect((await patch({ stripeConnectAccountId: 'ba_123' })).body).toMatchObject({ code: 'validation_failed', errors: { stripeConnectAccountId: expect.any(String) } });
    expect((await patch({ payoutMinimumCents: -1 })).status).toBe(422);
    expect((await patch({ holdingDays: 366 })).status).toBe(422);
    expect((await patch({ tierId: 'platinum' })).body).toMatchObject({ errors: { tierId: 'No such tier.' } });
    expect((await patch({})).status).toBe(422);
    expect((await patch({ tierId: 'premier' }, 'nosuchpartner')).status).toBe(404);
    const partnerCookie = await sessionCookie(partner.actor.userId, null);
    expect((await onRoot(termsRoute.PATCH, { method: 'PATCH', path: `/api/operator/partners/${partner.id}/terms`, params: { partnerId: partner.id }, cookie: partnerCookie, json: { tierId: 'premier' } })).status).toBe(403);

    const saved = await patch({ tierId: 'premier', stripeConnectAccountId: 'acct_1Partner', payoutMinimumCents: 2500, holdingDays: 14 });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.terms).toEqual({ tierId: 'premier', stripeConnectAccountId: 'acct_1Partner', payoutMinimumCents: 2500, holdingDays: 14 });
    const audit = await db.platformAuditLog.findFirstOrThrow({ where: { action: 'partner.terms_changed', targetId: partner.id } });
    expect(audit).toMatchObject({ actorId: op.userId, metadata: { before: { tierId: 'standard', holdingDays: 30 }, after: { tierId: 'premier', holdingDays: 14 } } });

    // Premier keeps 15%: the partner earns 85% of the next invoice.
    const invoice = invoiceId();
    const result = await creditCommissionsForInvoice({ tenantId: workspace.id, invoiceId: invoice, amountCents: 1000, paidAt: new Date(), lines: [{ amountCents: 1000, appId: app.id }] });
    expect(result.partnerShares.map((share) => [share.rateBps, share.amountCents])).toEqual([[8500, 850]]);
  });

  it("edits a tier's fee and support targets (audited, validated)", async () => {
    const op = await operator();
    const cookie = await sessionCookie(op.userId, null);
    const tierId = `t${randomBytes(4).toString('hex')}`;
    await db.partnerTier.create({ data: { id: tierId, name: 'Trial tier', platformFeeBps: 3000 } });
    const patch = (json: unknown, id = tierId) => onRoot(tierRoute.PATCH, { method: 'PATCH', path: `/api/operator/partner-tiers/${id}`, params: { tierId: id }, cookie, json });
    expect((await patch({ platformFeeBps: 10_001 })).status).toBe(422);
    expect((await patch({ platformFeeBps: 12.5 })).status).toBe(422);
    expect((await patch({ firstResponseMinutes: 0 })).status).toBe(422);
    expect((await patch({ bogus: 1 })).status).toBe(422);
    expect((await patch({ platformFeeBps: 1000 }, 'nosuchtier')).status).toBe(404);
    const saved = await patch({ name: 'Growth', platformFeeBps: 1250, firstResponseMinutes: 120, resolutionMinutes: 1440 });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.tier).toEqual({ id: tierId, name: 'Growth', platformFeeBps: 1250, firstResponseMinutes: 120, resolutionMinutes: 1440 });
    expect(await db.platformAuditLog.count({ where: { action: 'partner_tier.updated', targetId: tierId } })).toBe(1);
  });
});
