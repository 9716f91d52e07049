import { NextRequest } from 'next/server';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as stripeWebhook } from '../../app/api/webhooks/stripe/route.ts';
import { billingCurrencyOf, changePlan, setBillingCurrency } from '../../lib/billing/checkout.ts';
import { PLAN_CATALOG } from '../../lib/billing/plan-catalog.ts';
import { clearPlanCache, getPlan, planPriceIn } from '../../lib/billing/plans.ts';
import { clearStripePriceCache } from '../../lib/billing/stripe-client.ts';
import { db } from '../../lib/db/client.ts';
import { payByStripe } from '../../lib/payouts/pay-by-stripe.ts';
import { createPayoutFor } from '../../lib/payouts/run-payouts.ts';
import { listResellerPrices, priceFor, setPlanFloor, setResellerPrice } from '../../lib/resellers/prices.ts';
import { setResellerStripe } from '../../lib/resellers/stripe-gateway.ts';
import { contextOf } from '../support/factories.ts';
import { seedPrices, startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { clientOf, createReseller, invoiceId } from '../support/resellers.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Multi-currency billing (issue 22): a workspace billed in euros pays the plan's euro price
// (its own Stripe price, by lookup key), or its reseller's euro price; the commissions on its
// invoices are euros, and the reseller is paid euros: nothing is converted anywhere.

const SECRET = 'whsec_currencies_test_secret';
const OPERATOR = { userId: 'operator', email: 'operator@waypoint.test', role: 'owner' as const };
// Payouts of "March 2003": only this file's rows are that old (other files use other years).
const MARCH = { start: new Date(Date.UTC(2003, 2, 1)), end: new Date(Date.UTC(2003, 3, 1)) };
const IN_MARCH = new Date(Date.UTC(2003, 2, 10));

let fake: FakeStripe;
const saved = { key: process.env.STRIPE_SECRET_KEY, base: process.env.STRIPE_API_BASE, secret: process.env.STRIPE_WEBHOOK_SECRET };

beforeAll(async () => {
  fake = await startFakeStripe();
  seedPrices(fake, PLAN_CATALOG);
  fake.override((request) => {
    if (request.method !== 'POST' || request.path !== '/v1/transfers') return undefined;
    return { body: { id: `tr_${String(request.headers['idempotency-key']).replace(/\W/g, '')}`, object: 'transfer', amount: Number(request.form.amount), currency: request.form.currency, destination: request.form.destination } };
  });
  process.env.STRIPE_SECRET_KEY = 'sk_test_fake_key';
  process.env.STRIPE_API_BASE = fake.url;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  const url = new URL(fake.url);
  setResellerStripe(() => new Stripe('sk_test_currencies', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false }));
  await setPlanFloor(OPERATOR, 'pro', { floorCents: 8000 });
  await setPlanFloor(OPERATOR, 'pro', { floorCents: 7500, currency: 'eur' });
  clearPlanCache();
});

afterAll(async () => {
  setResellerStripe(undefined);
  for (const [name, value] of [['STRIPE_SECRET_KEY', saved.key], ['STRIPE_API_BASE', saved.base], ['STRIPE_WEBHOOK_SECRET', saved.secret]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await fake.close();
});

beforeEach(() => clearStripePriceCache());

async function deliver(type: string, object: Record<string, unknown>) {
  const raw = JSON.stringify({ id: `evt_cur_${invoiceId()}`, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), type, livemode: false, pending_webhooks: 1, request: { id: null }, data: { object } });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload: raw, secret: SECRET });
  const response = await stripeWebhook(new NextRequest('http://localhost:3100/api/webhooks/stripe', { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'stripe-signature': signature } }), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
}

function paidInvoice(tenantId: string, amountPaid: number, currency: string) {
  const id = invoiceId();
  return {
    id,
    object: 'invoice',
    customer: `cus_${id}`,
    amount_paid: amountPaid,
    currency,
    status: 'paid',
    status_transitions: { paid_at: Math.floor(Date.now() / 1000) },
    parent: { type: 'subscription_details', subscription_details: { subscription: `sub_${id}`, metadata: { tenantId } } },
    lines: { object: 'list', data: [] },
  };
}

describe('plans in several currencies', () => {
  it('each paid plan has its own price per currency, by lookup key; free costs nothing in any', async () => {
    const pro = await getPlan('pro');
    expect(planPriceIn(pro, 'usd')).toMatchObject({ amountCents: 9900, stripeLookupKey: 'waypoint_pro_monthly' });
    expect(planPriceIn(pro, 'eur')).toMatchObject({ amountCents: 9200, stripeLookupKey: 'waypoint_pro_monthly_eur', overageLookupKey: 'waypoint_pro_api_overage_eur' });
    expect(planPriceIn(pro, 'gbp')).toMatchObject({ amountCents: 7900, stripeLookupKey: 'waypoint_pro_monthly_gbp' });
    expect(planPriceIn(pro, 'chf')).toBeNull();
    expect(planPriceIn(await getPlan('free'), 'eur')).toMatchObject({ amountCents: 0, stripeLookupKey: null });
  });
});

describe("a workspace's billing currency", () => {
  it('is US dollars until an owner picks another; admins cannot, and an unknown currency is a field error', async () => {
    const tenant = await workspace();
    expect(await billingCurrencyOf(tenant)).toBe('usd');
    const admin = await memberIn(tenant, 'admin');
    expect((await failure(setBillingCurrency(tenant, admin, { currency: 'eur' }))).status).toBe(403);
    const owner = await memberIn(tenant, 'owner');
    const bad = await failure(setBillingCurrency(tenant, owner, { currency: 'xyz' }));
    expect(bad).toMatchObject({ status: 422, fields: { currency: expect.stringMatching(/USD, EUR, GBP/) } });
    expect(await setBillingCurrency(tenant, owner, { currency: 'EUR' }, '203.0.113.4')).toEqual({ currency: 'eur' });
    expect(await billingCurrencyOf(tenant)).toBe('eur');
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'billing.currency_changed', ip: '203.0.113.4' } })).toBe(1);
  });

  it('is fixed while a subscription exists: Stripe bills a customer in one currency', async () => {
    const tenant = await workspace({ plan: 'pro' });
    const owner = await memberIn(tenant, 'owner');
    await db.billingAccount.create({ data: { tenantId: tenant.id, stripeCustomerId: `cus_${tenant.id}`, stripeSubscriptionId: `sub_${tenant.id}`, subscriptionStatus: 'past_due' } });
    expect(await failure(setBillingCurrency(tenant, owner, { currency: 'gbp' }))).toMatchObject({ status: 409, code: 'currency_locked' });
    expect(await billingCurrencyOf(tenant)).toBe('usd');
    await db.billingAccount.update({ where: { tenantId: tenant.id }, data: { subscriptionStatus: 'canceled' } });
    expect(await setBillingCurrency(tenant, owner, { currency: 'gbp' })).toEqual({ currency: 'gbp' });
  });

  it('sends Checkout the plan’s price in that currency, with its overage price', async () => {
    const tenant = await workspace();
    const owner = await memberIn(tenant, 'owner');
    await setBillingCurrency(tenant, owner, { currency: 'gbp' });
    expect(await changePlan(tenant, owner, { plan: 'pro' })).toMatchObject({ kind: 'checkout' });
    const [session] = fake.calls('POST', '/v1/checkout/sessions').filter((call) => call.form.client_reference_id === tenant.id);
    expect(session.form).toMatchObject({ 'line_items[0][price]': 'price_pro_monthly_gbp', 'line_items[1][price]': 'price_pro_overage_gbp' });
    expect(await priceFor(tenant, 'pro')).toMatchObject({ currency: 'gbp', sold: true, priceCents: 7900, source: 'list', stripeLookupKey: 'waypoint_pro_monthly_gbp' });
  });
});

describe('a workspace billed in euros whose reseller earns euros', () => {
  it("pays its reseller's euro price; the commission is euros and is paid out in euros, apart from the reseller's dollars", async () => {
    const reseller = await createReseller({ rateBps: 2000, payoutMinimumCents: 1000, stripeConnectAccountId: 'acct_1EuroReseller' });
    // Below the euro floor: refused in euros, with the floor in euros.
    const low = await failure(setResellerPrice(reseller.actor, { planId: 'pro', priceCents: 7000, currency: 'eur' }));
    expect(low.fields?.priceCents).toMatch(/€75\.00/);
    const euro = await setResellerPrice(reseller.actor, { planId: 'pro', priceCents: 9500, currency: 'eur' });
    expect(euro).toMatchObject({ currency: 'eur', priceCents: 9500, listPriceCents: 9200, floorCents: 7500, stripePriceId: expect.any(String) });
    // Its Stripe price is a euro price, tagged with the plan.
    const created = fake.calls('POST', '/v1/prices').find((call) => call.form['metadata[waypoint_reseller]'] === reseller.id);
    expect(created?.form).toMatchObject({ currency: 'eur', unit_amount: '9500', 'metadata[waypoint_plan]': 'pro' });
    // The dollar prices are another list, untouched.
    expect((await listResellerPrices(reseller.actor)).find((row) => row.planId === 'pro')).toMatchObject({ currency: 'usd', priceCents: null, listPriceCents: 9900 });
    expect((await listResellerPrices(reseller.actor, 'eur')).find((row) => row.planId === 'pro')).toMatchObject({ currency: 'eur', priceCents: 9500 });

    const euroClient = await contextOf((await clientOf(reseller, { plan: 'free' })).id);
    const owner = await memberIn(euroClient, 'owner');
    await setBillingCurrency(euroClient, owner, { currency: 'eur' });
    expect(await priceFor(euroClient, 'pro')).toMatchObject({ currency: 'eur', priceCents: 9500, source: 'reseller', stripePriceId: euro.stripePriceId });
    await changePlan(euroClient, owner, { plan: 'pro' });
    const [session] = fake.calls('POST', '/v1/checkout/sessions').filter((call) => call.form.client_reference_id === euroClient.id);
    expect(session.form).toMatchObject({ 'line_items[0][price]': euro.stripePriceId, 'line_items[1][price]': 'price_pro_overage_eur' });

    // Stripe bills it in euros; a dollar client of the same reseller pays in dollars.
    const dollarClient = await clientOf(reseller, { plan: 'pro' });
    await deliver('invoice.paid', paidInvoice(euroClient.id, 9500, 'eur'));
    await deliver('invoice.paid', paidInvoice(dollarClient.id, 9900, 'usd'));
    const rows = await db.commission.findMany({ where: { resellerId: reseller.id }, orderBy: { currency: 'asc' } });
    expect(rows.map((row) => [row.currency, row.saleCents, row.amountCents])).toEqual([
      ['eur', 9500, 1900],
      ['usd', 9900, 1980],
    ]);

    // After the holding period: one payout per currency, each paid in its own currency.
    await db.commission.updateMany({ where: { resellerId: reseller.id }, data: { status: 'approved', availableAt: IN_MARCH, approvedAt: IN_MARCH } });
    const payee = { kind: 'reseller' as const, id: reseller.id };
    const euros = await createPayoutFor(payee, MARCH, 'eur');
    const dollars = await createPayoutFor(payee, MARCH, 'usd');
    expect(euros).toMatchObject({ currency: 'eur', totalCents: 1900, commissions: 1, method: 'stripe_connect' });
    expect(dollars).toMatchObject({ currency: 'usd', totalCents: 1980, commissions: 1 });
    expect(await createPayoutFor(payee, MARCH, 'eur')).toBeNull();
    expect(await payByStripe(euros!.payoutId, new Date())).toBe('paid');
    const [transfer] = fake.calls('POST', '/v1/transfers').filter((call) => call.form['metadata[waypoint_payout]'] === euros!.payoutId);
    expect(transfer.form).toMatchObject({ amount: '1900', currency: 'eur', destination: 'acct_1EuroReseller' });
    expect(await db.payout.findUniqueOrThrow({ where: { id: euros!.payoutId } })).toMatchObject({ currency: 'eur', status: 'paid' });
  });
});
