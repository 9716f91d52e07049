import { NextRequest } from 'next/server';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../app/api/webhooks/stripe/route.ts';
import { db } from '../../lib/db/client.ts';
import { earningsSummary, recentCommissions } from '../../lib/resellers/dashboard.ts';
import { clientOf, createReseller, invoiceId } from '../support/resellers.ts';

// The Stripe webhook end to end for resellers: signed events (generateTestHeaderString), the
// billing module's verification and deduplication, then the reseller hook.

const SECRET = 'whsec_resellers_test_secret';
const previousSecret = process.env.STRIPE_WEBHOOK_SECRET;
let sequence = 0;

beforeAll(() => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
});
afterAll(() => {
  if (previousSecret === undefined) delete process.env.STRIPE_WEBHOOK_SECRET;
  else process.env.STRIPE_WEBHOOK_SECRET = previousSecret;
});

function event(type: string, object: Record<string, unknown>, id = `evt_resellers_${Date.now()}_${++sequence}`) {
  return { id, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), type, livemode: false, pending_webhooks: 1, request: { id: null }, data: { object } };
}

async function deliver(payload: object): Promise<{ status: number; body: { outcome?: string } }> {
  const raw = JSON.stringify(payload);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload: raw, secret: SECRET });
  const request = new NextRequest('http://localhost:3100/api/webhooks/stripe', { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
  const response = await POST(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

function paidInvoice(tenantId: string, id = invoiceId(), amountPaid = 10_000) {
  return {
    id,
    object: 'invoice',
    customer: `cus_${id}`,
    amount_paid: amountPaid,
    status: 'paid',
    status_transitions: { paid_at: Math.floor(Date.now() / 1000) },
    parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_x', metadata: { tenantId } } },
    lines: { object: 'list', data: [] },
  };
}

describe('the Stripe webhook and reseller commissions', () => {
  it('a signed invoice.paid for a reseller client credits the cascade once, however often it is delivered', async () => {
    const parent = await createReseller({ rateBps: 2000 });
    const seller = await createReseller({ parent, rateBps: 1500 });
    const client = await clientOf(seller, { plan: 'pro' });
    const invoice = paidInvoice(client.id);
    const paid = event('invoice.paid', invoice);

    expect(await deliver(paid)).toEqual({ status: 200, body: { received: true, outcome: 'invoice_marked_paid' } });
    const rows = await db.commission.findMany({ where: { invoiceId: invoice.id }, orderBy: { level: 'asc' } });
    expect(rows.map((r) => [r.resellerId, r.amountCents, r.planId])).toEqual([
      [seller.id, 1500, 'pro'],
      [parent.id, 1700, 'pro'],
    ]);

    // The same event again, and the same invoice in another event: still credited once.
    expect((await deliver(paid)).body.outcome).toBe('duplicate');
    expect((await deliver(event('invoice.paid', invoice))).status).toBe(200);
    await Promise.all([deliver(event('invoice.paid', invoice)), deliver(event('invoice.paid', invoice))]);
    expect(await db.commission.count({ where: { invoiceId: invoice.id } })).toBe(2);
  });

  it('a bad signature changes nothing', async () => {
    const seller = await createReseller();
    const client = await clientOf(seller);
    const invoice = paidInvoice(client.id);
    const raw = JSON.stringify(event('invoice.paid', invoice));
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: raw, secret: 'whsec_wrong' });
    const response = await POST(new NextRequest('http://localhost:3100/api/webhooks/stripe', { method: 'POST', body: raw, headers: { 'stripe-signature': signature } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    expect(await db.commission.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it('invoice.paid for a workspace without a reseller credits nobody', async () => {
    const direct = await db.tenant.create({ data: { slug: `direct-${Date.now()}-${++sequence}`, name: 'Direct', plan: 'pro', branding: { create: {} } } });
    const invoice = paidInvoice(direct.id);
    expect((await deliver(event('invoice.paid', invoice))).status).toBe(200);
    expect(await db.commission.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it('charge.refunded and credit_note.created reverse the commissions (replays applied once)', async () => {
    const seller = await createReseller({ rateBps: 2000 });
    const client = await clientOf(seller);
    const invoice = paidInvoice(client.id);
    await deliver(event('invoice.paid', invoice));
    await db.commission.updateMany({ where: { invoiceId: invoice.id }, data: { status: 'paid' } });

    const charge = {
      id: `ch_${invoice.id}`,
      object: 'charge',
      invoice: invoice.id,
      payment_intent: null,
      amount: 10_000,
      amount_refunded: 2500,
      refunded: false,
      refunds: { object: 'list', data: [{ id: `re_${invoice.id}`, object: 'refund', amount: 2500, status: 'succeeded', created: Math.floor(Date.now() / 1000) }] },
    };
    const refunded = event('charge.refunded', charge);
    // Each answer names what was done: the reversal, then nothing for the replays.
    expect(await deliver(refunded)).toEqual({ status: 200, body: { received: true, outcome: 'commission_reversed' } });
    expect((await deliver(refunded)).body.outcome).toBe('duplicate');
    expect((await deliver(event('charge.refunded', charge))).body.outcome).toBe('ignored_nothing_to_reverse');
    const note = { id: `cn_${invoice.id}`, object: 'credit_note', invoice: invoice.id, status: 'issued', total: 5000, created: Math.floor(Date.now() / 1000), refunds: [] };
    const credited = event('credit_note.created', note);
    expect((await deliver(credited)).body.outcome).toBe('commission_reversed');
    expect((await deliver(event('credit_note.created', note))).body.outcome).toBe('ignored_nothing_to_reverse');
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: refunded.id } })).toMatchObject({ outcome: 'commission_reversed' });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: credited.id } })).toMatchObject({ outcome: 'commission_reversed' });

    const reversals = await db.commission.findMany({ where: { invoiceId: invoice.id, kind: 'reversal' }, orderBy: { sourceId: 'desc' } });
    // 25% (the refund) and 50% (the credit note) of the $20 commission.
    expect(reversals.map((r) => [r.sourceId, r.amountCents, r.status])).toEqual([
      [`re_${invoice.id}`, -500, 'approved'],
      [`cn_${invoice.id}`, -1000, 'approved'],
    ]);
  });
});

describe('a fully refunded sale', () => {
  it("nets to zero in every reseller's lines and earnings, each override line showing its base", async () => {
    const parent = await createReseller({ rateBps: 2000 });
    const seller = await createReseller({ parent, rateBps: 1500 });
    const client = await clientOf(seller, { plan: 'pro' });
    const invoice = paidInvoice(client.id);
    await deliver(event('invoice.paid', invoice));
    const charge = {
      id: `ch_${invoice.id}`,
      object: 'charge',
      invoice: invoice.id,
      payment_intent: null,
      amount: 10_000,
      amount_refunded: 10_000,
      refunded: true,
      refunds: { object: 'list', data: [{ id: `re_full_${invoice.id}`, object: 'refund', amount: 10_000, status: 'succeeded', created: Math.floor(Date.now() / 1000) }] },
    };
    expect((await deliver(event('charge.refunded', charge))).body.outcome).toBe('commission_reversed');

    const lines = (await recentCommissions(parent.actor)).filter((line) => line.invoiceId === invoice.id);
    // The override: 20% of what was left after the seller's 15% ($85.00), then taken back in full.
    const byKind = [...lines].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(byKind.map((line) => [line.kind, line.baseCents, line.rateBps, line.amountCents, line.viaResellerName])).toEqual([
      ['reversal', 8_500, 2000, -1700, seller.name],
      ['sale', 8_500, 2000, 1700, seller.name],
    ]);
    expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(0);
    const sellerLines = (await recentCommissions(seller.actor)).filter((line) => line.invoiceId === invoice.id);
    expect(sellerLines.map((line) => line.amountCents).sort((a, b) => a - b)).toEqual([-1500, 1500]);
    expect(sellerLines.every((line) => line.baseCents === 10_000 && line.status === 'reversed')).toBe(true);
    expect(await earningsSummary(parent.actor)).toMatchObject({ totalCents: 0, pendingCents: 0 });
    expect(await earningsSummary(seller.actor)).toMatchObject({ totalCents: 0, pendingCents: 0 });
  });
});
