import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changePlan } from '../../lib/billing/checkout.ts';
import { dunningJobKey, runDunningStep } from '../../lib/billing/dunning.ts';
import { PLAN_CATALOG } from '../../lib/billing/plan-catalog.ts';
import { clearStripePriceCache } from '../../lib/billing/stripe-client.ts';
import { db } from '../../lib/db/client.ts';
import { jobIdFor } from '../../lib/jobs/job-id.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createMember } from '../support/factories.ts';
import { startFakeStripe, seedPrices, type FakeStripe } from '../support/fake-stripe.ts';
import { deliverEvent, stripeEvent } from '../support/stripe-events.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// Stripe delivers events in any order. Every out-of-order pair, signed by stripe-node and
// posted to the webhook, with the real dunning (emails, queued steps, suspension): the state
// that wins is Stripe's latest state of the object, not the event that arrived last.

const SECRET = 'whsec_ordering_test_secret';
let fake: FakeStripe;
let counter = 0;

beforeAll(async () => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
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

/** A paying workspace with an owner and a Stripe customer. */
async function paying(): Promise<{ tenant: TenantContext; customer: string }> {
  const tenant = await workspace({ plan: 'basic' });
  await createMember(tenant.id, 'owner');
  const customer = `cus_${tenant.id}`;
  await db.billingAccount.create({ data: { tenantId: tenant.id, stripeCustomerId: customer, stripeSubscriptionId: `sub_${tenant.id}`, subscriptionStatus: 'active' } });
  return { tenant: await contextOf(tenant.id), customer };
}

function invoice(customer: string, id: string, status: 'open' | 'paid', extra: Record<string, unknown> = {}) {
  return {
    id,
    object: 'invoice',
    customer,
    status,
    amount_due: 2_900,
    amount_paid: status === 'paid' ? 2_900 : 0,
    next_payment_attempt: status === 'open' ? Math.floor(Date.now() / 1000) + 3 * 86_400 : null,
    lines: { object: 'list', data: [] },
    ...extra,
  };
}

async function dunningJobs(invoiceId: string): Promise<number> {
  const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`;
  if (!exists) return 0;
  const ids = (['day3', 'day7', 'suspended'] as const).map((step) => jobIdFor('billing.dunning_step', dunningJobKey(invoiceId, step)));
  const [{ count }] = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM pgboss.job WHERE id = ANY($1::uuid[])`, ids);
  return count;
}

const failedEmails = (tenantId: string) => db.emailMessage.count({ where: { tenantId, kind: { startsWith: 'billing_dunning_' } } });

describe('invoice events out of order', () => {
  it('an older invoice.payment_failed after invoice.paid leaves the invoice paid: no email, no dunning, no suspension', async () => {
    const { tenant, customer } = await paying();
    const id = `in_${++counter}_${tenant.id}`;
    const t0 = Math.floor(Date.now() / 1000);
    const paid = await deliverEvent(stripeEvent('invoice.paid', invoice(customer, id, 'paid'), t0));
    expect(paid).toEqual({ status: 200, body: { received: true, outcome: 'invoice_marked_paid' } });
    const late = await deliverEvent(stripeEvent('invoice.payment_failed', invoice(customer, id, 'open'), t0 - 120));
    expect(late).toEqual({ status: 200, body: { received: true, outcome: 'ignored_stale' } });

    expect(await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ unpaidInvoiceId: null, pastDueSince: null });
    expect(await failedEmails(tenant.id)).toBe(0);
    expect(await dunningJobs(id)).toBe(0);
    // Day 14 of a sequence that never started does nothing.
    expect(await runDunningStep(tenant.id, id, 'suspended')).toEqual({ outcome: 'stopped', step: 'suspended' });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe('active');
    expect(await db.stripeInvoice.findUniqueOrThrow({ where: { id } })).toMatchObject({ tenantId: tenant.id, status: 'paid' });
  });

  it('paid still wins when both events carry the same second', async () => {
    const { tenant, customer } = await paying();
    const id = `in_${++counter}_${tenant.id}`;
    const t0 = Math.floor(Date.now() / 1000);
    await deliverEvent(stripeEvent('invoice.paid', invoice(customer, id, 'paid'), t0));
    expect((await deliverEvent(stripeEvent('invoice.payment_failed', invoice(customer, id, 'open'), t0))).body.outcome).toBe('ignored_stale');
    expect(await failedEmails(tenant.id)).toBe(0);
    expect((await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).unpaidInvoiceId).toBeNull();
  });

  it('in order, a failed invoice is dunned and its payment stops the dunning', async () => {
    const { tenant, customer } = await paying();
    const id = `in_${++counter}_${tenant.id}`;
    const t0 = Math.floor(Date.now() / 1000);
    const nextAttempt = t0 + 3 * 86_400;
    const failed = await deliverEvent(stripeEvent('invoice.payment_failed', invoice(customer, id, 'open', { next_payment_attempt: nextAttempt }), t0 - 120));
    expect(failed).toEqual({ status: 200, body: { received: true, outcome: 'dunning_started' } });
    expect((await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).unpaidInvoiceId).toBe(id);
    expect(await db.stripeInvoice.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'open', nextPaymentAttempt: new Date(nextAttempt * 1000) });
    expect(await failedEmails(tenant.id)).toBeGreaterThan(0);
    expect(await dunningJobs(id)).toBe(3);

    expect((await deliverEvent(stripeEvent('invoice.paid', invoice(customer, id, 'paid'), t0))).body.outcome).toBe('invoice_marked_paid');
    expect((await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).unpaidInvoiceId).toBeNull();
    expect(await runDunningStep(tenant.id, id, 'suspended')).toEqual({ outcome: 'stopped', step: 'suspended' });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe('active');
  });

  it('a paid invoice does not shield another invoice of the same workspace', async () => {
    const { tenant, customer } = await paying();
    const t0 = Math.floor(Date.now() / 1000);
    await deliverEvent(stripeEvent('invoice.paid', invoice(customer, `in_a_${tenant.id}`, 'paid'), t0));
    expect((await deliverEvent(stripeEvent('invoice.payment_failed', invoice(customer, `in_b_${tenant.id}`, 'open'), t0 - 60))).body.outcome).toBe('dunning_started');
    expect((await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).unpaidInvoiceId).toBe(`in_b_${tenant.id}`);
  });
});

describe('subscription events in the same second', () => {
  function subscription(tenant: TenantContext, status: string, plan: string) {
    return {
      id: `sub_${tenant.id}`,
      object: 'subscription',
      status,
      customer: `cus_${tenant.id}`,
      cancel_at_period_end: false,
      metadata: { tenantId: tenant.id },
      items: { object: 'list', data: [{ id: `si_${tenant.id}`, object: 'subscription_item', price: { id: `price_${plan}_monthly`, lookup_key: `waypoint_${plan}_monthly`, metadata: {} } }] },
    };
  }

  async function checkoutWorkspace() {
    const tenant = await workspace({ plan: 'free' });
    const owner = await memberIn(tenant, 'owner');
    return { tenant, owner };
  }

  it("Checkout's created(incomplete) arriving after updated(active) leaves the subscription active, and the next change needs no second Checkout", async () => {
    const { tenant, owner } = await checkoutWorkspace();
    const t0 = Math.floor(Date.now() / 1000);
    expect((await deliverEvent(stripeEvent('customer.subscription.updated', subscription(tenant, 'active', 'basic'), t0))).body.outcome).toBe('subscription_updated');
    expect((await deliverEvent(stripeEvent('customer.subscription.created', subscription(tenant, 'incomplete', 'basic'), t0))).body.outcome).toBe('ignored_stale');
    expect(await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ subscriptionStatus: 'active', stripeSubscriptionId: `sub_${tenant.id}` });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe('basic');

    fake.subscriptions.set(`sub_${tenant.id}`, subscription(tenant, 'active', 'basic'));
    const before = fake.calls('POST', '/v1/checkout/sessions').length;
    expect(await changePlan(await contextOf(tenant.id), owner, { plan: 'pro' })).toEqual({ kind: 'updated', plan: 'pro' });
    expect(fake.calls('POST', '/v1/checkout/sessions')).toHaveLength(before);
    expect(fake.calls('POST', `/v1/subscriptions/sub_${tenant.id}`)).toHaveLength(1);
  });

  it('in arrival order (created then updated) it is active too', async () => {
    const { tenant } = await checkoutWorkspace();
    const t0 = Math.floor(Date.now() / 1000);
    expect((await deliverEvent(stripeEvent('customer.subscription.created', subscription(tenant, 'incomplete', 'basic'), t0))).body.outcome).toBe('subscription_updated');
    expect((await deliverEvent(stripeEvent('customer.subscription.updated', subscription(tenant, 'active', 'basic'), t0))).body.outcome).toBe('subscription_updated');
    expect((await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).subscriptionStatus).toBe('active');
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe('basic');
  });

  it('an ended subscription is not revived by an event of the same second', async () => {
    const { tenant } = await checkoutWorkspace();
    const t0 = Math.floor(Date.now() / 1000);
    await deliverEvent(stripeEvent('customer.subscription.created', subscription(tenant, 'active', 'basic'), t0 - 10));
    expect((await deliverEvent(stripeEvent('customer.subscription.deleted', subscription(tenant, 'canceled', 'basic'), t0))).body.outcome).toBe('subscription_canceled');
    expect((await deliverEvent(stripeEvent('customer.subscription.updated', subscription(tenant, 'active', 'basic'), t0))).body.outcome).toBe('ignored_stale');
    expect(await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ subscriptionStatus: 'canceled' });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe('free');
  });
});
