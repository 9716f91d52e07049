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

export interface PlanPrice {
  planId: string;
  planName: string;
  listPriceCents: number;
  floorCents: number | null;
  /** The reseller's price, or null when it sells at the list price. */
  priceCents: number | null;
  stripePriceId: string | null;
}

/** Every plan with its list price, floor and this reseller's price. */
export async function listResellerPrices(actor: ResellerActor): Promise<PlanPrice[]> {
  const [plans, prices] = await Promise.all([
    db.plan.findMany({ orderBy: { sortOrder: 'asc' }, select: { id: true, name: true, priceCents: true, resellerFloorCents: true } }),
    db.resellerPrice.findMany({ where: { resellerId: actor.resellerId }, select: { planId: true, priceCents: true, stripePriceId: true } }),
  ]);
  const own = new Map(prices.map((p) => [p.planId, p]));
  return plans.map((plan) => ({
    planId: plan.id,
    planName: plan.name,
    listPriceCents: plan.priceCents,
    floorCents: plan.resellerFloorCents,
    priceCents: own.get(plan.id)?.priceCents ?? null,
    stripePriceId: own.get(plan.id)?.stripePriceId ?? null,
  }));
}

/** Sets the reseller's monthly price for a plan, at or above the plan's floor. */
export async function setResellerPrice(actor: ResellerActor, input: unknown): Promise<PlanPrice> {
  assertApproved(actor);
  assertOwner(actor);
  const { planId, priceCents } = parseInput(setPriceSchema, input);
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true, name: true, priceCents: true, resellerFloorCents: true } });
  if (!plan) throw validationFailed({ planId: 'There is no such plan.' });
  if (plan.resellerFloorCents === null) throw validationFailed({ planId: `Resellers cannot set their own price for the ${plan.name} plan.` });
  if (priceCents < plan.resellerFloorCents) {
    throw validationFailed({ priceCents: `The ${plan.name} plan cannot be sold below ${formatCents(plan.resellerFloorCents)} a month.` });
  }
  // A changed amount drops the old Stripe price id in the same write: it charged the old amount.
  const existing = await db.resellerPrice.findUnique({ where: { resellerId_planId: { resellerId: actor.resellerId, planId } } });
  const row =
    existing?.priceCents === priceCents
      ? existing
      : await db.$transaction(async (tx) => {
          const saved = await tx.resellerPrice.upsert({
            where: { resellerId_planId: { resellerId: actor.resellerId, planId } },
            create: { resellerId: actor.resellerId, planId, priceCents },
            update: { priceCents, stripePriceId: null },
          });
          await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'reseller.price_set', target: { type: 'reseller', id: actor.resellerId }, metadata: { planId, from: existing?.priceCents ?? null, to: priceCents } });
          return saved;
        });
  const stripePriceId = row.stripePriceId ?? (resellerStripeConfigured() ? await ensureStripePrice(actor.resellerId, planId).catch(logStripeFailure) : null);
  return { planId, planName: plan.name, listPriceCents: plan.priceCents, floorCents: plan.resellerFloorCents, priceCents: row.priceCents, stripePriceId };
}

function logStripeFailure(error: unknown): null {
  // The price is saved; its Stripe price is made again at checkout (ensureStripePrice).
  logger().error({ err: error }, 'resellers: could not create a Stripe price; checkout makes it again');
  return null;
}

/** Removes the reseller's own price: its clients pay the list price again. */
export async function clearResellerPrice(actor: ResellerActor, planId: string): Promise<void> {
  assertApproved(actor);
  assertOwner(actor);
  await db.$transaction(async (tx) => {
    const removed = await tx.resellerPrice.deleteMany({ where: { resellerId: actor.resellerId, planId } });
    if (removed.count > 0) await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'reseller.price_cleared', target: { type: 'reseller', id: actor.resellerId }, metadata: { planId } });
  });
}

/**
 * The Stripe Price id of a reseller's price for a plan, creating it when missing. Safe to call
 * concurrently: the id is stored only if the amount is still the one it was made for.
 */
export async function ensureStripePrice(resellerId: string, planId: string): Promise<string | null> {
  const row = await db.resellerPrice.findUnique({
    where: { resellerId_planId: { resellerId, planId } },
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
  });
  await db.resellerPrice.updateMany({ where: { id: row.id, priceCents: row.priceCents, stripePriceId: null }, data: { stripePriceId: priceId } });
  return priceId;
}

export interface TenantPrice {
  planId: string;
  /** Monthly price in cents the workspace pays for the plan. */
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
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { resellerId: true, reseller: { select: { name: true } } } });
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true, priceCents: true, stripeLookupKey: true } });
  if (!plan) throw notFound(`There is no ${planId} plan.`);
  const own = row?.resellerId ? await db.resellerPrice.findUnique({ where: { resellerId_planId: { resellerId: row.resellerId, planId } } }) : null;
  if (own) {
    return { planId, priceCents: own.priceCents, source: 'reseller', stripePriceId: own.stripePriceId, stripeLookupKey: plan.stripeLookupKey, resellerName: row?.reseller?.name ?? null };
  }
  return { planId, priceCents: plan.priceCents, source: 'list', stripePriceId: null, stripeLookupKey: plan.stripeLookupKey, resellerName: null };
}

/**
 * For checkout and plan changes: the Stripe Price id of the reseller's price when the workspace
 * is a reseller's client and the reseller priced this plan (made now if missing), or null: use
 * the plan's own price (its lookup key).
 */
export async function resellerStripePriceFor(tenant: { id: string }, planId: string): Promise<string | null> {
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { resellerId: true } });
  if (!row?.resellerId) return null;
  const own = await db.resellerPrice.findUnique({ where: { resellerId_planId: { resellerId: row.resellerId, planId } }, select: { stripePriceId: true } });
  if (!own) return null;
  const priceId = own.stripePriceId ?? (await ensureStripePrice(row.resellerId, planId));
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
export async function setPlanFloor(operator: OperatorActor, planId: string, input: unknown): Promise<{ planId: string; floorCents: number | null }> {
  const { floorCents } = parseInput(planFloorSchema, input);
  try {
    await db.$transaction(async (tx) => {
      const saved = await tx.plan.update({ where: { id: planId }, data: { resellerFloorCents: floorCents }, select: { resellerFloorCents: true } });
      await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'plan.floor_set', target: { type: 'plan', id: planId }, metadata: { to: saved.resellerFloorCents } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw notFound('No such plan.');
    throw error;
  }
  return { planId, floorCents };
}
