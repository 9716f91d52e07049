import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushRequestLog } from '../../lib/api/request-log.ts';
import { runUsageReports } from '../../lib/billing/report-usage-job.ts';
import { BLOCK } from '../../lib/billing/report-usage.ts';
import { incrementUsage, usageAt } from '../../lib/billing/usage.ts';
import { db } from '../../lib/db/client.ts';
import { stopJobs } from '../../lib/jobs/queue.ts';
import { meterEventName } from '../../lib/marketplace/app-billing-catalog.ts';
import { reportAppUsage } from '../../lib/marketplace/app-usage-report.ts';
import { installApp } from '../../lib/marketplace/installations.ts';
import { allowPaidApp } from '../../lib/marketplace/paid-app-allowances.ts';
import { appCallsMetric } from '../../lib/marketplace/pricing.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { createMarketplaceApp, SETUP_URL, type TestApp } from '../support/marketplace.ts';
import { callApi, clientOptions, discover } from '../support/oauth-client.ts';
import { operator } from '../support/resellers.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// Usage-priced apps: the calls an app's installation token makes are counted from the request
// log into the workspace's app_calls:<appId> meter (atomically, however many requests and
// flushes run at once), and the calls above what the price includes are reported to the app's
// Stripe meter in spans with stable identifiers, so a retried report never double-bills.

let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = 'sk_test_fake_key';
  process.env.STRIPE_API_BASE = fake.url;
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_BASE;
  await stopJobs();
  await fake.close();
});

async function subscribedWorkspace(): Promise<TenantContext> {
  const tenant = await workspace();
  await db.billingAccount.create({
    data: { tenantId: tenant.id, stripeCustomerId: `cus_${tenant.id}`, stripeSubscriptionId: `sub_${tenant.id}`, subscriptionStatus: 'active', currentPeriodStart: new Date(Date.now() - 5 * 86_400_000), currentPeriodEnd: new Date(Date.now() + 25 * 86_400_000) },
  });
  return tenant;
}

async function pricedApp(price: Record<string, unknown>): Promise<TestApp> {
  const app = await createMarketplaceApp();
  await db.appVersion.update({ where: { id: app.versionId }, data: price });
  return app;
}

/** Installs the app and plays the app's side: the code exchanged for an installation token. */
async function installAndToken(tenant: TenantContext, app: TestApp): Promise<string> {
  const admin = await memberIn(tenant, 'admin');
  const { redirectTo } = await installApp(tenant, admin, app.slug, { versionId: app.versionId });
  const as = await discover(tenant);
  const callback = oauth.validateAuthResponse(as, app.client, new URL(redirectTo), oauth.expectNoState);
  const response = await oauth.authorizationCodeGrantRequest(as, app.client, app.auth, callback, SETUP_URL, oauth.nopkce, clientOptions);
  return (await oauth.processAuthorizationCodeResponse(as, app.client, response)).access_token;
}

const meterEvents = (appId: string) => fake.calls('POST', '/v1/billing/meter_events').filter((call) => call.form.event_name === meterEventName(appId));

describe('app calls, metered', () => {
  it('counts every call of many parallel requests and concurrent flushes exactly', async () => {
    const app = await pricedApp({ pricing: 'usage', per1000CallsCents: 50 });
    const tenant = await subscribedWorkspace();
    const token = await installAndToken(tenant, app);
    const CALLS = 120;
    const results = await Promise.all(
      Array.from({ length: CALLS }, async (_, i) => {
        const answer = await callApi(tenant, '/api/v1/goals', token);
        // Flushes race the requests and each other.
        if (i % 15 === 0) await flushRequestLog();
        return answer.status;
      }),
    );
    await Promise.all([flushRequestLog(), flushRequestLog()]);
    expect(results.every((status) => status === 200)).toBe(true);
    expect(await db.apiRequestLog.count({ where: { tenantId: tenant.id, marketplaceAppId: app.id } })).toBe(CALLS);
    expect((await usageAt(tenant.id, appCallsMetric(app.id))).value).toBe(CALLS);
    // Meanwhile other instances add to the same meter concurrently: one atomic upsert each.
    await Promise.all(Array.from({ length: 40 }, () => incrementUsage(tenant.id, appCallsMetric(app.id), 5)));
    expect((await usageAt(tenant.id, appCallsMetric(app.id))).value).toBe(CALLS + 200);
  });

  it('reports calls above the included ones with stable identifiers; a retry after a lost answer sends the same one and reportedValue only moves forward', async () => {
    const app = await pricedApp({ pricing: 'hybrid', monthlyFeeCents: 2000, includedCalls: 10_000, per1000CallsCents: 40 });
    const tenant = await subscribedWorkspace();
    await installAndToken(tenant, app);
    const metric = appCallsMetric(app.id);
    await incrementUsage(tenant.id, metric, 10_000 + 2 * BLOCK + 300);
    const period = await db.usagePeriod.findFirstOrThrow({ where: { tenantId: tenant.id, metric } });

    expect(await reportAppUsage()).toEqual({ periods: 1, events: 2, calls: 2 * BLOCK });
    expect(meterEvents(app.id).map((call) => call.form)).toEqual([
      { event_name: meterEventName(app.id), identifier: `${period.id}:11000`, timestamp: expect.any(String), 'payload[stripe_customer_id]': `cus_${tenant.id}`, 'payload[value]': '1000' },
      { event_name: meterEventName(app.id), identifier: `${period.id}:12000`, timestamp: expect.any(String), 'payload[stripe_customer_id]': `cus_${tenant.id}`, 'payload[value]': '1000' },
    ]);
    expect((await db.usagePeriod.findUniqueOrThrow({ where: { id: period.id } })).reportedValue).toBe(12_000);

    // Stripe receives the next event, but its answer is lost.
    await incrementUsage(tenant.id, metric, BLOCK);
    let failed = false;
    fake.override((request) => {
      if (request.path !== '/v1/billing/meter_events' || failed || request.form.event_name !== meterEventName(app.id)) return undefined;
      failed = true;
      return { status: 500, headers: { 'stripe-should-retry': 'false' }, body: { error: { type: 'api_error', message: 'fake outage' } } };
    });
    await expect(runUsageReports()).rejects.toThrow(/app usage report: 1 period\(s\) failed/);
    expect((await db.usagePeriod.findUniqueOrThrow({ where: { id: period.id } })).reportedValue).toBe(12_000);
    await runUsageReports();
    expect(meterEvents(app.id).map((call) => call.form.identifier)).toEqual([`${period.id}:11000`, `${period.id}:12000`, `${period.id}:13000`, `${period.id}:13000`]);
    expect((await db.usagePeriod.findUniqueOrThrow({ where: { id: period.id } })).reportedValue).toBe(13_000);

    // Once the period has ended (and the grace for late writes), the partial block; what Stripe bills is one event per identifier.
    await reportAppUsage({ now: new Date(period.periodEnd.getTime() + 11 * 60_000) });
    const billed = new Map(meterEvents(app.id).map((call) => [call.form.identifier, Number(call.form['payload[value]'])]));
    expect([...billed.entries()]).toEqual([
      [`${period.id}:11000`, 1000],
      [`${period.id}:12000`, 1000],
      [`${period.id}:13000`, 1000],
      [`${period.id}:13300`, 300],
    ]);
    expect((await db.usagePeriod.findUniqueOrThrow({ where: { id: period.id } })).reportedValue).toBe(13_300);
  });

  it('does not report calls of a flat-priced app, or of an app the operator bills', async () => {
    const flat = await pricedApp({ pricing: 'flat', monthlyFeeCents: 900 });
    const tenant = await subscribedWorkspace();
    await installAndToken(tenant, flat);
    await incrementUsage(tenant.id, appCallsMetric(flat.id), 5 * BLOCK);

    const usage = await pricedApp({ pricing: 'usage', per1000CallsCents: 50 });
    const elsewhere = await workspace();
    await db.billingAccount.create({ data: { tenantId: elsewhere.id, stripeCustomerId: `cus_${elsewhere.id}` } });
    await allowPaidApp(await operator(), usage.id, { workspace: elsewhere.slug });
    await db.appInstallation.create({
      data: { id: `ins_op_${elsewhere.id}`, tenantId: elsewhere.id, appId: usage.id, versionId: usage.versionId, scopes: ['read:goals'], grantId: (await db.oAuthGrant.create({ data: { id: `grt_op_${elsewhere.id}`, tenantId: elsewhere.id, appId: usage.oauthAppId, userId: (await memberIn(elsewhere, 'admin')).userId, kind: 'installation', scopes: ['read:goals'] } })).id, billedVia: 'operator' },
    });
    await incrementUsage(elsewhere.id, appCallsMetric(usage.id), 5 * BLOCK);

    await reportAppUsage();
    expect(meterEvents(flat.id)).toEqual([]);
    expect(meterEvents(usage.id)).toEqual([]);
  });
});
