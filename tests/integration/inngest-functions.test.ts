import { InngestTestEngine, mockCtx } from '@inngest/test';
import { RetryAfterError, type Context } from 'inngest';
import { NextRequest } from 'next/server';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { emitEvent, newEventId } from '../../lib/events/domain-events.ts';
import { enqueue } from '../../lib/jobs/queue.ts';
import { relayOutbox } from '../../lib/jobs/relay-outbox.ts';
import { functions, inngestFunctionId } from '../../inngest/functions.ts';
import { withRetrySchedule } from '../../inngest/retry-schedule.ts';
import type { JobName } from '../../lib/jobs/job-types.ts';
import { JOBS } from '../../lib/jobs/jobs.ts';
import { SLOW_LANE_AFTER_TIMEOUTS } from '../../lib/webhooks/send-lane.ts';
import { fanOutEvent } from '../../lib/webhooks/fan-out.ts';
import { createEndpoint } from '../../lib/webhooks/endpoints.ts';
import { createTenant, uniqueSlug } from '../support/factories.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { memberIn, workspace } from '../support/workspace.ts';

process.env.WEBHOOKS_ALLOW_LOCALHOST = 'true';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

async function hook() {
  const tenant = await workspace();
  const admin = await memberIn(tenant, 'admin');
  const path = `/${uniqueSlug('hook')}`;
  const { endpoint, secret } = await createEndpoint(tenant, admin, { url: receiver.url(path) });
  return { tenant, endpointId: endpoint.id, secret, path };
}

/**
 * An event already marked published: webhooks-pipeline.test.ts runs the app's relay on this
 * database at the same time, and must not deliver the events these tests deliver by hand.
 */
async function publishedEvent(tenantId: string): Promise<string> {
  const id = newEventId();
  await db.domainEvent.create({ data: { id, tenantId, type: 'goal.deleted', payload: { goalId: 'g1', title: 'Old' }, publishedAt: new Date() } });
  return id;
}

/** Fans the event out on Inngest (the sends are captured) and returns its one delivery. */
async function deliveryFor(endpointId: string, eventId: string): Promise<string> {
  await fanOutEvent(eventId);
  sent.length = 0;
  return (await db.webhookDelivery.findUniqueOrThrow({ where: { endpointId_eventId: { endpointId, eventId } } })).id;
}

// No Inngest server runs here: the functions run in-process on InngestTestEngine, and the
// client sends to a fetch that records the events.

const sent = vi.hoisted(() => [] as { name: string; data: unknown; id?: string; ts?: number }[]);

vi.mock('../../inngest/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../inngest/client.ts')>();
  const captureFetch: typeof globalThis.fetch = async (_input, init) => {
    const events = JSON.parse(String(init?.body)) as typeof sent;
    sent.push(...events);
    return new Response(JSON.stringify({ ids: events.map((_, i) => `sent-${sent.length}-${i}`), status: 200 }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { ...original, inngest: original.createInngestClient({ isDev: true, fetch: captureFetch }) };
});

// The relay itself is tested on the database in jobs-queue.test.ts; running it here too
// would race that file for the same unpublished rows.
vi.mock('../../lib/jobs/relay-outbox.ts', () => ({ relayOutbox: vi.fn(async () => 3) }));

// step.sleep and step.sendEvent would wait for an Inngest server: resolve them at once.
// mockCtx keeps the engine's spies on the other step tools.
function withMockedSteps(ctx: Readonly<Context.Any>): Context.Any {
  const mocked = mockCtx(ctx);
  return { ...mocked, step: { ...mocked.step, sleep: vi.fn(async () => undefined), sendEvent: vi.fn(async () => ({ ids: [] })) } };
}

afterEach(() => {
  vi.unstubAllEnvs();
  sent.length = 0;
});

function inngestFunction(name: JobName) {
  const fn = functions.find((candidate) => candidate.id() === inngestFunctionId(name));
  if (!fn) throw new Error(`no Inngest function for ${name}`);
  return fn;
}

const relayOutboxFunction = inngestFunction('events.relay');
const dispatchEventFunction = inngestFunction('event.dispatch');
const deliverWebhookFunction = inngestFunction('webhook.deliver');
const deliverWebhookSlowFunction = inngestFunction('webhook.deliver_slow');
const sweepWebhooksFunction = inngestFunction('webhooks.sweep');

describe('Inngest functions', () => {
  // Inngest knows a function by its id: a renamed one loses the runs in flight (retries, delayed events).
  it('exports every function for the route to serve, under the ids Inngest already knows', () => {
    expect(functions.map((fn) => fn.id())).toEqual([
      'events-relay',
      'event-dispatch',
      'webhook-deliver',
      'webhook-deliver-slow',
      'webhooks-sweep',
      'billing-report-usage',
      'billing-dunning-step',
      'billing-dunning-catch-up',
      'billing-reset-usage',
      'billing-trials',
      'earnings-approve',
      'payouts-run',
      'support-close-resolved',
      'oidc-rotate-keys',
      'partners-app-health',
      'integrations-sync',
      'integrations-refresh-tokens',
      'integrations-schedule-syncs',
      'integrations-notify',
      'integrations-weekly-digest',
      'notifications-emails',
      'notifications-habit-reminders',
      'notifications-goal-due-dates',
      'retention-purge',
      'tenants-erase-scheduled',
      'privacy-export',
      'insights-schedule',
      'insights-workspace',
      'insights-member',
    ]);
  });

  it('the relay function runs relayOutbox in its step', async () => {
    const t = new InngestTestEngine({ function: relayOutboxFunction, transformCtx: withMockedSteps });
    const { result, ctx } = await t.execute({ events: [{ name: 'events.relay', data: {} }] });
    expect(result).toBe(3);
    expect(ctx.step.run).toHaveBeenCalledWith('events.relay', expect.any(Function));
    expect(relayOutbox).toHaveBeenCalled();
  });

  it('the dispatch function runs the dispatch service in its step', async () => {
    const tenant = await createTenant();
    const eventId = await emitEvent(db, tenant.id, 'habit.deleted', { habitId: 'h1', name: 'Run' }, null, { kind: 'users', userIds: ['u1'] });
    const t = new InngestTestEngine({ function: dispatchEventFunction, transformCtx: withMockedSteps });
    const { result, ctx } = await t.execute({ events: [{ name: 'event.dispatch', data: { eventId } }] });
    expect(result).toEqual({ type: 'habit.deleted', webhookDeliveries: 0, integrations: 0 });
    expect(ctx.step.run).toHaveBeenCalledWith('event.dispatch', expect.any(Function));
    const step = await t.executeStep('event.dispatch', { events: [{ name: 'event.dispatch', data: { eventId } }] });
    expect(step.result).toEqual({ type: 'habit.deleted', webhookDeliveries: 0, integrations: 0 });
  });

  it('the dispatch of a deleted event finds nothing to deliver', async () => {
    const t = new InngestTestEngine({ function: dispatchEventFunction, transformCtx: withMockedSteps });
    const { result } = await t.execute({ events: [{ name: 'event.dispatch', data: { eventId: 'evt_gone' } }] });
    expect(result).toBeNull();
  });

  it('the dispatch fans an event out and sends each delivery to Inngest as a webhook.deliver event', async () => {
    vi.stubEnv('INNGEST_DEV', '1');
    const h = await hook();
    const eventId = await publishedEvent(h.tenant.id);
    const t = new InngestTestEngine({ function: dispatchEventFunction, transformCtx: withMockedSteps });
    const { result } = await t.execute({ events: [{ name: 'event.dispatch', data: { eventId } }] });
    expect(result).toEqual({ type: 'goal.deleted', webhookDeliveries: 1, integrations: 0 });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventId } });
    expect(sent).toEqual([expect.objectContaining({ name: 'webhook.deliver', data: { deliveryId: delivery.id, attempt: 1 }, id: `webhook.deliver:${delivery.id}:1` })]);
    // Due now: no delayed timestamp.
    expect(sent[0].ts ?? Date.now()).toBeLessThanOrEqual(Date.now());
  });

  it('the deliver function makes one signed attempt in its step, and sends the retry as a delayed event', async () => {
    vi.stubEnv('INNGEST_DEV', '1');
    const h = await hook();
    let status = 500;
    receiver.respond(h.path, () => ({ status }));
    const eventId = await publishedEvent(h.tenant.id);
    const deliveryId = await deliveryFor(h.endpointId, eventId);
    const t = new InngestTestEngine({ function: deliverWebhookFunction, transformCtx: withMockedSteps });

    const before = Date.now();
    const first = await t.execute({ events: [{ name: 'webhook.deliver', data: { deliveryId, attempt: 1 } }] });
    expect(first.result).toEqual({ outcome: 'retrying', status: 500, nextAttemptInSeconds: 5 });
    expect(first.ctx.step.run).toHaveBeenCalledWith('webhook.deliver', expect.any(Function));
    expect(sent).toEqual([{ name: 'webhook.deliver', data: { deliveryId, attempt: 2 }, id: `webhook.deliver:${deliveryId}:2`, ts: expect.any(Number) }]);
    expect(sent[0].ts).toBeGreaterThanOrEqual(before + 5_000);

    status = 200;
    const second = await new InngestTestEngine({ function: deliverWebhookFunction, transformCtx: withMockedSteps }).execute({ events: [{ name: 'webhook.deliver', data: { deliveryId, attempt: 2 } }] });
    expect(second.result).toEqual({ outcome: 'succeeded', status: 200, nextAttemptInSeconds: null });
    const [received] = receiver.on(h.path, { ok: true });
    expect(new Webhook(h.secret).verify(received.body, received.headers)).toMatchObject({ id: eventId, type: 'goal.deleted' });
    // The same attempt delivered again (Inngest runs at least once) does nothing.
    const again = await new InngestTestEngine({ function: deliverWebhookFunction, transformCtx: withMockedSteps }).execute({ events: [{ name: 'webhook.deliver', data: { deliveryId, attempt: 2 } }] });
    expect(again.result).toEqual({ outcome: 'skipped', reason: 'already_done' });
    expect(receiver.on(h.path)).toHaveLength(2);
  });

  it('the deliver function moves an attempt for an endpoint that keeps timing out to the slow lane, whose function sends it', async () => {
    vi.stubEnv('INNGEST_DEV', '1');
    const h = await hook();
    await db.webhookEndpoint.update({ where: { id: h.endpointId }, data: { consecutiveTimeouts: SLOW_LANE_AFTER_TIMEOUTS } });
    const eventId = await publishedEvent(h.tenant.id);
    const deliveryId = await deliveryFor(h.endpointId, eventId);
    const moved = await new InngestTestEngine({ function: deliverWebhookFunction, transformCtx: withMockedSteps }).execute({ events: [{ name: 'webhook.deliver', data: { deliveryId, attempt: 1 } }] });
    expect(moved.result).toEqual({ outcome: 'moved', reason: 'other_lane', lane: 'slow' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ name: 'webhook.deliver_slow', data: { deliveryId, attempt: 1, hop: 1 }, id: `webhook.deliver_slow:${deliveryId}:1:1` });
    expect(receiver.on(h.path)).toHaveLength(0);

    const slow = await new InngestTestEngine({ function: deliverWebhookSlowFunction, transformCtx: withMockedSteps }).execute({ events: [{ name: 'webhook.deliver_slow', data: { deliveryId, attempt: 1, hop: 1 } }] });
    expect(slow.result).toEqual({ outcome: 'succeeded', status: 200, nextAttemptInSeconds: null });
    expect(receiver.on(h.path)).toHaveLength(1);
    // It answered: the endpoint is back in the fast lane.
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: h.endpointId } })).toMatchObject({ consecutiveTimeouts: 0 });
  });

  it('the sweep function runs the sweep in its step', async () => {
    const t = new InngestTestEngine({ function: sweepWebhooksFunction, transformCtx: withMockedSteps });
    const { result, ctx } = await t.execute({ events: [{ name: 'webhooks.sweep', data: {} }] });
    expect(result).toEqual(expect.any(Number));
    expect(ctx.step.run).toHaveBeenCalledWith('webhooks.sweep', expect.any(Function));
  });
});

describe('retry schedule on Inngest', () => {
  it('asks Inngest to retry after the delay of the failed attempt', async () => {
    const fail = () => Promise.reject(new Error('receiver down'));
    // event.dispatch: 5 retries, delays 10 s, 60 s, 300 s, 1800 s, 7200 s.
    const policy = JOBS['event.dispatch'].retry;
    const first = await withRetrySchedule(policy, 0, fail).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(RetryAfterError);
    expect((first as RetryAfterError).retryAfter).toBe('10');
    const third = await withRetrySchedule(policy, 2, fail).catch((error: unknown) => error);
    expect((third as RetryAfterError).retryAfter).toBe('300');
  });

  it('lets the last attempt fail with the original error', async () => {
    const last = await withRetrySchedule(JOBS['event.dispatch'].retry, 5, () => Promise.reject(new Error('receiver down'))).catch((error: unknown) => error);
    expect(last).not.toBeInstanceOf(RetryAfterError);
    expect((last as Error).message).toBe('receiver down');
  });

  it('passes results through', async () => {
    expect(await withRetrySchedule(JOBS['events.relay'].retry, 0, async () => 7)).toBe(7);
  });
});

describe('enqueue on Inngest', () => {
  it('sends an event named like the job, deduplicated by singletonKey and delayed by startAfterSeconds', async () => {
    vi.stubEnv('INNGEST_DEV', '1');
    const before = Date.now();
    expect(await enqueue('event.dispatch', { eventId: 'evt_1' }, { singletonKey: 'evt_1', startAfterSeconds: 60 })).toEqual(expect.any(String));
    expect(sent).toEqual([{ name: 'event.dispatch', data: { eventId: 'evt_1' }, id: 'event.dispatch:evt_1', ts: expect.any(Number) }]);
    expect(sent[0].ts).toBeGreaterThanOrEqual(before + 60_000);
  });

  it('refuses a payload that fails the job schema, and sends nothing', async () => {
    vi.stubEnv('INNGEST_DEV', '1');
    // A caller that got around the types (JSON, a cast) is caught at the door.
    const bad = { eventId: 42 } as unknown as { eventId: string };
    await expect(enqueue('event.dispatch', bad)).rejects.toThrow('jobs: invalid event.dispatch payload: eventId: Invalid input: expected string, received number');
    expect(sent).toEqual([]);
  });
});

describe('/api/inngest', () => {
  it('answers 404 problem+json when Inngest is not configured', async () => {
    vi.resetModules();
    const route = await import('../../app/api/inngest/route.ts');
    const response = await route.GET(new NextRequest('http://localhost:3000/api/inngest'), { params: Promise.resolve({}) });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'inngest_not_configured' });
  });

  it('serves the functions when Inngest is configured', async () => {
    vi.stubEnv('INNGEST_DEV', '1');
    vi.resetModules();
    const route = await import('../../app/api/inngest/route.ts');
    const response = await route.GET(new NextRequest('http://localhost:3000/api/inngest'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ function_count: functions.length });
  });
});
