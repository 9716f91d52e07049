import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import { encryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { jobIdFor } from '../../lib/jobs/job-id.ts';
import { enqueue } from '../../lib/jobs/queue.ts';
import { relayOutbox } from '../../lib/jobs/relay-outbox.ts';
import { dispatchEvent } from '../../lib/jobs/dispatch-event.ts';
import { startJobs, stopJobs } from '../../lib/jobs/start.ts';
import { getDelivery, replayDelivery, replayFailedSince, sendTestEvent } from '../../lib/webhooks/deliveries.ts';
import { deliveryJobKey } from '../../lib/webhooks/delivery-job.ts';
import { createEndpoint, rotateEndpointSecret, updateEndpoint } from '../../lib/webhooks/endpoints.ts';
import { RETRY_DELAYS_SECONDS } from '../../lib/webhooks/retry-schedule.ts';
import { generateWebhookSecret } from '../../lib/webhooks/sign-webhook.ts';
import { sweepDeliveries } from '../../lib/webhooks/sweep-deliveries.ts';
import { apiWorkspace } from '../support/api-v1-client.ts';
import { createTenant, uniqueSlug } from '../support/factories.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { memberIn, workspace } from '../support/workspace.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import type { Member } from '../../lib/auth/session.ts';

// The app's real job pipeline on the test database: outbox trigger → relay → event.dispatch →
// fan-out → webhook.deliver → a local receiver, on pg-boss (schema "pgboss"). This is the only
// test file that runs the app's workers; jobs-queue.test.ts tests the queue in its own schema.
// Scheduled retries are minutes to hours apart, so tests move a scheduled job's start_after to
// now (the queue's own clock) instead of waiting.

process.env.WEBHOOKS_ALLOW_LOCALHOST = 'true';

let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  expect(await startJobs({ pollingIntervalSeconds: 0.5 })).toBe('pg-boss');
});

afterAll(async () => {
  await stopJobs();
  await receiver.close();
});

interface Hook {
  tenant: TenantContext;
  admin: Member;
  endpointId: string;
  secret: string;
  path: string;
}

async function hook(options: { eventTypes?: string[]; headers?: Record<string, string>; tenant?: TenantContext; admin?: Member } = {}): Promise<Hook> {
  const tenant = options.tenant ?? (await workspace());
  const admin = options.admin ?? (await memberIn(tenant, 'admin'));
  const path = `/${uniqueSlug('hook')}`;
  const { endpoint, secret } = await createEndpoint(tenant, admin, { url: receiver.url(path), eventTypes: options.eventTypes ?? [], headers: options.headers ?? {} });
  return { tenant, admin, endpointId: endpoint.id, secret, path };
}

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const deliveryOf = (endpointId: string, eventId: string) => db.webhookDelivery.findUnique({ where: { endpointId_eventId: { endpointId, eventId } } });

interface JobRow {
  state: string;
  delaySeconds: number;
}

/** The queued job of a delivery's attempt, and how long after now it is due. */
async function attemptJob(deliveryId: string, attempt: number): Promise<JobRow | null> {
  const [row] = await db.$queryRaw<JobRow[]>`
    SELECT state::text AS state, extract(epoch FROM start_after - now())::float AS "delaySeconds"
    FROM pgboss.job WHERE name = 'webhook.deliver' AND id = ${jobIdFor('webhook.deliver', deliveryJobKey(deliveryId, attempt))}::uuid`;
  return row ?? null;
}

/** Makes a scheduled attempt due now, as if its delay had passed. */
async function fastForward(deliveryId: string, attempt: number): Promise<void> {
  await db.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = 'webhook.deliver' AND id = ${jobIdFor('webhook.deliver', deliveryJobKey(deliveryId, attempt))}::uuid`;
}

function verify(secret: string, received: { headers: Record<string, string>; body: string }) {
  return new Webhook(secret).verify(received.body, received.headers) as Record<string, unknown>;
}

describe('the Postgres-queue path end to end', () => {
  it('a goal created through the API reaches the receiver as a signed goal.created', async () => {
    const ws = await apiWorkspace('admin');
    const h = await hook({ tenant: ws.tenant, admin: ws.member, eventTypes: ['goal.created'], headers: { 'X-Team': 'ops' } });
    const created = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Ship webhooks' } });
    expect(created.status, created.text).toBe(201);

    const [received] = await receiver.waitFor(() => receiver.on(h.path).length > 0).then(() => receiver.on(h.path));
    const payload = verify(h.secret, received);
    expect(payload).toMatchObject({ type: 'goal.created', tenant_id: ws.tenant.id, api_version: 'v1', data: { goalId: created.body.id, title: 'Ship webhooks', ownerId: ws.member.userId } });
    expect(payload.id).toBe(received.headers['webhook-id']);
    expect(Object.keys(JSON.parse(received.body))).toEqual(['id', 'type', 'created_at', 'tenant_id', 'data', 'api_version']);
    expect(received.headers['x-team']).toBe('ops');
    expect(received.headers['content-type']).toBe('application/json');
    // A wrong secret does not verify.
    expect(() => verify(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, received)).toThrow();

    const delivery = await waitUntil(() => deliveryOf(h.endpointId, String(payload.id)), (d) => d?.status === 'succeeded');
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 200, lastResponseBody: 'ok', nextAttemptAt: null });
    expect(delivery?.deliveredAt).toBeInstanceOf(Date);
  });

  it('fans one event out to every subscribed endpoint, and only those', async () => {
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const all = await hook({ tenant, admin });
    const goals = await hook({ tenant, admin, eventTypes: ['goal.deleted', 'goal.created'] });
    const habits = await hook({ tenant, admin, eventTypes: ['habit.created'] });
    const disabled = await hook({ tenant, admin });
    await updateEndpoint(tenant, admin, disabled.endpointId, { enabled: false });
    const other = await hook(); // another tenant's endpoint

    const eventId = await emitEvent(db, tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Old goal' }, null, { kind: 'workspace' });
    await receiver.waitFor(() => receiver.on(all.path).length === 1 && receiver.on(goals.path).length === 1);
    for (const h of [all, goals]) expect(verify(h.secret, receiver.on(h.path)[0])).toMatchObject({ id: eventId, type: 'goal.deleted' });
    expect(await db.webhookDelivery.count({ where: { eventId } })).toBe(2);
    for (const h of [habits, disabled, other]) expect(receiver.on(h.path)).toHaveLength(0);
  });

  it('a fan-out larger than one chunk delivers to every endpoint once, however often it is dispatched', async () => {
    const tenant = await workspace();
    const prefix = `/${uniqueSlug('many')}`;
    const endpoints = Array.from({ length: 250 }, (_, i) => ({ id: `whk_${uniqueSlug()}`, tenantId: tenant.id, url: receiver.url(`${prefix}-${i}`), secretEncrypted: encryptSecret(generateWebhookSecret()) }));
    await db.webhookEndpoint.createMany({ data: endpoints });
    const eventId = await emitEvent(db, tenant.id, 'goal.deleted', { goalId: 'g2', title: 'Many' }, null, { kind: 'workspace' });
    const received = () => endpoints.filter((_, i) => receiver.on(`${prefix}-${i}`).length > 0).length;
    await receiver.waitFor(() => received() === 250);
    // A repeated dispatch (a redelivered job) creates and sends nothing new.
    await dispatchEvent(eventId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(endpoints.map((_, i) => receiver.on(`${prefix}-${i}`).length)).toEqual(endpoints.map(() => 1));
    expect(await db.webhookDelivery.count({ where: { eventId, status: 'succeeded', attempts: 1 } })).toBe(250);
  });

  it('an endpoint gets only events that happen after it exists', async () => {
    const tenant = await workspace();
    const before = await emitEvent(db, tenant.id, 'goal.deleted', { goalId: 'g0', title: 'Before' }, null, { kind: 'workspace' });
    const h = await hook({ tenant });
    await relayOutbox();
    await dispatchEvent(before);
    expect(await db.webhookDelivery.count({ where: { eventId: before } })).toBe(0);
    expect(receiver.on(h.path)).toHaveLength(0);
  });
});

describe('idempotency', () => {
  it('a duplicated event, dispatch or attempt job delivers once', async () => {
    const h = await hook();
    const eventId = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Twice' }, null, { kind: 'workspace' });
    // The same event dispatched again, concurrently, and once more by a job of its own.
    await Promise.all([dispatchEvent(eventId), dispatchEvent(eventId), enqueue('event.dispatch', { eventId }, { singletonKey: `${eventId}:again` })]);
    const delivery = await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.status === 'succeeded');
    // A duplicate job for the attempt that already ran (as a redelivered job would be).
    await enqueue('webhook.deliver', { deliveryId: delivery!.id, attempt: 1 }, { singletonKey: `${delivery!.id}:duplicate` });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.on(h.path)).toHaveLength(1);
    expect(await db.webhookDelivery.count({ where: { eventId } })).toBe(1);
    expect((await deliveryOf(h.endpointId, eventId))?.attempts).toBe(1);
  });
});

describe('retries', () => {
  it('follow the schedule through the queue (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then fail and stay replayable', async () => {
    const h = await hook();
    let down = true;
    receiver.respond(h.path, () => (down ? { status: 500, body: '<h1>down</h1>' } : { status: 204 }));
    const eventId = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Retry me' }, null, { kind: 'workspace' });

    let delivery = await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d !== null);
    for (let attempt = 2; attempt <= RETRY_DELAYS_SECONDS.length; attempt++) {
      // The job of the next attempt exists once the previous attempt's outcome is recorded.
      const job = await waitUntil(() => attemptJob(delivery!.id, attempt), (j) => j !== null);
      expect(job!.state).toBe('created');
      // Due after the schedule's delay, counted from when the previous attempt ended.
      expect(job!.delaySeconds).toBeGreaterThan(RETRY_DELAYS_SECONDS[attempt - 1] - 5);
      expect(job!.delaySeconds).toBeLessThanOrEqual(RETRY_DELAYS_SECONDS[attempt - 1]);
      expect(await deliveryOf(h.endpointId, eventId)).toMatchObject({ status: 'pending', attempts: attempt - 1, lastStatusCode: 500 });
      await fastForward(delivery!.id, attempt);
    }
    delivery = await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.status === 'failed');
    expect(delivery).toMatchObject({ attempts: 8, lastStatusCode: 500, lastResponseBody: '<h1>down</h1>', nextAttemptAt: null });
    expect(await attemptJob(delivery!.id, 9)).toBeNull();
    expect(receiver.on(h.path)).toHaveLength(8);
    // Every attempt carries the same webhook-id, signed afresh.
    expect(new Set(receiver.on(h.path).map((r) => r.headers['webhook-id']))).toEqual(new Set([eventId]));

    // Replayed by an admin once the receiver is back: one more attempt, delivered.
    down = false;
    await replayDelivery(h.tenant, h.admin, delivery!.id);
    delivery = await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.status === 'succeeded');
    expect(delivery).toMatchObject({ attempts: 9, lastStatusCode: 204 });
    expect(verify(h.secret, receiver.on(h.path)[8])).toMatchObject({ id: eventId });
  });

  it.each([
    [429, '120', 120],
    [503, 'Thu, 01 Jan 2099 00:00:00 GMT', 36_000], // capped at 10 h
  ])('honour Retry-After on %i', async (status, retryAfter, expected) => {
    const h = await hook();
    receiver.respond(h.path, () => ({ status, headers: { 'retry-after': retryAfter } }));
    const eventId = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Slow down' }, null, { kind: 'workspace' });
    const delivery = await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.attempts === 1 && d.lastStatusCode === status);
    const job = await waitUntil(() => attemptJob(delivery!.id, 2), (j) => j !== null);
    expect(job!.delaySeconds).toBeGreaterThan(expected - 5);
    expect(job!.delaySeconds).toBeLessThanOrEqual(expected);
  });

  it('a 410 disables the endpoint at once, fails the delivery and emails the admins', async () => {
    const h = await hook();
    const owner = await memberIn(h.tenant, 'owner');
    receiver.respond(h.path, () => ({ status: 410 }));
    const eventId = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Gone' }, null, { kind: 'workspace' });
    const delivery = await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.status === 'failed');
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 410, nextAttemptAt: null });
    await waitUntil(() => db.emailMessage.count({ where: { tenantId: h.tenant.id, kind: 'webhook_disabled' } }), (count) => count === 2);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: h.endpointId } });
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    const emails = await db.emailMessage.findMany({ where: { tenantId: h.tenant.id, kind: 'webhook_disabled' } });
    expect(emails.map((e) => e.to).sort()).toEqual([h.admin.email, owner.email].sort());
    expect(emails[0].text).toContain(receiver.url(h.path));
    expect(await db.auditLog.count({ where: { tenantId: h.tenant.id, action: 'webhook.disabled' } })).toBe(1);

    // A disabled endpoint gets no new deliveries.
    const later = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g2', title: 'Later' }, null, { kind: 'workspace' });
    await relayOutbox();
    await dispatchEvent(later);
    expect(await deliveryOf(h.endpointId, later)).toBeNull();
  });

  it.each([
    ['after 100 consecutive failures', { consecutiveFailures: 99 }],
    ['after 5 days of failures', { consecutiveFailures: 3, failingSince: new Date(Date.now() - 5 * 24 * 3600 * 1000) }],
  ])('an endpoint is disabled %s, and admins emailed once', async (_label, health) => {
    const h = await hook();
    receiver.respond(h.path, () => ({ status: 500 }));
    await db.webhookEndpoint.update({ where: { id: h.endpointId }, data: health });
    const eventId = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Failing' }, null, { kind: 'workspace' });
    await waitUntil(() => db.webhookEndpoint.findUniqueOrThrow({ where: { id: h.endpointId } }), (e) => !e.enabled);
    // The email follows the commit that switched the endpoint off.
    await waitUntil(() => db.emailMessage.count({ where: { tenantId: h.tenant.id, kind: 'webhook_disabled' } }), (count) => count === 1);
    // Its scheduled retry finds the endpoint disabled: failed, not sent, replayable.
    const delivery = await deliveryOf(h.endpointId, eventId);
    await fastForward(delivery!.id, 2);
    const failed = await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.status === 'failed');
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringContaining('disabled') });
    expect(receiver.on(h.path)).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { tenantId: h.tenant.id, kind: 'webhook_disabled' } })).toBe(1);
  });

  it('a success resets the failure streak', async () => {
    const h = await hook();
    await db.webhookEndpoint.update({ where: { id: h.endpointId }, data: { consecutiveFailures: 42, failingSince: new Date() } });
    const eventId = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Works' }, null, { kind: 'workspace' });
    await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.status === 'succeeded');
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: h.endpointId } })).toMatchObject({ consecutiveFailures: 0, failingSince: null });
  });
});

describe('an outage', () => {
  it('the receiver answers 500 for a while, then 200: every event is delivered exactly once, none lost', async () => {
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const hooks = [await hook({ tenant, admin }), await hook({ tenant, admin })];
    const outageEnds = Date.now() + 3_000;
    for (const h of hooks) receiver.respond(h.path, () => (Date.now() < outageEnds ? { status: 500 } : { status: 200 }));
    const eventIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      eventIds.push(await emitEvent(db, tenant.id, 'goal.deleted', { goalId: `g${i}`, title: `Goal ${i}` }, null, { kind: 'workspace' }));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await waitUntil(
      () => db.webhookDelivery.count({ where: { eventId: { in: eventIds }, status: 'succeeded' } }),
      (count) => count === eventIds.length * hooks.length,
      30_000,
    );
    for (const h of hooks) {
      const ok = receiver.on(h.path, { ok: true }).map((r) => verify(h.secret, r).id);
      expect(ok.sort()).toEqual([...eventIds].sort());
      // Some attempts did fail during the outage, and were retried.
      expect(receiver.on(h.path).length).toBeGreaterThan(ok.length);
    }
  });
});

describe('the attempt log', () => {
  it('keeps every attempt of a delivery (status, duration, answer, error, time), scheduled and manual, and shows them in the delivery detail', async () => {
    const h = await hook();
    const answers = [{ status: 500, body: 'down for maintenance' }, { status: 200, body: 'ok, got it' }, { status: 202, body: 'again' }];
    receiver.respond(h.path, ({ count }) => answers[Math.min(count, answers.length - 1)]);
    const eventId = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Logged' }, null, { kind: 'workspace' });
    const failed = await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.attempts === 1 && d.status === 'pending' && d.lastStatusCode === 500);
    await waitUntil(() => attemptJob(failed!.id, 2), (job) => job !== null);
    await fastForward(failed!.id, 2);
    await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.status === 'succeeded');
    await replayDelivery(h.tenant, h.admin, failed!.id);
    await waitUntil(() => deliveryOf(h.endpointId, eventId), (d) => d?.status === 'succeeded' && d.attempts === 3);

    const detail = await getDelivery(h.tenant, h.admin, failed!.id);
    expect(detail.attemptLog.map(({ attempt, manual, statusCode, responseBody, error }) => ({ attempt, manual, statusCode, responseBody, error }))).toEqual([
      { attempt: 3, manual: true, statusCode: 202, responseBody: 'again', error: null },
      { attempt: 2, manual: false, statusCode: 200, responseBody: 'ok, got it', error: null },
      { attempt: 1, manual: false, statusCode: 500, responseBody: 'down for maintenance', error: 'The receiver answered 500.' },
    ]);
    for (const entry of detail.attemptLog) {
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(entry.finishedAt)).toBeGreaterThanOrEqual(Date.parse(entry.startedAt));
    }
    // Another workspace cannot read them.
    const other = await workspace();
    await expect(getDelivery(other, await memberIn(other, 'admin'), failed!.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('manual actions', () => {
  it('send test event delivers the catalog example, whatever the subscription', async () => {
    const h = await hook({ eventTypes: ['goal.created'] });
    const delivery = await sendTestEvent(h.tenant, h.admin, h.endpointId, { eventType: 'habit.logged' });
    await receiver.waitFor(() => receiver.on(h.path).length === 1);
    expect(verify(h.secret, receiver.on(h.path)[0])).toMatchObject({ id: delivery.eventId, type: 'habit.logged', data: { habitId: 'cm1habit', currentStreak: 7 } });
    await waitUntil(() => deliveryOf(h.endpointId, delivery.eventId), (d) => d?.status === 'succeeded');
  });

  it('replay failed since a time replays only failed deliveries created since then', async () => {
    const h = await hook();
    let up = false;
    receiver.respond(h.path, () => (up ? { status: 200 } : { status: 410 }));
    const first = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'One' }, null, { kind: 'workspace' });
    await waitUntil(() => deliveryOf(h.endpointId, first), (d) => d?.status === 'failed');
    // 410 disabled the endpoint; its owner fixes the receiver and turns it back on.
    up = true;
    await updateEndpoint(h.tenant, h.admin, h.endpointId, { enabled: true });
    const firstDelivery = await deliveryOf(h.endpointId, first);
    expect(await replayFailedSince(h.tenant, h.admin, h.endpointId, { since: new Date(firstDelivery!.createdAt.getTime() + 1).toISOString() })).toEqual({ replayed: 0 });
    expect(await replayFailedSince(h.tenant, h.admin, h.endpointId, { since: new Date(Date.now() - 60_000).toISOString() })).toEqual({ replayed: 1 });
    await waitUntil(() => deliveryOf(h.endpointId, first), (d) => d?.status === 'succeeded');
    expect(receiver.on(h.path, { ok: true })).toHaveLength(1);
  });

  it('during a secret rotation both secrets sign, and either verifies', async () => {
    const h = await hook();
    const { secret: next } = await rotateEndpointSecret(h.tenant, h.admin, h.endpointId, { graceHours: 24 });
    const eventId = await emitEvent(db, h.tenant.id, 'goal.deleted', { goalId: 'g1', title: 'Rotated' }, null, { kind: 'workspace' });
    await receiver.waitFor(() => receiver.on(h.path).length === 1);
    const [received] = receiver.on(h.path);
    expect(received.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verify(next, received)).toMatchObject({ id: eventId });
    expect(verify(h.secret, received)).toMatchObject({ id: eventId });
  });
});

describe('the sweep', () => {
  it('sends attempts whose job was lost or whose worker died, once', async () => {
    const h = await hook();
    const eventId = `evt_${uniqueSlug()}`;
    const payload = { id: eventId, type: 'goal.deleted', created_at: new Date().toISOString(), tenant_id: h.tenant.id, data: { goalId: 'g1', title: 'Lost' }, api_version: 'v1' };
    // A delivery whose first attempt's job never made it to the queue…
    const lost = await db.webhookDelivery.create({ data: { id: `whd_${uniqueSlug()}`, tenantId: h.tenant.id, endpointId: h.endpointId, eventId, eventType: 'goal.deleted', payload, nextAttemptAt: new Date(Date.now() - 120_000) } });
    // …and one whose worker died during attempt 1 (claimed, lease expired, no outcome).
    const crashedEvent = `evt_${uniqueSlug()}`;
    const crashed = await db.webhookDelivery.create({ data: { id: `whd_${uniqueSlug()}`, tenantId: h.tenant.id, endpointId: h.endpointId, eventId: crashedEvent, eventType: 'goal.deleted', payload: { ...payload, id: crashedEvent }, attempts: 1, nextAttemptAt: new Date(Date.now() - 61_000) } });
    const notDue = await db.webhookDelivery.create({ data: { id: `whd_${uniqueSlug()}`, tenantId: h.tenant.id, endpointId: h.endpointId, eventId: `evt_${uniqueSlug()}`, eventType: 'goal.deleted', payload, attempts: 2, nextAttemptAt: new Date(Date.now() + 300_000) } });

    expect(await sweepDeliveries()).toBeGreaterThanOrEqual(2);
    await sweepDeliveries(); // a second sweep before they ran sends nothing new
    await waitUntil(() => db.webhookDelivery.findMany({ where: { id: { in: [lost.id, crashed.id] } } }), (rows) => rows.every((r) => r.status === 'succeeded'));
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ attempts: 1 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: crashed.id } })).toMatchObject({ attempts: 2 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: notDue.id } })).toMatchObject({ status: 'pending', attempts: 2 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.on(h.path)).toHaveLength(2);
  });
});

describe('outbox relay', () => {
  async function emitEvents(count: number): Promise<string[]> {
    const tenant = await createTenant();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await emitEvent(db, tenant.id, 'goal.deleted', { goalId: `g${i}`, title: `Goal ${i}` }, null, { kind: 'workspace' }));
    return ids;
  }

  const dispatchJobsFor = (eventId: string) => db.$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM pgboss.job WHERE name = 'event.dispatch' AND data->'payload'->>'eventId' = ${eventId}`;

  it('enqueues one dispatch per event, even with relays running at once, and marks the events published', async () => {
    const ids = await emitEvents(5);
    // The app's own relay (woken by the outbox trigger) races these two.
    await Promise.all([relayOutbox(), relayOutbox()]);
    await waitUntil(() => db.domainEvent.count({ where: { id: { in: ids }, publishedAt: { not: null } } }), (count) => count === ids.length);
    for (const id of ids) expect(await dispatchJobsFor(id)).toHaveLength(1);
  });

  it('does not enqueue an event twice when it is relayed again after a crash before publishing', async () => {
    const [id] = await emitEvents(1);
    await waitUntil(() => db.domainEvent.findUniqueOrThrow({ where: { id } }), (event) => event.publishedAt !== null);
    // What a crash between enqueue and commit leaves behind: the job sent, the row unpublished.
    await db.domainEvent.update({ where: { id }, data: { publishedAt: null } });
    await relayOutbox();
    await waitUntil(() => db.domainEvent.findUniqueOrThrow({ where: { id } }), (event) => event.publishedAt !== null);
    expect(await dispatchJobsFor(id)).toHaveLength(1);
  });
});
