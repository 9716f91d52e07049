import { logger } from '../observability/logger.ts';
import { jobsBackend, type JobsBackend } from './backend.ts';
import { JOB_DEFINITIONS } from './jobs.ts';
import { listenToOutbox, stopListeningToOutbox } from './outbox-listener.ts';
import { pingQueue, registerWorker, startJobs as startQueue, stopJobs as stopQueue, type StartJobsOptions } from './queue.ts';

// Once per process, even if Next evaluates this module in more than one bundle.
const holder = globalThis as unknown as { __waypointJobsStart?: Promise<JobsBackend>; __waypointWorkers?: Promise<void>; __waypointJobsStatus?: JobsStatus };

/** Whether this process's jobs run, for readiness checks; lastError says why a start failed. */
interface JobsStatus {
  running: boolean;
  lastError?: string;
}

function status(): JobsStatus {
  holder.__waypointJobsStatus ??= { running: false };
  return holder.__waypointJobsStatus;
}

function registerWorkers(): Promise<void> {
  holder.__waypointWorkers ??= (async () => {
    for (const definition of JOB_DEFINITIONS) await registerWorker(definition.name, (payload, context) => definition.run(payload, context));
  })();
  return holder.__waypointWorkers;
}

/**
 * Starts the app's jobs: on pg-boss, a worker per job definition (jobs.ts) and the cron
 * schedules; on Inngest, nothing runs here (Inngest calls /api/inngest). Either way, committed
 * domain events wake the outbox relay. A failed start (database unreachable) can be retried.
 */
export function startJobs(options: StartJobsOptions = {}): Promise<JobsBackend> {
  holder.__waypointJobsStart ??= (async () => {
    await registerWorkers();
    const backend = await startQueue(options);
    listenToOutbox();
    Object.assign(status(), { running: true, lastError: undefined });
    return backend;
  })().catch((error: unknown) => {
    holder.__waypointJobsStart = undefined;
    status().lastError = error instanceof Error ? error.message : String(error);
    throw error;
  });
  return holder.__waypointJobsStart;
}

/**
 * For the app server: starts the jobs without holding up the server, retrying with backoff
 * while the database is unreachable. Events wait in the outbox meanwhile; nothing is lost.
 */
export function startJobsInBackground(attempt = 0): void {
  startJobs().catch((error: unknown) => {
    const delay = Math.min(60_000, 1000 * 2 ** attempt);
    logger().error({ err: error, attempt, retryInSeconds: delay / 1000 }, 'jobs: could not start; retrying');
    setTimeout(() => startJobsInBackground(attempt + 1), delay).unref();
  });
}

/** Stops what startJobs started (tests, and a worker process shutting down). */
export async function stopJobs(): Promise<void> {
  status().running = false;
  await stopListeningToOutbox();
  await stopQueue();
}

/**
 * For readiness checks of a process that runs the jobs: resolves when they have started and
 * (on pg-boss) the queue's database answers; throws while they are starting or cannot start.
 */
export async function checkJobs(): Promise<void> {
  // pg-boss: the queue itself says whether it runs here; Inngest runs nothing in this process
  // but the outbox relay's wake-ups, which start with the jobs.
  if (jobsBackend() === 'pg-boss') return pingQueue();
  const { running, lastError } = status();
  if (!running) throw new Error(lastError ? `the jobs could not start: ${lastError}` : 'the jobs are starting');
}
