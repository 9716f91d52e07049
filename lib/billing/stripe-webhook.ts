import Stripe from 'stripe';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { AppError } from '../http/problem.ts';
import { createHash } from 'node:crypto';
import { handleEarningsStripeEvent, type EarningsOutcome } from '../earnings/stripe-events.ts';
import { notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { emitPaymentEvent, emitSubscriptionEvent } from './billing-events.ts';
import { startDunning, stopDunning } from './dunning.ts';
import { parseStripeEvent } from './stripe-event-schema.ts';
import { FREE_PLAN_ID } from './plan-catalog.ts';
import { date, idOf, metadataTenant, obj, planOfSubscription, str, subscriptionFacts, type Loose } from './stripe-objects.ts';
import { applyPlan, planChangeCommitted } from './set-plan.ts';
import { env } from '../config/env.ts';
import { logger } from '../observability/logger.ts';

// Stripe's webhooks (app/api/webhooks/stripe/route.ts). The raw body's signature is checked
// with STRIPE_WEBHOOK_SECRET, the event's shape with lib/billing/stripe-event-schema.ts (a
// malformed one is recorded with outcome "rejected" and answered 400); then each event is
// handled once:
//
//   transaction: insert StripeEvent(id) ON CONFLICT DO NOTHING ─ already there and processed?
//                → a replay: 200 "duplicate", nothing happens
//                apply the event's effects (billing account, invoice state, tenant plan and status, audit)
//                and emit its billing event (subscription.*, payment.*: lib/billing/billing-events.ts)
//   after commit: the dunning follow-up (startDunning / stopDunning, lib/billing/dunning.ts),
//                the earnings: reseller commissions and partners' revenue share (lib/earnings/stripe-events.ts),
//                then StripeEvent.processedAt and outcome
//
// The follow-up runs outside the transaction (it locks the billing account itself and sends
// email); if it fails, processedAt stays null and the answer is 500, so Stripe retries, and the
// retry runs only the follow-up (both functions are idempotent per invoice).
//
// The answer and StripeEvent.outcome name what was done: checkout_linked, subscription_updated,
// subscription_canceled, invoice_marked_paid, invoice_marked_void, invoice_marked_uncollectible,
// dunning_started, invoice_marked_failed (another invoice is being dunned), commission_reversed;
// or why nothing was: duplicate, ignored_stale, ignored_not_current, ignored_unknown_workspace,
// ignored_unhandled, ignored_nothing_to_reverse.
//
// Subscription events keep Tenant.plan and status in sync with the subscription:
//   trialing, active → the plan of the subscription's price (lookup key); the workspace active
//   past_due         → the plan stays; dunning (invoice.payment_failed) runs its course
//   unpaid           → the workspace is suspended (reactivated when the subscription is active again)
//   canceled, incomplete_expired, paused (deleted) → the free plan
//
// Events arrive out of order, and Stripe's event.created has one-second resolution, so the
// order of one object's states is taken from Stripe's own state machine, not from arrival:
// - a subscription only moves forward from "incomplete" and never comes back from "canceled" or
//   "incomplete_expired": an event whose status ranks below the one applied for the same
//   subscription is stale (Checkout's created(incomplete) after updated(active) in the same
//   second), and so is one strictly older (event.created) than the last one applied;
// - an invoice's "paid" and "void" are final and "uncollectible" outranks "open" (StripeInvoice):
//   an invoice.payment_failed for an invoice already paid is stale, whenever it arrives; and
//   startDunning checks the same row, so a payment that lands meanwhile still wins.
// Anything about an unknown workspace is recorded and answered 200.

export const HANDLED_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.voided',
  'invoice.marked_uncollectible',
] as const;

type BillingOutcome =
  | 'checkout_linked'
  | 'subscription_updated'
  | 'subscription_canceled'
  | 'invoice_marked_paid'
  | 'invoice_marked_void'
  | 'invoice_marked_uncollectible'
  | 'dunning_started'
  | 'invoice_marked_failed'
  | 'ignored_stale'
  | 'ignored_not_current'
  | 'ignored_unknown_workspace'
  | 'ignored_unhandled';

export type WebhookOutcome = BillingOutcome | EarningsOutcome | 'duplicate';

/** Verifies the signature and parses the JSON; 400 invalid_signature, or 503 when no secret is configured. */
function verifyStripeSignature(rawBody: string | Buffer, signature: string | null): unknown {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError(503, 'billing_not_configured', 'Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET is not set).');
  if (!signature) throw new AppError(400, 'invalid_signature', 'The Stripe-Signature header is missing.');
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret) as unknown;
  } catch {
    throw new AppError(400, 'invalid_signature', 'The Stripe-Signature header does not match the payload (or is too old).');
  }
}

// ─── Effects ───

type Tx = Prisma.TransactionClient;

/** What to do after the effects commit. */
type FollowUp = { kind: 'start_dunning'; tenantId: string; invoiceId: string; at: Date } | { kind: 'stop_dunning'; tenantId: string; invoiceId?: string } | null;

interface Effects {
  tenantId: string | null;
  outcome: BillingOutcome;
  followUp: FollowUp;
  planChanged: boolean;
}

const nothing = (outcome: BillingOutcome, reason: string, tenantId: string | null = null): Effects => {
  logger().info({ tenantId: tenantId ?? undefined, outcome, reason }, 'billing: Stripe event not applied');
  return { tenantId, outcome, followUp: null, planChanged: false };
};

/** The workspace an event is about: metadata.tenantId (ours), else the billing account of the customer. */
async function resolveTenant(tx: Tx, tenantHint: string | null, customerId: string | null): Promise<string | null> {
  if (tenantHint && (await tx.tenant.findUnique({ where: { id: tenantHint }, select: { id: true } }))) return tenantHint;
  if (customerId) {
    const account = await tx.billingAccount.findUnique({ where: { stripeCustomerId: customerId }, select: { tenantId: true } });
    if (account) return account.tenantId;
  }
  return null;
}

/** The billing account (created if missing), locked for the rest of the transaction. */
async function lockAccount(tx: Tx, tenantId: string) {
  await tx.$executeRaw`INSERT INTO "BillingAccount" ("tenantId", "updatedAt") VALUES (${tenantId}, now()) ON CONFLICT ("tenantId") DO NOTHING`;
  await tx.$queryRaw`SELECT "tenantId" FROM "BillingAccount" WHERE "tenantId" = ${tenantId} FOR UPDATE`;
  return tx.billingAccount.findUniqueOrThrow({ where: { tenantId } });
}

/** Sets the customer id unless another workspace has it (then leaves it: a mix-up to look at, not to spread). */
async function linkCustomer(tx: Tx, tenantId: string, customerId: string | null): Promise<void> {
  if (!customerId) return;
  const owner = await tx.billingAccount.findUnique({ where: { stripeCustomerId: customerId }, select: { tenantId: true } });
  if (owner && owner.tenantId !== tenantId) {
    logger().error({ tenantId, stripeCustomerId: customerId, ownerTenantId: owner.tenantId }, 'billing: Stripe customer belongs to another workspace; not relinked');
    return;
  }
  await tx.billingAccount.update({ where: { tenantId }, data: { stripeCustomerId: customerId } });
}

async function onCheckoutCompleted(tx: Tx, session: Loose): Promise<Effects> {
  const tenantId = await resolveTenant(tx, str(session.client_reference_id) ?? metadataTenant(session), idOf(session.customer));
  if (!tenantId) return nothing('ignored_unknown_workspace', 'no workspace for this checkout session');
  const account = await lockAccount(tx, tenantId);
  await linkCustomer(tx, tenantId, idOf(session.customer));
  const subscriptionId = idOf(session.subscription);
  // The subscription events set the plan; this only links the subscription if none is known yet.
  if (subscriptionId && !account.stripeSubscriptionId) await tx.billingAccount.update({ where: { tenantId }, data: { stripeSubscriptionId: subscriptionId } });
  await recordAudit(tx, { tenantId, actor: null, action: 'billing.checkout_completed', target: { type: 'checkout_session', id: str(session.id) ?? 'unknown' }, metadata: { subscriptionId } });
  return { tenantId, outcome: 'checkout_linked', followUp: null, planChanged: false };
}

const ACTIVE = new Set(['trialing', 'active']);
const ENDED = new Set(['canceled', 'incomplete_expired', 'paused']);

/** Where a status sits in a subscription's life: it never moves back to a lower rank. */
function subscriptionRank(status: string | null): number {
  if (status === null) return -1;
  if (status === 'incomplete') return 0;
  if (status === 'canceled' || status === 'incomplete_expired') return 2;
  return 1;
}

async function onSubscription(tx: Tx, event: Stripe.Event, object: Loose): Promise<Effects> {
  const facts = subscriptionFacts(object)!;
  const tenantId = await resolveTenant(tx, facts.tenantId, facts.customerId);
  if (!tenantId) return nothing('ignored_unknown_workspace', 'no workspace for this subscription');
  const account = await lockAccount(tx, tenantId);
  const eventAt = new Date(event.created * 1000);
  const status = event.type === 'customer.subscription.deleted' ? 'canceled' : facts.status;
  if (account.subscriptionEventAt && eventAt < account.subscriptionEventAt) return nothing('ignored_stale', 'older than the last subscription event applied', tenantId);
  if (account.stripeSubscriptionId === facts.id && subscriptionRank(status) < subscriptionRank(account.subscriptionStatus)) {
    return nothing('ignored_stale', `"${status}" comes before the "${account.subscriptionStatus}" already applied`, tenantId);
  }
  // An older subscription ending (e.g. replaced by a new one) does not end the current one.
  if (account.stripeSubscriptionId && account.stripeSubscriptionId !== facts.id && (ENDED.has(status) || status === 'incomplete')) {
    return nothing('ignored_not_current', 'about a subscription that is not the current one', tenantId);
  }

  await linkCustomer(tx, tenantId, facts.customerId);
  await tx.billingAccount.update({
    where: { tenantId },
    data: {
      stripeSubscriptionId: facts.id,
      subscriptionStatus: status,
      currentPeriodStart: facts.periodStart,
      currentPeriodEnd: facts.periodEnd,
      cancelAtPeriodEnd: facts.cancelAtPeriodEnd,
      subscriptionEventAt: eventAt,
    },
  });

  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { status: true } });
  let plan: string | null = null;
  let tenantStatus: 'active' | 'suspended' | null = null;
  // A workspace this handler suspended (its subscription was unpaid) comes back when it is paid for.
  const suspendedForUnpaid = tenant.status === 'suspended' && account.subscriptionStatus === 'unpaid';
  if (ACTIVE.has(status)) {
    plan = await planOfSubscription(facts);
    if (!plan) logger().error({ tenantId, stripeSubscriptionId: facts.id }, "billing: subscription has no price with a known plan's lookup key; the plan is unchanged");
    if (tenant.status === 'trial' || tenant.status === 'past_due' || suspendedForUnpaid) tenantStatus = 'active';
  } else if (status === 'past_due') {
    plan = await planOfSubscription(facts);
  } else if (status === 'unpaid') {
    if (tenant.status !== 'suspended' && tenant.status !== 'canceled') tenantStatus = 'suspended';
  } else if (ENDED.has(status)) {
    plan = FREE_PLAN_ID;
    if (suspendedForUnpaid) tenantStatus = 'active';
  }
  // "incomplete": the first payment has not gone through yet; nothing changes until it does.

  const planChanged = plan ? await applyPlan(tx, tenantId, plan, { source: 'stripe', actor: null, metadata: { subscriptionId: facts.id, subscriptionStatus: status, eventId: event.id } }) : false;
  if (tenantStatus && tenantStatus !== tenant.status) {
    await tx.tenant.update({ where: { id: tenantId }, data: { status: tenantStatus } });
    await recordAudit(tx, {
      tenantId,
      actor: null,
      action: tenantStatus === 'suspended' ? 'tenant.suspended' : 'tenant.reactivated',
      target: { type: 'tenant', id: tenantId },
      metadata: { reason: tenantStatus === 'suspended' ? 'subscription_unpaid' : 'subscription_active', subscriptionId: facts.id, subscriptionStatus: status },
    });
    await notifyTenantChanged(tx);
  }
  await emitSubscriptionEvent(tx, tenantId, event, object, status);
  const followUp: FollowUp = event.type === 'customer.subscription.deleted' ? { kind: 'stop_dunning', tenantId } : null;
  return { tenantId, outcome: ENDED.has(status) ? 'subscription_canceled' : 'subscription_updated', followUp, planChanged: planChanged || tenantStatus !== null };
}

/** An invoice's states by precedence: paid and void are final, uncollectible outranks open. */
const INVOICE_RANK: Record<string, number> = { draft: 0, open: 1, uncollectible: 2, paid: 3, void: 3 };

/** The invoice's status as this event tells it. */
function invoiceStatusOf(type: string): string {
  if (type === 'invoice.paid') return 'paid';
  if (type === 'invoice.voided') return 'void';
  if (type === 'invoice.marked_uncollectible') return 'uncollectible';
  return 'open';
}

async function onInvoice(tx: Tx, event: Stripe.Event, invoice: Loose): Promise<Effects> {
  const invoiceId = str(invoice.id)!;
  const subscriptionDetails = obj(obj(invoice.parent)?.subscription_details);
  const tenantId = await resolveTenant(tx, str(obj(subscriptionDetails?.metadata)?.tenantId) ?? metadataTenant(invoice), idOf(invoice.customer));
  if (!tenantId) return nothing('ignored_unknown_workspace', 'no workspace for this invoice');

  // One invoice's events one at a time (the row may not exist yet, so a lock on its id).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`stripe-invoice:${invoiceId}`}))`;
  const known = await tx.stripeInvoice.findUnique({ where: { id: invoiceId } });
  const status = invoiceStatusOf(event.type);
  const eventAt = new Date(event.created * 1000);
  const rank = INVOICE_RANK[status] ?? 0;
  const knownRank = known ? (INVOICE_RANK[known.status] ?? 0) : -1;
  if (known && (rank < knownRank || (rank === knownRank && eventAt < known.eventAt))) {
    return nothing('ignored_stale', `invoice ${invoiceId} is already ${known.status}`, tenantId);
  }
  const nextPaymentAttempt = event.type === 'invoice.payment_failed' ? date(invoice.next_payment_attempt) : null;
  const state = { tenantId, status, eventAt, nextPaymentAttempt };
  await tx.stripeInvoice.upsert({ where: { id: invoiceId }, create: { id: invoiceId, ...state }, update: state });
  await emitPaymentEvent(tx, tenantId, event, invoice, { firstPaid: known?.status !== 'paid' });

  switch (event.type) {
    case 'invoice.payment_failed':
      return { tenantId, outcome: 'dunning_started', followUp: { kind: 'start_dunning', tenantId, invoiceId, at: eventAt }, planChanged: false };
    case 'invoice.paid':
      return { tenantId, outcome: 'invoice_marked_paid', followUp: { kind: 'stop_dunning', tenantId, invoiceId }, planChanged: false };
    case 'invoice.voided':
      // Nobody can pay a void invoice: its dunning ends (and a suspension for it is lifted).
      return { tenantId, outcome: 'invoice_marked_void', followUp: { kind: 'stop_dunning', tenantId, invoiceId }, planChanged: false };
    default:
      return { tenantId, outcome: 'invoice_marked_uncollectible', followUp: null, planChanged: false };
  }
}

async function applyEffects(tx: Tx, event: Stripe.Event): Promise<Effects> {
  const object = event.data.object as unknown as Loose;
  switch (event.type) {
    case 'checkout.session.completed':
      return onCheckoutCompleted(tx, object);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return onSubscription(tx, event, object);
    case 'invoice.paid':
    case 'invoice.payment_failed':
    case 'invoice.voided':
    case 'invoice.marked_uncollectible':
      return onInvoice(tx, event, object);
    default:
      return { tenantId: null, outcome: 'ignored_unhandled', followUp: null, planChanged: false };
  }
}

/** The follow-up of an event whose effects were committed by an earlier delivery that failed after. */
function followUpAgain(event: Stripe.Event, tenantId: string | null, outcome: string | null): FollowUp {
  if (!tenantId || !outcome || outcome.startsWith('ignored')) return null;
  const invoiceId = str((event.data.object as unknown as Loose).id);
  if (event.type === 'invoice.payment_failed' && invoiceId) return { kind: 'start_dunning', tenantId, invoiceId, at: new Date(event.created * 1000) };
  if ((event.type === 'invoice.paid' || event.type === 'invoice.voided') && invoiceId) return { kind: 'stop_dunning', tenantId, invoiceId };
  if (event.type === 'customer.subscription.deleted') return { kind: 'stop_dunning', tenantId };
  return null;
}

/** Runs the follow-up; a failed invoice whose dunning did not start (another one is dunned, or it was paid meanwhile) says so. */
async function runFollowUp(followUp: FollowUp, outcome: BillingOutcome): Promise<BillingOutcome> {
  if (!followUp) return outcome;
  if (followUp.kind === 'stop_dunning') {
    await stopDunning({ tenantId: followUp.tenantId, ...(followUp.invoiceId ? { invoiceId: followUp.invoiceId } : {}) });
    return outcome;
  }
  const dunning = await startDunning({ tenantId: followUp.tenantId, invoiceId: followUp.invoiceId, at: followUp.at });
  return dunning === 'settled' ? 'ignored_stale' : dunning === 'other_invoice' ? 'invoice_marked_failed' : 'dunning_started';
}

/** Records a signed event that is malformed (answered 400), under its id or a digest of the body. */
async function recordRejected(value: unknown, rawBody: string | Buffer, error: AppError): Promise<void> {
  const loose = obj(value);
  const id = str(loose?.id)?.slice(0, 255) ?? `invalid_${createHash('sha256').update(rawBody).digest('hex').slice(0, 32)}`;
  const type = str(loose?.type)?.slice(0, 255) ?? 'unknown';
  const createdAt = date(loose?.created) ?? new Date();
  await db.$executeRaw`
    INSERT INTO "StripeEvent" (id, type, "createdAt", "processedAt", outcome, error) VALUES (${id}, ${type}, ${createdAt}, now(), 'rejected', ${error.message})
    ON CONFLICT (id) DO NOTHING`;
  logger().warn({ eventId: id, eventType: type, error: error.message }, 'billing: malformed Stripe event rejected');
}

/** The webhook: signature, shape, then the event once (see the top of this file). */
export async function receiveStripeEvent(rawBody: string | Buffer, signature: string | null): Promise<WebhookOutcome> {
  const value = verifyStripeSignature(rawBody, signature);
  let event: Stripe.Event;
  try {
    event = parseStripeEvent(value);
  } catch (error) {
    if (error instanceof AppError) await recordRejected(value, rawBody, error);
    throw error;
  }
  return processStripeEvent(event);
}

/** Handles one verified, well-formed event exactly once. */
async function processStripeEvent(event: Stripe.Event): Promise<WebhookOutcome> {
  const createdAt = new Date(event.created * 1000);
  const result = await db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "StripeEvent" (id, type, "createdAt") VALUES (${event.id}, ${event.type}, ${createdAt})
      ON CONFLICT (id) DO NOTHING RETURNING id`;
    if (inserted.length === 0) {
      const seen = await tx.stripeEvent.findUnique({ where: { id: event.id }, select: { processedAt: true, tenantId: true, outcome: true } });
      if (seen?.processedAt) return { duplicate: true as const };
      const tenantId = seen?.tenantId ?? null;
      const outcome = (seen?.outcome ?? 'ignored_unhandled') as BillingOutcome;
      return { duplicate: false as const, tenantId, outcome, followUp: followUpAgain(event, tenantId, outcome), planChanged: false };
    }
    const effects = await applyEffects(tx, event);
    await tx.stripeEvent.update({ where: { id: event.id }, data: { tenantId: effects.tenantId, outcome: effects.outcome } });
    return { duplicate: false as const, ...effects };
  });
  if (result.duplicate) return 'duplicate';
  if (result.planChanged) planChangeCommitted();
  const billingOutcome = await runFollowUp(result.followUp, result.outcome);
  // Earnings: commissions and revenue share on invoice.paid, reversals on charge.refunded / credit_note.created (idempotent, lib/earnings).
  const outcome = (await handleEarningsStripeEvent(event, result.tenantId)) ?? billingOutcome;
  await db.stripeEvent.update({ where: { id: event.id }, data: { processedAt: new Date(), outcome } });
  return outcome;
}
