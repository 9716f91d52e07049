import { z } from 'zod';
import { TIERS } from '../api-keys/api-key-schema.ts';
import { db } from '../db/client.ts';
import type { BillingCurrency } from './currencies.ts';
import { FEATURES, FREE_PLAN_ID, PLAN_CATALOG, type CurrencyPrice, type Feature, type PlanDefinition } from './plan-catalog.ts';
import { logger } from '../observability/logger.ts';

// The Plan table, read through a short per-process cache: every entitlement check on a
// request's path (API quota, feature gates) asks for a plan, and plans change rarely (a
// migration, the seed, or an operator editing the table). Changes show within PLAN_CACHE_MS
// in every instance; clearPlanCache() applies them at once in this one.

export const PLAN_CACHE_MS = 60_000;

const limitsSchema = z.object({
  members: z.number().int().nonnegative(),
  apiRequestsPerMonth: z.number().int().nonnegative(),
  maxKeyTier: z.enum(TIERS),
  // Rows written before the coach (or edited by an operator without it) have no coach budget.
  coachTokensPerMonth: z.number().int().nonnegative().default(0),
});

interface State {
  plans?: Map<string, PlanDefinition>;
  loadedAt: number;
  loading?: Promise<Map<string, PlanDefinition>>;
}

const holder = globalThis as unknown as { __waypointPlans?: State };

function state(): State {
  holder.__waypointPlans ??= { loadedAt: 0 };
  return holder.__waypointPlans;
}

const catalog = new Map(PLAN_CATALOG.map((plan) => [plan.id, plan]));

type PriceRow = { currency: string; amountCents: number; stripeLookupKey: string; overageLookupKey: string | null; overagePer1000Cents: number | null };
type PlanRow = { id: string; name: string; priceCents: number; stripeLookupKey: string | null; overageLookupKey: string | null; overagePer1000Cents: number | null; limits: unknown; features: string[]; sortOrder: number; prices?: PriceRow[] };

/** A row as the app uses it; a row with unreadable limits falls back to the catalog's (or is skipped). */
function toDefinition(row: PlanRow): PlanDefinition | null {
  const limits = limitsSchema.safeParse(row.limits);
  const fallback = catalog.get(row.id);
  if (!limits.success) {
    logger().error({ planId: row.id, fallback: Boolean(fallback) }, `billing: plan has invalid limits in the Plan table; ${fallback ? 'using the built-in ones' : 'ignoring it'}`);
    if (!fallback) return null;
  }
  return {
    id: row.id,
    name: row.name,
    priceCents: row.priceCents,
    stripeLookupKey: row.stripeLookupKey,
    overageLookupKey: row.overageLookupKey,
    overagePer1000Cents: row.overagePer1000Cents,
    limits: limits.success ? limits.data : fallback!.limits,
    features: row.features.filter((feature): feature is Feature => (FEATURES as readonly string[]).includes(feature)),
    sortOrder: row.sortOrder,
    prices: Object.fromEntries((row.prices ?? []).filter((price) => price.currency !== 'usd').map(({ currency, ...price }) => [currency, price])),
  };
}

export type PriceIn = Omit<CurrencyPrice, 'stripeLookupKey'> & { currency: string; stripeLookupKey: string | null };

/**
 * The plan's price in a currency: its own columns in US dollars, its PlanPrice otherwise. Null
 * when it is not sold in that currency. A free plan costs nothing in any currency.
 */
export function planPriceIn(plan: PlanDefinition, currency: BillingCurrency | string): PriceIn | null {
  if (currency === 'usd' || !plan.stripeLookupKey) {
    return { currency, amountCents: plan.priceCents, stripeLookupKey: plan.stripeLookupKey, overageLookupKey: plan.overageLookupKey, overagePer1000Cents: plan.overagePer1000Cents };
  }
  const price = plan.prices?.[currency as Exclude<BillingCurrency, 'usd'>];
  return price ? { currency, ...price } : null;
}

/** Every lookup key of a plan's monthly prices, and of its overage prices, in every currency. */
export function planLookupKeys(plan: PlanDefinition): { base: string[]; overage: string[] } {
  const others = Object.values(plan.prices ?? {});
  return {
    base: [plan.stripeLookupKey, ...others.map((price) => price.stripeLookupKey)].filter((key): key is string => Boolean(key)),
    overage: [plan.overageLookupKey, ...others.map((price) => price.overageLookupKey)].filter((key): key is string => Boolean(key)),
  };
}

async function load(): Promise<Map<string, PlanDefinition>> {
  const rows = await db.plan.findMany({ include: { prices: true } });
  const plans = new Map<string, PlanDefinition>();
  for (const row of rows) {
    const plan = toDefinition(row);
    if (plan) plans.set(plan.id, plan);
  }
  // A database the plan migration has not reached (or a deleted row): the shipped plan.
  for (const plan of PLAN_CATALOG) if (!plans.has(plan.id)) plans.set(plan.id, plan);
  return plans;
}

async function plansById(): Promise<Map<string, PlanDefinition>> {
  const s = state();
  if (s.plans && Date.now() - s.loadedAt < PLAN_CACHE_MS) return s.plans;
  s.loading ??= load()
    .then((plans) => {
      s.plans = plans;
      s.loadedAt = Date.now();
      return plans;
    })
    .finally(() => {
      s.loading = undefined;
    });
  return s.loading;
}

/** Every plan, cheapest first. */
export async function listPlans(): Promise<PlanDefinition[]> {
  return [...(await plansById()).values()].sort((a, b) => a.sortOrder - b.sortOrder || a.priceCents - b.priceCents);
}

/** The plan with this id; an unknown id (e.g. a plan since retired) gets the free plan's entitlements. */
export async function getPlan(id: string): Promise<PlanDefinition> {
  const plans = await plansById();
  return plans.get(id) ?? { ...plans.get(FREE_PLAN_ID)!, id };
}

export async function isPlanId(id: string): Promise<boolean> {
  return (await plansById()).has(id);
}

export function clearPlanCache(): void {
  const s = state();
  s.plans = undefined;
  s.loadedAt = 0;
}

/** Writes the shipped catalog into the Plan table (the seed runs it; idempotent). */
export async function syncPlanCatalog(): Promise<void> {
  for (const plan of PLAN_CATALOG) {
    const data = {
      name: plan.name,
      priceCents: plan.priceCents,
      stripeLookupKey: plan.stripeLookupKey,
      overageLookupKey: plan.overageLookupKey,
      overagePer1000Cents: plan.overagePer1000Cents,
      limits: { ...plan.limits },
      features: [...plan.features],
      sortOrder: plan.sortOrder,
    };
    await db.plan.upsert({ where: { id: plan.id }, create: { id: plan.id, ...data }, update: data });
    for (const [currency, price] of Object.entries(plan.prices ?? {})) {
      await db.planPrice.upsert({ where: { planId_currency: { planId: plan.id, currency } }, create: { planId: plan.id, currency, ...price }, update: price });
    }
  }
  clearPlanCache();
}
