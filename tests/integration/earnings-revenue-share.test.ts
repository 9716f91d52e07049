import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { approveDueCommissions } from '../../lib/earnings/approve.ts';
import { creditCommissionsForInvoice } from '../../lib/earnings/credit-invoice.ts';
import { reverseCommissionsForRefund } from '../../lib/earnings/reverse-refund.ts';
import { setResellerStripe } from '../../lib/resellers/stripe-gateway.ts';
import { startFakeStripe } from '../support/fake-stripe.ts';
import { createTenant } from '../support/factories.ts';
import { createApp, createPartner } from '../support/marketplace-fixtures.ts';
import { clientOf, createReseller, invoiceId } from '../support/resellers.ts';
import { deliverEvent, stripeEvent } from '../support/stripe-events.ts';

// Partners' revenue share next to reseller commissions, on the same invoices: through the
// signed Stripe webhook (invoice.paid, charge.refunded, credit_note.created) and the service
// functions, on PostgreSQL.

const DAY = 24 * 60 * 60_000;
const SECRET = 'whsec_earnings_test_secret';
const previousSecret = process.env.STRIPE_WEBHOOK_SECRET;

beforeAll(() => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
});
afterAll(() => {
  if (previousSecret === undefined) delete process.env.STRIPE_WEBHOOK_SECRET;
  else process.env.STRIPE_WEBHOOK_SECRET = previousSecret;
});

/** A partner on a tier, with an app sold through its own Stripe product. */
async function partnerApp(options: { tierId?: 'standard' | 'premier'; holdingDays?: number } = {}) {
  const partner = await createPartner();
  await db.partner.update({ where: { id: partner.id }, data: { tierId: options.tierId ?? 'standard', holdingDays: options.holdingDays ?? 30 } });
  const app = await createApp(partner);
  const productId = `prod_${randomBytes(6).toString('hex')}`;
  await db.marketplaceApp.update({ where: { id: app.id }, data: { stripeProductId: productId } });
  return { partner, app, productId };
}

function line(amount: number, product: string, discount = 0) {
  return {
    id: `il_${randomBytes(6).toString('hex')}`,
    object: 'line_item',
    amount,
    currency: 'usd',
    discount_amounts: discount ? [{ amount: discount, discount: 'di_x' }] : [],
    pricing: { type: 'price_details', price_details: { price: `price_${product}`, product } },
    metadata: {},
  };
}

function paidInvoice(tenantId: string, amountPaid: number, lines: object[], paidAt = Math.floor(Date.now() / 1000)) {
  const id = invoiceId();
  return {
    id,
    object: 'invoice',
    customer: `cus_${id}`,
    amount_paid: amountPaid,
    status: 'paid',
    status_transitions: { paid_at: paidAt },
    parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_x', metadata: { tenantId } } },
    lines: { object: 'list', has_more: false, data: lines },
  };
}

function refundedCharge(invoice: { id: string }, refunds: { id: string; amount: number }[]) {
  return {
    id: `ch_${invoice.id}`,
    object: 'charge',
    invoice: invoice.id,
    payment_intent: null,
    amount_refunded: refunds.reduce((sum, refund) => sum + refund.amount, 0),
    refunds: { object: 'list', data: refunds.map((refund, i) => ({ ...refund, object: 'refund', status: 'succeeded', created: Math.floor(Date.now() / 1000) + i })) },
  };
}

const rowsOf = (invoice: string) => db.commission.findMany({ where: { invoiceId: invoice }, orderBy: [{ kind: 'asc' }, { level: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });

/** A reseller's client (seller 15% under a parent at 20%) with two paid apps: standard (20% fee) and premier (15%). */
async function resellerClientWithApps() {
  const parent = await createReseller({ rateBps: 2000 });
  const seller = await createReseller({ parent, rateBps: 1500 });
  const client = await clientOf(seller, { plan: 'pro' });
  const standard = await partnerApp({ holdingDays: 10 });
  const premier = await partnerApp({ tierId: 'premier' });
  return { parent, seller, client, standard, premier };
}

describe('revenue share through the signed Stripe webhook', () => {
  it('a workspace that is also a reseller\'s client pays both: partners on their apps, resellers on the plan only', async () => {
    const { parent, seller, client, standard, premier } = await resellerClientWithApps();
    const paidAt = Math.floor(Date.now() / 1000) - 60;
    // Plan $99 + app $20 + app $10, 10% tax: $141.90 paid → plan 108.90, apps 22.00 and 11.00.
    const invoice = paidInvoice(client.id, 14_190, [line(9900, 'prod_plan_pro'), line(2000, standard.productId), line(1000, premier.productId)], paidAt);
    expect(await deliverEvent(stripeEvent('invoice.paid', invoice))).toEqual({ status: 200, body: { received: true, outcome: 'invoice_marked_paid' } });

    const rows = await rowsOf(invoice.id);
    const view = rows.map((r) => ({ resellerId: r.resellerId, partnerId: r.partnerId, appId: r.appId, saleCents: r.saleCents, baseCents: r.baseCents, rateBps: r.rateBps, amountCents: r.amountCents }));
    expect(view).toEqual(
      expect.arrayContaining([
        { resellerId: seller.id, partnerId: null, appId: null, saleCents: 14_190, baseCents: 10_890, rateBps: 1500, amountCents: 1633 },
        { resellerId: parent.id, partnerId: null, appId: null, saleCents: 14_190, baseCents: 9257, rateBps: 2000, amountCents: 1851 },
        { resellerId: null, partnerId: standard.partner.id, appId: standard.app.id, saleCents: 14_190, baseCents: 2200, rateBps: 8000, amountCents: 1760 },
        { resellerId: null, partnerId: premier.partner.id, appId: premier.app.id, saleCents: 14_190, baseCents: 1100, rateBps: 8500, amountCents: 935 },
      ]),
    );
    expect(rows).toHaveLength(4);
    const standardRow = rows.find((r) => r.appId === standard.app.id)!;
    expect(standardRow).toMatchObject({ tenantId: client.id, sourceId: invoice.id, kind: 'sale', status: 'pending', createdAt: new Date(paidAt * 1000) });
    expect(standardRow.availableAt.getTime()).toBe(paidAt * 1000 + 10 * DAY);
    expect(rows.find((r) => r.appId === premier.app.id)!.availableAt.getTime()).toBe(paidAt * 1000 + 30 * DAY);
    // Never more than the sale.
    expect(rows.reduce((sum, r) => sum + r.amountCents, 0)).toBeLessThanOrEqual(14_190);
  });

  it('duplicate deliveries (the same event, new events, at once) credit once', async () => {
    const { client, standard } = await resellerClientWithApps();
    const invoice = paidInvoice(client.id, 12_000, [line(10_000, 'prod_plan_pro'), line(2000, standard.productId)]);
    const event = stripeEvent('invoice.paid', invoice);
    await deliverEvent(event);
    expect((await deliverEvent(event)).body.outcome).toBe('duplicate');
    await Promise.all([deliverEvent(stripeEvent('invoice.paid', invoice)), deliverEvent(stripeEvent('invoice.paid', invoice)), deliverEvent(stripeEvent('invoice.paid', invoice))]);
    const rows = await rowsOf(invoice.id);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.partnerId === standard.partner.id).map((r) => r.amountCents)).toEqual([1600]);
  });

  it('a workspace without a reseller: only the partner earns; lines of unknown products are the plan\'s', async () => {
    const direct = await createTenant();
    const { partner, app, productId } = await partnerApp();
    const invoice = paidInvoice(direct.id, 5000, [line(3000, 'prod_unknown'), line(2500, productId, 500)]);
    await deliverEvent(stripeEvent('invoice.paid', invoice));
    const rows = await rowsOf(invoice.id);
    // The app's line nets $20 after its discount: 20/50 of $50 = $20, 80% of it.
    expect(rows.map((r) => [r.partnerId, r.appId, r.baseCents, r.amountCents])).toEqual([[partner.id, app.id, 2000, 1600]]);
  });

  it('an invoice whose event lists only its first lines (has_more) is split by all of them, fetched from Stripe', async () => {
    const { client, standard } = await resellerClientWithApps();
    const fake = await startFakeStripe();
    const all = [line(9000, 'prod_plan_pro'), line(1000, 'prod_seats'), line(2000, standard.productId)];
    fake.override((request) => (request.method === 'GET' && /^\/v1\/invoices\/[^/]+\/lines$/.test(request.path) ? { body: { object: 'list', data: all, has_more: false, url: request.path } } : undefined));
    const url = new URL(fake.url);
    setResellerStripe(() => new Stripe('sk_test_lines', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false }));
    try {
      const invoice = { ...paidInvoice(client.id, 12_000, all.slice(0, 1)), lines: { object: 'list', has_more: true, data: all.slice(0, 1) } };
      expect((await deliverEvent(stripeEvent('invoice.paid', invoice))).status).toBe(200);
      expect(fake.calls('GET', `/v1/invoices/${invoice.id}/lines`)).toHaveLength(1);
      const partnerRows = (await rowsOf(invoice.id)).filter((r) => r.partnerId);
      expect(partnerRows.map((r) => [r.baseCents, r.amountCents])).toEqual([[2000, 1600]]);
    } finally {
      setResellerStripe(undefined);
      await fake.close();
    }
  });

  it('a malformed line is a 400, and nothing is credited', async () => {
    const { client, standard } = await resellerClientWithApps();
    const invoice = paidInvoice(client.id, 1000, [{ ...line(1000, standard.productId), amount: 10.5 }]);
    const answer = await deliverEvent(stripeEvent('invoice.paid', invoice));
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('invalid_stripe_event');
    expect(await db.commission.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it('charge.refunded reverses both sides in proportion, then in full; credit notes too; every row nets to zero', async () => {
    const { parent, seller, client, standard, premier } = await resellerClientWithApps();
    const invoice = paidInvoice(client.id, 14_190, [line(9900, 'prod_plan_pro'), line(2000, standard.productId), line(1000, premier.productId)]);
    await deliverEvent(stripeEvent('invoice.paid', invoice));
    // The premier partner's share was already paid out: its clawback is due at once.
    await db.commission.updateMany({ where: { invoiceId: invoice.id, partnerId: premier.partner.id }, data: { status: 'paid', paidAt: new Date() } });

    const half = { id: `re_half_${invoice.id}`, amount: 7095 };
    expect((await deliverEvent(stripeEvent('charge.refunded', refundedCharge(invoice, [half])))).body.outcome).toBe('commission_reversed');
    const afterHalf = (await rowsOf(invoice.id)).filter((r) => r.kind === 'reversal');
    const take = (payee: string) => afterHalf.find((r) => r.resellerId === payee || r.partnerId === payee)!;
    expect([seller.id, parent.id, standard.partner.id, premier.partner.id].map((payee) => take(payee).amountCents)).toEqual([-816, -925, -880, -467]);
    expect(take(standard.partner.id)).toMatchObject({ status: 'pending', appId: standard.app.id, saleCents: -7095 });
    expect(take(premier.partner.id)).toMatchObject({ status: 'approved', appId: premier.app.id });

    // A credit note for $40.95 (not a refund), then the rest refunded.
    const note = { id: `cn_${invoice.id}`, object: 'credit_note', invoice: invoice.id, status: 'issued', total: 4095, created: Math.floor(Date.now() / 1000), refunds: [] };
    expect((await deliverEvent(stripeEvent('credit_note.created', note))).body.outcome).toBe('commission_reversed');
    const rest = { id: `re_rest_${invoice.id}`, amount: 3000 };
    await deliverEvent(stripeEvent('charge.refunded', refundedCharge(invoice, [half, rest])));
    // Replays change nothing.
    await deliverEvent(stripeEvent('charge.refunded', refundedCharge(invoice, [half, rest])));
    await deliverEvent(stripeEvent('credit_note.created', note));

    const rows = await rowsOf(invoice.id);
    for (const payee of [seller.id, parent.id, standard.partner.id, premier.partner.id]) {
      const mine = rows.filter((r) => r.resellerId === payee || r.partnerId === payee);
      expect(mine).toHaveLength(4); // the sale, 3 reversals
      expect(mine.reduce((sum, r) => sum + r.amountCents, 0)).toBe(0);
    }
    // Unpaid rows are reversed as a whole; the paid partner's clawbacks wait for its next payout.
    expect(rows.filter((r) => r.partnerId === standard.partner.id).every((r) => r.status === 'reversed')).toBe(true);
    expect(rows.filter((r) => r.partnerId === premier.partner.id && r.kind === 'reversal').every((r) => r.status === 'approved')).toBe(true);
  });
});

describe('crediting and reversing, as service functions', () => {
  it("a proration credit lowers its own app's part; the partner's rows are approved after the holding period", async () => {
    const direct = await createTenant();
    const { partner, app, productId } = await partnerApp({ holdingDays: 7 });
    const paidAt = new Date(Date.now() - 8 * DAY);
    const invoice = invoiceId();
    const result = await creditCommissionsForInvoice({
      tenantId: direct.id,
      invoiceId: invoice,
      amountCents: 11_400,
      paidAt,
      lines: [{ amountCents: 9900, productId: 'prod_plan' }, { amountCents: -500, productId }, { amountCents: 2000, productId }],
    });
    expect(result.partnerShares).toEqual([{ appId: app.id, partnerId: partner.id, baseCents: 1500, rateBps: 8000, amountCents: 1200 }]);
    expect(result.created).toBe(1);
    await approveDueCommissions(new Date());
    expect(await db.commission.findFirstOrThrow({ where: { invoiceId: invoice } })).toMatchObject({ status: 'approved', amountCents: 1200 });
  });

  it('lines can name the app directly (seed, operator-billed apps)', async () => {
    const direct = await createTenant();
    const { partner, app } = await partnerApp();
    const invoice = invoiceId();
    await creditCommissionsForInvoice({ tenantId: direct.id, invoiceId: invoice, amountCents: 2900, paidAt: new Date(), lines: [{ amountCents: 2900, appId: app.id }] });
    expect((await rowsOf(invoice)).map((r) => [r.partnerId, r.amountCents])).toEqual([[partner.id, 2320]]);
  });

  it('property (PostgreSQL): random invoices and refund sequences never take back more than credited, and a full refund nets to zero', async () => {
    const { client, standard, premier } = await resellerClientWithApps();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          plan: fc.integer({ min: 0, max: 200_000 }),
          a: fc.integer({ min: 0, max: 50_000 }),
          b: fc.integer({ min: -2000, max: 50_000 }),
          refunds: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 4 }),
          full: fc.boolean(),
        }),
        async ({ plan, a, b, refunds, full }) => {
          const amountPaid = Math.max(0, plan + a + b);
          if (amountPaid === 0) return;
          const invoice = invoiceId();
          await creditCommissionsForInvoice({
            tenantId: client.id,
            invoiceId: invoice,
            amountCents: amountPaid,
            paidAt: new Date(),
            lines: [{ amountCents: plan, productId: 'prod_plan' }, { amountCents: a, productId: standard.productId }, { amountCents: b, productId: premier.productId }],
          });
          const sales = await db.commission.findMany({ where: { invoiceId: invoice, kind: 'sale' } });
          expect(sales.reduce((sum, r) => sum + r.amountCents, 0)).toBeLessThanOrEqual(amountPaid);
          let left = amountPaid;
          const steps = refunds.map((cents) => Math.min(cents, left)).map((cents) => ((left -= cents), cents)).filter((cents) => cents > 0);
          if (full && left > 0) steps.push(left);
          for (const [i, cents] of steps.entries()) await reverseCommissionsForRefund({ invoiceId: invoice, refundId: `re_${invoice}_${i}`, amountCents: cents });
          const refunded = steps.reduce((sum, cents) => sum + cents, 0);
          const rows = await db.commission.findMany({ where: { invoiceId: invoice } });
          for (const sale of sales) {
            const mine = rows.filter((r) => (sale.resellerId ? r.resellerId === sale.resellerId : r.partnerId === sale.partnerId && r.appId === sale.appId));
            const net = mine.reduce((sum, r) => sum + r.amountCents, 0);
            expect(net).toBeGreaterThanOrEqual(0);
            const expected = refunded >= amountPaid ? 0 : sale.amountCents - Number((BigInt(sale.amountCents) * BigInt(refunded)) / BigInt(amountPaid));
            expect(net).toBe(expected);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
