import PgBoss from 'pg-boss';
import { inngest } from '../../inngest/client.ts';
import { jobsBackend, type JobsBackend } from './backend.ts';
import { jobIdFor } from './job-id.ts';
import { JOBS, JOB_NAMES, retryDelaySeconds, type JobName, type JobPayloads, type RetryPolicy } from './job-types.ts';

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
// into "failed" too: nothing is dropped silently.

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: { attempt: number }) => Promise<unknown>;

export interface EnqueueOptions {
  startAfterSeconds?: number;
  /** Jobs with the same name and key are sent once: a repeat is a no-op (pg-boss) or deduplicated by Inngest (24 h). */
  singletonKey?: string;
}

export interface StartJobsOptions {
  /** How often an idle pg-boss worker polls for new jobs. */
  pollingIntervalSeconds?: number;
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
  boss?: PgBoss;
  starting?: Promise<void>;
  pollingIntervalSeconds: number;
  logged: boolean;
}

// Next loads modules once per bundle (instrumentation, each route): the queue started by
// instrumentation.ts must be the one every route enqueues on, so it lives on globalThis.
const holder = globalThis as unknown as { __waypointJobs?: State };

function state(): State {
  holder.__waypointJobs ??= { workers: new Map(), pollingIntervalSeconds: 2, logged: false };
  return holder.__waypointJobs;
}

export async function enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<string | null> {
  if (jobsBackend() === 'inngest') {
    const { ids } = await inngest.send({
      name,
      data: payload,
      ...(options.singletonKey ? { id: `${name}:${options.singletonKey}` } : {}),
      ...(options.startAfterSeconds ? { ts: Date.now() + options.startAfterSeconds * 1000 } : {}),
    });
    return ids[0] ?? null;
  }
  const boss = state().boss;
  if (!boss) throw new Error(`jobs: cannot enqueue ${name}: the PostgreSQL queue is not started in this process (startJobs())`);
  return send(boss, name, { payload, attempt: 0 }, options);
}

/** Runs `handler` for jobs named `name` on pg-boss. On Inngest the functions in inngest/ run instead. */
export async function registerWorker<N extends JobName>(name: N, handler: JobHandler<N>, options: { retry?: RetryPolicy } = {}): Promise<void> {
  const s = state();
  if (s.workers.has(name)) throw new Error(`jobs: a worker for ${name} is already registered`);
  const worker: Worker = { handler: handler as JobHandler<JobName>, retry: options.retry ?? JOBS[name].retry };
  s.workers.set(name, worker);
  if (s.boss) await work(s.boss, name, worker, s.pollingIntervalSeconds);
}

export async function startJobs(options: StartJobsOptions = {}): Promise<JobsBackend> {
  const s = state();
  const backend = jobsBackend();
  if (!s.logged) {
    s.logged = true;
    console.log(backend === 'inngest' ? 'jobs: running on Inngest (served at /api/inngest)' : 'jobs: running on pg-boss in PostgreSQL (schema "pgboss"); set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY to use Inngest');
  }
  if (backend === 'inngest') return backend;
  if (options.pollingIntervalSeconds) s.pollingIntervalSeconds = options.pollingIntervalSeconds;
  s.starting ??= startBoss(s).catch((error: unknown) => {
    s.starting = undefined;
    throw error;
  });
  await s.starting;
  return backend;
}

/** Lets running jobs finish (up to 10 s) and closes the queue's connections. */
export async function stopJobs(): Promise<void> {
  const s = state();
  const boss = s.boss;
  s.boss = undefined;
  s.starting = undefined;
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}

async function startBoss(s: State): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('jobs: DATABASE_URL is not set, so the PostgreSQL queue cannot start');
  const boss = new PgBoss({ connectionString, schema: 'pgboss', application_name: 'waypoint-jobs', max: 4 });
  boss.on('error', (error) => console.error('jobs: pg-boss error', error));
  await boss.start();
  for (const name of JOB_NAMES) await boss.createQueue(name, { name, retryLimit: 0 });
  for (const name of JOB_NAMES) {
    const cron = JOBS[name].cron;
    if (cron) await boss.schedule(name, cron, { payload: {}, attempt: 0 }, { tz: 'UTC', retryLimit: 0 });
  }
  for (const [name, worker] of s.workers) await work(boss, name, worker, s.pollingIntervalSeconds);
  s.boss = boss;
}

function send<N extends JobName>(boss: PgBoss, name: N, data: AttemptData<N>, options: EnqueueOptions): Promise<string | null> {
  return boss.send(name, data, {
    retryLimit: 0,
    ...(options.singletonKey ? { id: jobIdFor(name, options.singletonKey), singletonKey: options.singletonKey } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  });
}

async function work(boss: PgBoss, name: JobName, worker: Worker, pollingIntervalSeconds: number): Promise<void> {
  // One job per fetch: pg-boss completes or fails a whole fetched batch at once.
  await boss.work<AttemptData<JobName>>(name, { batchSize: 1, pollingIntervalSeconds }, ([job]) => runAttempt(boss, name, worker, job));
}

async function runAttempt(boss: PgBoss, name: JobName, worker: Worker, job: PgBoss.Job<AttemptData<JobName>>): Promise<unknown> {
  const { payload, attempt } = job.data;
  try {
    return await worker.handler(payload, { attempt });
  } catch (error) {
    if (attempt >= worker.retry.retries) throw error;
    const delay = retryDelaySeconds(worker.retry, attempt);
    // Keyed by this job's id, so a redelivered attempt schedules its retry only once.
    const retryJobId = await send(boss, name, { payload, attempt: attempt + 1 }, { startAfterSeconds: delay, singletonKey: `${job.id}:retry` });
    return { failedAttempt: attempt, error: error instanceof Error ? error.message : String(error), retryJobId, retryInSeconds: delay };
  }
}
