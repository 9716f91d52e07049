import Stripe from 'stripe';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { AppError } from '../http/problem.ts';
import { handleResellerStripeEvent } from '../resellers/stripe-events.ts';
import { notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { startDunning, stopDunning } from './dunning.ts';
import { FREE_PLAN_ID } from './plan-catalog.ts';
import { listPlans } from './plans.ts';
import { applyPlan, planChangeCommitted } from './set-plan.ts';
import { env } from '../config/env.ts';
import { logger } from '../observability/logger.ts';

// Stripe's webhooks (app/api/webhooks/stripe/route.ts). The raw body's signature is checked
// with STRIPE_WEBHOOK_SECRET; then each event is handled once:
//
//   transaction: insert StripeEvent(id) ON CONFLICT DO NOTHING ─ already there and processed?
//                → a replay: 200, nothing happens
//                apply the event's effects (billing account, tenant plan and status, audit)
//   after commit: the dunning follow-up (startDunning / stopDunning, lib/billing/dunning.ts),
//                then StripeEvent.processedAt
//
// The follow-up runs outside the transaction (it locks the billing account itself and sends
// email); if it fails, processedAt stays null and the answer is 500, so Stripe retries, and the
// retry runs only the follow-up (both functions are idempotent per invoice).
//
// Subscription events keep Tenant.plan and status in sync with the subscription:
//   trialing, active → the plan of the subscription's price (lookup key); the workspace active
//   past_due         → the plan stays; dunning (invoice.payment_failed) runs its course
//   unpaid           → the workspace is suspended (reactivated when the subscription is active again)
//   canceled, incomplete_expired, paused (deleted) → the free plan
// Events arrive out of order: one older (event.created) than the last applied subscription
// event (BillingAccount.subscriptionEventAt) is recorded and ignored. Anything malformed or
// about an unknown workspace is recorded and ignored (200), never a 500.

export const HANDLED_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
] as const;

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored';

/** Verifies the signature and parses the event; 400 invalid_signature, or 503 when no secret is configured. */
export function verifyStripeEvent(rawBody: string | Buffer, signature: string | null): Stripe.Event {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError(503, 'billing_not_configured', 'Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET is not set).');
  if (!signature) throw new AppError(400, 'invalid_signature', 'The Stripe-Signature header is missing.');
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new AppError(400, 'invalid_signature', 'The Stripe-Signature header does not match the payload (or is too old).');
  }
}

// ─── Reading Stripe objects defensively (a field may be missing, an id or an expanded object) ───

type Loose = Record<string, unknown>;

const obj = (value: unknown): Loose | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const idOf = (value: unknown): string | null => str(value) ?? str(obj(value)?.id);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const date = (seconds: unknown): Date | null => (num(seconds) === null ? null : new Date((seconds as number) * 1000));
const metadataTenant = (value: unknown): string | null => str(obj(obj(value)?.metadata)?.tenantId);

interface SubscriptionFacts {
  id: string;
  customerId: string | null;
  status: string;
  tenantId: string | null;
  cancelAtPeriodEnd: boolean;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** The prices of its items: lookup keys and Waypoint metadata, to find the plan. */
  prices: { lookupKey: string | null; planMetadata: string | null }[];
}

function subscriptionFacts(object: Loose): SubscriptionFacts | null {
  const id = str(object.id);
  const status = str(object.status);
  if (!id || !status) return null;
  const items = Array.isArray(obj(object.items)?.data) ? (obj(object.items)!.data as unknown[]) : [];
  const itemObjects = items.map(obj).filter((item): item is Loose => item !== null);
  // Since API version 2025-03-31 the period is on the items (all share the subscription's cycle).
  const first = itemObjects[0];
  return {
    id,
    customerId: idOf(object.customer),
    status,
    tenantId: metadataTenant(object),
    cancelAtPeriodEnd: object.cancel_at_period_end === true,
    periodStart: date(first?.current_period_start ?? object.current_period_start),
    periodEnd: date(first?.current_period_end ?? object.current_period_end),
    prices: itemObjects.map((item) => {
      const price = obj(item.price);
      return { lookupKey: str(price?.lookup_key), planMetadata: str(obj(price?.metadata)?.waypoint_plan) };
    }),
  };
}

/** The plan a subscription sells: a price's lookup key, else a price tagged with metadata.waypoint_plan (reseller prices). */
async function planOfSubscription(facts: SubscriptionFacts): Promise<string | null> {
  const plans = await listPlans();
  for (const price of facts.prices) {
    const byKey = price.lookupKey ? plans.find((plan) => plan.stripeLookupKey === price.lookupKey) : undefined;
    if (byKey) return byKey.id;
    const byMetadata = price.planMetadata ? plans.find((plan) => plan.id === price.planMetadata) : undefined;
    if (byMetadata) return byMetadata.id;
  }
  return null;
}

// ─── Effects ───

type Tx = Prisma.TransactionClient;

/** What to do after the effects commit. */
type FollowUp = { kind: 'start_dunning'; tenantId: string; invoiceId: string; at: Date } | { kind: 'stop_dunning'; tenantId: string; invoiceId?: string } | null;

interface Effects {
  tenantId: string | null;
  followUp: FollowUp;
  planChanged: boolean;
  ignored?: string;
}

const ignored = (reason: string, tenantId: string | null = null): Effects => ({ tenantId, followUp: null, planChanged: false, ignored: reason });

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
  if (!tenantId) return ignored('no workspace for this checkout session');
  const account = await lockAccount(tx, tenantId);
  await linkCustomer(tx, tenantId, idOf(session.customer));
  const subscriptionId = idOf(session.subscription);
  // The subscription events set the plan; this only links the subscription if none is known yet.
  if (subscriptionId && !account.stripeSubscriptionId) await tx.billingAccount.update({ where: { tenantId }, data: { stripeSubscriptionId: subscriptionId } });
  await recordAudit(tx, { tenantId, actor: null, action: 'billing.checkout_completed', target: { type: 'checkout_session', id: str(session.id) ?? 'unknown' }, metadata: { subscriptionId } });
  return { tenantId, followUp: null, planChanged: false };
}

const ACTIVE = new Set(['trialing', 'active']);
const ENDED = new Set(['canceled', 'incomplete_expired', 'paused']);

async function onSubscription(tx: Tx, event: Stripe.Event, object: Loose): Promise<Effects> {
  const facts = subscriptionFacts(object);
  if (!facts) return ignored('malformed subscription');
  const tenantId = await resolveTenant(tx, facts.tenantId, facts.customerId);
  if (!tenantId) return ignored('no workspace for this subscription');
  const account = await lockAccount(tx, tenantId);
  const eventAt = new Date(event.created * 1000);
  if (account.subscriptionEventAt && eventAt < account.subscriptionEventAt) return ignored('older than the last subscription event applied', tenantId);
  const status = event.type === 'customer.subscription.deleted' ? 'canceled' : facts.status;
  // An older subscription ending (e.g. replaced by a new one) does not end the current one.
  if (account.stripeSubscriptionId && account.stripeSubscriptionId !== facts.id && (ENDED.has(status) || status === 'incomplete')) {
    return ignored('about a subscription that is not the current one', tenantId);
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
  const followUp: FollowUp = event.type === 'customer.subscription.deleted' ? { kind: 'stop_dunning', tenantId } : null;
  return { tenantId, followUp, planChanged: planChanged || tenantStatus !== null };
}

async function onInvoice(tx: Tx, event: Stripe.Event, invoice: Loose): Promise<Effects> {
  const invoiceId = str(invoice.id);
  if (!invoiceId) return ignored('malformed invoice');
  const subscriptionDetails = obj(obj(invoice.parent)?.subscription_details);
  const tenantId = await resolveTenant(tx, str(obj(subscriptionDetails?.metadata)?.tenantId) ?? metadataTenant(invoice), idOf(invoice.customer));
  if (!tenantId) return ignored('no workspace for this invoice');
  if (event.type === 'invoice.payment_failed') return { tenantId, followUp: { kind: 'start_dunning', tenantId, invoiceId, at: new Date(event.created * 1000) }, planChanged: false };
  return { tenantId, followUp: { kind: 'stop_dunning', tenantId, invoiceId }, planChanged: false };
}

async function applyEffects(tx: Tx, event: Stripe.Event): Promise<Effects> {
  const object = obj(event.data?.object);
  if (!object) return ignored('no data.object');
  switch (event.type) {
    case 'checkout.session.completed':
      return onCheckoutCompleted(tx, object);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return onSubscription(tx, event, object);
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return onInvoice(tx, event, object);
    default:
      return ignored(`${event.type} is not handled`);
  }
}

/** The follow-up of an event whose effects were committed by an earlier delivery. */
async function followUpAgain(event: Stripe.Event, tenantId: string | null): Promise<FollowUp> {
  if (!tenantId) return null;
  const object = obj(event.data?.object);
  const invoiceId = str(object?.id);
  if (event.type === 'invoice.payment_failed' && invoiceId) return { kind: 'start_dunning', tenantId, invoiceId, at: new Date(event.created * 1000) };
  if (event.type === 'invoice.paid' && invoiceId) return { kind: 'stop_dunning', tenantId, invoiceId };
  if (event.type === 'customer.subscription.deleted') return { kind: 'stop_dunning', tenantId };
  return null;
}

async function runFollowUp(followUp: FollowUp): Promise<void> {
  if (!followUp) return;
  if (followUp.kind === 'start_dunning') await startDunning({ tenantId: followUp.tenantId, invoiceId: followUp.invoiceId, at: followUp.at });
  else await stopDunning({ tenantId: followUp.tenantId, ...(followUp.invoiceId ? { invoiceId: followUp.invoiceId } : {}) });
}

/** Handles one verified event exactly once (see the top of this file). */
export async function processStripeEvent(event: Stripe.Event): Promise<WebhookOutcome> {
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.created !== 'number') throw new AppError(400, 'bad_request', 'Not a Stripe event.');
  const createdAt = new Date(event.created * 1000);
  const result = await db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "StripeEvent" (id, type, "createdAt") VALUES (${event.id}, ${event.type}, ${createdAt})
      ON CONFLICT (id) DO NOTHING RETURNING id`;
    if (inserted.length === 0) {
      const seen = await tx.stripeEvent.findUnique({ where: { id: event.id }, select: { processedAt: true, tenantId: true } });
      if (seen?.processedAt) return { outcome: 'duplicate' as const, tenantId: seen.tenantId, followUp: null, planChanged: false };
      return { outcome: 'processed' as const, tenantId: seen?.tenantId ?? null, followUp: await followUpAgain(event, seen?.tenantId ?? null), planChanged: false };
    }
    const effects = await applyEffects(tx, event);
    if (effects.tenantId) await tx.stripeEvent.update({ where: { id: event.id }, data: { tenantId: effects.tenantId } });
    if (effects.ignored) logger().info({ eventId: event.id, eventType: event.type, tenantId: effects.tenantId ?? undefined, reason: effects.ignored }, 'billing: Stripe event ignored');
    return { outcome: effects.ignored ? ('ignored' as const) : ('processed' as const), tenantId: effects.tenantId, followUp: effects.followUp, planChanged: effects.planChanged };
  });
  if (result.planChanged) planChangeCommitted();
  if (result.outcome === 'duplicate') return 'duplicate';
  await runFollowUp(result.followUp);
  // Resellers: commissions on invoice.paid, reversals on charge.refunded / credit_note.created (idempotent, lib/resellers).
  await handleResellerStripeEvent(event, result.tenantId);
  await db.stripeEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
  return result.outcome;
}
