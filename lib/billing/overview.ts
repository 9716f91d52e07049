import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { pricesFor } from '../resellers/prices.ts';
import { FEATURE_INFO, type Feature, type PlanDefinition } from './plan-catalog.ts';
import { planOf } from './entitlements.ts';
import { billingCurrencyOf } from './checkout.ts';
import { BILLING_CURRENCIES, type BillingCurrency } from './currencies.ts';
import { listPlans, planPriceIn } from './plans.ts';
import { trialOf } from './trial-state.ts';
import { hasResumableSubscription } from './checkout.ts';
import { isSuspendedForNonPayment } from './dunning.ts';
import { dunningStepDueAt } from './dunning-schedule.ts';
import { stripeConfigured } from './stripe-client.ts';
import { API_REQUESTS, usageAt } from './usage.ts';

// What the billing page shows (and GET /api/app/billing answers): the plan, the subscription
// as Stripe last told us, whether the workspace is suspended and why, the dunning dates of an
// unpaid invoice, this period's API usage against the quota with the overage price, and every
// plan with what moving to it unlocks.

export interface PlanCard {
  id: string;
  name: string;
  priceCents: number;
  limits: PlanDefinition['limits'];
  features: { feature: Feature; label: string; description: string }[];
  /** Features this plan has that the workspace's current plan does not. */
  unlocks: string[];
  current: boolean;
  /** Sold through Stripe (free is reached by cancelling), in the workspace's currency. */
  purchasable: boolean;
  /** Price per 1,000 API requests beyond the quota; null: the quota is a hard stop. */
  overagePer1000Cents: number | null;
}

export interface BillingOverview {
  configured: boolean;
  /** What the workspace is billed in (every amount here is in it), and what it may pick from. */
  currency: BillingCurrency;
  currencies: readonly BillingCurrency[];
  /** The currency can change: no subscription exists (Stripe bills a customer in one currency). */
  currencyChangeable: boolean;
  /** The running trial: its plan is the current plan until `endsAt`, then free unless one is bought. */
  trial: { planId: string; planName: string; endsAt: string; daysLeft: number } | null;
  plan: { id: string; name: string; priceCents: number };
  workspaceStatus: TenantContext['status'];
  subscription: {
    status: string | null;
    currentPeriodEnd: string | null;
    cancelAtPeriodEnd: boolean;
    hasCustomer: boolean;
    unpaidInvoice: boolean;
    /**
     * A subscription exists that cannot be changed in place (unpaid, incomplete, paused, or not
     * yet confirmed): the page offers to pay or resume it, never a second subscription.
     */
    resumeExisting: boolean;
  };
  /** The workspace is suspended: for non-payment (its owners can pay to lift it) or by the operator. */
  suspension: { forNonPayment: boolean } | null;
  /** The unpaid invoice's dunning: when the payment failed, Stripe's next retry, and when the workspace is suspended unless paid. */
  dunning: { since: string; nextRetry: string | null; suspendsOn: string } | null;
  usage: {
    periodStart: string;
    periodEnd: string;
    requests: number;
    quota: number;
    /** Requests beyond the quota so far (billed per 1,000 on paid plans). */
    overage: number;
    /** The quota stops requests (free) rather than billing overage. */
    hardLimit: boolean;
    overagePer1000Cents: number | null;
  };
  members: { used: number; limit: number };
  plans: PlanCard[];
}

function card(plan: PlanDefinition, current: PlanDefinition, priceCents: number, currency: BillingCurrency): PlanCard {
  const inCurrency = planPriceIn(plan, currency);
  return {
    id: plan.id,
    name: plan.name,
    priceCents,
    limits: plan.limits,
    features: plan.features.map((feature) => ({ feature, label: FEATURE_INFO[feature].label, description: FEATURE_INFO[feature].description })),
    unlocks: plan.features.filter((feature) => !current.features.includes(feature)).map((feature) => FEATURE_INFO[feature].label),
    current: plan.id === current.id,
    purchasable: plan.stripeLookupKey !== null && Boolean(inCurrency?.stripeLookupKey),
    overagePer1000Cents: inCurrency?.overageLookupKey ? inCurrency.overagePer1000Cents : null,
  };
}

export async function billingOverview(tenant: TenantContext, now = new Date()): Promise<BillingOverview> {
  const [current, plans, account, usage, members, prices, currency] = await Promise.all([
    // The plan in force: an ended trial is already free, a running one has a hard API quota.
    planOf(tenant, now),
    listPlans(),
    db.billingAccount.findUnique({ where: { tenantId: tenant.id } }),
    usageAt(tenant.id, API_REQUESTS, now),
    db.membership.count({ where: { tenantId: tenant.id } }),
    // A reseller's client pays its reseller's prices.
    pricesFor(tenant),
    billingCurrencyOf(tenant),
  ]);
  const [unpaidInvoice, forNonPayment] = await Promise.all([
    account?.unpaidInvoiceId ? db.stripeInvoice.findFirst({ where: { id: account.unpaidInvoiceId, tenantId: tenant.id }, select: { nextPaymentAttempt: true } }) : null,
    tenant.status === 'suspended' ? isSuspendedForNonPayment(tenant.id) : false,
  ]);
  const status = account?.subscriptionStatus ?? null;
  const trial = await trialOf(tenant, now);
  const priceOf = (plan: PlanDefinition) => prices.get(plan.id)?.priceCents ?? plan.priceCents;
  const quota = current.limits.apiRequestsPerMonth;
  const currentIn = planPriceIn(current, currency);
  return {
    configured: stripeConfigured(),
    currency,
    currencies: BILLING_CURRENCIES,
    currencyChangeable: !account?.stripeSubscriptionId || status === 'canceled' || status === 'incomplete_expired',
    trial: trial ? { planId: trial.planId, planName: trial.planName, endsAt: trial.endsAt.toISOString(), daysLeft: trial.daysLeft } : null,
    plan: { id: current.id, name: current.name, priceCents: priceOf(current) },
    workspaceStatus: tenant.status,
    subscription: {
      status,
      currentPeriodEnd: account?.currentPeriodEnd?.toISOString() ?? null,
      cancelAtPeriodEnd: account?.cancelAtPeriodEnd ?? false,
      hasCustomer: Boolean(account?.stripeCustomerId),
      unpaidInvoice: Boolean(account?.unpaidInvoiceId),
      resumeExisting: hasResumableSubscription(account),
    },
    suspension: tenant.status === 'suspended' ? { forNonPayment } : null,
    dunning:
      account?.unpaidInvoiceId && account.pastDueSince
        ? { since: account.pastDueSince.toISOString(), nextRetry: unpaidInvoice?.nextPaymentAttempt?.toISOString() ?? null, suspendsOn: dunningStepDueAt(account.pastDueSince, 'suspended').toISOString() }
        : null,
    usage: {
      periodStart: usage.start.toISOString(),
      periodEnd: usage.end.toISOString(),
      requests: usage.value,
      quota,
      overage: Math.max(0, usage.value - quota),
      hardLimit: current.overageLookupKey === null,
      overagePer1000Cents: current.overageLookupKey && currentIn?.overageLookupKey ? currentIn.overagePer1000Cents : null,
    },
    members: { used: members, limit: current.limits.members },
    plans: plans.map((plan) => card(plan, current, priceOf(plan), currency)),
  };
}
