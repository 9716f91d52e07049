import type { JobsBackend } from './backend.ts';
import { dispatchEvent } from './dispatch-event.ts';
import { registerWorker, startJobs as startQueue, type StartJobsOptions } from './queue.ts';
import { relayOutbox } from './relay-outbox.ts';

// Once per process, even if Next evaluates this module in more than one bundle.
const holder = globalThis as unknown as { __waypointJobsStart?: Promise<JobsBackend> };

/**
 * Starts the app's jobs: on pg-boss, the workers below and the cron schedules; on Inngest,
 * nothing (Inngest calls /api/inngest). Called by instrumentation.ts when the server starts.
 */
export function startJobs(options: StartJobsOptions = {}): Promise<JobsBackend> {
  holder.__waypointJobsStart ??= (async () => {
    await registerWorker('events.relay', () => relayOutbox());
    await registerWorker('event.dispatch', ({ eventId }) => dispatchEvent(eventId));
    return startQueue(options);
  })();
  return holder.__waypointJobsStart;
}
