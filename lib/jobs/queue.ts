import PgBoss from 'pg-boss';
import { inngest } from '../../inngest/client.ts';
import { jobsBackend, type JobsBackend } from './backend.ts';
import { jobIdFor } from './job-id.ts';
import { releaseKeySlot, takeKeySlot } from './key-slots.ts';
import { QueueRunner } from './queue-runner.ts';
import { InvalidJobPayloadError, parseJobPayload, retryDelaySeconds, type JobContext, type RetryPolicy } from './define-job.ts';
import { JOBS, JOB_NAMES, RETIRED_CRON_JOBS } from './jobs.ts';
import type { JobName, JobPayloads } from './job-types.ts';
import { env } from '../config/env.ts';
import { logger } from '../observability/logger.ts';

// One interface over two queues. With Inngest configured, enqueue() sends an Inngest event
// named like the job and the functions in inngest/ run it. Otherwise pg-boss runs the jobs
// on the app's PostgreSQL (schema "pgboss", which pg-boss creates and migrates itself).
//
// Retries on pg-boss: JOBS gives each job an explicit schedule (delaysSeconds), which
// pg-boss's own retryDelay/retryBackoff cannot express, so every pg-boss job is sent with
// retryLimit 0 and the worker re-sends a failed attempt itself as a new job with
// startAfter = the schedule's delay and { attempt + 1 }. A failed attempt that is retried
// completes with its error in the job's output; the last attempt's error fails the job, and
// pg-boss keeps it in state "failed". A worker that dies mid-job leaves the job to expire
// into "failed" too: nothing is dropped silently. A payload its job's schema refuses is
// refused by enqueue, and fails at once if it gets into the queue anyway (no retry can fix it).

/** PostgreSQL connections of the queue that runs jobs, and of a send-only one (README, "Scaling out"). */
export const JOBS_POOL_SIZE = 8;
export const SENDER_POOL_SIZE = 2;

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<unknown>;

export interface EnqueueOptions {
  startAfterSeconds?: number;
  /** Jobs with the same name and key are sent once: a repeat is a no-op (pg-boss) or deduplicated by Inngest (24 h). */
  singletonKey?: string;
}

export interface StartJobsOptions {
  /** How often an idle pg-boss worker polls for new jobs. */
  pollingIntervalSeconds?: number;
  /** pg-boss's schema (default "pgboss"); tests that run workers of their own keep them apart with another. */
  schema?: string;
}

/** What a pg-boss job carries: the payload and which attempt (0 = first) it is. */
interface AttemptData<N extends JobName> {
  payload: JobPayloads[N];
  attempt: number;
}

interface Worker {
  handler: JobHandler<JobName>;
  retry: RetryPolicy;
}

interface State {
  workers: Map<JobName, Worker>;
  /** The runner of each queue with a worker in this process, to wake when a job is sent here. */
  runners: Map<JobName, QueueRunner<AttemptData<JobName>>>;
  boss?: PgBoss;
  starting?: Promise<void>;
  /** A send-only queue, for a process that enqueues but runs no workers (web servers with JOBS_IN_SERVER=false). */
  producer?: Promise<PgBoss>;
  pollingIntervalSeconds: number;
  schema: string;
  logged: boolean;
}

// Next loads modules once per bundle (instrumentation, each route): the queue started by
// instrumentation.ts must be the one every route enqueues on, so it lives on globalThis.
const holder = globalThis as unknown as { __waypointJobs?: State };

function state(): State {
  holder.__waypointJobs ??= { workers: new Map(), runners: new Map(), pollingIntervalSeconds: 2, schema: 'pgboss', logged: false };
  return holder.__waypointJobs;
}

export async function enqueue<N extends JobName>(name: N, input: JobPayloads[N], options: EnqueueOptions = {}): Promise<string | null> {
  const payload = parseJobPayload(JOBS[name], input);
  if (jobsBackend() === 'inngest') {
    const { ids } = await inngest.send({
      name,
      data: payload,
      ...(options.singletonKey ? { id: `${name}:${options.singletonKey}` } : {}),
      ...(options.startAfterSeconds ? { ts: Date.now() + options.startAfterSeconds * 1000 } : {}),
    });
    return ids[0] ?? null;
  }
  const s = state();
  return send(s, await sendingQueue(s), name, { payload, attempt: 0 }, options);
}

/**
 * The queue jobs are sent on: the one startJobs() started, or else a send-only one. A web
 * server whose jobs run in a worker process (JOBS_IN_SERVER=false) still enqueues (webhook
 * replays, test events): it must not need workers to do so.
 */
function sendingQueue(s: State): Promise<PgBoss> {
  if (s.boss) return Promise.resolve(s.boss);
  s.producer ??= (async () => {
    const connectionString = env().DATABASE_URL;
    if (!connectionString) throw new Error('jobs: DATABASE_URL is not set, so the PostgreSQL queue cannot be used');
    // No supervision (expiring, archiving) and no cron scheduling here: the workers' queue does that.
    const boss = new PgBoss({ connectionString, schema: s.schema, application_name: 'waypoint-jobs-sender', max: SENDER_POOL_SIZE, supervise: false, schedule: false });
    boss.on('error', (error) => logger().error({ err: error }, 'jobs: pg-boss error (sender)'));
    await boss.start();
    for (const name of JOB_NAMES) await boss.createQueue(name, { name, retryLimit: 0 });
    return boss;
  })().catch((error: unknown) => {
    s.producer = undefined;
    throw error;
  });
  return s.producer;
}

/** Sends many jobs of one kind in one round trip (one insert on pg-boss, one request to Inngest). */
export async function enqueueMany<N extends JobName>(name: N, input: { payload: JobPayloads[N]; singletonKey: string }[]): Promise<void> {
  if (input.length === 0) return;
  const jobs = input.map(({ payload, singletonKey }) => ({ payload: parseJobPayload(JOBS[name], payload), singletonKey }));
  if (jobsBackend() === 'inngest') {
    await inngest.send(jobs.map(({ payload, singletonKey }) => ({ name, data: payload, id: `${name}:${singletonKey}` })));
    return;
  }
  const s = state();
  const boss = await sendingQueue(s);
  await boss.insert(
    jobs.map(({ payload, singletonKey }) => ({ id: jobIdFor(name, singletonKey), name, singletonKey, retryLimit: 0, data: { payload, attempt: 0 } satisfies AttemptData<N> })),
  );
  wake(s, name);
}

/** Runs `handler` for jobs named `name` on pg-boss (start.ts registers each definition's). On Inngest the functions in inngest/functions.ts run instead. */
export async function registerWorker<N extends JobName>(name: N, handler: JobHandler<N>, options: { retry?: RetryPolicy } = {}): Promise<void> {
  const s = state();
  if (s.workers.has(name)) throw new Error(`jobs: a worker for ${name} is already registered`);
  const worker: Worker = { handler: handler as JobHandler<JobName>, retry: options.retry ?? JOBS[name].retry };
  s.workers.set(name, worker);
  if (s.boss) work(s, s.boss, name, worker);
}

export async function startJobs(options: StartJobsOptions = {}): Promise<JobsBackend> {
  const s = state();
  const backend = jobsBackend();
  if (!s.logged) {
    s.logged = true;
    if (backend === 'inngest') logger().info({ backend }, 'jobs: running on Inngest (served at /api/inngest)');
    else logger().info({ backend, schema: options.schema ?? s.schema }, 'jobs: running on pg-boss in PostgreSQL; set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY to use Inngest');
  }
  if (backend === 'inngest') return backend;
  if (options.pollingIntervalSeconds) s.pollingIntervalSeconds = options.pollingIntervalSeconds;
  if (options.schema) s.schema = options.schema;
  s.starting ??= startBoss(s).catch((error: unknown) => {
    s.starting = undefined;
    throw error;
  });
  await s.starting;
  return backend;
}

/** For readiness checks: resolves when this process's pg-boss queue is started and its database answers. */
export async function pingQueue(): Promise<void> {
  const boss = state().boss;
  if (!boss) throw new Error('the PostgreSQL job queue is not started in this process');
  if (!(await boss.getQueue('events.relay'))) throw new Error('the PostgreSQL job queue has no events.relay queue');
}

/** Lets running jobs finish (up to 10 s) and closes the queue's connections. */
export async function stopJobs(): Promise<void> {
  const s = state();
  const boss = s.boss;
  const producer = s.producer;
  s.boss = undefined;
  s.starting = undefined;
  s.producer = undefined;
  const runners = [...s.runners.values()];
  s.runners.clear();
  await Promise.all(runners.map((runner) => runner.stop(10_000)));
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  await (await producer?.catch(() => undefined))?.stop({ graceful: false, wait: true });
}

async function startBoss(s: State): Promise<void> {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error('jobs: DATABASE_URL is not set, so the PostgreSQL queue cannot start');
  const boss = new PgBoss({ connectionString, schema: s.schema, application_name: 'waypoint-jobs', max: JOBS_POOL_SIZE });
  boss.on('error', (error) => logger().error({ err: error }, 'jobs: pg-boss error'));
  await boss.start();
  for (const name of JOB_NAMES) await boss.createQueue(name, { name, retryLimit: 0 });
  for (const name of RETIRED_CRON_JOBS) await boss.unschedule(name);
  for (const name of JOB_NAMES) {
    const cron = JOBS[name].cron;
    if (cron) await boss.schedule(name, cron, { payload: {}, attempt: 0 }, { tz: 'UTC', retryLimit: 0 });
  }
  for (const [name, worker] of s.workers) work(s, boss, name, worker);
  s.boss = boss;
}

async function send<N extends JobName>(s: State, boss: PgBoss, name: N, data: AttemptData<N>, options: EnqueueOptions): Promise<string | null> {
  const id = await boss.send(name, data, {
    retryLimit: 0,
    ...(options.singletonKey ? { id: jobIdFor(name, options.singletonKey), singletonKey: options.singletonKey } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  });
  if (id && !options.startAfterSeconds) wake(s, name);
  return id;
}

// A job due now starts at once on this process's workers instead of at their next poll.
function wake(s: State, name: JobName): void {
  s.runners.get(name)?.wake();
}

function work(s: State, boss: PgBoss, name: JobName, worker: Worker): void {
  const runner = new QueueRunner<AttemptData<JobName>>(boss, {
    name,
    concurrency: JOBS[name].concurrency ?? 1,
    pollingIntervalSeconds: s.pollingIntervalSeconds,
    run: (job, { aside }) => runFairly(s, boss, name, worker, job, aside),
    onError: (error) => logger().error({ err: error, job: name }, 'jobs: pg-boss error'),
  });
  s.runners.set(name, runner);
  runner.start();
}

/** How long an attempt whose fairness key is at its limit in this process waits before it is fetched again. */
const KEY_WAIT_SECONDS = 2;

// An attempt whose key (a connection, a workspace) already has its limit in flight here goes
// back to the queue as a new job with the same attempt number, and frees the worker for others.
async function runFairly(s: State, boss: PgBoss, name: JobName, worker: Worker, job: PgBoss.Job<AttemptData<JobName>>, aside: JobContext['aside']): Promise<unknown> {
  const fairness = JOBS[name].fairness;
  const value: unknown = fairness ? (job.data.payload as Record<string, unknown>)[fairness.key] : undefined;
  if (!fairness || typeof value !== 'string') return runAttempt(s, boss, name, worker, job, aside);
  if (!takeKeySlot(name, value, fairness.limit)) {
    const waitJobId = await send(s, boss, name, job.data, { startAfterSeconds: KEY_WAIT_SECONDS, singletonKey: `${job.id}:wait` });
    return { waitedFor: fairness.key, waitJobId, retryInSeconds: KEY_WAIT_SECONDS };
  }
  try {
    return await runAttempt(s, boss, name, worker, job, aside);
  } finally {
    releaseKeySlot(name, value);
  }
}

async function runAttempt(s: State, boss: PgBoss, name: JobName, worker: Worker, job: PgBoss.Job<AttemptData<JobName>>, aside: JobContext['aside']): Promise<unknown> {
  const { payload, attempt } = job.data;
  // Payload ids (tenantId, eventId, deliveryId…) say which work it was; never the whole payload.
  const fields = { job: name, jobId: job.id, attempt, ...payloadIds(payload) };
  try {
    return await worker.handler(parseJobPayload(JOBS[name], payload), { attempt, aside });
  } catch (error) {
    if (error instanceof InvalidJobPayloadError) {
      logger().error({ ...fields, err: error }, 'jobs: invalid payload; not retried');
      throw error;
    }
    if (attempt >= worker.retry.retries) {
      logger().error({ ...fields, err: error }, 'jobs: job failed; no retries left');
      throw error;
    }
    const delay = retryDelaySeconds(worker.retry, attempt);
    // Keyed by this job's id, so a redelivered attempt schedules its retry only once.
    const retryJobId = await send(s, boss, name, { payload, attempt: attempt + 1 }, { startAfterSeconds: delay, singletonKey: `${job.id}:retry` });
    logger().warn({ ...fields, err: error, retryJobId, retryInSeconds: delay }, 'jobs: attempt failed; retrying');
    return { failedAttempt: attempt, error: error instanceof Error ? error.message : String(error), retryJobId, retryInSeconds: delay };
  }
}

/** The payload's identifiers (string fields named like "tenantId"), for log lines. */
function payloadIds(payload: unknown): Record<string, string> {
  if (!payload || typeof payload !== 'object') return {};
  return Object.fromEntries(Object.entries(payload).filter(([key, value]) => /Id$/.test(key) && typeof value === 'string'));
}
