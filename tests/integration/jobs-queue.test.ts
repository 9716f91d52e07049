import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { JOB_DEFINITIONS } from '../../lib/jobs/jobs.ts';
import { enqueue, registerWorker, startJobs, stopJobs } from '../../lib/jobs/queue.ts';
import { logger } from '../../lib/observability/logger.ts';
import { uniqueSlug } from '../support/factories.ts';

// The pg-boss backend on the test database, with a stand-in event.dispatch worker. It runs in
// a schema of its own: the app's real workers (webhooks-pipeline.test.ts) use "pgboss" on the
// same database at the same time, and each file must get only its own jobs.
const SCHEMA = 'pgboss_queue_test';

const dispatched: string[] = [];
const attempts = new Map<string, number[]>();

// A stand-in integrations.sync (fairness: one at a time per connection): each run waits for
// the test to open its connection's gate.
const syncs = { running: new Map<string, number>(), most: new Map<string, number>(), done: [] as string[], gates: new Map<string, () => void>() };
const gate = (connectionId: string) => new Promise<void>((resolve) => syncs.gates.set(connectionId, resolve));

interface JobRow {
  state: string;
  attempt: number;
  output: { failedAttempt?: number; error?: string; message?: string } | null;
}

function dispatchJobsFor(eventId: string): Promise<JobRow[]> {
  return db.$queryRaw<JobRow[]>`
    SELECT state::text AS state, (data->>'attempt')::int AS attempt, output
    FROM pgboss_queue_test.job
    WHERE name = 'event.dispatch' AND data->'payload'->>'eventId' = ${eventId}
    ORDER BY (data->>'attempt')::int`;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}


beforeAll(async () => {
  await registerWorker(
    'event.dispatch',
    async ({ eventId }, { attempt }) => {
      attempts.set(eventId, [...(attempts.get(eventId) ?? []), attempt]);
      if (eventId.startsWith('fail_')) throw new Error(`dispatch of ${eventId} failed`);
      dispatched.push(eventId);
      return { eventId };
    },
    { retry: { retries: 2, delaysSeconds: [1, 1] } },
  );
  await registerWorker('integrations.sync', async ({ connectionId }) => {
    const running = (syncs.running.get(connectionId) ?? 0) + 1;
    syncs.running.set(connectionId, running);
    syncs.most.set(connectionId, Math.max(running, syncs.most.get(connectionId) ?? 0));
    await (connectionId.startsWith('slow_') ? gate(connectionId) : Promise.resolve());
    syncs.running.set(connectionId, (syncs.running.get(connectionId) ?? 1) - 1);
    syncs.done.push(connectionId);
    return { connectionId };
  });
  expect(await startJobs({ pollingIntervalSeconds: 0.5, schema: SCHEMA })).toBe('pg-boss');
});

afterAll(async () => {
  await stopJobs();
});

describe('jobs on pg-boss', () => {
  it('creates its schema and the cron schedule of the relay', async () => {
    const schedules = await db.$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM pgboss_queue_test.schedule WHERE name = 'events.relay'`;
    expect(schedules).toEqual([{ name: 'events.relay', cron: '* * * * *' }]);
  });

  it('schedules exactly the cron jobs of the definitions, on their crons in UTC, and has a queue for every job', async () => {
    const schedules = await db.$queryRaw<{ name: string; cron: string; timezone: string }[]>`SELECT name, cron, timezone FROM pgboss_queue_test.schedule ORDER BY name`;
    const crons = JOB_DEFINITIONS.flatMap(({ name, cron }) => (cron ? [{ name, cron, timezone: 'UTC' }] : []));
    expect(schedules).toEqual(crons.sort((a, b) => (a.name < b.name ? -1 : 1)));
    // pg-boss's own queues start with "__pgboss__".
    const queues = await db.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss_queue_test.queue WHERE name NOT LIKE '\_\_pgboss\_\_%'`;
    expect(queues.map((queue) => queue.name).sort()).toEqual(JOB_DEFINITIONS.map((definition) => definition.name).sort());
  });

  it('refuses to enqueue a payload that fails the job schema', async () => {
    const bad = { eventId: '' };
    await expect(enqueue('event.dispatch', bad)).rejects.toThrow('jobs: invalid event.dispatch payload: eventId: Too small');
    expect(await dispatchJobsFor('')).toEqual([]);
  });

  it('fails a malformed job that got into the queue at once, without running or retrying it', async () => {
    const error = vi.spyOn(logger(), 'error');
    const eventId = `bad_${uniqueSlug()}`;
    // Sent around enqueue (an old release's job, a hand-made row): one with fields the schema
    // does not know, which are dropped, and one whose eventId is not a string.
    await db.$executeRaw`INSERT INTO pgboss_queue_test.job (name, data, retry_limit) VALUES ('event.dispatch', ${JSON.stringify({ payload: { eventId, extra: 1, attempt: 'x' }, attempt: 0 })}::jsonb, 0)`;
    await db.$executeRaw`INSERT INTO pgboss_queue_test.job (name, data, retry_limit) VALUES ('event.dispatch', ${JSON.stringify({ payload: { eventId: [eventId] }, attempt: 0 })}::jsonb, 0)`;
    const jobs = await waitFor(
      () => db.$queryRaw<JobRow[]>`SELECT state::text AS state, (data->>'attempt')::int AS attempt, output FROM pgboss_queue_test.job WHERE data::text LIKE ${`%${eventId}%`}`,
      (rows) => rows.length === 2 && rows.every((row) => row.state !== 'created' && row.state !== 'active'),
    );
    // The first is valid (unknown fields are dropped): it ran. The second never reached the worker.
    expect(jobs.map((job) => job.state).sort()).toEqual(['completed', 'failed']);
    expect(jobs.find((job) => job.state === 'failed')?.output).toMatchObject({ message: 'jobs: invalid event.dispatch payload: eventId: Invalid input: expected string, received array' });
    expect(attempts.get(eventId)).toEqual([0]);
    // No retry was sent: still two rows a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss_queue_test.job WHERE data::text LIKE ${`%${eventId}%`}`).toEqual([{ n: 2 }]);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ job: 'event.dispatch', attempt: 0 }), 'jobs: invalid payload; not retried');
    error.mockRestore();
  });

  it('runs an enqueued job on the registered worker', async () => {
    const eventId = `ok_${uniqueSlug()}`;
    expect(await enqueue('event.dispatch', { eventId })).toEqual(expect.any(String));
    await waitFor(async () => dispatched.includes(eventId), Boolean);
    expect(dispatched).toContain(eventId);
    const jobs = await waitFor(() => dispatchJobsFor(eventId), (rows) => rows[0]?.state === 'completed');
    expect(jobs.map((job) => job.state)).toEqual(['completed']);
  });

  it('sends a job with the same singletonKey once', async () => {
    const eventId = `ok_${uniqueSlug()}`;
    const first = await enqueue('event.dispatch', { eventId }, { singletonKey: eventId, startAfterSeconds: 1 });
    const second = await enqueue('event.dispatch', { eventId }, { singletonKey: eventId });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await dispatchJobsFor(eventId)).toHaveLength(1);
  });

  it('retries a failing job on its schedule and keeps the last attempt as failed', async () => {
    const eventId = `fail_${uniqueSlug()}`;
    const warn = vi.spyOn(logger(), 'warn');
    const error = vi.spyOn(logger(), 'error');
    const started = Date.now();
    await enqueue('event.dispatch', { eventId });
    const jobs = await waitFor(() => dispatchJobsFor(eventId), (rows) => rows.length === 3 && rows[2].state === 'failed');
    expect(attempts.get(eventId)).toEqual([0, 1, 2]);
    expect(jobs.map((job) => [job.attempt, job.state])).toEqual([
      [0, 'completed'],
      [1, 'completed'],
      [2, 'failed'],
    ]);
    expect(jobs[0].output).toMatchObject({ failedAttempt: 0, error: `dispatch of ${eventId} failed` });
    expect(jobs[2].output).toMatchObject({ message: `dispatch of ${eventId} failed` });
    // Two one-second delays between the three attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    // Each failure is one structured log line that names the job and its event.
    const lines = (spy: typeof warn) => spy.mock.calls.map(([fields, message]) => ({ fields, message })).filter(({ fields }) => (fields as { eventId?: string }).eventId === eventId);
    const retries = lines(warn);
    expect(retries.map(({ fields }) => (fields as { attempt: number }).attempt)).toEqual([0, 1]);
    expect(retries[0]).toEqual({
      message: 'jobs: attempt failed; retrying',
      fields: expect.objectContaining({ job: 'event.dispatch', jobId: expect.any(String), eventId, attempt: 0, retryInSeconds: 1, err: expect.any(Error) }),
    });
    expect(lines(error)).toEqual([{ message: 'jobs: job failed; no retries left', fields: expect.objectContaining({ job: 'event.dispatch', eventId, attempt: 2 }) }]);
    warn.mockRestore();
    error.mockRestore();
  });

  it('keeps to the fairness limit of a job per key in the process, while other keys run', async () => {
    const slow = `slow_${uniqueSlug()}`;
    const other = `fast_${uniqueSlug()}`;
    for (let i = 0; i < 3; i += 1) await enqueue('integrations.sync', { connectionId: slow, reason: 'manual' });
    await enqueue('integrations.sync', { connectionId: other, reason: 'manual' });
    // The other connection's sync runs while the slow one holds its one slot.
    await waitFor(async () => syncs.done.includes(other), Boolean);
    expect(syncs.done).toContain(other);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(syncs.running.get(slow)).toBe(1);
    // The two that found the slot taken went back to the queue, to wait their turn.
    for (let i = 0; i < 3; i += 1) {
      await waitFor(async () => syncs.gates.has(slow), Boolean);
      syncs.gates.get(slow)!();
      syncs.gates.delete(slow);
      await waitFor(async () => syncs.done.filter((id) => id === slow).length, (n) => n === i + 1);
    }
    expect(syncs.done.filter((id) => id === slow)).toHaveLength(3);
    expect(syncs.most.get(slow)).toBe(1);
  });
});
