import { InngestTestEngine, mockCtx } from '@inngest/test';
import { RetryAfterError, type Context } from 'inngest';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { enqueue } from '../../lib/jobs/queue.ts';
import { relayOutbox } from '../../lib/jobs/relay-outbox.ts';
import { dispatchEventFunction } from '../../inngest/dispatch-event.ts';
import { functions } from '../../inngest/functions.ts';
import { relayOutboxFunction } from '../../inngest/relay-outbox.ts';
import { withRetrySchedule } from '../../inngest/retry-schedule.ts';
import { createTenant } from '../support/factories.ts';

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

describe('Inngest functions', () => {
  it('exports both functions for the route to serve', () => {
    expect(functions.map((fn) => fn.id())).toEqual(['events-relay', 'event-dispatch']);
  });

  it('the relay function runs relayOutbox in its relay step', async () => {
    const t = new InngestTestEngine({ function: relayOutboxFunction, transformCtx: withMockedSteps });
    const { result, ctx } = await t.execute({ events: [{ name: 'events.relay', data: {} }] });
    expect(result).toBe(3);
    expect(ctx.step.run).toHaveBeenCalledWith('relay', expect.any(Function));
    expect(relayOutbox).toHaveBeenCalled();
  });

  it('the dispatch function runs the dispatch service in its dispatch step', async () => {
    const tenant = await createTenant();
    const eventId = await emitEvent(db, tenant.id, 'habit.deleted', { habitId: 'h1', name: 'Run' });
    const t = new InngestTestEngine({ function: dispatchEventFunction, transformCtx: withMockedSteps });
    const { result, ctx } = await t.execute({ events: [{ name: 'event.dispatch', data: { eventId } }] });
    expect(result).toEqual({ eventId, type: 'habit.deleted' });
    expect(ctx.step.run).toHaveBeenCalledWith('dispatch', expect.any(Function));
    const step = await t.executeStep('dispatch', { events: [{ name: 'event.dispatch', data: { eventId } }] });
    expect(step.result).toBe('habit.deleted');
  });

  it('the dispatch of a deleted event finds nothing to deliver', async () => {
    const t = new InngestTestEngine({ function: dispatchEventFunction, transformCtx: withMockedSteps });
    const { result } = await t.execute({ events: [{ name: 'event.dispatch', data: { eventId: 'evt_gone' } }] });
    expect(result).toEqual({ eventId: 'evt_gone', type: null });
  });
});

describe('retry schedule on Inngest', () => {
  it('asks Inngest to retry after the delay of the failed attempt', async () => {
    const fail = () => Promise.reject(new Error('receiver down'));
    // event.dispatch: 5 retries, delays 10 s, 60 s, 300 s, 1800 s, 7200 s.
    const first = await withRetrySchedule('event.dispatch', 0, fail).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(RetryAfterError);
    expect((first as RetryAfterError).retryAfter).toBe('10');
    const third = await withRetrySchedule('event.dispatch', 2, fail).catch((error: unknown) => error);
    expect((third as RetryAfterError).retryAfter).toBe('300');
  });

  it('lets the last attempt fail with the original error', async () => {
    const last = await withRetrySchedule('event.dispatch', 5, () => Promise.reject(new Error('receiver down'))).catch((error: unknown) => error);
    expect(last).not.toBeInstanceOf(RetryAfterError);
    expect((last as Error).message).toBe('receiver down');
  });

  it('passes results through', async () => {
    expect(await withRetrySchedule('events.relay', 0, async () => 7)).toBe(7);
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
});

describe('/api/inngest', () => {
  it('answers 404 problem+json when Inngest is not configured', async () => {
    vi.resetModules();
    const route = await import('../../app/api/inngest/route.ts');
    const response = await route.GET(new NextRequest('http://localhost:3000/api/inngest'), undefined);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'inngest_not_configured' });
  });

  it('serves the functions when Inngest is configured', async () => {
    vi.stubEnv('INNGEST_DEV', '1');
    vi.resetModules();
    const route = await import('../../app/api/inngest/route.ts');
    const response = await route.GET(new NextRequest('http://localhost:3000/api/inngest'), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ function_count: 2 });
  });
});
