import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_CATALOG } from '../../lib/billing/plan-catalog.ts';
import { planPriceIn } from '../../lib/billing/plans.ts';
import { db } from '../../lib/db/client.ts';
import { envelopeSchema, eventTypeDocs } from '../../lib/events/event-catalog-docs.ts';
import { startJobs, stopJobs } from '../../lib/jobs/queue.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { attemptDelivery } from '../../lib/webhooks/attempt-delivery.ts';
import { createEndpoint } from '../../lib/webhooks/endpoints.ts';
import { fanOutEvent } from '../../lib/webhooks/fan-out.ts';
import { uniqueSlug } from '../support/factories.ts';
import { deliverEvent, stripeEvent, type StripeEventPayload } from '../support/stripe-events.ts';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// The billing events (subscription.*, payment.*) from Stripe's webhooks to a workspace's
// endpoint: Stripe events signed by stripe-node and posted to the real route, the outbox row
// fanned out and sent to a local receiver, whose bodies are checked with standardwebhooks (the
// signature) and Ajv (the catalog's JSON Schema). Stripe delivers at least once and sometimes
// twice at the same time; the endpoint still hears each event once. Jobs go to a queue schema
// of this file's own with no workers: the test runs the fan-out and the attempts itself.

const SECRET = 'whsec_billing_events_test_secret';
const QUEUE_SCHEMA = 'pgboss_billing_events';
const BILLING_TYPES = ['subscription.created', 'subscription.updated', 'subscription.cancelled', 'payment.succeeded', 'payment.failed'];

process.env.WEBHOOKS_ALLOW_LOCALHOST = 'true';

let receiver: WebhookReceiver;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);

beforeAll(async () => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  receiver = await startWebhookReceiver();
  expect(await startJobs({ schema: QUEUE_SCHEMA })).toBe('pg-boss');
});

afterAll(async () => {
  await stopJobs();
  await receiver.close();
});

interface Hook {
  tenant: TenantContext;
  endpointId: string;
  secret: string;
  path: string;
}

/** A workspace on Pro with an owner (dunning mails them) and an endpoint made by an admin. */
async function hooked(eventTypes: string[]): Promise<Hook> {
  const tenant = await workspace({ plan: 'pro' });
  await memberIn(tenant, 'owner');
  const admin = await memberIn(tenant, 'admin');
  const path = `/${uniqueSlug('billing')}`;
  const { endpoint, secret } = await createEndpoint(tenant, admin, { url: receiver.url(path), eventTypes, headers: {} });
  return { tenant, endpointId: endpoint.id, secret, path };
}

const PERIOD_START = Math.floor(Date.UTC(2031, 4, 10, 8) / 1000);
const PERIOD_END = Math.floor(Date.UTC(2031, 5, 10, 8) / 1000);

/** A subscription item as Stripe sends it (API 2025+: the period is on the item). */
function item(plan: string, unitAmount: number | null, usage: 'licensed' | 'metered') {
  const key = usage === 'licensed' ? `waypoint_${plan}_monthly` : `waypoint_${plan}_api_overage`;
  return {
    id: `si_${plan}_${usage}`,
    object: 'subscription_item',
    quantity: usage === 'licensed' ? 1 : undefined,
    current_period_start: PERIOD_START,
    current_period_end: PERIOD_END,
    price: { id: `price_${key}`, object: 'price', lookup_key: key, unit_amount: unitAmount, currency: 'usd', recurring: { interval: 'month', usage_type: usage }, metadata: {} },
  };
}

const items = (plan: string, amount: number) => ({ object: 'list', data: [item(plan, amount, 'licensed'), item(plan, null, 'metered')] });

function subscription(tenant: TenantContext, status: string, plan: string, amount: number, extra: Record<string, unknown> = {}) {
  return {
    id: `sub_${tenant.id}`,
    object: 'subscription',
    status,
    customer: `cus_${tenant.id}`,
    currency: 'usd',
    cancel_at_period_end: false,
    trial_end: null,
    metadata: { tenantId: tenant.id },
    items: items(plan, amount),
    ...extra,
  };
}

function invoice(tenant: TenantContext, id: string, fields: Record<string, unknown>) {
  return {
    id,
    object: 'invoice',
    customer: `cus_${tenant.id}`,
    currency: 'usd',
    parent: { type: 'subscription_details', subscription_details: { subscription: `sub_${tenant.id}`, metadata: { tenantId: tenant.id } } },
    // The plan billed in advance for the new period, the overage of the one before.
    lines: {
      object: 'list',
      data: [
        { id: 'il_plan', object: 'line_item', amount: 29_900, period: { start: PERIOD_START, end: PERIOD_END } },
        { id: 'il_overage', object: 'line_item', amount: 0, period: { start: PERIOD_START - 31 * 86_400, end: PERIOD_START } },
      ],
    },
    ...fields,
  };
}

/** Stripe delivering the event twice, one after the other or both at once: each answered 200. */
async function deliverTwice(event: StripeEventPayload, how: 'in_turn' | 'at_once'): Promise<void> {
  const answers = how === 'at_once' ? await Promise.all([deliverEvent(event), deliverEvent(event)]) : [await deliverEvent(event), await deliverEvent(event)];
  for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  if (how === 'in_turn') expect(answers[1].body.outcome).toBe('duplicate');
}

const billingEvents = (tenantId: string) => db.domainEvent.findMany({ where: { tenantId, type: { in: BILLING_TYPES } }, orderBy: { seq: 'asc' } });

/** Runs each event's fan-out and first attempt twice (jobs run at least once), and waits until each delivery to `endpointId` succeeded. */
async function sendAll(eventIds: string[], endpointId: string): Promise<void> {
  for (const eventId of eventIds) {
    await fanOutEvent(eventId);
    await fanOutEvent(eventId);
    const delivery = await db.webhookDelivery.findUnique({ where: { endpointId_eventId: { endpointId, eventId } } });
    if (!delivery) continue;
    await Promise.all([attemptDelivery({ deliveryId: delivery.id, attempt: 1 }), attemptDelivery({ deliveryId: delivery.id, attempt: 1 })]);
    await waitUntilSucceeded(delivery.id);
  }
}

async function waitUntilSucceeded(deliveryId: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { status: true } });
    if (row.status === 'succeeded') return;
    if (Date.now() > deadline) throw new Error(`delivery ${deliveryId} is still ${row.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Body = { id: string; type: string; tenant_id: string; data: Record<string, unknown> };

function verified(hook: Hook, received: ReceivedWebhook): Body {
  const body = new Webhook(hook.secret).verify(received.body, received.headers) as Body;
  expect(body.id).toBe(received.headers['webhook-id']);
  return body;
}

/** The body validated against the catalog's JSON Schema of its type (envelope and data), by Ajv. */
function expectValid(body: Body): void {
  const doc = eventTypeDocs().find((d) => d.type === body.type);
  expect(doc, body.type).toBeDefined();
  const validate = ajv.compile(envelopeSchema(doc!));
  expect(validate(body), `${body.type}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

describe('billing events from Stripe to a webhook endpoint', () => {
  it('delivers each of the five once, with the plan and amounts, valid against the catalog, however often Stripe delivers', async () => {
    const hook = await hooked(BILLING_TYPES);
    const { tenant } = hook;
    const t0 = Math.floor(Date.now() / 1000) - 600;

    // Subscribed to Pro: once, though Stripe delivers it twice in turn.
    await deliverTwice(stripeEvent('customer.subscription.created', subscription(tenant, 'active', 'pro', 9_900), t0), 'in_turn');
    // Upgraded to Enterprise (Stripe's previous_attributes: the Pro items), delivered twice at once.
    const upgraded = stripeEvent('customer.subscription.updated', subscription(tenant, 'active', 'enterprise', 29_900), t0 + 10);
    Object.assign(upgraded.data, { previous_attributes: { items: items('pro', 9_900) } });
    await deliverTwice(upgraded, 'at_once');
    // The upgrade's invoice is paid; a later invoice fails; each delivered twice.
    await deliverTwice(stripeEvent('invoice.paid', invoice(tenant, `in_paid_${tenant.id}`, { status: 'paid', amount_paid: 29_900, status_transitions: { paid_at: t0 + 12 } }), t0 + 12), 'at_once');
    const nextAttempt = t0 + 3 * 86_400;
    await deliverTwice(stripeEvent('invoice.payment_failed', invoice(tenant, `in_failed_${tenant.id}`, { status: 'open', amount_paid: 0, amount_due: 29_900, attempt_count: 2, next_payment_attempt: nextAttempt }), t0 + 20), 'in_turn');
    // Cancelled at the owner's request: the workspace falls to free (no webhooks), and still hears it.
    const ended = { status: 'canceled', canceled_at: t0 + 30, ended_at: t0 + 30, cancellation_details: { reason: 'cancellation_requested', feedback: null, comment: null } };
    await deliverTwice(stripeEvent('customer.subscription.deleted', subscription(tenant, 'canceled', 'enterprise', 29_900, ended), t0 + 30), 'at_once');
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { plan: true } })).plan).toBe('free');

    // One outbox row per type, for the admins.
    const rows = await billingEvents(tenant.id);
    expect(rows.map((row) => row.type)).toEqual(['subscription.created', 'subscription.updated', 'payment.succeeded', 'payment.failed', 'subscription.cancelled']);
    expect(rows.every((row) => row.audience === 'admins' && row.actorId === null)).toBe(true);

    await sendAll(
      rows.map((row) => row.id),
      hook.endpointId,
    );
    const received = receiver.on(hook.path);
    expect(received).toHaveLength(5);
    const bodies = received.map((r) => verified(hook, r));
    expect(bodies.map((b) => b.id).sort()).toEqual(rows.map((row) => row.id).sort());
    for (const body of bodies) {
      expect(body.tenant_id).toBe(tenant.id);
      expectValid(body);
    }
    const data = (type: string) => bodies.find((b) => b.type === type)!.data;
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
    const period = { currentPeriodStart: iso(PERIOD_START), currentPeriodEnd: iso(PERIOD_END) };
    expect(data('subscription.created')).toEqual({
      subscriptionId: `sub_${tenant.id}`,
      planId: 'pro',
      status: 'active',
      currency: 'usd',
      amount: 9_900,
      interval: 'month',
      ...period,
      cancelAtPeriodEnd: false,
      trialEnd: null,
    });
    expect(data('subscription.updated')).toEqual({
      subscriptionId: `sub_${tenant.id}`,
      planId: 'enterprise',
      status: 'active',
      currency: 'usd',
      amount: 29_900,
      interval: 'month',
      ...period,
      cancelAtPeriodEnd: false,
      trialEnd: null,
      changes: { planId: { from: 'pro', to: 'enterprise' }, amount: { from: 9_900, to: 29_900 } },
    });
    expect(data('payment.succeeded')).toEqual({
      invoiceId: `in_paid_${tenant.id}`,
      subscriptionId: `sub_${tenant.id}`,
      planId: 'enterprise',
      amountPaid: 29_900,
      currency: 'usd',
      periodStart: iso(PERIOD_START),
      periodEnd: iso(PERIOD_END),
      paidAt: iso(t0 + 12),
    });
    expect(data('payment.failed')).toEqual({
      invoiceId: `in_failed_${tenant.id}`,
      subscriptionId: `sub_${tenant.id}`,
      planId: 'enterprise',
      amountDue: 29_900,
      currency: 'usd',
      attemptCount: 2,
      nextPaymentAttempt: iso(nextAttempt),
    });
    expect(data('subscription.cancelled')).toMatchObject({ planId: 'enterprise', status: 'canceled', amount: 29_900, cancelledAt: iso(t0 + 30), reason: 'cancellation_requested' });

    // The schemas do reject what breaks the contract (a validator that passes everything proves nothing).
    const broken = structuredClone(bodies.find((b) => b.type === 'payment.succeeded')!);
    broken.data.amountPaid = '299.00';
    const validate = ajv.compile(envelopeSchema(eventTypeDocs().find((d) => d.type === 'payment.succeeded')!));
    expect(validate(broken)).toBe(false);
  });

  it('a stale subscription event, a failure reported after the payment and a second "paid" for one invoice emit nothing', async () => {
    const hook = await hooked([]);
    const { tenant } = hook;
    const t0 = Math.floor(Date.now() / 1000) - 600;

    // Out of order: the older update arrives after the newer one and is ignored.
    const newer = stripeEvent('customer.subscription.updated', subscription(tenant, 'active', 'enterprise', 29_900), t0 + 10);
    const older = stripeEvent('customer.subscription.updated', subscription(tenant, 'active', 'basic', 2_900), t0);
    expect((await deliverEvent(newer)).body.outcome).toBe('subscription_updated');
    expect((await deliverEvent(older)).body.outcome).toBe('ignored_stale');
    // Checkout's created(incomplete) of the same second, after updated(active): stale by rank.
    const lateCreated = stripeEvent('customer.subscription.created', subscription(tenant, 'incomplete', 'enterprise', 29_900), t0 + 10);
    expect((await deliverEvent(lateCreated)).body.outcome).toBe('ignored_stale');

    // Paid, then a failure of the same invoice that Stripe sent earlier: the invoice stays paid.
    const id = `in_${tenant.id}`;
    expect((await deliverEvent(stripeEvent('invoice.paid', invoice(tenant, id, { status: 'paid', amount_paid: 29_900 }), t0 + 20))).body.outcome).toBe('invoice_marked_paid');
    expect((await deliverEvent(stripeEvent('invoice.payment_failed', invoice(tenant, id, { status: 'open', amount_due: 29_900, attempt_count: 1 }), t0 + 15))).body.outcome).toBe('ignored_stale');
    // Another event saying the same invoice is paid (a new event id, later): no second payment.
    expect((await deliverEvent(stripeEvent('invoice.paid', invoice(tenant, id, { status: 'paid', amount_paid: 29_900 }), t0 + 25))).body.outcome).toBe('invoice_marked_paid');
    // An invoice of nothing (a trial's first) is no payment.
    expect((await deliverEvent(stripeEvent('invoice.paid', invoice(tenant, `in_zero_${tenant.id}`, { status: 'paid', amount_paid: 0 }), t0 + 26))).body.outcome).toBe('invoice_marked_paid');

    const rows = await billingEvents(tenant.id);
    expect(rows.map((row) => [row.type, (row.payload as { planId?: string }).planId])).toEqual([
      ['subscription.updated', 'enterprise'],
      ['payment.succeeded', 'enterprise'],
    ]);
    await sendAll(
      rows.map((row) => row.id),
      hook.endpointId,
    );
    expect(receiver.on(hook.path).map((r) => verified(hook, r).type)).toEqual(['subscription.updated', 'payment.succeeded']);
  });

  it('tells the status and cancellation changes Stripe reports, and where Stripe leaves an amount out, the workspace’s currency and the plan’s list price', async () => {
    const { tenant } = await hooked([]);
    await db.tenant.update({ where: { id: tenant.id }, data: { billingCurrency: 'eur' } });
    const t0 = Math.floor(Date.now() / 1000) - 600;
    // An object without currency or amounts (an older API version, a hand-made test event).
    const bare = (status: string, extra: Record<string, unknown> = {}) => {
      const price = { id: 'price_pro_eur', object: 'price', lookup_key: 'waypoint_pro_monthly_eur', metadata: {} };
      return { ...subscription(tenant, status, 'pro', 0, extra), currency: undefined, items: { object: 'list', data: [{ id: 'si_eur', object: 'subscription_item', current_period_start: PERIOD_START, current_period_end: PERIOD_END, price }] } };
    };
    await deliverEvent(stripeEvent('customer.subscription.created', bare('trialing', { trial_end: PERIOD_END }), t0));
    const pastDue = stripeEvent('customer.subscription.updated', bare('past_due', { cancel_at_period_end: true }), t0 + 10);
    Object.assign(pastDue.data, { previous_attributes: { status: 'active', cancel_at_period_end: false } });
    await deliverEvent(pastDue);
    // A price that is none of the plans': no plan, no amount.
    const unknown = stripeEvent('customer.subscription.updated', { ...bare('active'), items: { object: 'list', data: [{ id: 'si_x', current_period_start: PERIOD_START, current_period_end: PERIOD_END, price: { id: 'price_x', lookup_key: 'someone_elses', unit_amount: 500, currency: 'eur', recurring: { interval: 'year' } } }] } }, t0 + 20);
    await deliverEvent(unknown);

    const euroPro = planPriceIn(PLAN_CATALOG.find((plan) => plan.id === 'pro')!, 'eur')!.amountCents;
    const rows = await billingEvents(tenant.id);
    expect(rows.map((row) => [row.type, row.payload])).toEqual([
      ['subscription.created', expect.objectContaining({ planId: 'pro', status: 'trialing', currency: 'eur', amount: euroPro, interval: 'month', trialEnd: new Date(PERIOD_END * 1000).toISOString() })],
      ['subscription.updated', expect.objectContaining({ status: 'past_due', cancelAtPeriodEnd: true, changes: { status: { from: 'active', to: 'past_due' }, cancelAtPeriodEnd: { from: false, to: true } } })],
      ['subscription.updated', expect.objectContaining({ planId: null, amount: null, currency: 'eur', interval: 'year', changes: {} })],
    ]);
  });

  it("a workspace's billing events never reach another workspace's endpoint", async () => {
    // Both subscribed to every event; each workspace's Stripe events name their own customer.
    const [a, b] = [await hooked([]), await hooked([])];
    const t0 = Math.floor(Date.now() / 1000) - 600;
    await deliverEvent(stripeEvent('customer.subscription.created', subscription(a.tenant, 'active', 'pro', 9_900), t0));
    await deliverEvent(stripeEvent('invoice.paid', invoice(a.tenant, `in_${a.tenant.id}`, { status: 'paid', amount_paid: 9_900 }), t0 + 1));
    await deliverEvent(stripeEvent('invoice.payment_failed', invoice(b.tenant, `in_${b.tenant.id}`, { status: 'open', amount_due: 9_900, attempt_count: 1 }), t0 + 2));

    const [ofA, ofB] = [await billingEvents(a.tenant.id), await billingEvents(b.tenant.id)];
    expect(ofA.map((row) => row.type)).toEqual(['subscription.created', 'payment.succeeded']);
    expect(ofB.map((row) => row.type)).toEqual(['payment.failed']);
    // Fanned out to everything there is: each endpoint gets a delivery only for its own workspace's events.
    for (const row of [...ofA, ...ofB]) {
      await fanOutEvent(row.id);
      const endpoints = await db.webhookDelivery.findMany({ where: { eventId: row.id }, select: { endpointId: true, tenantId: true } });
      expect(endpoints).toEqual([{ endpointId: row.tenantId === a.tenant.id ? a.endpointId : b.endpointId, tenantId: row.tenantId }]);
    }
    await sendAll(
      ofA.map((row) => row.id),
      a.endpointId,
    );
    await sendAll(
      ofB.map((row) => row.id),
      b.endpointId,
    );
    expect(receiver.on(a.path).map((r) => verified(a, r)).map((body) => [body.type, body.tenant_id])).toEqual([
      ['subscription.created', a.tenant.id],
      ['payment.succeeded', a.tenant.id],
    ]);
    expect(receiver.on(b.path).map((r) => verified(b, r)).map((body) => [body.type, body.tenant_id])).toEqual([['payment.failed', b.tenant.id]]);
  });
});
