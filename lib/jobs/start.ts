import { attemptDelivery } from '../webhooks/attempt-delivery.ts';
import { sweepDeliveries } from '../webhooks/sweep-deliveries.ts';
import type { JobsBackend } from './backend.ts';
import { dispatchEvent } from './dispatch-event.ts';
import { listenToOutbox, stopListeningToOutbox } from './outbox-listener.ts';
import { registerWorker, startJobs as startQueue, stopJobs as stopQueue, type StartJobsOptions } from './queue.ts';
import { relayOutbox } from './relay-outbox.ts';

// Once per process, even if Next evaluates this module in more than one bundle.
const holder = globalThis as unknown as { __waypointJobsStart?: Promise<JobsBackend> };

/**
 * Starts the app's jobs: on pg-boss, the workers below and the cron schedules; on Inngest,
 * nothing runs here (Inngest calls /api/inngest). Either way, committed domain events wake
 * the outbox relay. Called by instrumentation.ts when the server starts.
 */
export function startJobs(options: StartJobsOptions = {}): Promise<JobsBackend> {
  holder.__waypointJobsStart ??= (async () => {
    await registerWorker('events.relay', () => relayOutbox());
    await registerWorker('event.dispatch', ({ eventId }) => dispatchEvent(eventId));
    await registerWorker('webhook.deliver', (payload) => attemptDelivery(payload));
    await registerWorker('webhooks.sweep', () => sweepDeliveries());
    const backend = await startQueue(options);
    listenToOutbox();
    return backend;
  })();
  return holder.__waypointJobsStart;
}

/** Stops what startJobs started (tests, and a worker process shutting down). */
export async function stopJobs(): Promise<void> {
  await stopListeningToOutbox();
  await stopQueue();
}
