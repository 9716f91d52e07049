import type Stripe from 'stripe';
import { db } from '../db/client.ts';
import { badRequest } from '../http/problem.ts';
import { planForResellerStripePrice } from '../resellers/prices.ts';
import { allInvoiceLines, invoiceIdForPaymentIntent } from '../resellers/stripe-gateway.ts';
import { creditCommissionsForInvoice, type CreditResult, type InvoiceLineInput } from './credit-invoice.ts';
import { payeeKey, reverseCommissionsForRefund, type ReversalResult } from './reverse-refund.ts';

// The earnings side of the Stripe webhook (resellers' commissions, partners' revenue share):
// one call per event type, from the billing webhook (app/api/webhooks/stripe) after it has
// verified the signature and deduplicated the event. Each is idempotent on its own as well (an
// invoice is credited once, a refund or credit note applied once), so a replayed or
// re-delivered event changes nothing.
//
// Amounts: the earnings are shares of what the client paid on the invoice (amount_paid), split
// between the plan and the apps by the invoice's lines (lib/earnings/invoice-split.ts): a line
// is an app's when line.pricing.price_details.product is the app's stripeProductId. Refunds
// are measured in the same money (the refund's amount), so their proportion is exact.
//
// Refunds and credit notes, without counting the same money twice:
// - charge.refunded reverses money given back through a refund (each refund id once);
// - credit_note.created reverses only the part of a credit note that is NOT a refund (credit
//   to the customer's balance, or refunded outside Stripe): a credit note that refunds money
//   also produces that refund, which charge.refunded reverses.

function id(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** The plan an invoice sold, from its first subscription line's price (reseller price or plan lookup key). */
async function planOfInvoice(invoice: Stripe.Invoice): Promise<string | null> {
  for (const line of invoice.lines?.data ?? []) {
    const priceId = line.pricing?.price_details?.price;
    const price = typeof priceId === 'string' ? priceId : null;
    if (price) {
      const viaReseller = await planForResellerStripePrice(price);
      if (viaReseller) return viaReseller;
    }
    const metadataPlan = line.metadata?.waypoint_plan;
    if (metadataPlan) return metadataPlan;
  }
  return null;
}

/** A line's net (amount − discounts) and product, as the split reads them. */
function lineInput(line: Stripe.InvoiceLineItem): InvoiceLineInput {
  const discounts = (line.discount_amounts ?? []).reduce((sum, discount) => sum + discount.amount, 0);
  const product = line.pricing?.price_details?.product;
  return { amountCents: line.amount - discounts, productId: typeof product === 'string' ? product : null };
}

/** Every line of the invoice: the payload's, or all of them from Stripe when the payload has only the first page. */
async function linesOf(invoice: Stripe.Invoice): Promise<Stripe.InvoiceLineItem[]> {
  const listed = invoice.lines?.data ?? [];
  if (!invoice.lines?.has_more || !invoice.id) return listed;
  const all = await allInvoiceLines(invoice.id);
  // Crediting from a partial list would split the money wrongly: fail, and Stripe retries.
  if (!all) throw new Error(`invoice ${invoice.id} has more lines than its event lists, and Stripe is not configured to fetch them`);
  return all;
}

function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** invoice.paid for a workspace: credits its reseller chain and the partners of its apps (no-op when nobody earns). */
export async function creditCommissionsForPaidInvoice(invoice: Stripe.Invoice, tenantId: string, eventCreated?: number): Promise<CreditResult> {
  if (!invoice.id) return { created: 0, alreadyCredited: false, shares: [], partnerShares: [] };
  // A signed but malformed event is bad input, not a crash (answered 400).
  if (!Number.isSafeInteger(invoice.amount_paid) || invoice.amount_paid < 0) throw badRequest(`Invoice ${invoice.id} has no valid amount_paid.`);
  const lines = await linesOf(invoice);
  const bad = lines.find((line) => !isCents(line.amount) || !(line.discount_amounts ?? []).every((discount) => isCents(discount.amount)));
  if (bad) throw badRequest(`Invoice ${invoice.id} has a line without a valid amount.`);
  const paidAtSeconds = invoice.status_transitions?.paid_at ?? eventCreated ?? Math.floor(Date.now() / 1000);
  return creditCommissionsForInvoice({
    lines: lines.map(lineInput),
    tenantId,
    invoiceId: invoice.id,
    amountCents: invoice.amount_paid,
    ...(typeof invoice.currency === 'string' && /^[a-z]{3}$/i.test(invoice.currency) ? { currency: invoice.currency } : {}),
    planId: await planOfInvoice(invoice),
    paidAt: new Date(paidAtSeconds * 1000),
  });
}

/** The invoice a charge paid: from the payload where the API version still has charge.invoice, else from Stripe. */
async function invoiceOfCharge(charge: Stripe.Charge): Promise<string | null> {
  const legacy = id((charge as unknown as { invoice?: string | { id: string } | null }).invoice);
  if (legacy) return legacy;
  const paymentIntent = id(charge.payment_intent);
  return paymentIntent ? invoiceIdForPaymentIntent(paymentIntent) : null;
}

const NONE: ReversalResult = { reversalRows: 0, reversedCommissions: 0, reversedCents: 0 };

function add(a: ReversalResult, b: ReversalResult): ReversalResult {
  return { reversalRows: a.reversalRows + b.reversalRows, reversedCommissions: a.reversedCommissions + b.reversedCommissions, reversedCents: a.reversedCents + b.reversedCents };
}

/**
 * charge.refunded: reverses each refund of the charge once. When the payload lists the refunds
 * each is applied by its id; when it does not (newer API versions leave charge.refunds out),
 * the charge's cumulative amount_refunded is applied as one step keyed by that amount, which
 * is just as idempotent.
 */
export async function reverseCommissionsForChargeRefund(charge: Stripe.Charge): Promise<ReversalResult> {
  const invoiceId = await invoiceOfCharge(charge);
  if (!invoiceId) return NONE;
  const refunds = charge.refunds?.data?.filter((refund) => refund.status !== 'failed' && refund.status !== 'canceled') ?? [];
  if (refunds.length > 0) {
    let total = NONE;
    // Oldest first, so proportions accumulate in the order the refunds happened.
    for (const refund of [...refunds].sort((a, b) => a.created - b.created)) {
      total = add(total, await reverseCommissionsForRefund({ invoiceId, refundId: refund.id, amountCents: refund.amount, at: new Date(refund.created * 1000) }));
    }
    return total;
  }
  return reverseCumulative(invoiceId, charge.id, charge.amount_refunded);
}

/** Applies "this charge has refunded `cumulative` cents in all" as the step from what was applied for it before. */
async function reverseCumulative(invoiceId: string, chargeId: string, cumulative: number): Promise<ReversalResult> {
  const applied = await db.commission.findMany({
    where: { invoiceId, kind: 'reversal', sourceId: { startsWith: `${chargeId}:` } },
    select: { sourceId: true, saleCents: true, resellerId: true, partnerId: true, appId: true },
  });
  // Every payee gets the same rows, so one payee's rows tell what was applied.
  const first = applied[0] ? payeeKey(applied[0]) : null;
  const before = applied.filter((row) => payeeKey(row) === first).reduce((sum, row) => sum - row.saleCents, 0);
  if (cumulative <= before) return NONE;
  return reverseCommissionsForRefund({ invoiceId, refundId: `${chargeId}:${cumulative}`, amountCents: cumulative - before });
}

/** credit_note.created: reverses the part of the credit note that is not a refund (see the top of this file). */
export async function reverseCommissionsForCreditNote(creditNote: Stripe.CreditNote): Promise<ReversalResult> {
  const invoiceId = id(creditNote.invoice);
  if (!invoiceId || creditNote.status === 'void') return NONE;
  const refunded = (creditNote.refunds ?? []).reduce((sum, refund) => sum + (refund.amount_refunded ?? 0), 0);
  const credited = creditNote.total - refunded;
  if (credited <= 0) return NONE;
  return reverseCommissionsForRefund({ invoiceId, refundId: creditNote.id, amountCents: credited, at: new Date(creditNote.created * 1000) });
}

/** The events this module acts on; the billing webhook passes every verified event (others are ignored here). */
export const EARNINGS_STRIPE_EVENTS = ['invoice.paid', 'charge.refunded', 'credit_note.created'] as const;

/** What a refund or credit note did to earnings (the billing webhook answers it as the event's outcome). */
export type EarningsOutcome = 'commission_reversed' | 'ignored_nothing_to_reverse';

const reversalOutcome = (result: ReversalResult): EarningsOutcome => (result.reversalRows + result.reversedCommissions > 0 ? 'commission_reversed' : 'ignored_nothing_to_reverse');

/**
 * The one call the billing webhook makes (lib/billing/stripe-webhook.ts, after its own effects
 * are committed, before the event is marked processed: a failure here is retried by Stripe).
 * `tenantId`: the workspace the billing webhook resolved for the event (needed for invoice.paid).
 * Returns the outcome of a refund or credit note; null for invoice.paid (the billing outcome
 * stands) and for events this module does not handle.
 */
export async function handleEarningsStripeEvent(event: Stripe.Event, tenantId: string | null): Promise<EarningsOutcome | null> {
  switch (event.type) {
    case 'invoice.paid':
      if (tenantId) await creditCommissionsForPaidInvoice(event.data.object, tenantId, event.created);
      return null;
    case 'charge.refunded':
      return reversalOutcome(await reverseCommissionsForChargeRefund(event.data.object));
    case 'credit_note.created':
      return reversalOutcome(await reverseCommissionsForCreditNote(event.data.object));
    default:
      return null;
  }
}
