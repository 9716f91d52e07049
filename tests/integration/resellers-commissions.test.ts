import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { approveDueCommissions, creditCommissionsForInvoice, reverseCommissionsForRefund } from '../../lib/resellers/commissions.ts';
import { creditCommissionsForPaidInvoice, reverseCommissionsForChargeRefund, reverseCommissionsForCreditNote } from '../../lib/earnings/stripe-events.ts';
import { createTenant } from '../support/factories.ts';
import { clientOf, createReseller, invoiceId } from '../support/resellers.ts';

// Paid "now": availableAt is 30 days ahead, so the payout tests' runs (in 2001) never touch these.
const DAY = 24 * 60 * 60_000;

async function rowsOf(invoice: string) {
  return db.commission.findMany({ where: { invoiceId: invoice }, orderBy: [{ kind: 'asc' }, { level: 'asc' }, { createdAt: 'asc' }] });
}

/** A tier-2 seller at 15% under a tier-1 parent at 20%, and a client of the seller. */
async function twoLevels() {
  const parent = await createReseller({ rateBps: 2000 });
  const seller = await createReseller({ parent, rateBps: 1500, holdingDays: 14 });
  const client = await clientOf(seller, { plan: 'pro' });
  return { parent, seller, client };
}

describe('crediting commissions on invoice.paid', () => {
  it("credits the issue's example: $100 → seller $15 (15% of $100), parent $17 (20% of $85), pending until paidAt + holding days", async () => {
    const { parent, seller, client } = await twoLevels();
    const invoice = invoiceId();
    const paidAt = new Date();
    const result = await creditCommissionsForInvoice({ tenantId: client.id, invoiceId: invoice, amountCents: 10_000, planId: 'pro', paidAt });
    expect(result.created).toBe(2);
    const rows = await rowsOf(invoice);
    expect(rows.map((r) => ({ resellerId: r.resellerId, level: r.level, baseCents: r.baseCents, rateBps: r.rateBps, amountCents: r.amountCents, status: r.status, kind: r.kind }))).toEqual([
      { resellerId: seller.id, level: 0, baseCents: 10_000, rateBps: 1500, amountCents: 1500, status: 'pending', kind: 'sale' },
      { resellerId: parent.id, level: 1, baseCents: 8500, rateBps: 2000, amountCents: 1700, status: 'pending', kind: 'sale' },
    ]);
    // Each reseller's own holding period.
    expect(rows[0].availableAt.getTime()).toBe(paidAt.getTime() + 14 * DAY);
    expect(rows[1].availableAt.getTime()).toBe(paidAt.getTime() + 30 * DAY);
    expect(rows.every((r) => r.tenantId === client.id && r.sourceId === invoice && r.planId === 'pro' && r.saleCents === 10_000)).toBe(true);
  });

  it('three levels: 10%, then 15% and 20% of what remains', async () => {
    const t1 = await createReseller({ rateBps: 2000 });
    const t2 = await createReseller({ parent: t1, rateBps: 1500 });
    const t3 = await createReseller({ parent: t2, rateBps: 1000 });
    const client = await clientOf(t3);
    const invoice = invoiceId();
    await creditCommissionsForInvoice({ tenantId: client.id, invoiceId: invoice, amountCents: 9900, paidAt: new Date() });
    expect((await rowsOf(invoice)).map((r) => [r.resellerId, r.amountCents])).toEqual([
      [t3.id, 990],
      [t2.id, 1336],
      [t1.id, 1514],
    ]);
  });

  it('a replayed invoice.paid credits once, also when the replays race and after the rates changed', async () => {
    const { parent, seller, client } = await twoLevels();
    const invoice = invoiceId();
    const input = { tenantId: client.id, invoiceId: invoice, amountCents: 10_000, planId: 'pro', paidAt: new Date() };
    const results = await Promise.all(Array.from({ length: 8 }, () => creditCommissionsForInvoice(input)));
    expect(results.filter((r) => r.created > 0)).toHaveLength(1);
    expect(results.filter((r) => r.alreadyCredited)).toHaveLength(7);
    await db.reseller.update({ where: { id: seller.id }, data: { commissionRateBps: 500 } });
    const later = await creditCommissionsForInvoice(input);
    expect(later).toMatchObject({ created: 0, alreadyCredited: true });
    const rows = await rowsOf(invoice);
    expect(rows.map((r) => [r.resellerId, r.amountCents])).toEqual([
      [seller.id, 1500],
      [parent.id, 1700],
    ]);
  });

  it('does nothing for a workspace without a reseller, or for a $0 invoice', async () => {
    const direct = await createTenant();
    const invoice = invoiceId();
    expect((await creditCommissionsForInvoice({ tenantId: direct.id, invoiceId: invoice, amountCents: 9900, paidAt: new Date() })).created).toBe(0);
    const { client } = await twoLevels();
    expect((await creditCommissionsForInvoice({ tenantId: client.id, invoiceId: invoice, amountCents: 0, paidAt: new Date() })).created).toBe(0);
    expect(await db.commission.count({ where: { invoiceId: invoice } })).toBe(0);
  });

  it('a suspended reseller in the chain earns nothing; the level above earns on an undiminished base', async () => {
    const { parent, seller, client } = await twoLevels();
    await db.reseller.update({ where: { id: seller.id }, data: { status: 'suspended' } });
    const invoice = invoiceId();
    await creditCommissionsForInvoice({ tenantId: client.id, invoiceId: invoice, amountCents: 10_000, paidAt: new Date() });
    expect((await rowsOf(invoice)).map((r) => [r.resellerId, r.baseCents, r.amountCents])).toEqual([[parent.id, 10_000, 2000]]);
  });

  it('from a Stripe invoice: amount_paid, paid_at, the plan of a reseller price', async () => {
    const { seller, client } = await twoLevels();
    await db.resellerPrice.create({ data: { resellerId: seller.id, planId: 'basic', priceCents: 3900, stripePriceId: `price_${invoiceId()}` } });
    const price = await db.resellerPrice.findFirstOrThrow({ where: { resellerId: seller.id, planId: 'basic' } });
    const paidAt = Math.floor(Date.now() / 1000) - 3600;
    const invoice = {
      id: invoiceId(),
      object: 'invoice',
      amount_paid: 3900,
      status_transitions: { paid_at: paidAt },
      lines: { data: [{ amount: 3900, pricing: { type: 'price_details', price_details: { price: price.stripePriceId, product: 'prod_x' } }, metadata: {} }] },
    } as unknown as Stripe.Invoice;
    await creditCommissionsForPaidInvoice(invoice, client.id);
    const [row] = await rowsOf(invoice.id!);
    expect(row).toMatchObject({ resellerId: seller.id, planId: 'basic', saleCents: 3900, amountCents: 585 });
    expect(row.availableAt.getTime()).toBe(paidAt * 1000 + 14 * DAY);
  });
});

describe('reversing commissions on refunds and credit notes', () => {
  async function credited(amountCents = 10_000) {
    const setup = await twoLevels();
    const invoice = invoiceId();
    await creditCommissionsForInvoice({ tenantId: setup.client.id, invoiceId: invoice, amountCents, planId: 'pro', paidAt: new Date() });
    return { ...setup, invoice };
  }

  it('a full refund of unpaid commissions marks them reversed with a reversal line each, so every sale nets to zero; replaying it changes nothing', async () => {
    const { invoice, seller, parent } = await credited();
    const result = await reverseCommissionsForRefund({ invoiceId: invoice, refundId: 're_full_1', amountCents: 10_000 });
    expect(result).toMatchObject({ reversedCommissions: 2, reversalRows: 2, reversedCents: 3200 });
    const rows = await rowsOf(invoice);
    expect(rows.filter((r) => r.kind === 'sale').map((r) => [r.resellerId, r.amountCents, r.status])).toEqual([
      [seller.id, 1500, 'reversed'],
      [parent.id, 1700, 'reversed'],
    ]);
    expect(rows.filter((r) => r.kind === 'reversal').map((r) => [r.resellerId, r.amountCents, r.saleCents, r.baseCents, r.status])).toEqual([
      [seller.id, -1500, -10_000, 10_000, 'reversed'],
      [parent.id, -1700, -10_000, 8_500, 'reversed'],
    ]);
    for (const reseller of [seller, parent]) expect(rows.filter((r) => r.resellerId === reseller.id).reduce((sum, r) => sum + r.amountCents, 0)).toBe(0);
    expect(await reverseCommissionsForRefund({ invoiceId: invoice, refundId: 're_full_1', amountCents: 10_000 })).toMatchObject({ reversedCents: 0 });
  });

  it('a partial refund writes proportional negative reversal rows that follow the unpaid commission (same status and availability)', async () => {
    const { invoice, seller, parent } = await credited();
    await reverseCommissionsForRefund({ invoiceId: invoice, refundId: 're_half', amountCents: 5000 });
    const rows = await rowsOf(invoice);
    const reversals = rows.filter((r) => r.kind === 'reversal');
    expect(reversals.map((r) => [r.resellerId, r.amountCents, r.saleCents, r.status])).toEqual([
      [seller.id, -750, -5000, 'pending'],
      [parent.id, -850, -5000, 'pending'],
    ]);
    const sales = rows.filter((r) => r.kind === 'sale');
    expect(reversals[0].availableAt.getTime()).toBe(sales[0].availableAt.getTime());
    // Replayed: applied once.
    await reverseCommissionsForRefund({ invoiceId: invoice, refundId: 're_half', amountCents: 5000 });
    expect(await db.commission.count({ where: { invoiceId: invoice, kind: 'reversal' } })).toBe(2);
    // The rest refunded later: the commissions themselves are reversed, partial reversals with them, and each nets to zero.
    await reverseCommissionsForRefund({ invoiceId: invoice, refundId: 're_rest', amountCents: 5000 });
    const after = await rowsOf(invoice);
    expect(after.every((r) => r.status === 'reversed')).toBe(true);
    for (const reseller of [seller, parent]) expect(after.filter((r) => r.resellerId === reseller.id).reduce((sum, r) => sum + r.amountCents, 0)).toBe(0);
  });

  it('partial refunds accumulate: 3 × a third takes back exactly the whole commission', async () => {
    const { invoice, seller } = await credited(9999);
    // Mark the sales paid so every refund writes a row (clawbacks).
    await db.commission.updateMany({ where: { invoiceId: invoice }, data: { status: 'paid', paidAt: new Date() } });
    for (const id of ['re_a', 're_b', 're_c']) await reverseCommissionsForRefund({ invoiceId: invoice, refundId: id, amountCents: 3333 });
    const rows = await db.commission.findMany({ where: { invoiceId: invoice, resellerId: seller.id }, orderBy: { sourceId: 'asc' } });
    const sale = rows.find((r) => r.kind === 'sale')!;
    const takenBack = rows.filter((r) => r.kind === 'reversal').reduce((sum, r) => sum - r.amountCents, 0);
    expect(sale.amountCents).toBe(1499);
    expect(takenBack).toBe(1499);
    expect(rows.filter((r) => r.kind === 'reversal').map((r) => r.amountCents)).toEqual([-499, -500, -500]);
  });

  it('a refund of paid commissions writes approved clawback rows, available at once, that the next payout deducts', async () => {
    const { invoice } = await credited();
    await db.commission.updateMany({ where: { invoiceId: invoice }, data: { status: 'paid', paidAt: new Date() } });
    const at = new Date();
    const result = await reverseCommissionsForRefund({ invoiceId: invoice, refundId: 're_paid', amountCents: 10_000, at });
    expect(result).toMatchObject({ reversalRows: 2, reversedCommissions: 0, reversedCents: 3200 });
    const reversals = (await rowsOf(invoice)).filter((r) => r.kind === 'reversal');
    expect(reversals.map((r) => [r.amountCents, r.status, r.availableAt.getTime()])).toEqual([
      [-1500, 'approved', at.getTime()],
      [-1700, 'approved', at.getTime()],
    ]);
    expect((await db.commission.findMany({ where: { invoiceId: invoice, kind: 'sale' } })).every((r) => r.status === 'paid')).toBe(true);
  });

  it('concurrent refunds of one invoice never take back more than the commission', async () => {
    const { invoice, seller } = await credited();
    await db.commission.updateMany({ where: { invoiceId: invoice }, data: { status: 'paid' } });
    await Promise.all(Array.from({ length: 6 }, (_, i) => reverseCommissionsForRefund({ invoiceId: invoice, refundId: `re_c${i}`, amountCents: 4000 })));
    const rows = await db.commission.findMany({ where: { invoiceId: invoice, resellerId: seller.id, kind: 'reversal' } });
    expect(rows.reduce((sum, r) => sum - r.amountCents, 0)).toBe(1500);
  });

  it('a refund for an invoice without commissions changes nothing', async () => {
    expect(await reverseCommissionsForRefund({ invoiceId: invoiceId(), refundId: 're_none', amountCents: 100 })).toEqual({ reversalRows: 0, reversedCommissions: 0, reversedCents: 0 });
  });

  it('charge.refunded: by refund id when listed, by cumulative amount otherwise; credit notes reverse only their non-refund part', async () => {
    const { invoice, seller } = await credited();
    await db.commission.updateMany({ where: { invoiceId: invoice }, data: { status: 'paid' } });
    const charge = (refunded: number, refunds?: { id: string; amount: number; created: number }[]) =>
      ({ id: 'ch_1', object: 'charge', invoice, payment_intent: null, amount_refunded: refunded, refunds: refunds ? { data: refunds.map((r) => ({ ...r, status: 'succeeded' })) } : undefined }) as unknown as Stripe.Charge;

    await reverseCommissionsForChargeRefund(charge(2000));
    await reverseCommissionsForChargeRefund(charge(2000)); // replay
    await reverseCommissionsForChargeRefund(charge(3000)); // another 10 $
    const sellerRows = async () => db.commission.findMany({ where: { invoiceId: invoice, resellerId: seller.id, kind: 'reversal' }, orderBy: { sourceId: 'asc' } });
    expect((await sellerRows()).map((r) => [r.saleCents, r.amountCents])).toEqual([
      [-2000, -300],
      [-1000, -150],
    ]);

    // A credit note of $40 of which $10 was refunded (that refund comes through charge.refunded): $30 reversed here.
    const note = { id: 'cn_1', object: 'credit_note', invoice, status: 'issued', total: 4000, created: Math.floor(Date.now() / 1000), refunds: [{ amount_refunded: 1000, refund: 're_x' }] } as unknown as Stripe.CreditNote;
    await reverseCommissionsForCreditNote(note);
    await reverseCommissionsForCreditNote(note);
    expect((await sellerRows()).map((r) => [r.sourceId, r.saleCents, r.amountCents])).toEqual([
      ['ch_1:2000', -2000, -300],
      ['ch_1:3000', -1000, -150],
      ['cn_1', -3000, -450],
    ]);
    // Reversals are dated when the refund or credit note happened.
    expect((await sellerRows()).every((r) => Math.abs(r.createdAt.getTime() - Date.now()) < 60_000)).toBe(true);
  });
});

describe('approving commissions after the holding period', () => {
  it('moves pending to approved once availableAt has passed, and only then; running twice changes nothing', async () => {
    const { client } = await twoLevels();
    const invoice = invoiceId();
    // Paid long ago: its holding period ended in 1990. (No other test has commissions that old,
    // and these are below the payout minimum if a payout run ever sees them.)
    const paidAt = new Date(Date.UTC(1990, 0, 1));
    await creditCommissionsForInvoice({ tenantId: client.id, invoiceId: invoice, amountCents: 10_000, paidAt });
    const seller = (await rowsOf(invoice))[0];
    const beforeSeller = new Date(seller.availableAt.getTime() - 1);
    await approveDueCommissions(beforeSeller);
    expect((await rowsOf(invoice)).map((r) => r.status)).toEqual(['pending', 'pending']);
    const when = new Date(Date.UTC(1990, 0, 20));
    await approveDueCommissions(when); // the seller's 14 days are over, the parent's 30 are not
    expect((await rowsOf(invoice)).map((r) => r.status)).toEqual(['approved', 'pending']);
    await approveDueCommissions(new Date(Date.UTC(1990, 1, 15)));
    await approveDueCommissions(new Date(Date.UTC(1990, 1, 15)));
    const rows = await rowsOf(invoice);
    expect(rows.map((r) => r.status)).toEqual(['approved', 'approved']);
    expect(rows[0].approvedAt?.getTime()).toBe(when.getTime());
  });
});
