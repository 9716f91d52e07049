import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { pricesFor } from '../resellers/prices.ts';
import { FEATURE_INFO, type Feature, type PlanDefinition } from './plan-catalog.ts';
import { listPlans, getPlan } from './plans.ts';
import { stripeConfigured } from './stripe-client.ts';
import { API_REQUESTS, usageAt } from './usage.ts';

// What the billing page shows (and GET /api/app/billing answers): the plan, the subscription
// as Stripe last told us, this period's API usage against the quota, and every plan with what
// moving to it unlocks.

export interface PlanCard {
  id: string;
  name: string;
  priceCents: number;
  limits: PlanDefinition['limits'];
  features: { feature: Feature; label: string; description: string }[];
  /** Features this plan has that the workspace's current plan does not. */
  unlocks: string[];
  current: boolean;
  /** Sold through Stripe (free is reached by cancelling). */
  purchasable: boolean;
}

export interface BillingOverview {
  configured: boolean;
  plan: { id: string; name: string; priceCents: number };
  workspaceStatus: TenantContext['status'];
  subscription: {
    status: string | null;
    currentPeriodEnd: string | null;
    cancelAtPeriodEnd: boolean;
    hasCustomer: boolean;
    unpaidInvoice: boolean;
  };
  usage: {
    periodStart: string;
    periodEnd: string;
    requests: number;
    quota: number;
    /** Requests beyond the quota so far (billed per 1,000 on paid plans). */
    overage: number;
    /** The quota stops requests (free) rather than billing overage. */
    hardLimit: boolean;
  };
  members: { used: number; limit: number };
  plans: PlanCard[];
}

function card(plan: PlanDefinition, current: PlanDefinition, priceCents: number): PlanCard {
  return {
    id: plan.id,
    name: plan.name,
    priceCents,
    limits: plan.limits,
    features: plan.features.map((feature) => ({ feature, label: FEATURE_INFO[feature].label, description: FEATURE_INFO[feature].description })),
    unlocks: plan.features.filter((feature) => !current.features.includes(feature)).map((feature) => FEATURE_INFO[feature].label),
    current: plan.id === current.id,
    purchasable: plan.stripeLookupKey !== null,
  };
}

export async function billingOverview(tenant: TenantContext, now = new Date()): Promise<BillingOverview> {
  const [current, plans, account, usage, members, prices] = await Promise.all([
    getPlan(tenant.plan),
    listPlans(),
    db.billingAccount.findUnique({ where: { tenantId: tenant.id } }),
    usageAt(tenant.id, API_REQUESTS, now),
    db.membership.count({ where: { tenantId: tenant.id } }),
    // A reseller's client pays its reseller's prices.
    pricesFor(tenant),
  ]);
  const priceOf = (plan: PlanDefinition) => prices.get(plan.id)?.priceCents ?? plan.priceCents;
  const quota = current.limits.apiRequestsPerMonth;
  return {
    configured: stripeConfigured(),
    plan: { id: current.id, name: current.name, priceCents: priceOf(current) },
    workspaceStatus: tenant.status,
    subscription: {
      status: account?.subscriptionStatus ?? null,
      currentPeriodEnd: account?.currentPeriodEnd?.toISOString() ?? null,
      cancelAtPeriodEnd: account?.cancelAtPeriodEnd ?? false,
      hasCustomer: Boolean(account?.stripeCustomerId),
      unpaidInvoice: Boolean(account?.unpaidInvoiceId),
    },
    usage: {
      periodStart: usage.start.toISOString(),
      periodEnd: usage.end.toISOString(),
      requests: usage.value,
      quota,
      overage: Math.max(0, usage.value - quota),
      hardLimit: current.overageLookupKey === null,
    },
    members: { used: members, limit: current.limits.members },
    plans: plans.map((plan) => card(plan, current, priceOf(plan))),
  };
}
