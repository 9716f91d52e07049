import { listPlans, planLookupKeys } from './plans.ts';

// Reading Stripe objects defensively: a field may be missing, an id or an expanded object, and
// the API version moves fields (the period went onto subscription items in 2025-03-31). Used by
// the webhook (lib/billing/stripe-webhook.ts) and the billing events it emits (billing-events.ts).

export type Loose = Record<string, unknown>;

export const obj = (value: unknown): Loose | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null);
export const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
export const idOf = (value: unknown): string | null => str(value) ?? str(obj(value)?.id);
export const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
export const date = (seconds: unknown): Date | null => (num(seconds) === null ? null : new Date((seconds as number) * 1000));
export const metadataTenant = (value: unknown): string | null => str(obj(obj(value)?.metadata)?.tenantId);

/** One subscription item's price: what finds the plan, and what it costs per period. */
export interface PriceFacts {
  lookupKey: string | null;
  planMetadata: string | null;
  /** unit_amount × quantity in minor units; null for a price without a fixed amount (tiered, metered). */
  amount: number | null;
  currency: string | null;
  interval: string | null;
}

export interface SubscriptionFacts {
  id: string;
  customerId: string | null;
  status: string;
  tenantId: string | null;
  cancelAtPeriodEnd: boolean;
  periodStart: Date | null;
  periodEnd: Date | null;
  trialEnd: Date | null;
  currency: string | null;
  /** The prices of its items: lookup keys and Waypoint metadata, to find the plan. */
  prices: PriceFacts[];
}

function priceFacts(item: Loose): PriceFacts {
  const price = obj(item.price);
  const unitAmount = num(price?.unit_amount);
  const recurring = obj(price?.recurring);
  return {
    lookupKey: str(price?.lookup_key),
    planMetadata: str(obj(price?.metadata)?.waypoint_plan),
    amount: unitAmount === null || recurring?.usage_type === 'metered' ? null : unitAmount * (num(item.quantity) ?? 1),
    currency: str(price?.currency),
    interval: str(recurring?.interval),
  };
}

export function subscriptionFacts(object: Loose): SubscriptionFacts | null {
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
    trialEnd: date(object.trial_end),
    currency: str(object.currency),
    prices: itemObjects.map(priceFacts),
  };
}

/** The plan a subscription sells and the price that sells it: a price's lookup key, else a price tagged with metadata.waypoint_plan (reseller prices). */
export async function planPriceOfSubscription(facts: SubscriptionFacts): Promise<{ planId: string; price: PriceFacts } | null> {
  const plans = await listPlans();
  for (const price of facts.prices) {
    const byKey = price.lookupKey ? plans.find((plan) => planLookupKeys(plan).base.includes(price.lookupKey!)) : undefined;
    if (byKey) return { planId: byKey.id, price };
    const byMetadata = price.planMetadata ? plans.find((plan) => plan.id === price.planMetadata) : undefined;
    if (byMetadata) return { planId: byMetadata.id, price };
  }
  return null;
}

export async function planOfSubscription(facts: SubscriptionFacts): Promise<string | null> {
  return (await planPriceOfSubscription(facts))?.planId ?? null;
}
