import Stripe from 'stripe';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from '../../app/api/webhooks/stripe/route.ts';
import { db } from '../../lib/db/client.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { workspace } from '../support/workspace.ts';

// Stripe's webhooks, signed the way Stripe signs them (stripe.webhooks.generateTestHeaderString),
// posted to the route handler. The dunning functions belong to the dunning work
// (lib/billing/dunning.ts, tested on their own); here they are mocks, to see what the webhook asks of them.

vi.mock('../../lib/billing/dunning.ts', () => ({ startDunning: vi.fn(async () => 'dunning' as const), stopDunning: vi.fn(async () => {}) }));
const dunning = await import('../../lib/billing/dunning.ts');

const SECRET = 'whsec_test_secret_for_waypoint';
let sequence = 0;

beforeAll(() => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
});

afterEach(() => vi.clearAllMocks());

interface Posted {
  status: number;
  body: Record<string, unknown>;
}

async function post(payload: string, signature: string | null): Promise<Posted> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['stripe-signature'] = signature;
  const response = await POST(new NextRequest('http://localhost:3100/api/webhooks/stripe', { method: 'POST', headers, body: payload }), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

function signed(payload: string, secret = SECRET): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}

function event(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
  return { id: `evt_test_${Date.now()}_${++sequence}`, object: 'event', api_version: '2026-10-28.endive', type, created, livemode: false, data: { object } };
}

async function deliver(evt: ReturnType<typeof event>): Promise<Posted> {
  const payload = JSON.stringify(evt);
  return post(payload, signed(payload));
}

function subscription(tenant: TenantContext, status: string, plan: string, extra: Record<string, unknown> = {}) {
  const start = Math.floor(Date.UTC(2031, 4, 10, 8) / 1000);
  const end = Math.floor(Date.UTC(2031, 5, 10, 8) / 1000);
  return {
    id: `sub_${tenant.id}`,
    object: 'subscription',
    status,
    customer: `cus_${tenant.id}`,
    cancel_at_period_end: false,
    metadata: { tenantId: tenant.id },
    items: {
      object: 'list',
      data: [
        { id: 'si_1', object: 'subscription_item', current_period_start: start, current_period_end: end, price: { id: `price_${plan}`, lookup_key: `waypoint_${plan}_monthly`, metadata: {} } },
        { id: 'si_2', object: 'subscription_item', current_period_start: start, current_period_end: end, price: { id: `price_${plan}_o`, lookup_key: `waypoint_${plan}_api_overage`, metadata: {} } },
      ],
    },
    ...extra,
  };
}

const tenantRow = (id: string) => db.tenant.findUniqueOrThrow({ where: { id }, select: { plan: true, status: true } });

describe('the Stripe webhook', () => {
  it('accepts a validly signed event and records it once', async () => {
    const tenant = await workspace({ plan: 'free' });
    const evt = event('checkout.session.completed', { id: 'cs_1', object: 'checkout.session', mode: 'subscription', client_reference_id: tenant.id, customer: `cus_${tenant.id}`, subscription: `sub_${tenant.id}`, metadata: { tenantId: tenant.id } });
    expect(await deliver(evt)).toEqual({ status: 200, body: { received: true, outcome: 'checkout_linked' } });
    expect(await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ stripeCustomerId: `cus_${tenant.id}`, stripeSubscriptionId: `sub_${tenant.id}` });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: evt.id } })).toMatchObject({ type: 'checkout.session.completed', tenantId: tenant.id, processedAt: expect.any(Date), outcome: 'checkout_linked' });
  });

  it('refuses a bad or missing signature with 400 and changes nothing', async () => {
    const tenant = await workspace({ plan: 'free' });
    const evt = event('customer.subscription.created', subscription(tenant, 'active', 'enterprise'));
    const payload = JSON.stringify(evt);
    const forged = await post(payload, signed(payload, 'whsec_someone_else'));
    expect(forged).toMatchObject({ status: 400, body: { code: 'invalid_signature' } });
    // Signed, then tampered with.
    expect(await post(payload.replace('"active"', '"trialing"'), signed(payload))).toMatchObject({ status: 400, body: { code: 'invalid_signature' } });
    expect(await post(payload, null)).toMatchObject({ status: 400, body: { code: 'invalid_signature' } });
    expect(await post(payload, 'garbage')).toMatchObject({ status: 400, body: { code: 'invalid_signature' } });
    // An old signature (replayed later than Stripe's 5-minute tolerance).
    const stale = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(await post(payload, stale)).toMatchObject({ status: 400, body: { code: 'invalid_signature' } });
    // Signed garbage is still refused politely, never a 500.
    expect((await post('not json', signed('not json'))).status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: evt.id } })).toBe(0);
    expect((await tenantRow(tenant.id)).plan).toBe('free');
  });

  it('moves the workspace to the plan of its subscription, and a replayed event does nothing', async () => {
    const tenant = await workspace({ plan: 'free' });
    await db.tenant.update({ where: { id: tenant.id }, data: { status: 'trial' } });
    const evt = event('customer.subscription.created', subscription(tenant, 'active', 'pro'));
    expect((await deliver(evt)).body.outcome).toBe('subscription_updated');
    expect(await tenantRow(tenant.id)).toEqual({ plan: 'pro', status: 'active' });
    expect(await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({
      stripeSubscriptionId: `sub_${tenant.id}`,
      subscriptionStatus: 'active',
      currentPeriodStart: new Date(Date.UTC(2031, 4, 10, 8)),
      currentPeriodEnd: new Date(Date.UTC(2031, 5, 10, 8)),
      subscriptionEventAt: new Date(evt.created * 1000),
    });
    const audit = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: 'billing.plan_changed' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].metadata).toMatchObject({ from: 'free', to: 'pro', source: 'stripe' });

    // The same event again (Stripe retries; an attacker replays): 200, nothing happens.
    await db.tenant.update({ where: { id: tenant.id }, data: { plan: 'basic' } });
    expect(await deliver(evt)).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } });
    expect((await tenantRow(tenant.id)).plan).toBe('basic');
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'billing.plan_changed' } })).toBe(1);
  });

  it('ignores a subscription event older than the last one applied (out of order)', async () => {
    const tenant = await workspace({ plan: 'free' });
    const now = Math.floor(Date.now() / 1000);
    const newer = event('customer.subscription.updated', subscription(tenant, 'active', 'enterprise'), now);
    const older = event('customer.subscription.updated', subscription(tenant, 'active', 'basic'), now - 60);
    expect((await deliver(newer)).body.outcome).toBe('subscription_updated');
    expect((await deliver(older)).body).toEqual({ received: true, outcome: 'ignored_stale' });
    expect((await tenantRow(tenant.id)).plan).toBe('enterprise');
    expect((await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).subscriptionEventAt).toEqual(new Date(now * 1000));
    // Both are recorded: the older one is not applied on a retry either.
    expect(await db.stripeEvent.count({ where: { id: { in: [newer.id, older.id] }, processedAt: { not: null } } })).toBe(2);
    expect((await deliver(older)).body.outcome).toBe('duplicate');
  });

  it('keeps the plan while past due, suspends an unpaid workspace, and brings it back when paid', async () => {
    const tenant = await workspace({ plan: 'free' });
    const t0 = Math.floor(Date.now() / 1000);
    await deliver(event('customer.subscription.created', subscription(tenant, 'active', 'basic'), t0));
    await deliver(event('customer.subscription.updated', subscription(tenant, 'past_due', 'basic'), t0 + 1));
    expect(await tenantRow(tenant.id)).toEqual({ plan: 'basic', status: 'active' });
    await deliver(event('customer.subscription.updated', subscription(tenant, 'unpaid', 'basic'), t0 + 2));
    expect(await tenantRow(tenant.id)).toEqual({ plan: 'basic', status: 'suspended' });
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'tenant.suspended' } })).toBe(1);
    await deliver(event('customer.subscription.updated', subscription(tenant, 'active', 'basic'), t0 + 3));
    expect(await tenantRow(tenant.id)).toEqual({ plan: 'basic', status: 'active' });
  });

  it('does not reactivate a workspace an operator suspended', async () => {
    const tenant = await workspace({ plan: 'pro' });
    await db.tenant.update({ where: { id: tenant.id }, data: { status: 'suspended' } });
    await deliver(event('customer.subscription.updated', subscription(tenant, 'active', 'pro')));
    expect((await tenantRow(tenant.id)).status).toBe('suspended');
  });

  it('moves a canceled subscription to free and stops dunning', async () => {
    const tenant = await workspace({ plan: 'free' });
    const t0 = Math.floor(Date.now() / 1000);
    await deliver(event('customer.subscription.created', subscription(tenant, 'active', 'pro'), t0));
    await deliver(event('customer.subscription.deleted', subscription(tenant, 'canceled', 'pro'), t0 + 1));
    expect(await tenantRow(tenant.id)).toEqual({ plan: 'free', status: 'active' });
    expect(dunning.stopDunning).toHaveBeenCalledWith({ tenantId: tenant.id });
  });

  it('ignores the end of a subscription that is no longer the current one', async () => {
    const tenant = await workspace({ plan: 'free' });
    const t0 = Math.floor(Date.now() / 1000);
    await deliver(event('customer.subscription.created', subscription(tenant, 'active', 'enterprise'), t0));
    const old = subscription(tenant, 'canceled', 'basic', { id: 'sub_old_one' });
    expect((await deliver(event('customer.subscription.deleted', old, t0 + 1))).body.outcome).toBe('ignored_not_current');
    expect((await tenantRow(tenant.id)).plan).toBe('enterprise');
  });

  it('finds the plan of a reseller price by its metadata', async () => {
    const tenant = await workspace({ plan: 'free' });
    const sub = subscription(tenant, 'active', 'pro');
    sub.items.data = [{ ...sub.items.data[0], price: { id: 'price_reseller', lookup_key: null as unknown as string, metadata: { waypoint_plan: 'pro' } } }];
    await deliver(event('customer.subscription.created', sub));
    expect((await tenantRow(tenant.id)).plan).toBe('pro');
  });

  it('starts dunning on invoice.payment_failed and stops it on invoice.paid', async () => {
    const tenant = await workspace({ plan: 'basic' });
    await db.billingAccount.create({ data: { tenantId: tenant.id, stripeCustomerId: `cus_${tenant.id}` } });
    const failed = event('invoice.payment_failed', { id: 'in_123', object: 'invoice', customer: `cus_${tenant.id}`, parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_x', metadata: {} } } });
    expect((await deliver(failed)).status).toBe(200);
    expect(dunning.startDunning).toHaveBeenCalledWith({ tenantId: tenant.id, invoiceId: 'in_123', at: new Date(failed.created * 1000) });
    expect((await deliver(event('invoice.paid', { id: 'in_123', object: 'invoice', customer: `cus_${tenant.id}`, amount_paid: 2_900, status: 'paid' }))).status).toBe(200);
    expect(dunning.stopDunning).toHaveBeenCalledWith({ tenantId: tenant.id, invoiceId: 'in_123' });
  });

  it('retries only the dunning step when it failed after the effects were committed', async () => {
    const tenant = await workspace({ plan: 'basic' });
    await db.billingAccount.create({ data: { tenantId: tenant.id, stripeCustomerId: `cus_${tenant.id}` } });
    vi.mocked(dunning.startDunning).mockRejectedValueOnce(new Error('database hiccup'));
    const evt = event('invoice.payment_failed', { id: 'in_retry', object: 'invoice', customer: `cus_${tenant.id}` });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await deliver(evt)).status).toBe(500);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: evt.id } })).toMatchObject({ tenantId: tenant.id, processedAt: null });
    expect(await deliver(evt)).toEqual({ status: 200, body: { received: true, outcome: 'dunning_started' } });
    expect(dunning.startDunning).toHaveBeenCalledTimes(2);
    expect(await deliver(evt)).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } });
    expect(dunning.startDunning).toHaveBeenCalledTimes(2);
  });

  it('answers 200 with what it did not do for events it does not handle or about unknown customers', async () => {
    expect((await deliver(event('customer.created', { id: 'cus_1', object: 'customer' }))).body).toEqual({ received: true, outcome: 'ignored_unhandled' });
    expect((await deliver(event('invoice.paid', { id: 'in_nobody', object: 'invoice', customer: 'cus_nobody', amount_paid: 2_900 }))).body).toEqual({ received: true, outcome: 'ignored_unknown_workspace' });
    expect(dunning.stopDunning).not.toHaveBeenCalled();
  });

  it('answers 400 to malformed signed events, records them, and applies nothing', async () => {
    const tenant = await workspace({ plan: 'free' });
    const rejected = async (payload: string, field: RegExp) => {
      const answer = await post(payload, signed(payload));
      expect(answer).toMatchObject({ status: 400, body: { code: 'invalid_stripe_event' } });
      expect(String(answer.body.detail)).toMatch(field);
      return answer;
    };
    // A signed JSON null: recorded under a digest of the body.
    await rejected('null', /not an event/);
    const digest = (await import('node:crypto')).createHash('sha256').update('null').digest('hex').slice(0, 32);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: `invalid_${digest}` } })).toMatchObject({ type: 'unknown', outcome: 'rejected', error: expect.stringContaining('not an event') });

    const cases: [ReturnType<typeof event>, RegExp][] = [
      [event('credit_note.created', { id: 'cn_x', object: 'credit_note', invoice: 'in_1', total: 'x', created: 1, refunds: [] }), /data\.object\.total/],
      [event('charge.refunded', { id: 'ch_x', object: 'charge', amount_refunded: -500, refunds: { object: 'list', data: [] } }), /data\.object\.amount_refunded/],
      [event('charge.refunded', { id: 'ch_y', object: 'charge', amount_refunded: 500, refunds: { object: 'list', data: [{ id: 're_y', amount: -500, created: 1, status: 'succeeded' }] } }), /data\.object\.refunds\.data\.0\.amount/],
      [{ ...event('invoice.paid', {}), data: null as unknown as { object: Record<string, unknown> } }, /data/],
      [{ ...event('invoice.paid', {}), data: {} as { object: Record<string, unknown> } }, /data\.object/],
      [event('customer.subscription.updated', { object: 'subscription', customer: `cus_${tenant.id}`, metadata: { tenantId: tenant.id } }), /data\.object\.id/],
      [event('invoice.paid', { id: 'in_bad', object: 'invoice', customer: `cus_${tenant.id}`, amount_paid: 12.5 }), /data\.object\.amount_paid/],
    ];
    for (const [evt, field] of cases) {
      const answer = await rejected(JSON.stringify(evt), field);
      const row = await db.stripeEvent.findUniqueOrThrow({ where: { id: evt.id } });
      expect(row).toMatchObject({ type: evt.type, outcome: 'rejected', processedAt: expect.any(Date), error: answer.body.detail });
    }
    expect((await tenantRow(tenant.id)).plan).toBe('free');
    expect(dunning.startDunning).not.toHaveBeenCalled();
    expect(dunning.stopDunning).not.toHaveBeenCalled();
  });

  it('answers 503 when no webhook secret is configured', async () => {
    const secret = process.env.STRIPE_WEBHOOK_SECRET;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    try {
      const payload = JSON.stringify(event('invoice.paid', { id: 'in_1' }));
      expect(await post(payload, signed(payload))).toMatchObject({ status: 503, body: { code: 'billing_not_configured' } });
    } finally {
      process.env.STRIPE_WEBHOOK_SECRET = secret;
    }
  });
});
