import type Stripe from 'stripe';
import { getStripe } from '../billing/stripe-client.ts';

// Everything the reseller and earnings features ask of Stripe, in one place: a Price per
// reseller and plan, Connect transfers for payouts (resellers' and partners'), an invoice's
// lines, and mapping a refunded charge to its invoice. The client is the billing module's
// (lib/billing/stripe-client.ts: one client, one configuration, STRIPE_API_BASE for a local
// fake server); setResellerStripe() swaps it in tests.

type StripeProvider = () => Stripe | null;

const holder = globalThis as unknown as { __waypointResellerStripe?: StripeProvider };

/** Tests: use this client (a provider returning null: Stripe not configured); undefined restores the app's client. */
export function setResellerStripe(provider: StripeProvider | undefined): void {
  holder.__waypointResellerStripe = provider;
}

function stripe(): Stripe | null {
  return (holder.__waypointResellerStripe ?? getStripe)();
}

export function resellerStripeConfigured(): boolean {
  return stripe() !== null;
}

function required(): Stripe {
  const client = stripe();
  if (!client) throw new Error('Stripe is not configured (STRIPE_SECRET_KEY)');
  return client;
}

export interface ResellerPriceSpec {
  resellerId: string;
  resellerName: string;
  planId: string;
  planName: string;
  /** The plan's own price's lookup key: the new price joins that price's product. */
  planLookupKey: string | null;
  priceCents: number;
  /** ISO 4217, lower case. */
  currency: string;
}

/**
 * A monthly Price (in the reseller price's currency) for one reseller's price of one plan, on the plan's own Stripe product
 * (found through the plan price's lookup key), tagged with metadata { waypoint_plan,
 * waypoint_reseller } so a subscription on it maps back to the plan.
 */
export async function createResellerStripePrice(spec: ResellerPriceSpec): Promise<string> {
  const client = required();
  const metadata = { waypoint_plan: spec.planId, waypoint_reseller: spec.resellerId };
  let product: string | undefined;
  if (spec.planLookupKey) {
    const { data } = await client.prices.list({ lookup_keys: [spec.planLookupKey], limit: 1 });
    const found = data[0]?.product;
    product = typeof found === 'string' ? found : found?.id;
  }
  const price = await client.prices.create(
    {
      currency: spec.currency,
      unit_amount: spec.priceCents,
      recurring: { interval: 'month' },
      nickname: `${spec.planName} via ${spec.resellerName}`.slice(0, 250),
      metadata,
      ...(product ? { product } : { product_data: { name: `Waypoint ${spec.planName}`, metadata } }),
    },
    // The same reseller, plan and amount never makes two prices, even when two requests race.
    { idempotencyKey: `reseller-price:${spec.resellerId}:${spec.planId}:${spec.currency === 'usd' ? '' : `${spec.currency}:`}${spec.priceCents}` },
  );
  return price.id;
}

export class TransferDeclinedError extends Error {}

/**
 * A Connect transfer of a payout (a reseller's or a partner's, lib/payouts) to the payee's
 * connected account. The idempotency key is the payout id: a retried payout (crash, timeout,
 * job retry) never transfers twice. Stripe's refusals (invalid account, insufficient
 * balance…) become TransferDeclinedError; network and server errors are thrown as they are,
 * to be retried.
 */
export async function createPayoutTransfer(input: { payoutId: string; payee: { kind: 'reseller' | 'partner'; id: string }; amountCents: number; currency: string; destination: string; periodStart: Date }): Promise<string> {
  const client = required();
  const month = input.periodStart.toISOString().slice(0, 7);
  try {
    const transfer = await client.transfers.create(
      {
        amount: input.amountCents,
        // The payout's own currency: earnings are never converted.
        currency: input.currency,
        destination: input.destination,
        transfer_group: `payout_${input.payoutId}`,
        description: input.payee.kind === 'reseller' ? `Waypoint commissions, ${month}` : `Waypoint app revenue, ${month}`,
        metadata: { waypoint_payout: input.payoutId, [`waypoint_${input.payee.kind}`]: input.payee.id },
      },
      { idempotencyKey: `payout:${input.payoutId}` },
    );
    return transfer.id;
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'StripeInvalidRequestError' || type === 'StripeCardError' || type === 'StripePermissionError') {
      throw new TransferDeclinedError((error as Error).message);
    }
    throw error;
  }
}

/** The invoice a charge paid, through Stripe's invoice payments (charges no longer name their invoice). */
export async function invoiceIdForPaymentIntent(paymentIntentId: string): Promise<string | null> {
  const client = stripe();
  if (!client) return null;
  const { data } = await client.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: paymentIntentId }, limit: 1 });
  const invoice = data[0]?.invoice;
  return typeof invoice === 'string' ? invoice : (invoice?.id ?? null);
}

/**
 * Every line of an invoice, for an invoice.paid whose payload lists only the first page
 * (lines.has_more). Null when Stripe is not configured.
 */
export async function allInvoiceLines(invoiceId: string): Promise<Stripe.InvoiceLineItem[] | null> {
  const client = stripe();
  if (!client) return null;
  const lines: Stripe.InvoiceLineItem[] = [];
  for await (const line of client.invoices.listLineItems(invoiceId, { limit: 100 })) lines.push(line);
  return lines;
}
