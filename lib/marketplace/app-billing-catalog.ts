import type Stripe from 'stripe';
import { db } from '../db/client.ts';
import { hasFee, hasUsage, isPaid, type AppPricing } from './pricing.ts';
import { pricingOf, PRICE_SELECT } from './version-pricing.ts';

// The Stripe catalog of a paid app, made on first need and kept on our rows:
// - ONE product per app (MarketplaceApp.stripeProductId, idempotency key `app-product:<appId>`):
//   every price of every version is on it, so an invoice line belongs to the app when
//   line.pricing.price_details.product is that id (revenue share relies on it);
// - a billing meter per app for its calls (MarketplaceApp.stripeMeterId/stripeMeterEventName);
// - per version, a monthly fee price and/or a metered usage price billed per started 1,000
//   calls (transform_quantity divide_by 1000, round up, like the plan overage), stored on
//   AppVersion.stripeFeePriceId/stripeUsagePriceId.
// Idempotency keys make a concurrent or retried ensure get the same Stripe object; the row is
// then set only where it is still empty.

export const meterEventName = (appId: string) => `waypoint_app_calls_${appId.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;

async function ensureProduct(stripe: Stripe, appId: string, name: string): Promise<string> {
  const app = await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId }, select: { stripeProductId: true } });
  if (app.stripeProductId) return app.stripeProductId;
  const product = await stripe.products.create({ name, metadata: { waypoint_app: appId } }, { idempotencyKey: `app-product:${appId}` });
  await db.marketplaceApp.updateMany({ where: { id: appId, stripeProductId: null }, data: { stripeProductId: product.id } });
  return (await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId }, select: { stripeProductId: true } })).stripeProductId!;
}

async function ensureMeter(stripe: Stripe, appId: string, name: string): Promise<string> {
  const app = await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId }, select: { stripeMeterId: true } });
  if (app.stripeMeterId) return app.stripeMeterId;
  const eventName = meterEventName(appId);
  const meter = await stripe.billing.meters.create(
    {
      display_name: `${name} API calls`.slice(0, 250),
      event_name: eventName,
      default_aggregation: { formula: 'sum' },
      customer_mapping: { event_payload_key: 'stripe_customer_id', type: 'by_id' },
      value_settings: { event_payload_key: 'value' },
    },
    { idempotencyKey: `app-meter:${appId}` },
  );
  await db.marketplaceApp.updateMany({ where: { id: appId, stripeMeterId: null }, data: { stripeMeterId: meter.id, stripeMeterEventName: eventName } });
  return (await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId }, select: { stripeMeterId: true } })).stripeMeterId!;
}

export interface VersionPrices {
  /** Null for a free version (nothing is made in Stripe for it). */
  productId: string | null;
  feePriceId: string | null;
  usagePriceId: string | null;
  pricing: AppPricing;
}

/** The product and the version's prices in Stripe, created when missing. */
export async function ensureVersionPrices(stripe: Stripe, versionId: string): Promise<VersionPrices> {
  const version = await db.appVersion.findUniqueOrThrow({ where: { id: versionId }, select: { id: true, appId: true, number: true, name: true, stripeFeePriceId: true, stripeUsagePriceId: true, ...PRICE_SELECT } });
  const pricing = pricingOf(version);
  if (!isPaid(pricing)) return { productId: null, feePriceId: null, usagePriceId: null, pricing };
  const productId = await ensureProduct(stripe, version.appId, version.name);
  const metadata = (price: 'fee' | 'usage') => ({ waypoint_app: version.appId, waypoint_version: version.id, waypoint_price: price });
  let feePriceId = version.stripeFeePriceId;
  if (hasFee(pricing) && !feePriceId) {
    const price = await stripe.prices.create(
      { product: productId, currency: pricing.priceCurrency, unit_amount: pricing.monthlyFeeCents!, recurring: { interval: 'month', usage_type: 'licensed' }, nickname: `${version.name} v${version.number} monthly fee`, metadata: metadata('fee') },
      { idempotencyKey: `app-price:${version.id}:fee` },
    );
    await db.appVersion.updateMany({ where: { id: version.id, stripeFeePriceId: null }, data: { stripeFeePriceId: price.id } });
    feePriceId = price.id;
  }
  let usagePriceId = version.stripeUsagePriceId;
  if (hasUsage(pricing) && !usagePriceId) {
    const meterId = await ensureMeter(stripe, version.appId, version.name);
    const price = await stripe.prices.create(
      {
        product: productId,
        currency: pricing.priceCurrency,
        unit_amount: pricing.per1000CallsCents!,
        billing_scheme: 'per_unit',
        recurring: { interval: 'month', usage_type: 'metered', meter: meterId },
        transform_quantity: { divide_by: 1000, round: 'up' },
        nickname: `${version.name} v${version.number} per 1,000 API calls`,
        metadata: metadata('usage'),
      },
      { idempotencyKey: `app-price:${version.id}:usage` },
    );
    await db.appVersion.updateMany({ where: { id: version.id, stripeUsagePriceId: null }, data: { stripeUsagePriceId: price.id } });
    usagePriceId = price.id;
  }
  return { productId, feePriceId: hasFee(pricing) ? feePriceId : null, usagePriceId: hasUsage(pricing) ? usagePriceId : null, pricing };
}
