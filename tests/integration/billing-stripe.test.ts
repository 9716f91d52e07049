import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changePlan, ensureCustomer, openBillingPortal, payOpenInvoice } from '../../lib/billing/checkout.ts';
import { PLAN_CATALOG } from '../../lib/billing/plan-catalog.ts';
import { BLOCK, METER_EVENT_NAME, reportUsage, spansToReport } from '../../lib/billing/report-usage.ts';
import { setPlanByOperator } from '../../lib/billing/set-plan.ts';
import { clearStripePriceCache, priceIdsByLookupKey, STRIPE_API_VERSION } from '../../lib/billing/stripe-client.ts';
import { API_REQUESTS, incrementUsage } from '../../lib/billing/usage.ts';
import { COACH_TOKENS } from '../../lib/coach/limits.ts';
import { tenantOrigin } from '../../lib/config/env.ts';
import { db } from '../../lib/db/client.ts';
import type { Member } from '../../lib/auth/session.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { startFakeStripe, seedPrices, type FakeStripe } from '../support/fake-stripe.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Every Stripe API call the app makes, against a local fake of Stripe's API at the SDK's host
// setting (STRIPE_API_BASE), asserting what it received.

let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  seedPrices(fake, PLAN_CATALOG);
  process.env.STRIPE_SECRET_KEY = 'sk_test_fake_key';
  process.env.STRIPE_API_BASE = fake.url;
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_BASE;
  await fake.close();
});

beforeEach(() => clearStripePriceCache());

async function ownerWorkspace(plan = 'free'): Promise<{ tenant: TenantContext; owner: Member }> {
  const tenant = await workspace({ plan });
  return { tenant, owner: await memberIn(tenant, 'owner') };
}

/** A workspace with a live subscription, as Stripe's webhooks would have recorded it. */
async function subscribed(plan: string, periodEnd = new Date(Date.now() + 20 * 86_400_000)) {
  const w = await ownerWorkspace(plan);
  const subscriptionId = `sub_${w.tenant.id}`;
  await db.billingAccount.create({
    data: {
      tenantId: w.tenant.id,
      stripeCustomerId: `cus_${w.tenant.id}`,
      stripeSubscriptionId: subscriptionId,
      subscriptionStatus: 'active',
      currentPeriodStart: new Date(periodEnd.getTime() - 30 * 86_400_000),
      currentPeriodEnd: periodEnd,
    },
  });
  fake.subscriptions.set(subscriptionId, {
    id: subscriptionId,
    object: 'subscription',
    status: 'active',
    customer: `cus_${w.tenant.id}`,
    items: {
      object: 'list',
      data: [
        { id: `si_base_${w.tenant.id}`, object: 'subscription_item', price: { id: `price_${plan}_monthly`, lookup_key: `waypoint_${plan}_monthly`, metadata: {} } },
        { id: `si_over_${w.tenant.id}`, object: 'subscription_item', price: { id: `price_${plan}_overage`, lookup_key: `waypoint_${plan}_api_overage`, metadata: {} } },
      ],
    },
  });
  return { ...w, subscriptionId };
}

describe('the Stripe client', () => {
  it('sends the secret key and the pinned API version to the configured host', async () => {
    await priceIdsByLookupKey(['waypoint_pro_monthly']);
    const [request] = fake.calls('GET', '/v1/prices').slice(-1);
    expect(request.headers.authorization).toBe('Bearer sk_test_fake_key');
    expect(request.headers['stripe-version']).toBe(STRIPE_API_VERSION);
  });

  it('resolves prices by lookup key, in one call, cached', async () => {
    const before = fake.calls('GET', '/v1/prices').length;
    const ids = await priceIdsByLookupKey(['waypoint_basic_monthly', 'waypoint_basic_api_overage']);
    expect(Object.fromEntries(ids)).toMatchObject({ waypoint_basic_monthly: 'price_basic_monthly', waypoint_basic_api_overage: 'price_basic_overage' });
    const calls = fake.calls('GET', '/v1/prices').slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0].query.getAll('lookup_keys[0]').concat(calls[0].query.getAll('lookup_keys[1]'))).toEqual(['waypoint_basic_monthly', 'waypoint_basic_api_overage']);
    expect(calls[0].query.get('active')).toBe('true');
    await priceIdsByLookupKey(['waypoint_basic_monthly']);
    expect(fake.calls('GET', '/v1/prices').length).toBe(before + 1);
  });

  it('names a lookup key Stripe has no price for (503 billing_misconfigured)', async () => {
    const error = await failure(priceIdsByLookupKey(['waypoint_missing_monthly']));
    expect(error).toMatchObject({ status: 503, code: 'billing_misconfigured' });
    expect(error.message).toContain('waypoint_missing_monthly');
  });
});

describe('customers', () => {
  it('are created once per workspace, on demand, with an idempotency key', async () => {
    const { tenant, owner } = await ownerWorkspace();
    const before = fake.calls('POST', '/v1/customers').length;
    const [first, second] = await Promise.all([ensureCustomer(tenant, owner), ensureCustomer(tenant, owner)]);
    expect(first).toBe(second);
    const calls = fake.calls('POST', '/v1/customers').slice(before);
    expect(calls.every((call) => call.headers['idempotency-key'] === `waypoint-customer:${tenant.id}`)).toBe(true);
    expect(calls[0].form).toMatchObject({ name: tenant.name, email: owner.email, 'metadata[tenantId]': tenant.id });
    expect((await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).stripeCustomerId).toBe(first);
    await ensureCustomer(tenant, owner);
    expect(fake.calls('POST', '/v1/customers').length).toBe(before + calls.length);
  });
});

describe('checkout and plan changes', () => {
  it('send a first subscription to Checkout: the plan price and its metered overage price, back to the billing page', async () => {
    const { tenant, owner } = await ownerWorkspace();
    const result = await changePlan(tenant, owner, { plan: 'pro' }, '203.0.113.9');
    expect(result).toMatchObject({ kind: 'checkout', url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//) });
    const [session] = fake.calls('POST', '/v1/checkout/sessions').slice(-1);
    const account = await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(session.form).toMatchObject({
      mode: 'subscription',
      customer: account.stripeCustomerId,
      client_reference_id: tenant.id,
      'metadata[tenantId]': tenant.id,
      'subscription_data[metadata][tenantId]': tenant.id,
      'line_items[0][price]': 'price_pro_monthly',
      'line_items[0][quantity]': '1',
      'line_items[1][price]': 'price_pro_overage',
      success_url: `${tenantOrigin(tenant.slug)}/settings/billing?checkout=success`,
      cancel_url: `${tenantOrigin(tenant.slug)}/settings/billing?checkout=canceled`,
    });
    expect(session.form['line_items[1][quantity]']).toBeUndefined();
    expect(session.headers['idempotency-key']).toMatch(new RegExp(`^waypoint-checkout:${tenant.id}:pro:\\d+$`));
    // The plan changes when Stripe says so (the webhook), not before.
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe('free');
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'billing.checkout_started', ip: '203.0.113.9' } })).toBe(1);
  });

  it('change the prices of an existing subscription in place instead of a second checkout', async () => {
    const { tenant, owner, subscriptionId } = await subscribed('pro');
    const sessions = fake.calls('POST', '/v1/checkout/sessions').length;
    expect(await changePlan(tenant, owner, { plan: 'enterprise' })).toEqual({ kind: 'updated', plan: 'enterprise' });
    expect(fake.calls('POST', '/v1/checkout/sessions')).toHaveLength(sessions);
    const [retrieve] = fake.calls('GET', `/v1/subscriptions/${subscriptionId}`).slice(-1);
    expect(retrieve.query.getAll('expand[0]')).toEqual(['items.data.price']);
    const [update] = fake.calls('POST', `/v1/subscriptions/${subscriptionId}`).slice(-1);
    expect(update.form).toMatchObject({
      'items[0][id]': `si_base_${tenant.id}`,
      'items[0][price]': 'price_enterprise_monthly',
      'items[1][id]': `si_over_${tenant.id}`,
      'items[1][price]': 'price_enterprise_overage',
      cancel_at_period_end: 'false',
      proration_behavior: 'create_prorations',
    });
  });

  it('move a subscribed workspace to free by cancelling at the end of the period', async () => {
    const { tenant, owner, subscriptionId } = await subscribed('basic');
    const result = await changePlan(tenant, owner, { plan: 'free' });
    expect(result).toMatchObject({ kind: 'cancel_scheduled', plan: 'free' });
    const [update] = fake.calls('POST', `/v1/subscriptions/${subscriptionId}`).slice(-1);
    expect(update.form).toEqual({ cancel_at_period_end: 'true' });
  });

  it('refuse a second subscription while one exists that cannot be changed in place (409 subscription_exists), whatever the plan', async () => {
    for (const status of ['unpaid', 'incomplete', 'paused', null]) {
      const { tenant, owner, subscriptionId } = await subscribed('basic');
      await db.billingAccount.update({ where: { tenantId: tenant.id }, data: { subscriptionStatus: status } });
      const requests = fake.requests.length;
      for (const plan of ['pro', 'basic', 'free']) {
        const error = await failure(changePlan(tenant, owner, { plan }));
        expect(error).toMatchObject({ status: 409, code: 'subscription_exists' });
        expect(error.message).toContain(status === 'unpaid' ? 'Pay the open invoice' : 'billing portal');
      }
      // Nothing went to Stripe: no Checkout, no change to the existing subscription, and the plan stays.
      expect(fake.requests.slice(requests).filter((r) => r.method === 'POST')).toEqual([]);
      expect(fake.calls('POST', `/v1/subscriptions/${subscriptionId}`)).toEqual([]);
      expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe('basic');
    }
  });

  it('are for owners only, and refuse plans that do not exist', async () => {
    const { tenant } = await ownerWorkspace();
    const admin = await memberIn(tenant, 'admin');
    expect(await failure(changePlan(tenant, admin, { plan: 'pro' }))).toMatchObject({ status: 403 });
    const owner = await memberIn(tenant, 'owner');
    expect(await failure(changePlan(tenant, owner, { plan: 'platinum' }))).toMatchObject({ status: 422 });
  });
});

describe('the customer portal', () => {
  it('opens a portal session for the workspace customer that returns to the billing page', async () => {
    const { tenant, owner } = await ownerWorkspace('basic');
    const { url } = await openBillingPortal(tenant, owner);
    expect(url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    const [request] = fake.calls('POST', '/v1/billing_portal/sessions').slice(-1);
    const account = await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(request.form).toEqual({ customer: account.stripeCustomerId, return_url: `${tenantOrigin(tenant.slug)}/settings/billing` });
  });
});

describe('paying the open invoice', () => {
  it("sends an unpaid workspace's owner to the unpaid invoice's hosted page, to resume the same subscription", async () => {
    const { tenant, owner } = await subscribed('basic');
    const invoiceId = `in_open_${tenant.id}`;
    await db.billingAccount.update({ where: { tenantId: tenant.id }, data: { subscriptionStatus: 'unpaid', unpaidInvoiceId: invoiceId, pastDueSince: new Date() } });
    fake.invoices.set(invoiceId, { id: invoiceId, object: 'invoice', status: 'open', customer: `cus_${tenant.id}`, hosted_invoice_url: `https://invoice.stripe.test/i/${invoiceId}` });
    expect(await payOpenInvoice(tenant, owner)).toEqual({ url: `https://invoice.stripe.test/i/${invoiceId}` });
    expect(fake.calls('POST', '/v1/checkout/sessions').filter((r) => r.form.customer === `cus_${tenant.id}`)).toEqual([]);
  });

  it('falls back to the portal when the invoice can no longer be paid there (or none is known)', async () => {
    const { tenant, owner } = await subscribed('basic');
    const invoiceId = `in_void_${tenant.id}`;
    await db.billingAccount.update({ where: { tenantId: tenant.id }, data: { subscriptionStatus: 'unpaid', unpaidInvoiceId: invoiceId } });
    fake.invoices.set(invoiceId, { id: invoiceId, object: 'invoice', status: 'void', customer: `cus_${tenant.id}`, hosted_invoice_url: null });
    expect((await payOpenInvoice(tenant, owner)).url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    await db.billingAccount.update({ where: { tenantId: tenant.id }, data: { unpaidInvoiceId: null } });
    expect((await payOpenInvoice(tenant, owner)).url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(await failure(payOpenInvoice(tenant, await memberIn(tenant, 'admin')))).toMatchObject({ status: 403 });
  });
});

describe('without STRIPE_SECRET_KEY', () => {
  it('answers 503 billing_not_configured and calls nothing', async () => {
    const { tenant, owner } = await ownerWorkspace();
    const key = process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_SECRET_KEY;
    try {
      const count = fake.requests.length;
      expect(await failure(changePlan(tenant, owner, { plan: 'pro' }))).toMatchObject({ status: 503, code: 'billing_not_configured' });
      expect(await reportUsage()).toEqual({ periods: 0, events: 0, requests: 0 });
      expect(fake.requests.length).toBe(count);
    } finally {
      process.env.STRIPE_SECRET_KEY = key;
    }
  });
});

describe('usage reports (meter events)', () => {
  const meterEvents = (periodId: string) => fake.calls('POST', '/v1/billing/meter_events').filter((call) => call.form.identifier.startsWith(`${periodId}:`));

  it('cut the overage into whole blocks while the period is open, and the rest once it ended', () => {
    expect(spansToReport({ value: 12_500, reportedValue: 0, included: 10_000, final: false })).toEqual([
      [10_000, 11_000],
      [11_000, 12_000],
    ]);
    expect(spansToReport({ value: 12_500, reportedValue: 12_000, included: 10_000, final: true })).toEqual([[12_000, 12_500]]);
    expect(spansToReport({ value: 9_000, reportedValue: 0, included: 10_000, final: true })).toEqual([]);
    expect(spansToReport({ value: 13_200, reportedValue: 12_500, included: 10_000, final: false })).toEqual([[12_500, 13_000]]);
  });

  it('report requests beyond the quota once each, with identifiers that name the period and position', async () => {
    const { tenant } = await subscribed('basic');
    await incrementUsage(tenant.id, API_REQUESTS, 10_000 + 2 * BLOCK + 500);
    const period = await db.usagePeriod.findFirstOrThrow({ where: { tenantId: tenant.id } });
    await reportUsage();
    expect(meterEvents(period.id).map((call) => call.form)).toEqual([
      { event_name: METER_EVENT_NAME, identifier: `${period.id}:11000`, timestamp: expect.any(String), 'payload[stripe_customer_id]': `cus_${tenant.id}`, 'payload[value]': '1000' },
      { event_name: METER_EVENT_NAME, identifier: `${period.id}:12000`, timestamp: expect.any(String), 'payload[stripe_customer_id]': `cus_${tenant.id}`, 'payload[value]': '1000' },
    ]);
    expect((await db.usagePeriod.findUniqueOrThrow({ where: { id: period.id } })).reportedValue).toBe(12_000);
    // Nothing new: nothing sent.
    await reportUsage();
    expect(meterEvents(period.id)).toHaveLength(2);
    // After the period (and the grace for late writes), the partial block.
    await reportUsage({ now: new Date(period.periodEnd.getTime() + 11 * 60_000) });
    expect(meterEvents(period.id).map((call) => [call.form.identifier, call.form['payload[value]']])).toEqual([
      [`${period.id}:11000`, '1000'],
      [`${period.id}:12000`, '1000'],
      [`${period.id}:12500`, '500'],
    ]);
    expect(Number(meterEvents(period.id)[2].form.timestamp)).toBeLessThan(period.periodEnd.getTime() / 1000);
  });

  it('never double-bill: when Stripe got an event but the answer was lost, the retry sends the same identifier', async () => {
    const { tenant } = await subscribed('pro');
    await incrementUsage(tenant.id, API_REQUESTS, 100_000 + 2 * BLOCK);
    const period = await db.usagePeriod.findFirstOrThrow({ where: { tenantId: tenant.id } });
    let failed = false;
    fake.override((request) => {
      if (request.path !== '/v1/billing/meter_events' || failed || !request.form.identifier.startsWith(period.id)) return undefined;
      failed = true; // received (and recorded), then the answer fails
      return { status: 500, headers: { 'stripe-should-retry': 'false' }, body: { error: { type: 'api_error', message: 'fake outage' } } };
    });
    await expect(reportUsage()).rejects.toThrow(/1 period\(s\) failed/);
    expect((await db.usagePeriod.findUniqueOrThrow({ where: { id: period.id } })).reportedValue).toBe(0);

    // More traffic meanwhile; the retry starts where Stripe may already have been.
    await incrementUsage(tenant.id, API_REQUESTS, 700);
    await reportUsage();
    const identifiers = meterEvents(period.id).map((call) => call.form.identifier);
    expect(identifiers).toEqual([`${period.id}:101000`, `${period.id}:101000`, `${period.id}:102000`]);
    // What Stripe bills: one event per identifier.
    const billed = new Map(meterEvents(period.id).map((call) => [call.form.identifier, Number(call.form['payload[value]'])]));
    expect([...billed.values()].reduce((a, b) => a + b, 0)).toBe(2 * BLOCK);
    expect((await db.usagePeriod.findUniqueOrThrow({ where: { id: period.id } })).reportedValue).toBe(102_000);
  });

  it("never bill the AI coach's tokens: they count toward the plan's budget only", async () => {
    const { tenant } = await subscribed('pro');
    await incrementUsage(tenant.id, COACH_TOKENS, 5_000_000);
    const period = await db.usagePeriod.findFirstOrThrow({ where: { tenantId: tenant.id, metric: COACH_TOKENS } });
    await reportUsage({ now: new Date(period.periodEnd.getTime() + 11 * 60_000) });
    expect(meterEvents(period.id)).toHaveLength(0);
    expect((await db.usagePeriod.findUniqueOrThrow({ where: { id: period.id } })).reportedValue).toBe(0);
  });

  it("apply the quota of the plan a period ended on, not of a smaller plan moved to since", async () => {
    const end = new Date(Date.now() - 60 * 60_000);
    const { tenant } = await subscribed('pro', end);
    await incrementUsage(tenant.id, API_REQUESTS, 50_000, new Date(end.getTime() - 86_400_000));
    const period = await db.usagePeriod.findFirstOrThrow({ where: { tenantId: tenant.id } });
    // Moved to basic at renewal (10,000 included): the pro period's 50,000 were all included.
    await setPlanByOperator({ userId: 'op', email: 'op@waypoint.test' }, tenant.id, { plan: 'basic' });
    await reportUsage();
    expect(meterEvents(period.id)).toHaveLength(0);
    // Its own plan's overage still counts: 1,500 beyond pro's quota.
    await incrementUsage(tenant.id, API_REQUESTS, 51_500, new Date(end.getTime() - 86_400_000));
    await reportUsage();
    expect(meterEvents(period.id).map((call) => [call.form.identifier, call.form['payload[value]']])).toEqual([
      [`${period.id}:101000`, '1000'],
      [`${period.id}:101500`, '500'],
    ]);
  });

  it('leave free workspaces and workspaces without a Stripe customer alone', async () => {
    const free = await workspace({ plan: 'free' });
    await db.billingAccount.create({ data: { tenantId: free.id, stripeCustomerId: `cus_${free.id}` } });
    await incrementUsage(free.id, API_REQUESTS, 5_000);
    const manual = await workspace({ plan: 'pro' });
    await incrementUsage(manual.id, API_REQUESTS, 150_000);
    await reportUsage();
    const identifiers = fake.calls('POST', '/v1/billing/meter_events').map((call) => call.form.identifier);
    for (const tenantId of [free.id, manual.id]) {
      const period = await db.usagePeriod.findFirstOrThrow({ where: { tenantId } });
      expect(identifiers.some((identifier) => identifier.startsWith(`${period.id}:`))).toBe(false);
      expect(period.reportedValue).toBe(0);
    }
  });
});
