// The currencies Waypoint bills in. Each paid plan has a Stripe price per currency, found by
// lookup key (Plan's own columns are its US dollar price; PlanPrice holds the others), and a
// workspace pays in one of them (Tenant.billingCurrency). Money is never converted: a
// reseller's commission on a euro invoice is euros, paid out in euros.

export const BILLING_CURRENCIES = ['usd', 'eur', 'gbp'] as const;
export type BillingCurrency = (typeof BILLING_CURRENCIES)[number];

export const DEFAULT_BILLING_CURRENCY: BillingCurrency = 'usd';

export function isBillingCurrency(value: unknown): value is BillingCurrency {
  return typeof value === 'string' && (BILLING_CURRENCIES as readonly string[]).includes(value);
}
