import type Stripe from 'stripe';
import { getStripe } from '../billing/stripe-client.ts';
import { db, type Prisma } from '../db/client.ts';
import { AppError } from '../http/problem.ts';
import { logger } from '../observability/logger.ts';
import type { VersionPrices } from './app-billing-catalog.ts';
import { isPaid, type AppPricing } from './pricing.ts';

// How a workspace pays for a paid app (AppInstallation.billedVia):
// - 'stripe' (STRIPE_SECRET_KEY set): add-on items on the workspace's own subscription, the
//   monthly fee and/or the metered usage price, added and removed with prorations. The
//   subscription must be live (trialing, active or past_due): a paid app is not a way around a
//   canceled plan.
// - 'operator' (no Stripe: the demo, e2e): only where the platform operator allowed the app
//   for the workspace (PaidAppAllowance), as plans are set by hand without Stripe.
// Free apps and the partner's own sandbox installs are not billed (billedVia null).

const LIVE_SUBSCRIPTION = new Set(['trialing', 'active', 'past_due']);

export type BilledVia = 'stripe' | 'operator' | null;

export interface InstallBilling {
  billedVia: BilledVia;
  /** Why it cannot be installed now (shown on the consent page instead of Install), or null. */
  blocked: AppError | null;
  subscriptionId: string | null;
}

/** How installing an app at this price in the workspace would be paid, or why it is refused. */
export async function installBilling(tenantId: string, appId: string, pricing: AppPricing, sandbox: boolean): Promise<InstallBilling> {
  if (!isPaid(pricing) || sandbox) return { billedVia: null, blocked: null, subscriptionId: null };
  if (getStripe()) {
    const account = await db.billingAccount.findUnique({ where: { tenantId }, select: { stripeSubscriptionId: true, stripeCustomerId: true, subscriptionStatus: true } });
    if (account?.stripeSubscriptionId && account.stripeCustomerId && LIVE_SUBSCRIPTION.has(account.subscriptionStatus ?? '')) {
      return { billedVia: 'stripe', blocked: null, subscriptionId: account.stripeSubscriptionId };
    }
    const blocked = new AppError(409, 'subscription_required', 'This app is paid: it is billed on the workspace’s subscription, which is not active. An owner can start or renew it under Settings › Billing (/settings/billing), then install the app.');
    return { billedVia: 'stripe', blocked, subscriptionId: null };
  }
  const allowance = await db.paidAppAllowance.findUnique({ where: { tenantId_appId: { tenantId, appId } }, select: { appId: true } });
  if (allowance) return { billedVia: 'operator', blocked: null, subscriptionId: null };
  const blocked = new AppError(403, 'paid_app_needs_operator', 'This app is paid, and billing is not set up on this platform: the platform operator must allow it for your workspace before it can be installed. Ask your platform operator.');
  return { billedVia: 'operator', blocked, subscriptionId: null };
}

export interface ItemIds {
  stripeFeeItemId: string | null;
  stripeUsageItemId: string | null;
}

const PRORATE = { proration_behavior: 'create_prorations' } as const;

function isMissing(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404;
}

async function removeItem(stripe: Stripe, itemId: string): Promise<void> {
  try {
    await stripe.subscriptionItems.del(itemId, PRORATE, { idempotencyKey: `app-item-delete:${itemId}` });
  } catch (error) {
    if (!isMissing(error)) throw error; // already gone (the subscription ended): nothing to bill
  }
}

/**
 * Makes the installation's subscription items match the version's prices (ensureVersionPrices,
 * called before the transaction: it writes our rows outside it): adds what is missing,
 * moves an item to a new version's price, deletes what the version no longer charges. Keys
 * derive from the installation (and the price), so a retried call adds nothing twice. Called
 * inside the install transaction; if Stripe fails midway, the items this call added are
 * deleted again (undo) before the error propagates and the transaction rolls back.
 */
export async function syncInstallationItems(stripe: Stripe, input: { installationId: string; tenantId: string; subscriptionId: string | null; prices: VersionPrices; current: ItemIds }): Promise<ItemIds> {
  const { prices } = input;
  const added: string[] = [];
  const metadata = { waypoint_installation: input.installationId, waypoint_tenant: input.tenantId };
  const item = async (currentId: string | null, priceId: string | null, kind: 'fee' | 'usage'): Promise<string | null> => {
    if (!priceId) {
      if (currentId) await removeItem(stripe, currentId);
      return null;
    }
    if (currentId) {
      const existing = await stripe.subscriptionItems.retrieve(currentId);
      if (existing.price.id !== priceId) await stripe.subscriptionItems.update(currentId, { price: priceId, ...PRORATE }, { idempotencyKey: `app-item:${input.installationId}:${kind}:${priceId}` });
      return currentId;
    }
    if (!input.subscriptionId) throw new Error('app billing: a paid item needs the workspace subscription');
    const created = await stripe.subscriptionItems.create(
      { subscription: input.subscriptionId, price: priceId, ...(kind === 'fee' ? { quantity: 1 } : {}), metadata, ...PRORATE },
      { idempotencyKey: `app-item:${input.installationId}:${kind}:${priceId}` },
    );
    added.push(created.id);
    return created.id;
  };
  try {
    const stripeFeeItemId = await item(input.current.stripeFeeItemId, prices.feePriceId, 'fee');
    const stripeUsageItemId = await item(input.current.stripeUsageItemId, prices.usagePriceId, 'usage');
    return { stripeFeeItemId, stripeUsageItemId };
  } catch (error) {
    for (const id of added) await removeItem(stripe, id).catch((undo: unknown) => logger().error({ err: undo, itemId: id }, 'app billing: could not undo a subscription item; releaseEndedAppItems retries'));
    throw error;
  }
}

/**
 * Deletes (prorated) the subscription items of ended installations and clears them on the row.
 * Run after an uninstall or an app's removal commits, and by the usage report job so a Stripe
 * failure at uninstall time is retried: an uninstalled app is never billed on.
 */
export async function releaseEndedAppItems(where: Prisma.AppInstallationWhereInput = {}): Promise<number> {
  const stripe = getStripe();
  if (!stripe) return 0;
  const ended = await db.appInstallation.findMany({
    where: { AND: [where, { uninstalledAt: { not: null } }, { OR: [{ stripeFeeItemId: { not: null } }, { stripeUsageItemId: { not: null } }] }] },
    select: { id: true, stripeFeeItemId: true, stripeUsageItemId: true },
  });
  let released = 0;
  for (const installation of ended) {
    try {
      for (const itemId of [installation.stripeFeeItemId, installation.stripeUsageItemId]) if (itemId) await removeItem(stripe, itemId);
      await db.appInstallation.update({ where: { id: installation.id }, data: { stripeFeeItemId: null, stripeUsageItemId: null } });
      released++;
    } catch (error) {
      logger().error({ err: error, installationId: installation.id }, 'app billing: removing the subscription items of an uninstalled app failed; the usage report job retries');
    }
  }
  return released;
}
