import type Stripe from 'stripe';
import type { Prisma } from '../db/generated/client.ts';
import { emitEvent, type DomainEventPayloads } from '../events/domain-events.ts';
import { getPlan, planPriceIn } from './plans.ts';
import { date, idOf, num, obj, planPriceOfSubscription, str, subscriptionFacts, type Loose, type SubscriptionFacts } from './stripe-objects.ts';

// The billing events (lib/events/event-catalog.ts: subscription.*, payment.*) the Stripe webhook
// emits, in the transaction that applies the Stripe event: a Stripe event is applied once (its
// StripeEvent row), so each is emitted once, and an event the webhook ignores (stale, about
// another subscription or an unknown workspace) emits nothing. Amounts and currencies are
// Stripe's, as it bills them; where a test-mode or older object leaves one out, the workspace's.

type Tx = Prisma.TransactionClient;
type Subscription = DomainEventPayloads['subscription.created'];
type Changes = DomainEventPayloads['subscription.updated']['changes'];

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

async function billingCurrency(tx: Tx, tenantId: string): Promise<string> {
  return (await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { billingCurrency: true } })).billingCurrency;
}

/** The subscription as the events tell it: its plan and that plan's price per period. */
async function describeSubscription(tx: Tx, tenantId: string, facts: SubscriptionFacts, status: string): Promise<Subscription> {
  const matched = await planPriceOfSubscription(facts);
  // The plan's price, or the first one of a subscription to none of the plans.
  const price = matched?.price ?? facts.prices[0];
  const currency = facts.currency ?? price?.currency ?? (await billingCurrency(tx, tenantId));
  // A price sent without its amount: the plan's list price in that currency.
  const amount = matched ? (matched.price.amount ?? planPriceIn(await getPlan(matched.planId), currency)?.amountCents ?? null) : null;
  return {
    subscriptionId: facts.id,
    planId: matched?.planId ?? null,
    status,
    currency,
    amount,
    // Every plan is sold by the month (lib/billing/plan-catalog.ts).
    interval: price?.interval ?? 'month',
    currentPeriodStart: iso(facts.periodStart),
    currentPeriodEnd: iso(facts.periodEnd),
    cancelAtPeriodEnd: facts.cancelAtPeriodEnd,
    trialEnd: iso(facts.trialEnd),
  };
}

/** What changed, field by field, from the subscription as it was (Stripe's previous_attributes over it) to what it is. */
async function changesOf(tx: Tx, tenantId: string, event: Stripe.Event, object: Loose, now: Subscription): Promise<Changes> {
  const previousAttributes = obj((event.data as unknown as Loose).previous_attributes);
  const previousFacts = previousAttributes ? subscriptionFacts({ ...object, ...previousAttributes }) : null;
  if (!previousFacts) return {};
  const before = await describeSubscription(tx, tenantId, previousFacts, previousFacts.status);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(now) as (keyof Subscription)[]) {
    if (key !== 'subscriptionId' && JSON.stringify(before[key]) !== JSON.stringify(now[key])) changes[key] = { from: before[key], to: now[key] };
  }
  return changes as Changes;
}

/** subscription.created, .updated or .cancelled for an applied customer.subscription.* event; `status` is the one the webhook applied. */
export async function emitSubscriptionEvent(tx: Tx, tenantId: string, event: Stripe.Event, object: Loose, status: string): Promise<void> {
  const facts = subscriptionFacts(object)!;
  const subscription = await describeSubscription(tx, tenantId, facts, status);
  switch (event.type) {
    case 'customer.subscription.created':
      await emitEvent(tx, tenantId, 'subscription.created', subscription);
      return;
    case 'customer.subscription.updated':
      await emitEvent(tx, tenantId, 'subscription.updated', { ...subscription, changes: await changesOf(tx, tenantId, event, object, subscription) });
      return;
    case 'customer.subscription.deleted': {
      const cancelledAt = date(object.ended_at) ?? date(object.canceled_at) ?? new Date(event.created * 1000);
      const reason = str(obj(object.cancellation_details)?.reason);
      await emitEvent(tx, tenantId, 'subscription.cancelled', { ...subscription, cancelledAt: cancelledAt.toISOString(), reason });
      return;
    }
  }
}

/** The service period an invoice pays for: its newest line's (the plan is billed in advance, usage after), else the invoice's own. */
function invoicePeriod(invoice: Loose): { start: Date | null; end: Date | null } {
  const lines = Array.isArray(obj(invoice.lines)?.data) ? (obj(invoice.lines)!.data as unknown[]) : [];
  let newest: { start: Date | null; end: Date } | null = null;
  for (const line of lines) {
    const period = obj(obj(line)?.period);
    const end = date(period?.end);
    if (end && (!newest || end > newest.end)) newest = { start: date(period?.start), end };
  }
  return newest ?? { start: date(invoice.period_start), end: date(invoice.period_end) };
}

/**
 * payment.succeeded for an invoice.paid that first marks the invoice paid (not for an invoice of
 * nothing), payment.failed for each applied invoice.payment_failed. planId is the workspace's plan.
 */
export async function emitPaymentEvent(tx: Tx, tenantId: string, event: Stripe.Event, invoice: Loose, { firstPaid }: { firstPaid: boolean }): Promise<void> {
  if (event.type !== 'invoice.paid' && event.type !== 'invoice.payment_failed') return;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { plan: true, billingCurrency: true } });
  const common = {
    invoiceId: str(invoice.id)!,
    subscriptionId: idOf(invoice.subscription) ?? idOf(obj(obj(invoice.parent)?.subscription_details)?.subscription),
    planId: tenant.plan,
  };
  const currency = str(invoice.currency) ?? tenant.billingCurrency;
  if (event.type === 'invoice.paid') {
    const amountPaid = num(invoice.amount_paid) ?? 0;
    if (!firstPaid || amountPaid === 0) return;
    const period = invoicePeriod(invoice);
    const paidAt = date(obj(invoice.status_transitions)?.paid_at) ?? new Date(event.created * 1000);
    await emitEvent(tx, tenantId, 'payment.succeeded', { ...common, amountPaid, currency, periodStart: iso(period.start), periodEnd: iso(period.end), paidAt: paidAt.toISOString() });
    return;
  }
  await emitEvent(tx, tenantId, 'payment.failed', {
    ...common,
    amountDue: num(invoice.amount_due) ?? num(invoice.amount_remaining) ?? 0,
    currency,
    // Stripe counts the attempts; an object without the count still reports this one.
    attemptCount: num(invoice.attempt_count) ?? 1,
    nextPaymentAttempt: iso(date(invoice.next_payment_attempt)),
  });
}
