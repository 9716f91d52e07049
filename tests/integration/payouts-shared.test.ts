import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { recordManualPayout } from '../../lib/payouts/manual.ts';
import { listPayoutsForOperator } from '../../lib/payouts/operator-payouts.ts';
import type { Payee } from '../../lib/payouts/payee.ts';
import { payByStripe } from '../../lib/payouts/pay-by-stripe.ts';
import { previousMonth } from '../../lib/payouts/period.ts';
import { createPayoutFor, runPayouts } from '../../lib/payouts/run-payouts.ts';
import { setResellerStripe } from '../../lib/resellers/stripe-gateway.ts';
import { createTenant } from '../support/factories.ts';
import { createApp, createPartner } from '../support/marketplace-fixtures.ts';
import { createReseller, invoiceId, operator } from '../support/resellers.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { failure } from '../support/workspace.ts';

// One payout module for resellers and partners (lib/payouts): the same grouping, locking,
// minimum, Stripe transfer and manual recording for both payee kinds.
//
// These runs pay "January 2031" (now = mid-February 2031): only this file's rows are that
// far ahead, and its runs are for partners only (resellers-payouts.test.ts pays January 2001
// in parallel), so the files never take each other's rows.
const NOW = new Date(Date.UTC(2031, 1, 15, 6));
const JANUARY = previousMonth(NOW);
const IN_JANUARY = new Date(Date.UTC(2031, 0, 10));

let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  fake.override((request) => {
    if (request.method !== 'POST' || request.path !== '/v1/transfers') return undefined;
    return { body: { id: `tr_${String(request.headers['idempotency-key']).replace(/\W/g, '')}`, object: 'transfer', amount: Number(request.form.amount), destination: request.form.destination } };
  });
});

afterAll(async () => {
  setResellerStripe(undefined);
  await fake.close();
});

/** An approved earning row of the payee (a reseller's commission or a partner's revenue share). */
async function earning(payee: Payee, amountCents: number, appId?: string) {
  const tenant = await createTenant();
  const invoice = invoiceId();
  return db.commission.create({
    data: {
      ...(payee.kind === 'reseller' ? { resellerId: payee.id } : { partnerId: payee.id, appId }),
      tenantId: tenant.id,
      sourceId: invoice,
      invoiceId: invoice,
      kind: amountCents < 0 ? 'reversal' : 'sale',
      saleCents: Math.abs(amountCents) * 5,
      baseCents: Math.abs(amountCents) * 2,
      rateBps: 8000,
      amountCents,
      level: 0,
      status: 'approved',
      availableAt: IN_JANUARY,
      approvedAt: IN_JANUARY,
    },
  });
}

async function partnerPayee(options: { minimum?: number; connect?: string; status?: 'active' | 'suspended' } = {}) {
  const partner = await createPartner({ status: options.status ?? 'active' });
  await db.partner.update({ where: { id: partner.id }, data: { payoutMinimumCents: options.minimum ?? 5000, stripeConnectAccountId: options.connect ?? null } });
  const app = await createApp(partner);
  return { payee: { kind: 'partner', id: partner.id } as Payee, app, partner };
}

describe('one payout module for resellers and partners', () => {
  it('the same grouping for both kinds: approved, unpaid, available before the period ends, clawbacks deducted, only from the minimum', async () => {
    const reseller = await createReseller({ payoutMinimumCents: 5000 });
    const { payee: partner, app } = await partnerPayee({ minimum: 5000 });
    for (const payee of [{ kind: 'reseller', id: reseller.id } as Payee, partner]) {
      await earning(payee, 3000, app.id);
      await earning(payee, 1500, app.id);
      expect(await createPayoutFor(payee, JANUARY)).toBeNull(); // $45 < $50
      await earning(payee, 1000, app.id);
      await earning(payee, -200, app.id);
      const made = await createPayoutFor(payee, JANUARY);
      expect(made).toMatchObject({ payee, totalCents: 5300, method: 'manual', commissions: 4 });
      // Once per payee and period.
      await earning(payee, 9000, app.id);
      expect(await createPayoutFor(payee, JANUARY)).toBeNull();
      const where = payee.kind === 'reseller' ? { resellerId: payee.id } : { partnerId: payee.id };
      expect(await db.payout.count({ where })).toBe(1);
      expect(await db.commission.count({ where: { ...where, payoutId: made!.payoutId } })).toBe(4);
    }
  });

  it('a suspended partner is not paid; its earnings wait', async () => {
    const { payee, app } = await partnerPayee({ status: 'suspended' });
    await earning(payee, 9000, app.id);
    expect(await createPayoutFor(payee, JANUARY)).toBeNull();
  });

  it('concurrent runs (and a reseller payout at the same time) never put one credit in two payouts', async () => {
    const partners = await Promise.all([partnerPayee(), partnerPayee(), partnerPayee()]);
    for (const { payee, app } of partners) for (const amount of [2500, 2500, 1000]) await earning(payee, amount, app.id);
    const reseller: Payee = { kind: 'reseller', id: (await createReseller()).id };
    for (const amount of [3000, 3000]) await earning(reseller, amount);
    await Promise.all([
      runPayouts({ now: NOW, kinds: ['partner'] }),
      runPayouts({ now: NOW, kinds: ['partner'] }),
      createPayoutFor(partners[0].payee, JANUARY),
      createPayoutFor(reseller, JANUARY),
      createPayoutFor(reseller, JANUARY),
    ]);
    for (const payee of [...partners.map((p) => p.payee), reseller]) {
      const where = payee.kind === 'reseller' ? { resellerId: payee.id } : { partnerId: payee.id };
      const payouts = await db.payout.findMany({ where });
      expect(payouts).toHaveLength(1);
      const rows = await db.commission.findMany({ where });
      expect(rows.every((row) => row.payoutId === payouts[0].id)).toBe(true);
      expect(payouts[0].totalCents).toBe(rows.reduce((sum, row) => sum + row.amountCents, 0));
    }
  });

  it("pays a partner with a connected account by Stripe Connect transfer, keyed by the payout id", async () => {
    const url = new URL(fake.url);
    setResellerStripe(() => new Stripe('sk_test_payouts', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false }));
    try {
      const { payee, app } = await partnerPayee({ connect: 'acct_1PartnerPaid' });
      await earning(payee, 6000, app.id);
      const made = await createPayoutFor(payee, JANUARY);
      expect(made?.method).toBe('stripe_connect');
      expect(await payByStripe(made!.payoutId, NOW)).toBe('paid');
      expect(await db.payout.findUniqueOrThrow({ where: { id: made!.payoutId } })).toMatchObject({ status: 'paid', partnerId: payee.id, stripeTransferId: `tr_payout${made!.payoutId}` });
      const [transfer] = fake.calls('POST', '/v1/transfers').filter((r) => r.form.destination === 'acct_1PartnerPaid');
      expect(transfer.headers['idempotency-key']).toBe(`payout:${made!.payoutId}`);
      expect(transfer.form).toMatchObject({ amount: '6000', currency: 'usd', 'metadata[waypoint_payout]': made!.payoutId, 'metadata[waypoint_partner]': payee.id });
      expect((await db.commission.findMany({ where: { partnerId: payee.id } })).every((row) => row.status === 'paid')).toBe(true);
    } finally {
      setResellerStripe(undefined);
    }
  });

  it("the operator records a partner's manual payout (audited); the list shows both kinds", async () => {
    const { payee, app, partner } = await partnerPayee();
    await earning(payee, 7000, app.id);
    const made = await createPayoutFor(payee, JANUARY);
    const op = await operator();
    expect((await failure(recordManualPayout(op, made!.payoutId, { reference: 'x' }))).status).toBe(422);
    expect(await recordManualPayout(op, made!.payoutId, { reference: 'ACH 2031-02-16 #77' })).toMatchObject({ status: 'paid' });
    expect((await failure(recordManualPayout(op, made!.payoutId, { reference: 'again' }))).status).toBe(409);
    const audit = await db.platformAuditLog.findFirstOrThrow({ where: { action: 'payout.recorded', targetId: made!.payoutId } });
    expect(audit).toMatchObject({ actorId: op.userId, targetType: 'payout' });
    const listed = await listPayoutsForOperator({ kind: 'partner' });
    expect(listed.find((row) => row.id === made!.payoutId)).toMatchObject({ payee: { kind: 'partner', name: partner.name }, status: 'paid', reference: 'ACH 2031-02-16 #77' });
    expect((await listPayoutsForOperator({ kind: 'reseller' })).every((row) => row.payee.kind === 'reseller')).toBe(true);
  });
});
