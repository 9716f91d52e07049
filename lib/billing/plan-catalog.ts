import type { ApiKeyTier } from '../api-keys/api-key-schema.ts';
import type { BillingCurrency } from './currencies.ts';

// The plans Waypoint sells, as shipped. The Plan table is the source of truth at run time
// (lib/billing/plans.ts reads it); this catalog is what fills it: the migration
// 20261122020000_seed_plans inserts it into every database, `npm run db:seed` (seedDemo)
// re-applies it, and a plan row that is missing is read from here. Keep the migration's
// INSERT in step with this file (tests/integration/billing-plans.test.ts compares them).

export const FEATURES = ['api', 'analytics', 'custom_branding', 'hide_powered_by', 'webhooks', 'custom_domain', 'sso', 'scim', 'oauth_apps', 'white_label', 'ai_coaching'] as const;
export type Feature = (typeof FEATURES)[number];

/** How the UI and error messages name each feature: "<label> is/are included in …". */
export const FEATURE_INFO: Record<Feature, { label: string; plural: boolean; description: string }> = {
  api: { label: 'API keys', plural: true, description: 'API keys for your own software to call the public API' },
  analytics: { label: 'API analytics', plural: false, description: 'Usage charts in the developer portal and the analytics API' },
  custom_branding: { label: 'Custom branding', plural: false, description: 'Your colors, logo, favicon, custom CSS, terminology and email sender name' },
  hide_powered_by: { label: 'Hiding "Powered by Waypoint"', plural: false, description: 'Remove the "Powered by Waypoint" footer' },
  webhooks: { label: 'Webhooks', plural: true, description: 'Signed webhooks for every event in your workspace' },
  custom_domain: { label: 'Custom domains', plural: true, description: 'Serve the workspace on your own domain, e.g. coach.example.com' },
  sso: { label: 'Single sign-on (SAML)', plural: false, description: 'Sign-in through your identity provider' },
  scim: { label: 'Directory sync (SCIM)', plural: false, description: 'Provision and deprovision people from Okta, Entra ID and others' },
  oauth_apps: { label: 'OAuth apps', plural: true, description: 'Register OAuth apps that others can connect to their workspace' },
  white_label: { label: 'White label', plural: false, description: "Resellers' white-label branding" },
  ai_coaching: { label: 'AI coaching', plural: false, description: "An AI coach for every member, grounded on their own goals and habits (when the installation has a provider)" },
};

export interface PlanLimits {
  /** Members plus pending invitations. */
  members: number;
  /** API requests included per billing period (calendar month on free). */
  apiRequestsPerMonth: number;
  /** The highest API key tier (rate limits) the plan allows. */
  maxKeyTier: ApiKeyTier;
  /** AI coach tokens (prompt plus answer) the whole workspace may use per calendar month; 0: no coach. */
  coachTokensPerMonth: number;
}

export type PlanId = 'free' | 'basic' | 'pro' | 'enterprise';

export interface PlanDefinition {
  id: string;
  name: string;
  priceCents: number;
  /** Stripe lookup key of the monthly price; null: not sold through Stripe (free). */
  stripeLookupKey: string | null;
  /** Stripe lookup key of the metered overage price (per 1,000 requests); null: the quota is a hard stop. */
  overageLookupKey: string | null;
  /** What the overage price charges per 1,000 requests beyond the quota, in cents (the Stripe price must match); null with no overage price. */
  overagePer1000Cents: number | null;
  limits: PlanLimits;
  features: Feature[];
  sortOrder: number;
  /** The plan in the other currencies (the fields above are US dollars): a Stripe price each. */
  prices?: Partial<Record<Exclude<BillingCurrency, 'usd'>, CurrencyPrice>>;
}

/** A plan's price in one currency, in its minor unit. */
export interface CurrencyPrice {
  amountCents: number;
  stripeLookupKey: string;
  overageLookupKey: string | null;
  overagePer1000Cents: number | null;
}

/** The same plan in euros and pounds: lookup keys are the dollar ones with the currency after. */
function elsewhere(id: string, eur: [number, number], gbp: [number, number]): PlanDefinition['prices'] {
  const price = (currency: string, [amountCents, overagePer1000Cents]: [number, number]): CurrencyPrice => ({
    amountCents,
    stripeLookupKey: `waypoint_${id}_monthly_${currency}`,
    overageLookupKey: `waypoint_${id}_api_overage_${currency}`,
    overagePer1000Cents,
  });
  return { eur: price('eur', eur), gbp: price('gbp', gbp) };
}

const BASIC: Feature[] = ['api', 'analytics'];
const PRO: Feature[] = [...BASIC, 'custom_branding', 'hide_powered_by', 'webhooks', 'ai_coaching'];
const ENTERPRISE: Feature[] = [...BASIC, 'custom_branding', 'hide_powered_by', 'webhooks', 'custom_domain', 'sso', 'scim', 'oauth_apps', 'white_label', 'ai_coaching'];

export const PLAN_CATALOG: readonly PlanDefinition[] = [
  {
    id: 'free',
    name: 'Free',
    priceCents: 0,
    stripeLookupKey: null,
    overageLookupKey: null,
    overagePer1000Cents: null,
    limits: { members: 5, apiRequestsPerMonth: 1_000, maxKeyTier: 'free', coachTokensPerMonth: 0 },
    features: [],
    sortOrder: 0,
  },
  {
    id: 'basic',
    name: 'Basic',
    priceCents: 2_900,
    stripeLookupKey: 'waypoint_basic_monthly',
    overageLookupKey: 'waypoint_basic_api_overage',
    overagePer1000Cents: 100,
    limits: { members: 25, apiRequestsPerMonth: 10_000, maxKeyTier: 'developer', coachTokensPerMonth: 0 },
    features: BASIC,
    sortOrder: 1,
    prices: elsewhere('basic', [2_700, 90], [2_300, 80]),
  },
  {
    id: 'pro',
    name: 'Pro',
    priceCents: 9_900,
    stripeLookupKey: 'waypoint_pro_monthly',
    overageLookupKey: 'waypoint_pro_api_overage',
    overagePer1000Cents: 80,
    limits: { members: 100, apiRequestsPerMonth: 100_000, maxKeyTier: 'business', coachTokensPerMonth: 200_000 },
    features: PRO,
    sortOrder: 2,
    prices: elsewhere('pro', [9_200, 75], [7_900, 65]),
  },
  {
    id: 'enterprise',
    name: 'Enterprise',
    priceCents: 29_900,
    stripeLookupKey: 'waypoint_enterprise_monthly',
    overageLookupKey: 'waypoint_enterprise_api_overage',
    overagePer1000Cents: 50,
    limits: { members: 1_000, apiRequestsPerMonth: 1_000_000, maxKeyTier: 'enterprise', coachTokensPerMonth: 1_000_000 },
    features: ENTERPRISE,
    sortOrder: 3,
    prices: elsewhere('enterprise', [27_900, 45], [23_900, 40]),
  },
];

export const FREE_PLAN_ID: PlanId = 'free';

/**
 * The trial every new workspace starts with (lib/billing/trials.ts): `days` of the paid plan
 * `planId`, a reminder email `remindDaysBefore` days before it ends, then the free plan unless
 * a plan was bought. `days: 0` turns trials off (new workspaces start on free).
 */
export const TRIAL: { readonly planId: PlanId; readonly days: number; readonly remindDaysBefore: number } = {
  planId: 'pro',
  days: 14,
  remindDaysBefore: 3,
};
