import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { appListing } from '../../lib/marketplace/discovery.ts';
import { incrementUsage } from '../../lib/billing/usage.ts';
import { paidAppCharges } from '../../lib/marketplace/app-charges.ts';
import { installApp, listInstalledApps, prepareInstall } from '../../lib/marketplace/installations.ts';
import { appCallsMetric } from '../../lib/marketplace/pricing.ts';
import { allowPaidApp, listPaidAppAllowances, revokePaidApp } from '../../lib/marketplace/paid-app-allowances.ts';
import { createApp, publishAppVersion, runAppChecks, startNewVersion, submitAppVersion, updateAppVersion } from '../../lib/marketplace/apps.ts';
import { uploadAppImage } from '../../lib/marketplace/app-images.ts';
import { approveVersion, getAppForReview, startReview, updateChecklist, REVIEW_CHECKLIST } from '../../lib/marketplace/app-review.ts';
import { createMarketplaceApp } from '../support/marketplace.ts';
import { completeVersion, createPartner, logoPng } from '../support/partner-apps.ts';
import { operator } from '../support/resellers.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Paid apps without Stripe (the demo and e2e run without keys): the partner prices a version
// in integer cents (validated as a whole by pricingSchema), paid apps must link support and
// terms, the price shows on the listing and the consent; an admin installs a paid app only
// where the operator allowed it (billedVia 'operator'), else 403 paid_app_needs_operator.

const checkOptions = { allowLocalhostWebhooks: false, lookup: async () => [{ address: '93.184.216.34', family: 4 }] };

async function pricedApp(price: Record<string, unknown>) {
  const app = await createMarketplaceApp();
  await db.appVersion.update({ where: { id: app.versionId }, data: { pricing: 'flat', monthlyFeeCents: null, ...price } });
  return app;
}

describe('pricing a version', () => {
  it('stores each model in cents, refuses amounts the model has not, and carries the price to a new version', async () => {
    const partner = await createPartner();
    const { app } = await createApp(partner.actor, { name: 'Tally Sync', category: 'productivity' });
    const flat = await updateAppVersion(partner.actor, app.id, { pricing: 'flat', monthlyFeeCents: 1250 });
    expect(flat.price).toEqual({ pricing: 'flat', priceCurrency: 'usd', monthlyFeeCents: 1250, per1000CallsCents: null, includedCalls: null });
    const hybrid = await updateAppVersion(partner.actor, app.id, { pricing: 'hybrid', monthlyFeeCents: 2000, includedCalls: 10_000, per1000CallsCents: 40, name: 'Tally Sync Pro' });
    expect(hybrid).toMatchObject({ name: 'Tally Sync Pro', price: { pricing: 'hybrid', monthlyFeeCents: 2000, per1000CallsCents: 40, includedCalls: 10_000 } });

    expect(await failure(updateAppVersion(partner.actor, app.id, { pricing: 'usage', per1000CallsCents: 50, monthlyFeeCents: 100 }))).toMatchObject({
      status: 422,
      fields: { monthlyFeeCents: 'A usage price has no such amount.' },
    });
    expect((await failure(updateAppVersion(partner.actor, app.id, { pricing: 'flat', monthlyFeeCents: 12.5 }))).fields).toEqual({ monthlyFeeCents: 'Monthly fee: use a whole number of cents.' });
    expect((await failure(updateAppVersion(partner.actor, app.id, { pricing: 'flat' }))).fields).toEqual({ monthlyFeeCents: 'A flat price needs this.' });
    expect((await failure(updateAppVersion(partner.actor, app.id, { monthlyFeeCents: 500 }))).fields).toEqual({ pricing: expect.stringMatching(/pricing model/) });
    expect((await failure(updateAppVersion(partner.actor, app.id, { pricing: 'gold' }))).status).toBe(422);
    expect((await failure(updateAppVersion(partner.actor, app.id, { pricing: 'flat', monthlyFeeCents: 100, priceCurrency: 'eur' }))).fields).toHaveProperty('priceCurrency');
    // Refused edits left the hybrid price as it was.
    const stored = await db.appVersion.findUniqueOrThrow({ where: { id: hybrid.id } });
    expect([stored.pricing, stored.monthlyFeeCents, stored.per1000CallsCents, stored.includedCalls]).toEqual(['hybrid', 2000, 40, 10_000]);

    // Free again clears the amounts.
    const free = await updateAppVersion(partner.actor, app.id, { pricing: 'free' });
    expect(free.price).toEqual({ pricing: 'free', priceCurrency: 'usd', monthlyFeeCents: null, per1000CallsCents: null, includedCalls: null });
  });

  it('a paid version needs a support URL and terms to pass the checks; v2 keeps v1’s price', async () => {
    const partner = await createPartner();
    const { app } = await createApp(partner.actor, { name: 'Ledger Link', category: 'productivity' });
    await uploadAppImage(partner.actor, app.id, 'logo', logoPng());
    await updateAppVersion(partner.actor, app.id, { ...completeVersion, pricing: 'usage', per1000CallsCents: 75 });
    const paidCheck = async () => (await runAppChecks(partner.actor, app.id, checkOptions)).find((check) => check.id === 'paid_app_links');
    expect(await paidCheck()).toMatchObject({ ok: false, field: 'supportUrl' });
    await updateAppVersion(partner.actor, app.id, { supportUrl: 'https://ledger.example.com/help' });
    expect(await paidCheck()).toMatchObject({ ok: false, field: 'termsUrl', message: expect.stringMatching(/terms of service/) });
    expect((await failure(submitAppVersion(partner.actor, app.id, {}, null, checkOptions))).fields).toHaveProperty('termsUrl');
    await updateAppVersion(partner.actor, app.id, { termsUrl: 'https://ledger.example.com/terms' });
    expect(await paidCheck()).toMatchObject({ ok: true });

    await submitAppVersion(partner.actor, app.id, {}, null, checkOptions);
    const op = await operator();
    const versionId = (await db.appVersion.findFirstOrThrow({ where: { appId: app.id } })).id;
    await startReview(op, versionId);
    await updateChecklist(op, versionId, { items: Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item.id, true])) });
    await approveVersion(op, versionId, {});
    await publishAppVersion(partner.actor, app.id);
    const v2 = await startNewVersion(partner.actor, app.id);
    expect(v2.price).toEqual({ pricing: 'usage', priceCurrency: 'usd', monthlyFeeCents: null, per1000CallsCents: 75, includedCalls: null });
    // The reviewer sees a new price as a change.
    expect((await getAppForReview(op, app.id)).changes?.priceChange).toBeNull();
    await updateAppVersion(partner.actor, app.id, { pricing: 'usage', per1000CallsCents: 90 });
    expect((await getAppForReview(op, app.id)).changes?.priceChange).toEqual({ from: '$0.75 per 1,000 API calls', to: '$0.90 per 1,000 API calls' });
  });
});

describe('a paid app without Stripe', () => {
  it('shows its price on the listing, the card and the consent (with an example month for usage prices)', async () => {
    const app = await pricedApp({ pricing: 'hybrid', monthlyFeeCents: 2000, includedCalls: 10_000, per1000CallsCents: 40 });
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const listing = await appListing(tenant, admin, app.slug);
    expect(listing.pricing).toBe('$20.00 / month, 10,000 calls included, then $0.40 per 1,000');
    expect(listing.card.priceLabel).toBe(listing.pricing);
    const prompt = await prepareInstall(tenant, admin, app.slug);
    // 20,000 calls: the fee, and 10 blocks of 1,000 above the included 10,000.
    expect(prompt.price).toMatchObject({ label: listing.pricing, example: { calls: 20_000, cents: 2000 + 10 * 40 }, billedVia: 'operator', blocked: { code: 'paid_app_needs_operator' } });
  });

  it('installs only where the operator allowed it: 403 paid_app_needs_operator before, billedVia operator after', async () => {
    const app = await pricedApp({ monthlyFeeCents: 900 });
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const refused = await failure(installApp(tenant, admin, app.slug, { versionId: app.versionId }));
    expect(refused).toMatchObject({ status: 403, code: 'paid_app_needs_operator', message: expect.stringMatching(/platform operator must allow it/) });
    expect(await db.appInstallation.count({ where: { appId: app.id } })).toBe(0);

    const op = await operator();
    expect((await failure(allowPaidApp(op, app.id, { workspace: 'no-such-workspace-here' }))).fields).toEqual({ workspace: expect.stringMatching(/No workspace/) });
    expect((await failure(allowPaidApp(op, app.id, { workspace: '' }))).status).toBe(422);
    expect((await failure(allowPaidApp(op, app.id, { workspace: tenant.slug, extra: 1 }))).status).toBe(422);
    const allowed = await allowPaidApp(op, app.id, { workspace: tenant.slug, note: 'Invoiced yearly' });
    expect(allowed).toEqual([expect.objectContaining({ tenantId: tenant.id, workspace: { slug: tenant.slug, name: tenant.name }, note: 'Invoiced yearly', grantedBy: op.email, installed: false })]);
    expect(await failure(allowPaidApp(op, app.id, { workspace: tenant.slug }))).toMatchObject({ status: 409 });

    expect((await prepareInstall(tenant, admin, app.slug)).price).toMatchObject({ label: '$9.00 / month', billedVia: 'operator', blocked: null, example: null });
    const { installationId } = await installApp(tenant, admin, app.slug, { versionId: app.versionId });
    expect(await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).toMatchObject({ billedVia: 'operator', stripeFeeItemId: null, stripeUsageItemId: null });
    expect((await listPaidAppAllowances(op, app.id))[0].installed).toBe(true);

    // Revoking stops new installs elsewhere, not this one.
    await revokePaidApp(op, app.id, tenant.id);
    expect(await listPaidAppAllowances(op, app.id)).toEqual([]);
    expect(await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).toMatchObject({ uninstalledAt: null });
    expect(await failure(revokePaidApp(op, app.id, tenant.id))).toMatchObject({ status: 404 });
    const actions = await db.platformAuditLog.findMany({ where: { targetId: app.id, action: { startsWith: 'paid_app.' } }, orderBy: { createdAt: 'asc' }, select: { action: true, actorEmail: true } });
    expect(actions).toEqual([
      { action: 'paid_app.allowed', actorEmail: op.email },
      { action: 'paid_app.revoked', actorEmail: op.email },
    ]);
  });

  it('free apps need no allowance (and the operator cannot make one); the allowance is per workspace', async () => {
    const free = await createMarketplaceApp();
    const op = await operator();
    const tenant = await workspace();
    expect(await failure(allowPaidApp(op, free.id, { workspace: tenant.slug }))).toMatchObject({ status: 409 });
    const admin = await memberIn(tenant, 'admin');
    const { installationId } = await installApp(tenant, admin, free.slug, { versionId: free.versionId });
    expect((await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).billedVia).toBeNull();

    const paid = await pricedApp({ monthlyFeeCents: 500 });
    await allowPaidApp(op, paid.id, { workspace: tenant.slug });
    const other = await workspace();
    expect(await failure(installApp(other, await memberIn(other, 'admin'), paid.slug, { versionId: paid.versionId }))).toMatchObject({ code: 'paid_app_needs_operator' });
  });

  it('the workspace sees each paid app’s price, this period’s calls and the estimated cost', async () => {
    const app = await pricedApp({ pricing: 'hybrid', monthlyFeeCents: 2000, includedCalls: 10_000, per1000CallsCents: 40 });
    const free = await createMarketplaceApp();
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    await allowPaidApp(await operator(), app.id, { workspace: tenant.slug });
    const { installationId } = await installApp(tenant, admin, app.slug, { versionId: app.versionId });
    await installApp(tenant, admin, free.slug, { versionId: free.versionId });
    // 12,001 calls: the fee and 3 started blocks above the included 10,000.
    await incrementUsage(tenant.id, appCallsMetric(app.id), 12_001);
    const installed = await listInstalledApps(tenant, admin);
    expect(installed.find((row) => row.app.id === free.id)?.charge).toBeNull();
    expect(installed.find((row) => row.id === installationId)?.charge).toMatchObject({
      label: '$20.00 / month, 10,000 calls included, then $0.40 per 1,000',
      billedVia: 'operator',
      calls: 12_001,
      estimatedCents: 2000 + 3 * 40,
    });
    expect((await paidAppCharges(tenant.id)).map((charge) => charge.installationId)).toEqual([installationId]);
  });
});
