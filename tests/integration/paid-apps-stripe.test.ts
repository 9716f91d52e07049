import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeApp } from '../../lib/marketplace/app-lifecycle.ts';
import { releaseEndedAppItems } from '../../lib/marketplace/app-billing.ts';
import { meterEventName } from '../../lib/marketplace/app-billing-catalog.ts';
import { installApp, prepareInstall, uninstallApp } from '../../lib/marketplace/installations.ts';
import { db } from '../../lib/db/client.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { addVersion, createMarketplaceApp, type TestApp } from '../support/marketplace.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { operator } from '../support/resellers.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// A paid app with Stripe configured: billed as add-on items on the workspace's own
// subscription. Stripe is the local fake (tests/support/fake-stripe.ts) driven by the official
// SDK; each test asserts exactly what Stripe received.

let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = 'sk_test_fake_key';
  process.env.STRIPE_API_BASE = fake.url;
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_BASE;
  await fake.close();
});

async function subscribedWorkspace(status = 'active'): Promise<TenantContext> {
  const tenant = await workspace({ plan: 'pro' });
  await db.billingAccount.create({
    data: { tenantId: tenant.id, stripeCustomerId: `cus_${tenant.id}`, stripeSubscriptionId: `sub_${tenant.id}`, subscriptionStatus: status, currentPeriodStart: new Date(Date.now() - 5 * 86_400_000), currentPeriodEnd: new Date(Date.now() + 25 * 86_400_000) },
  });
  return tenant;
}

async function pricedApp(price: Record<string, unknown>): Promise<TestApp> {
  const app = await createMarketplaceApp();
  await db.appVersion.update({ where: { id: app.versionId }, data: price });
  return app;
}

const hybrid = { pricing: 'hybrid', monthlyFeeCents: 2000, includedCalls: 10_000, per1000CallsCents: 40 };

describe('a paid app billed through Stripe', () => {
  it('needs a live subscription: 409 subscription_required pointing to billing, nothing sent to Stripe', async () => {
    const app = await pricedApp({ pricing: 'flat', monthlyFeeCents: 900 });
    for (const tenant of [await workspace(), await subscribedWorkspace('canceled')]) {
      const admin = await memberIn(tenant, 'admin');
      const before = fake.requests.length;
      expect((await prepareInstall(tenant, admin, app.slug)).price.blocked).toMatchObject({ code: 'subscription_required' });
      const error = await failure(installApp(tenant, admin, app.slug, { versionId: app.versionId }));
      expect(error).toMatchObject({ status: 409, code: 'subscription_required', message: expect.stringMatching(/settings\/billing/) });
      expect(fake.requests.length).toBe(before);
    }
    expect(await db.appInstallation.count({ where: { appId: app.id } })).toBe(0);
  });

  it('makes the app’s product, meter and prices once, and adds prorated fee and usage items keyed by the installation', async () => {
    const app = await pricedApp(hybrid);
    const tenant = await subscribedWorkspace('trialing');
    const admin = await memberIn(tenant, 'admin');
    expect((await prepareInstall(tenant, admin, app.slug)).price).toMatchObject({ billedVia: 'stripe', blocked: null });
    const { installationId } = await installApp(tenant, admin, app.slug, { versionId: app.versionId });

    const stored = await db.marketplaceApp.findUniqueOrThrow({ where: { id: app.id } });
    const version = await db.appVersion.findUniqueOrThrow({ where: { id: app.versionId } });
    const [product] = fake.calls('POST', '/v1/products').filter((call) => call.form['metadata[waypoint_app]'] === app.id);
    expect(product.headers['idempotency-key']).toBe(`app-product:${app.id}`);
    expect(stored.stripeProductId).toMatch(/^prod_/);
    const [meter] = fake.calls('POST', '/v1/billing/meters').filter((call) => call.headers['idempotency-key'] === `app-meter:${app.id}`);
    expect(meter.form).toMatchObject({ event_name: meterEventName(app.id), 'default_aggregation[formula]': 'sum', 'customer_mapping[event_payload_key]': 'stripe_customer_id', 'value_settings[event_payload_key]': 'value' });
    expect(stored).toMatchObject({ stripeMeterId: expect.stringMatching(/^mtr_/), stripeMeterEventName: meterEventName(app.id) });

    const prices = fake.calls('POST', '/v1/prices').filter((call) => call.form['metadata[waypoint_app]'] === app.id);
    expect(prices.map((call) => [call.headers['idempotency-key'], call.form])).toEqual([
      [
        `app-price:${app.versionId}:fee`,
        expect.objectContaining({ product: stored.stripeProductId, currency: 'usd', unit_amount: '2000', 'recurring[interval]': 'month', 'recurring[usage_type]': 'licensed', 'metadata[waypoint_version]': app.versionId, 'metadata[waypoint_price]': 'fee' }),
      ],
      [
        `app-price:${app.versionId}:usage`,
        expect.objectContaining({
          product: stored.stripeProductId,
          unit_amount: '40',
          'recurring[usage_type]': 'metered',
          'recurring[meter]': stored.stripeMeterId,
          'transform_quantity[divide_by]': '1000',
          'transform_quantity[round]': 'up',
          'metadata[waypoint_price]': 'usage',
        }),
      ],
    ]);

    const items = fake.calls('POST', '/v1/subscription_items').filter((call) => call.form.subscription === `sub_${tenant.id}`);
    expect(items.map((call) => [call.headers['idempotency-key'], call.form.price, call.form.proration_behavior, call.form['metadata[waypoint_installation]']])).toEqual([
      [`app-item:${installationId}:fee:${version.stripeFeePriceId}`, version.stripeFeePriceId, 'create_prorations', installationId],
      [`app-item:${installationId}:usage:${version.stripeUsagePriceId}`, version.stripeUsagePriceId, 'create_prorations', installationId],
    ]);
    const installation = await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } });
    expect(installation).toMatchObject({ billedVia: 'stripe', stripeFeeItemId: expect.stringMatching(/^si_/), stripeUsageItemId: expect.stringMatching(/^si_/) });
    expect(fake.subscriptionItems.get(installation.stripeFeeItemId!)).toMatchObject({ quantity: 1, price: version.stripeFeePriceId });

    // A second workspace reuses the product, meter and prices.
    const other = await subscribedWorkspace();
    await installApp(other, await memberIn(other, 'admin'), app.slug, { versionId: app.versionId });
    expect(fake.calls('POST', '/v1/products').filter((call) => call.form['metadata[waypoint_app]'] === app.id)).toHaveLength(1);
    expect(fake.calls('POST', '/v1/prices').filter((call) => call.form['metadata[waypoint_app]'] === app.id)).toHaveLength(2);

    // Uninstalling deletes both items, prorated, and clears them.
    await uninstallApp(tenant, admin, installationId);
    const deletes = fake.calls('DELETE', /^\/v1\/subscription_items\//).filter((call) => [installation.stripeFeeItemId, installation.stripeUsageItemId].some((id) => call.path.endsWith(`/${id}`)));
    expect(deletes.map((call) => call.query.get('proration_behavior'))).toEqual(['create_prorations', 'create_prorations']);
    expect(fake.subscriptionItems.has(installation.stripeFeeItemId!)).toBe(false);
    expect(await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).toMatchObject({ stripeFeeItemId: null, stripeUsageItemId: null, billedVia: 'stripe' });
  });

  it('a Stripe failure while adding items installs nothing and undoes the items already added', async () => {
    const app = await pricedApp(hybrid);
    const tenant = await subscribedWorkspace();
    const admin = await memberIn(tenant, 'admin');
    fake.override((request) =>
      request.method === 'POST' && request.path === '/v1/subscription_items' && request.form.subscription === `sub_${tenant.id}` && request.headers['idempotency-key']?.includes(':usage:')
        ? { status: 400, body: { error: { type: 'invalid_request_error', message: 'fake: meter not ready' } } }
        : undefined,
    );
    expect((await failure(installApp(tenant, admin, app.slug, { versionId: app.versionId }))).status).toBeGreaterThanOrEqual(400);
    expect(await db.appInstallation.count({ where: { appId: app.id, tenantId: tenant.id } })).toBe(0);
    const added = fake.calls('POST', '/v1/subscription_items').filter((call) => call.form.subscription === `sub_${tenant.id}` && call.form['metadata[waypoint_installation]']);
    expect([...fake.subscriptionItems.values()].filter((item) => item.subscription === `sub_${tenant.id}`)).toEqual([]);
    expect(added.length).toBeGreaterThan(0);
  });

  it('a re-consent to a new version moves the items to its prices; the app’s removal ends the items too', async () => {
    const app = await pricedApp({ pricing: 'flat', monthlyFeeCents: 900 });
    const tenant = await subscribedWorkspace();
    const admin = await memberIn(tenant, 'admin');
    const { installationId } = await installApp(tenant, admin, app.slug, { versionId: app.versionId });
    const feeItem = (await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).stripeFeeItemId!;
    const v2 = await addVersion(app.id, { publish: true });
    await db.appVersion.update({ where: { id: v2.id }, data: { pricing: 'usage', per1000CallsCents: 60 } });
    await installApp(tenant, admin, app.slug, { versionId: v2.id });
    const moved = await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } });
    expect(moved).toMatchObject({ versionId: v2.id, stripeFeeItemId: null, stripeUsageItemId: expect.stringMatching(/^si_/) });
    expect(fake.subscriptionItems.has(feeItem)).toBe(false);
    const usagePrice = (await db.appVersion.findUniqueOrThrow({ where: { id: v2.id } })).stripeUsagePriceId;
    expect(fake.subscriptionItems.get(moved.stripeUsageItemId!)?.price).toBe(usagePrice);

    await removeApp({ operator: await operator() }, app.id, { reason: 'Retired by the partner.' });
    expect(fake.subscriptionItems.has(moved.stripeUsageItemId!)).toBe(false);
    expect(await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).toMatchObject({ endedReason: 'app_removed', stripeUsageItemId: null });
  });

  it('an item Stripe failed to delete at uninstall is deleted by the next sweep', async () => {
    const app = await pricedApp({ pricing: 'flat', monthlyFeeCents: 500 });
    const tenant = await subscribedWorkspace();
    const admin = await memberIn(tenant, 'admin');
    const { installationId } = await installApp(tenant, admin, app.slug, { versionId: app.versionId });
    const item = (await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).stripeFeeItemId!;
    let down = true;
    fake.override((request) => (down && request.method === 'DELETE' && request.path.endsWith(`/${item}`) ? { status: 400, body: { error: { type: 'invalid_request_error', message: 'fake outage' } } } : undefined));
    await uninstallApp(tenant, admin, installationId);
    expect(await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).toMatchObject({ uninstalledAt: expect.any(Date), stripeFeeItemId: item });
    down = false;
    expect(await releaseEndedAppItems({ id: installationId })).toBe(1);
    expect(fake.subscriptionItems.has(item)).toBe(false);
    expect((await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).stripeFeeItemId).toBeNull();
  });
});
