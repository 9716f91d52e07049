import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import type { CommissionStatus } from '../../lib/db/generated/enums.ts';
import { recordManualPayout } from '../../lib/payouts/manual.ts';
import { payByStripe } from '../../lib/payouts/pay-by-stripe.ts';
import { previousMonth } from '../../lib/payouts/period.ts';
import { createPayoutFor as createPayout, runPayouts } from '../../lib/payouts/run-payouts.ts';
import { setResellerStripe } from '../../lib/resellers/stripe-gateway.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { clientOf, createReseller, invoiceId, operator, type TestReseller } from '../support/resellers.ts';
import { failure } from '../support/workspace.ts';

// Payout runs here pay "January 2001" (now = mid-February 2001): only the commissions these
// tests make are that old, so runs of the whole table do not reach other test files' rows.
const NOW = new Date(Date.UTC(2001, 1, 15, 6));
const JANUARY = previousMonth(NOW);
const IN_JANUARY = new Date(Date.UTC(2001, 0, 10));

let fake: FakeStripe;
let transferFailure: { status: number; type: string } | null = null;

beforeAll(async () => {
  fake = await startFakeStripe();
  fake.override((request) => {
    if (request.method !== 'POST' || request.path !== '/v1/transfers') return undefined;
    if (transferFailure) return { status: transferFailure.status, body: { error: { type: transferFailure.type, message: 'fake refusal' } } };
    return { body: { id: `tr_${String(request.headers['idempotency-key']).replace(/\W/g, '')}`, object: 'transfer', amount: Number(request.form.amount), destination: request.form.destination } };
  });
  const url = new URL(fake.url);
  const client = new Stripe('sk_test_resellers', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  setResellerStripe(() => client);
});

afterAll(async () => {
  setResellerStripe(undefined);
  await fake.close();
});

async function commission(reseller: TestReseller, amountCents: number, options: { status?: CommissionStatus; availableAt?: Date; kind?: string } = {}) {
  const client = await clientOf(reseller);
  const invoice = invoiceId();
  return db.commission.create({
    data: {
      resellerId: reseller.id,
      tenantId: client.id,
      sourceId: invoice,
      invoiceId: invoice,
      kind: options.kind ?? 'sale',
      planId: 'pro',
      saleCents: Math.abs(amountCents) * 5,
      baseCents: Math.abs(amountCents) * 5,
      rateBps: 2000,
      amountCents,
      level: 0,
      status: options.status ?? 'approved',
      availableAt: options.availableAt ?? IN_JANUARY,
      approvedAt: (options.status ?? 'approved') === 'approved' ? IN_JANUARY : null,
    },
  });
}

/** The shared payout module, for a reseller. */
const createPayoutFor = (resellerId: string, period: typeof JANUARY) => createPayout({ kind: 'reseller', id: resellerId }, period);

describe('payouts', () => {
  it('groups approved, unpaid commissions available before the period ends, only once the total reaches the minimum', async () => {
    const reseller = await createReseller({ payoutMinimumCents: 5000 });
    const a = await commission(reseller, 3000);
    const b = await commission(reseller, 1500, { availableAt: new Date(Date.UTC(2000, 11, 5)) }); // an earlier month, carried over
    // Still in its holding period (and dated ahead, so no approval run anywhere touches it).
    const pending = await commission(reseller, 9000, { status: 'pending', availableAt: new Date(Date.now() + 365 * 24 * 60 * 60_000) });
    const later = await commission(reseller, 9000, { availableAt: new Date(Date.UTC(2001, 1, 2)) }); // after the period
    const reversed = await commission(reseller, 9000, { status: 'reversed' });

    expect(await createPayoutFor(reseller.id, JANUARY)).toBeNull(); // 45.00 < 50.00
    const c = await commission(reseller, 1000);
    const clawback = await commission(reseller, -200, { kind: 'reversal' });
    const payout = await createPayoutFor(reseller.id, JANUARY);
    expect(payout).toMatchObject({ resellerId: reseller.id, totalCents: 5300, method: 'manual', commissions: 4 });

    const rows = await db.commission.findMany({ where: { resellerId: reseller.id } });
    const payoutOf = (id: string) => rows.find((r) => r.id === id)!.payoutId;
    for (const id of [a.id, b.id, c.id, clawback.id]) expect(payoutOf(id)).toBe(payout!.payoutId);
    for (const id of [pending.id, later.id, reversed.id]) expect(payoutOf(id)).toBeNull();
    const stored = await db.payout.findUniqueOrThrow({ where: { id: payout!.payoutId } });
    expect(stored).toMatchObject({ status: 'pending', periodStart: JANUARY.start, periodEnd: JANUARY.end, totalCents: 5300 });

    // One payout per reseller and period: a second run for January makes nothing, even with more to pay.
    await commission(reseller, 8000);
    expect(await createPayoutFor(reseller.id, JANUARY)).toBeNull();
    expect(await db.payout.count({ where: { resellerId: reseller.id } })).toBe(1);
  });

  it('a suspended reseller is not paid', async () => {
    const reseller = await createReseller({ status: 'suspended' });
    await commission(reseller, 9000);
    expect(await createPayoutFor(reseller.id, JANUARY)).toBeNull();
  });

  it('two concurrent payout runs: one payout per reseller, each commission in exactly one payout', async () => {
    const resellers = await Promise.all([createReseller(), createReseller(), createReseller()]);
    for (const reseller of resellers) for (const amount of [2500, 2500, 1000]) await commission(reseller, amount);
    const runs = await Promise.all([runPayouts({ now: NOW }), runPayouts({ now: NOW }), runPayouts({ now: NOW })]);
    const ids = resellers.map((r) => r.id);
    const created = runs.flatMap((run) => run.created).filter((p) => ids.includes(p.payee.id));
    expect(created).toHaveLength(3);
    for (const reseller of resellers) {
      const payouts = await db.payout.findMany({ where: { resellerId: reseller.id } });
      expect(payouts).toHaveLength(1);
      const rows = await db.commission.findMany({ where: { resellerId: reseller.id } });
      expect(rows.every((r) => r.payoutId === payouts[0].id)).toBe(true);
      expect(payouts[0].totalCents).toBe(6000);
    }
  });

  it('concurrent runs for two different periods never put one commission in two payouts', async () => {
    const reseller = await createReseller();
    for (let i = 0; i < 10; i += 1) await commission(reseller, 1000);
    const february = previousMonth(new Date(Date.UTC(2001, 2, 15)));
    const [x, y] = await Promise.all([createPayoutFor(reseller.id, JANUARY), createPayoutFor(reseller.id, february)]);
    const made = [x, y].filter((p) => p !== null);
    expect(made).toHaveLength(1);
    const rows = await db.commission.findMany({ where: { resellerId: reseller.id } });
    expect(rows.every((r) => r.payoutId === made[0]!.payoutId)).toBe(true);
    expect(made[0]!.totalCents).toBe(10_000);
  });

  it('pays by Stripe Connect transfer, keyed by the payout id; a transient failure is retried by the next run with the same key', async () => {
    const reseller = await createReseller({ stripeConnectAccountId: 'acct_1Connected' });
    await commission(reseller, 4000);
    await commission(reseller, 2000);

    transferFailure = { status: 500, type: 'api_error' };
    const first = await runPayouts({ now: NOW });
    const made = first.created.find((p) => p.resellerId === reseller.id)!;
    expect(made).toMatchObject({ method: 'stripe_connect', totalCents: 6000 });
    expect((await db.payout.findUniqueOrThrow({ where: { id: made.payoutId } })).status).toBe('pending');

    transferFailure = null;
    const second = await runPayouts({ now: NOW });
    expect(second.paid).toContain(made.payoutId);
    const payout = await db.payout.findUniqueOrThrow({ where: { id: made.payoutId } });
    expect(payout.status).toBe('paid');
    expect(payout.stripeTransferId).toBeTruthy();
    expect(payout.paidAt).toEqual(NOW);
    const rows = await db.commission.findMany({ where: { resellerId: reseller.id } });
    expect(rows.every((r) => r.status === 'paid' && r.payoutId === made.payoutId)).toBe(true);

    const transfers = fake.calls('POST', '/v1/transfers').filter((r) => r.form.destination === 'acct_1Connected');
    expect(transfers.length).toBe(2);
    for (const transfer of transfers) {
      expect(transfer.headers['idempotency-key']).toBe(`payout:${made.payoutId}`);
      expect(transfer.form).toMatchObject({ amount: '6000', currency: 'usd', 'metadata[waypoint_payout]': made.payoutId });
    }
  });

  it('a transfer Stripe refuses fails the payout and releases its commissions', async () => {
    const reseller = await createReseller({ stripeConnectAccountId: 'acct_1Refused' });
    await commission(reseller, 7000);
    transferFailure = { status: 400, type: 'invalid_request_error' };
    try {
      const made = await createPayoutFor(reseller.id, JANUARY);
      expect(await payByStripe(made!.payoutId, NOW)).toBe('failed');
      expect((await db.payout.findUniqueOrThrow({ where: { id: made!.payoutId } })).status).toBe('failed');
      expect((await db.commission.findMany({ where: { resellerId: reseller.id } })).every((r) => r.payoutId === null && r.status === 'approved')).toBe(true);
    } finally {
      transferFailure = null;
    }
  });

  it('a manual payout stays pending until the operator records its reference; then it and its commissions are paid', async () => {
    const reseller = await createReseller();
    await commission(reseller, 6000);
    const made = await createPayoutFor(reseller.id, JANUARY);
    expect(made?.method).toBe('manual');
    const op = await operator();
    expect((await failure(recordManualPayout(op, made!.payoutId, { reference: '' }))).status).toBe(422);
    const recorded = await recordManualPayout(op, made!.payoutId, { reference: 'SEPA 2001-02-16 #4411' });
    expect(recorded).toMatchObject({ status: 'paid', reference: 'SEPA 2001-02-16 #4411' });
    expect((await db.commission.findMany({ where: { resellerId: reseller.id } })).every((r) => r.status === 'paid' && r.paidAt !== null)).toBe(true);
    expect((await failure(recordManualPayout(op, made!.payoutId, { reference: 'again' }))).status).toBe(409);
    expect((await failure(recordManualPayout(op, 'no-such-payout', { reference: 'x1' }))).status).toBe(404);
  });
});
