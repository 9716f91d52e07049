import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { functions, inngestFunctionId } from '../../inngest/functions.ts';
import type { JobHandler } from '../../lib/jobs/queue.ts';
import { registerWorker } from '../../lib/jobs/queue.ts';
import type { JobName, JobPayloads } from '../../lib/jobs/job-types.ts';
import { JOB_DEFINITIONS, JOB_NAMES, JOBS } from '../../lib/jobs/jobs.ts';
import { startJobs } from '../../lib/jobs/start.ts';

// Both runners come from the job definitions: this fails if a job runs on one and not the
// other, or if their retries, concurrency, fairness key or cron differ. The pg-boss side is
// what start.ts registers (the queue reads retries, concurrency and cron from the same
// definitions: jobs-queue.test.ts checks its schedules); the Inngest side is the functions the
// route serves, as created.

vi.mock('../../lib/jobs/queue.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/jobs/queue.ts')>()),
  registerWorker: vi.fn(async () => {}),
  startJobs: vi.fn(async () => 'pg-boss'),
}));
vi.mock('../../lib/jobs/outbox-listener.ts', () => ({ listenToOutbox: vi.fn(), stopListeningToOutbox: vi.fn(async () => {}) }));

/** A valid payload of every job; a new job must add one here. */
const SAMPLES: { [N in JobName]: JobPayloads[N] } = {
  'events.relay': {},
  'event.dispatch': { eventId: 'evt_1' },
  'webhook.deliver': { deliveryId: 'del_1', attempt: 1 },
  'webhook.deliver_slow': { deliveryId: 'del_1', attempt: 2, hop: 1 },
  'webhooks.sweep': {},
  'billing.report_usage': {},
  'billing.dunning_step': { tenantId: 'ten_1', invoiceId: 'in_1', step: 'day3' },
  'billing.dunning_catch_up': {},
  'billing.reset_usage': {},
  'billing.trials': {},
  'earnings.approve': {},
  'payouts.run': {},
  'support.close_resolved': {},
  'oidc.rotate_keys': {},
  'partners.app_health': {},
  'integrations.sync': { connectionId: 'con_1', reason: 'manual' },
  'integrations.refresh_tokens': {},
  'integrations.schedule_syncs': {},
  'integrations.notify': { messageId: 'msg_1' },
  'integrations.weekly_digest': {},
  'notifications.emails': {},
  'notifications.habit_reminders': {},
  'notifications.goal_due_dates': {},
  'retention.purge': {},
  'tenants.erase_scheduled': {},
  'privacy.export': { exportId: 'exp_1' },
  'insights.schedule': {},
  'insights.workspace': { tenantId: 'ten_1' },
  'insights.member': { tenantId: 'ten_1', userId: 'usr_1' },
};

interface InngestOptions {
  retries?: number;
  concurrency?: unknown;
  triggers?: unknown[];
}

const inngestOptions = (name: JobName) => functions.filter((fn) => fn.id() === inngestFunctionId(name)).map((fn) => (fn as unknown as { opts: InngestOptions }).opts);
const pgBossWorkers = (name: JobName) => vi.mocked(registerWorker).mock.calls.filter(([worker]) => worker === name);

beforeAll(async () => {
  // Each definition's handler stands in for the job, so the runners run no service here.
  for (const definition of JOB_DEFINITIONS) vi.spyOn(definition, 'run').mockImplementation(async (payload) => ({ ran: definition.name, payload }));
  await startJobs();
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe('job definitions', () => {
  it('name each job once', () => {
    expect(new Set(JOB_NAMES).size).toBe(JOB_DEFINITIONS.length);
    expect(Object.keys(SAMPLES).sort()).toEqual([...JOB_NAMES].sort());
  });

  it('give every job exactly one pg-boss worker and one Inngest function, and nothing else', () => {
    expect(vi.mocked(registerWorker).mock.calls.map(([name]) => name).sort()).toEqual([...JOB_NAMES].sort());
    expect(functions.map((fn) => fn.id()).sort()).toEqual(JOB_NAMES.map(inngestFunctionId).sort());
  });

  it.each(JOB_NAMES)('%s: the same retries, concurrency, fairness key and cron on both runners', (name) => {
    const { retry, cron, concurrency = 1, fairness } = JOBS[name];
    const [options, ...others] = inngestOptions(name);
    expect(others).toEqual([]);
    expect(options.retries).toBe(retry.retries);
    expect(options.concurrency).toEqual(fairness ? [{ limit: concurrency }, { key: `event.data.${fairness.key}`, limit: fairness.limit }] : { limit: concurrency });
    expect(options.triggers).toEqual(cron ? [{ cron: `TZ=UTC ${cron}` }, { event: name }] : [{ event: name }]);
    // pg-boss: no override of the definition's retries (the queue reads them, its concurrency and its cron from JOBS).
    const [worker, ...otherWorkers] = pgBossWorkers(name);
    expect(otherWorkers).toEqual([]);
    expect(worker).toHaveLength(2);
  });

  it.each(JOB_NAMES)('%s: both runners run the definition with the payload', async (name) => {
    const run = vi.mocked(JOBS[name].run);
    run.mockClear();
    const handler = pgBossWorkers(name)[0][1] as JobHandler<typeof name>;
    const aside = <R>(promise: Promise<R>) => promise;
    expect(await handler(SAMPLES[name], { attempt: 2, aside })).toEqual({ ran: name, payload: SAMPLES[name] });
    expect(run).toHaveBeenLastCalledWith(SAMPLES[name], { attempt: 2, aside });

    const fn = functions.find((candidate) => candidate.id() === inngestFunctionId(name))!;
    const { result, ctx } = await new InngestTestEngine({ function: fn }).execute({ events: [{ name, data: SAMPLES[name] }] });
    expect(result).toEqual({ ran: name, payload: SAMPLES[name] });
    expect(ctx.step.run).toHaveBeenCalledWith(name, expect.any(Function));
    expect(run).toHaveBeenLastCalledWith(SAMPLES[name], { attempt: 0, aside: expect.any(Function) });
  });
});
