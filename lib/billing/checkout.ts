import { z } from 'zod';
import type Stripe from 'stripe';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tenantOrigin } from '../config/env.ts';
import { db, Prisma } from '../db/client.ts';
import { AppError, conflict, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { resellerStripePriceFor } from '../resellers/prices.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { PlanDefinition } from './plan-catalog.ts';
import { BILLING_CURRENCIES, DEFAULT_BILLING_CURRENCY, isBillingCurrency, type BillingCurrency } from './currencies.ts';
import { getPlan, isPlanId, listPlans, planLookupKeys, planPriceIn } from './plans.ts';
import { applyPlan, endTrialByChoice, planChangeCommitted } from './set-plan.ts';
import { priceIdsByLookupKey, requireStripe } from './stripe-client.ts';

// Owners subscribe and change plans here; Stripe's webhooks then set the plan
// (lib/billing/stripe-webhook.ts), so the workspace's plan is always what Stripe bills.
//
// - No subscription yet: a Checkout session (subscription mode) with the plan's monthly price
//   and its metered overage price; the owner pays on Stripe and comes back to the billing page.
// - Already subscribed: the subscription's prices are swapped in place (prorated), no second
//   checkout and no second subscription. Stripe's customer.subscription.updated applies it.
// - Free: the subscription is canceled at the end of the period (the plan stays until then).
// - A subscription that exists but cannot be changed in place (unpaid, incomplete, paused, or
//   linked by Checkout and not yet confirmed) is resumed, never doubled: any plan choice is
//   409 subscription_exists, and the owner pays the open invoice (payOpenInvoice: its hosted
//   page, else the portal), which brings the same subscription back.
// - Cards, invoices and cancelling go through Stripe's customer portal.

export const BILLING_PATH = '/settings/billing';

/** Subscription states in which the workspace already has a subscription to change. */
const LIVE = new Set(['trialing', 'active', 'past_due']);
/** States after which a subscription is gone for good, so a new one may start. */
const ENDED = new Set(['canceled', 'incomplete_expired']);

/** A subscription exists that is neither live (changed in place) nor ended: it is to be resumed, never doubled. */
export function hasResumableSubscription(account: { stripeSubscriptionId: string | null; subscriptionStatus: string | null } | null): boolean {
  const status = account?.subscriptionStatus ?? '';
  return Boolean(account?.stripeSubscriptionId) && !LIVE.has(status) && !ENDED.has(status);
}

/** What to do instead, for a subscription that exists but is not live. */
function existingSubscriptionAdvice(status: string | null): string {
  if (status === 'unpaid') return 'Its latest invoice is unpaid: Pay the open invoice on the billing page to resume it, then change the plan.';
  if (status === 'incomplete') return "Its first payment has not gone through yet: complete it from Stripe's billing portal (Manage billing), or wait until it expires.";
  if (status === 'paused') return "It is paused: resume it from Stripe's billing portal (Manage billing).";
  return 'Stripe is still confirming it: try again in a minute, or see it in the billing portal (Manage billing).';
}

export type PlanChangeResult =
  | { kind: 'checkout'; url: string }
  | { kind: 'updated'; plan: string }
  | { kind: 'cancel_scheduled'; plan: string; at: string | null }
  | { kind: 'unchanged'; plan: string };

const planChangeSchema = z.object({ plan: z.string().trim().min(1, 'Choose a plan.').max(40) }).strict();

const actorOf = (member: Member) => ({ id: member.userId, email: member.email });

function billingUrl(tenant: TenantContext, query = ''): string {
  return `${tenantOrigin(tenant.slug)}${BILLING_PATH}${query}`;
}

/**
 * The workspace's Stripe customer, created on first need. The idempotency key is the
 * workspace's: two owners clicking at once get one customer.
 */
export async function ensureCustomer(tenant: TenantContext, actor: Member): Promise<string> {
  const account = await db.billingAccount.findUnique({ where: { tenantId: tenant.id }, select: { stripeCustomerId: true } });
  if (account?.stripeCustomerId) return account.stripeCustomerId;
  const customer = await requireStripe().customers.create(
    { name: tenant.name, email: actor.email, metadata: { tenantId: tenant.id, slug: tenant.slug } },
    { idempotencyKey: `waypoint-customer:${tenant.id}` },
  );
  try {
    await db.billingAccount.upsert({
      where: { tenantId: tenant.id },
      create: { tenantId: tenant.id, stripeCustomerId: customer.id },
      update: { stripeCustomerId: customer.id },
    });
  } catch (error) {
    // Two first requests at once: the upsert's ON CONFLICT is on tenantId only, so the second
    // insert trips over the customer id the first one stored (the same customer: same key).
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
  }
  return customer.id;
}

/**
 * The Stripe prices a workspace pays for a plan: its monthly price (its reseller's price when
 * it is a reseller's client and the reseller priced the plan, else the list price) and, when
 * billed, the metered overage price.
 */
async function pricesOf(tenant: TenantContext, plan: PlanDefinition): Promise<{ base: string; overage: string | null }> {
  if (!plan.stripeLookupKey) throw validationFailed({ plan: `The ${plan.name} plan is not sold through Stripe.` });
  const currency = await billingCurrencyOf(tenant);
  const price = planPriceIn(plan, currency);
  if (!price?.stripeLookupKey) throw validationFailed({ plan: `The ${plan.name} plan is not sold in ${currency.toUpperCase()}.` });
  const keys = [price.stripeLookupKey, ...(price.overageLookupKey ? [price.overageLookupKey] : [])];
  const [ids, resellerPrice] = await Promise.all([priceIdsByLookupKey(keys), resellerStripePriceFor(tenant, plan.id)]);
  // priceIdsByLookupKey answers every key asked (a missing one is 503 billing_misconfigured).
  return { base: resellerPrice ?? ids.get(price.stripeLookupKey)!, overage: price.overageLookupKey ? ids.get(price.overageLookupKey)! : null };
}

/** The currency the workspace is billed in (Tenant.billingCurrency). */
export async function billingCurrencyOf(tenant: { id: string }): Promise<BillingCurrency> {
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { billingCurrency: true } });
  return isBillingCurrency(row?.billingCurrency) ? row.billingCurrency : DEFAULT_BILLING_CURRENCY;
}

const currencySchema = z.object({ currency: z.string().trim().toLowerCase().refine(isBillingCurrency, `Choose one of ${BILLING_CURRENCIES.map((c) => c.toUpperCase()).join(', ')}.`) }).strict();

/**
 * An owner picks the currency the workspace is billed in. Stripe bills a customer in one
 * currency, so it is fixed while a subscription exists (live or to be resumed): cancel it
 * first. Audited.
 */
export async function setBillingCurrency(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null): Promise<{ currency: BillingCurrency }> {
  assertCan(actor.role, 'billing.manage', 'Only owners can change the billing currency.');
  const { currency } = parseInput(currencySchema, input) as { currency: BillingCurrency };
  const account = await db.billingAccount.findUnique({ where: { tenantId: tenant.id } });
  const current = await billingCurrencyOf(tenant);
  if (currency === current) return { currency };
  if (account?.stripeSubscriptionId && !ENDED.has(account.subscriptionStatus ?? '')) {
    throw new AppError(409, 'currency_locked', `This workspace's subscription is billed in ${current.toUpperCase()}. Cancel it in the billing portal (Manage billing) before changing the currency.`);
  }
  await db.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data: { billingCurrency: currency } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'billing.currency_changed', target: { type: 'tenant', id: tenant.id }, ip, metadata: { from: current, to: currency } });
  });
  return { currency };
}

async function startCheckout(tenant: TenantContext, actor: Member, plan: PlanDefinition): Promise<string> {
  const customer = await ensureCustomer(tenant, actor);
  const prices = await pricesOf(tenant, plan);
  const session = await requireStripe().checkout.sessions.create(
    {
      mode: 'subscription',
      customer,
      client_reference_id: tenant.id,
      metadata: { tenantId: tenant.id, plan: plan.id },
      subscription_data: { metadata: { tenantId: tenant.id, plan: plan.id } },
      // Metered prices take no quantity: usage is reported as meter events.
      line_items: [{ price: prices.base, quantity: 1 }, ...(prices.overage ? [{ price: prices.overage }] : [])],
      success_url: billingUrl(tenant, '?checkout=success'),
      cancel_url: billingUrl(tenant, '?checkout=canceled'),
    },
    // A double click within the same minute gets the same session.
    { idempotencyKey: `waypoint-checkout:${tenant.id}:${plan.id}:${Math.floor(Date.now() / 60_000)}` },
  );
  if (!session.url) throw conflict('Stripe did not return a checkout page. Try again.');
  return session.url;
}

/** Swaps the subscription's prices for the plan's (the webhook that follows applies the plan). */
async function switchSubscription(tenant: TenantContext, subscriptionId: string, plan: PlanDefinition): Promise<void> {
  const stripe = requireStripe();
  const prices = await pricesOf(tenant, plan);
  const subscription = await stripe.subscriptions.retrieve(subscriptionId, { expand: ['items.data.price'] });
  const plans = await listPlans();
  const baseKeys = new Set(plans.flatMap((p) => planLookupKeys(p).base));
  const overageKeys = new Set(plans.flatMap((p) => planLookupKeys(p).overage));
  const items: Stripe.SubscriptionUpdateParams.Item[] = [];
  let baseSeen = false;
  let overageSeen = false;
  for (const item of subscription.items.data) {
    const key = item.price.lookup_key;
    const isOverage = key !== null && overageKeys.has(key);
    const isBase = !isOverage && (key === null || baseKeys.has(key) || item.price.metadata?.waypoint_plan !== undefined);
    if (isOverage && !overageSeen) {
      overageSeen = true;
      items.push(prices.overage ? { id: item.id, price: prices.overage } : { id: item.id, deleted: true });
    } else if (isBase && !baseSeen) {
      baseSeen = true;
      items.push({ id: item.id, price: prices.base, quantity: 1 });
    }
  }
  if (!baseSeen) items.push({ price: prices.base, quantity: 1 });
  if (!overageSeen && prices.overage) items.push({ price: prices.overage });
  await stripe.subscriptions.update(subscriptionId, {
    items,
    cancel_at_period_end: false,
    proration_behavior: 'create_prorations',
    metadata: { plan: plan.id },
  });
}

/**
 * An owner picks a plan: Checkout for a first subscription, an in-place change otherwise, a
 * cancellation at period end for free. Audited; the plan itself changes when Stripe confirms.
 */
export async function changePlan(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null): Promise<PlanChangeResult> {
  assertCan(actor.role, 'billing.manage', 'Only owners can change the plan.');
  const { plan: planId } = parseInput(planChangeSchema, input);
  if (!(await isPlanId(planId))) throw validationFailed({ plan: 'There is no such plan.' });
  requireStripe();
  const plan = await getPlan(planId);
  const account = await db.billingAccount.findUnique({ where: { tenantId: tenant.id } });
  const subscribed = Boolean(account?.stripeSubscriptionId && account.subscriptionStatus && LIVE.has(account.subscriptionStatus));
  // A second Checkout would start a second subscription while this one stays in Stripe.
  if (hasResumableSubscription(account)) {
    const status = account!.subscriptionStatus;
    throw new AppError(409, 'subscription_exists', `This workspace already has a subscription${status ? ` (${status})` : ''}. ${existingSubscriptionAdvice(status)}`);
  }
  const audit = (action: string, metadata: Record<string, string | null>) =>
    db.$transaction((tx) => recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action, target: { type: 'tenant', id: tenant.id }, ip, metadata: { from: tenant.plan, to: plan.id, ...metadata } }));

  if (!plan.stripeLookupKey) {
    if (subscribed) {
      if (!account!.cancelAtPeriodEnd) await requireStripe().subscriptions.update(account!.stripeSubscriptionId!, { cancel_at_period_end: true });
      await audit('billing.cancel_requested', { subscriptionId: account!.stripeSubscriptionId });
      return { kind: 'cancel_scheduled', plan: plan.id, at: account!.currentPeriodEnd?.toISOString() ?? null };
    }
    // Nothing to cancel (e.g. a plan the operator set by hand): the plan changes at once.
    const changed = await db.$transaction(async (tx) => {
      const changed = await applyPlan(tx, tenant.id, plan.id, { source: 'owner', actor: actorOf(actor), ip, metadata: { reason: 'no subscription to cancel' } });
      // Choosing free during a trial ends it now.
      return (await endTrialByChoice(tx, tenant.id, 'owner_chose_free')) || changed;
    });
    planChangeCommitted();
    return changed ? { kind: 'updated', plan: plan.id } : { kind: 'unchanged', plan: plan.id };
  }
  if (subscribed) {
    if (plan.id === tenant.plan && !account!.cancelAtPeriodEnd) return { kind: 'unchanged', plan: plan.id };
    await switchSubscription(tenant, account!.stripeSubscriptionId!, plan);
    await audit('billing.plan_change_requested', { subscriptionId: account!.stripeSubscriptionId });
    return { kind: 'updated', plan: plan.id };
  }
  const url = await startCheckout(tenant, actor, plan);
  await audit('billing.checkout_started', {});
  return { kind: 'checkout', url };
}

/** A Stripe customer portal session (cards, invoices, cancelling), back to the billing page. */
export async function openBillingPortal(tenant: TenantContext, actor: Member): Promise<{ url: string }> {
  assertCan(actor.role, 'billing.manage', 'Only owners can manage billing.');
  const customer = await ensureCustomer(tenant, actor);
  const session = await requireStripe().billingPortal.sessions.create({ customer, return_url: billingUrl(tenant) });
  return { url: session.url };
}

/**
 * An owner pays the workspace's unpaid invoice, which resumes its subscription (and lifts a
 * suspension for non-payment when Stripe reports it paid): the invoice's own hosted page while
 * it is open, else the customer portal (which lists every open invoice).
 */
export async function payOpenInvoice(tenant: TenantContext, actor: Member): Promise<{ url: string }> {
  assertCan(actor.role, 'billing.manage', 'Only owners can pay invoices.');
  const account = await db.billingAccount.findUnique({ where: { tenantId: tenant.id }, select: { unpaidInvoiceId: true } });
  if (account?.unpaidInvoiceId) {
    const invoice = await requireStripe().invoices.retrieve(account.unpaidInvoiceId);
    if (invoice.status === 'open' && invoice.hosted_invoice_url) return { url: invoice.hosted_invoice_url };
  }
  return openBillingPortal(tenant, actor);
}
