import { BILLING_CURRENCIES, DEFAULT_BILLING_CURRENCY, isBillingCurrency, type BillingCurrency } from '../billing/currencies.ts';
import { db, Prisma } from '../db/client.ts';
import { notFound, parseInput, validationFailed } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import { assertApproved, assertOwner, type OperatorActor, type ResellerActor } from './reseller-actor.ts';
import { formatCents } from './money.ts';
import { planFloorSchema, setPriceSchema } from './reseller-schema.ts';
import { createResellerStripePrice, resellerStripeConfigured } from './stripe-gateway.ts';
import { logger } from '../observability/logger.ts';

// Resellers' own prices. The operator sets a floor per plan (Plan.resellerFloorCents; null:
// resellers may not price that plan); a reseller sets a monthly price at or above it, and its
// clients see and pay that price. With Stripe configured each (reseller, plan, price) gets a
// Stripe Price of its own (Stripe prices are immutable: a new amount makes a new price; live
// subscriptions keep theirs until they change plan). Without Stripe, priceCents is stored and
// stripePriceId stays null; ensureStripePrice() creates it later, e.g. at checkout.
//
// Prices are per currency (issue 22): a reseller's euro price is what its clients billed in
// euros pay, against the plan's floor in euros (PlanPrice.resellerFloorCents; Plan's own
// column for dollars). A client billed in a currency the reseller did not price pays the
// plan's list price in that currency.

export interface PlanPrice {
  planId: string;
  planName: string;
  currency: BillingCurrency;
  listPriceCents: number;
  floorCents: number | null;
  /** The reseller's price, or null when it sells at the list price. */
  priceCents: number | null;
  stripePriceId: string | null;
}

type PlanInCurrency = { id: string; name: string; listPriceCents: number; floorCents: number | null };

/** A plan's list price and reseller floor in a currency; null when it is not sold in it. */
async function planIn(planId: string, currency: BillingCurrency): Promise<PlanInCurrency | null> {
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true, name: true, priceCents: true, resellerFloorCents: true, prices: { where: { currency } } } });
  if (!plan) return null;
  if (currency === 'usd') return { id: plan.id, name: plan.name, listPriceCents: plan.priceCents, floorCents: plan.resellerFloorCents };
  const price = plan.prices[0];
  return price ? { id: plan.id, name: plan.name, listPriceCents: price.amountCents, floorCents: price.resellerFloorCents } : null;
}

function currencyOf(value: unknown): BillingCurrency {
  if (value === undefined) return DEFAULT_BILLING_CURRENCY;
  if (!isBillingCurrency(value)) throw validationFailed({ currency: `Choose one of ${BILLING_CURRENCIES.map((c) => c.toUpperCase()).join(', ')}.` });
  return value;
}

/** Every plan sold in the currency with its list price, floor and this reseller's price in it. */
export async function listResellerPrices(actor: ResellerActor, currency: BillingCurrency = DEFAULT_BILLING_CURRENCY): Promise<PlanPrice[]> {
  const [plans, prices] = await Promise.all([
    db.plan.findMany({ orderBy: { sortOrder: 'asc' }, select: { id: true, name: true, priceCents: true, resellerFloorCents: true, prices: { where: { currency } } } }),
    db.resellerPrice.findMany({ where: { resellerId: actor.resellerId, currency }, select: { planId: true, priceCents: true, stripePriceId: true } }),
  ]);
  const own = new Map(prices.map((p) => [p.planId, p]));
  return plans.flatMap((plan) => {
    const other = plan.prices[0];
    if (currency !== 'usd' && !other && plan.priceCents > 0) return [];
    return [
      {
        planId: plan.id,
        planName: plan.name,
        currency,
        listPriceCents: currency === 'usd' || !other ? plan.priceCents : other.amountCents,
        floorCents: currency === 'usd' || !other ? plan.resellerFloorCents : other.resellerFloorCents,
        priceCents: own.get(plan.id)?.priceCents ?? null,
        stripePriceId: own.get(plan.id)?.stripePriceId ?? null,
      },
    ];
  });
}

/** Sets the reseller's monthly price for a plan, at or above the plan's floor. */
export async function setResellerPrice(actor: ResellerActor, input: unknown): Promise<PlanPrice> {
  assertApproved(actor);
  assertOwner(actor);
  const { planId, priceCents, currency: requested } = parseInput(setPriceSchema, input);
  const currency = currencyOf(requested);
  const exists = await db.plan.findUnique({ where: { id: planId }, select: { name: true } });
  if (!exists) throw validationFailed({ planId: 'There is no such plan.' });
  const plan = await planIn(planId, currency);
  if (!plan) throw validationFailed({ currency: `The ${exists.name} plan is not sold in ${currency.toUpperCase()}.` });
  if (plan.floorCents === null) throw validationFailed({ planId: `Resellers cannot set their own price for the ${plan.name} plan.` });
  if (priceCents < plan.floorCents) {
    throw validationFailed({ priceCents: `The ${plan.name} plan cannot be sold below ${formatCents(plan.floorCents, currency)} a month.` });
  }
  const key = { resellerId_planId_currency: { resellerId: actor.resellerId, planId, currency } };
  // A changed amount drops the old Stripe price id in the same write: it charged the old amount.
  const existing = await db.resellerPrice.findUnique({ where: key });
  const row =
    existing?.priceCents === priceCents
      ? existing
      : await db.$transaction(async (tx) => {
          const saved = await tx.resellerPrice.upsert({
            where: key,
            create: { resellerId: actor.resellerId, planId, currency, priceCents },
            update: { priceCents, stripePriceId: null },
          });
          await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'reseller.price_set', target: { type: 'reseller', id: actor.resellerId }, metadata: { planId, currency, from: existing?.priceCents ?? null, to: priceCents } });
          return saved;
        });
  const stripePriceId = row.stripePriceId ?? (resellerStripeConfigured() ? await ensureStripePrice(actor.resellerId, planId, currency).catch(logStripeFailure) : null);
  return { planId, planName: plan.name, currency, listPriceCents: plan.listPriceCents, floorCents: plan.floorCents, priceCents: row.priceCents, stripePriceId };
}

function logStripeFailure(error: unknown): null {
  // The price is saved; its Stripe price is made again at checkout (ensureStripePrice).
  logger().error({ err: error }, 'resellers: could not create a Stripe price; checkout makes it again');
  return null;
}

/** Removes the reseller's own price: its clients pay the list price again. */
export async function clearResellerPrice(actor: ResellerActor, planId: string, currency: BillingCurrency = DEFAULT_BILLING_CURRENCY): Promise<void> {
  assertApproved(actor);
  assertOwner(actor);
  await db.$transaction(async (tx) => {
    const removed = await tx.resellerPrice.deleteMany({ where: { resellerId: actor.resellerId, planId, currency } });
    if (removed.count > 0) await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'reseller.price_cleared', target: { type: 'reseller', id: actor.resellerId }, metadata: { planId, currency } });
  });
}

/**
 * The Stripe Price id of a reseller's price for a plan, creating it when missing. Safe to call
 * concurrently: the id is stored only if the amount is still the one it was made for.
 */
export async function ensureStripePrice(resellerId: string, planId: string, currency: BillingCurrency = DEFAULT_BILLING_CURRENCY): Promise<string | null> {
  const row = await db.resellerPrice.findUnique({
    where: { resellerId_planId_currency: { resellerId, planId, currency } },
    select: { id: true, priceCents: true, stripePriceId: true, plan: { select: { id: true, name: true, stripeLookupKey: true } }, reseller: { select: { name: true } } },
  });
  if (!row) return null;
  if (row.stripePriceId) return row.stripePriceId;
  if (!resellerStripeConfigured()) return null;
  const priceId = await createResellerStripePrice({
    resellerId,
    resellerName: row.reseller.name,
    planId,
    planName: row.plan.name,
    planLookupKey: row.plan.stripeLookupKey,
    priceCents: row.priceCents,
    currency,
  });
  await db.resellerPrice.updateMany({ where: { id: row.id, priceCents: row.priceCents, stripePriceId: null }, data: { stripePriceId: priceId } });
  return priceId;
}

export interface TenantPrice {
  planId: string;
  /** The workspace's billing currency, which priceCents is in. */
  currency: BillingCurrency;
  /** False when the plan has no price in that currency (it cannot be bought in it). */
  sold: boolean;
  /** Monthly price in the currency's minor unit the workspace pays for the plan. */
  priceCents: number;
  /** reseller: the workspace's reseller set it (pay with stripePriceId); list: the plan's own price (lookup key). */
  source: 'reseller' | 'list';
  /** Set when source is reseller and the Stripe price exists (ensureStripePrice makes it). */
  stripePriceId: string | null;
  /** The plan's own Stripe lookup key (for list prices). */
  stripeLookupKey: string | null;
  resellerName: string | null;
}

/**
 * What a workspace pays for a plan: its reseller's price when it is a reseller's client and
 * the reseller priced that plan, else the plan's list price. The billing page and checkout
 * use this instead of Plan.priceCents / the lookup key.
 */
export async function priceFor(tenant: { id: string }, planId: string): Promise<TenantPrice> {
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { resellerId: true, billingCurrency: true, reseller: { select: { name: true } } } });
  const currency = isBillingCurrency(row?.billingCurrency) ? row.billingCurrency : DEFAULT_BILLING_CURRENCY;
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true, priceCents: true, stripeLookupKey: true, prices: { where: { currency } } } });
  if (!plan) throw notFound(`There is no ${planId} plan.`);
  const list = currency === 'usd' || !plan.stripeLookupKey ? { amountCents: plan.priceCents, stripeLookupKey: plan.stripeLookupKey } : (plan.prices[0] ?? null);
  const own = row?.resellerId && list ? await db.resellerPrice.findUnique({ where: { resellerId_planId_currency: { resellerId: row.resellerId, planId, currency } } }) : null;
  if (own) {
    return { planId, currency, sold: true, priceCents: own.priceCents, source: 'reseller', stripePriceId: own.stripePriceId, stripeLookupKey: list!.stripeLookupKey, resellerName: row?.reseller?.name ?? null };
  }
  return { planId, currency, sold: list !== null, priceCents: list?.amountCents ?? 0, source: 'list', stripePriceId: null, stripeLookupKey: list?.stripeLookupKey ?? null, resellerName: null };
}

/**
 * For checkout and plan changes: the Stripe Price id of the reseller's price when the workspace
 * is a reseller's client and the reseller priced this plan (made now if missing), or null: use
 * the plan's own price (its lookup key).
 */
export async function resellerStripePriceFor(tenant: { id: string }, planId: string): Promise<string | null> {
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { resellerId: true, billingCurrency: true } });
  if (!row?.resellerId) return null;
  const currency = isBillingCurrency(row.billingCurrency) ? row.billingCurrency : DEFAULT_BILLING_CURRENCY;
  const own = await db.resellerPrice.findUnique({ where: { resellerId_planId_currency: { resellerId: row.resellerId, planId, currency } }, select: { stripePriceId: true } });
  if (!own) return null;
  const priceId = own.stripePriceId ?? (await ensureStripePrice(row.resellerId, planId, currency));
  if (!priceId) throw new Error(`the reseller price for ${planId} has no Stripe price and Stripe is not configured`);
  return priceId;
}

/** priceFor() for every plan at once (the billing page lists them all). */
export async function pricesFor(tenant: { id: string }): Promise<Map<string, TenantPrice>> {
  const plans = await db.plan.findMany({ select: { id: true } });
  const entries = await Promise.all(plans.map(async (plan) => [plan.id, await priceFor(tenant, plan.id)] as const));
  return new Map(entries);
}

/** The plan a reseller's Stripe price sells (for the webhook mapping a subscription to a plan). */
export async function planForResellerStripePrice(stripePriceId: string): Promise<string | null> {
  const row = await db.resellerPrice.findFirst({ where: { stripePriceId }, select: { planId: true } });
  return row?.planId ?? null;
}

/** The operator's floor for a plan (null: resellers may not price it). Existing prices below it stay until changed. */
export async function setPlanFloor(operator: OperatorActor, planId: string, input: unknown): Promise<{ planId: string; currency: BillingCurrency; floorCents: number | null }> {
  const { floorCents, currency: requested } = parseInput(planFloorSchema, input);
  const currency = currencyOf(requested);
  try {
    await db.$transaction(async (tx) => {
      const saved =
        currency === 'usd'
          ? await tx.plan.update({ where: { id: planId }, data: { resellerFloorCents: floorCents }, select: { resellerFloorCents: true } })
          : await tx.planPrice.update({ where: { planId_currency: { planId, currency } }, data: { resellerFloorCents: floorCents }, select: { resellerFloorCents: true } });
      await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'plan.floor_set', target: { type: 'plan', id: planId }, metadata: { currency, to: saved.resellerFloorCents } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw notFound('No such plan.');
    throw error;
  }
  return { planId, currency, floorCents };
}
