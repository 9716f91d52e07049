import { runDunningStep } from '../billing/dunning.ts';
import { runTrials } from '../billing/trials.ts';
import { resetUsagePeriods } from '../billing/usage-reset.ts';
import { approveDueCommissions } from '../earnings/approve.ts';
import { runPayouts } from '../payouts/run-payouts.ts';
import { runUsageReports } from '../billing/report-usage-job.ts';
import { rotateDueSigningKeys } from '../oauth/signing-keys.ts';
import { closeResolvedTickets } from '../support/ticket-summary.ts';
import { runAppHealth } from '../partners/app-health.ts';
import { refreshDueConnections } from '../integrations/connections.ts';
import { runSync, scheduleDueSyncs } from '../integrations/sync-runner.ts';
import { sendNotification } from '../integrations/notifications/send-notification.ts';
import { runWeeklyDigests } from '../integrations/notifications/weekly-digest.ts';
import { runGoalDueNotifications } from '../notifications/due-dates.ts';
import { runNotificationEmails } from '../notifications/emails.ts';
import { runHabitReminders } from '../notifications/reminders.ts';
import { eraseScheduledTenants } from '../platform/tenant-erasure.ts';
import { runExport } from '../privacy/export.ts';
import { purgeExpired } from '../retention/purge.ts';
import { attemptDelivery } from '../webhooks/attempt-delivery.ts';
import { sweepDeliveries } from '../webhooks/sweep-deliveries.ts';
import { logger } from '../observability/logger.ts';
import { jobsBackend, type JobsBackend } from './backend.ts';
import { dispatchEvent } from './dispatch-event.ts';
import { listenToOutbox, stopListeningToOutbox } from './outbox-listener.ts';
import { pingQueue, registerWorker, startJobs as startQueue, stopJobs as stopQueue, type StartJobsOptions } from './queue.ts';
import { relayOutbox } from './relay-outbox.ts';

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
    await registerWorker('events.relay', () => relayOutbox());
    await registerWorker('event.dispatch', ({ eventId }) => dispatchEvent(eventId));
    await registerWorker('webhook.deliver', (payload, { aside }) => attemptDelivery(payload, { lane: 'fast', aside }));
    await registerWorker('webhook.deliver_slow', (payload) => attemptDelivery(payload, { lane: 'slow' }));
    await registerWorker('webhooks.sweep', () => sweepDeliveries());
    await registerWorker('billing.report_usage', () => runUsageReports());
    await registerWorker('billing.dunning_step', ({ tenantId, invoiceId, step }) => runDunningStep(tenantId, invoiceId, step));
    await registerWorker('billing.reset_usage', () => resetUsagePeriods(new Date()));
    await registerWorker('billing.trials', () => runTrials(new Date()));
    await registerWorker('earnings.approve', () => approveDueCommissions(new Date()));
    await registerWorker('payouts.run', () => runPayouts({ now: new Date() }));
    await registerWorker('support.close_resolved', async () => void (await closeResolvedTickets(new Date())));
    await registerWorker('oidc.rotate_keys', async () => void (await rotateDueSigningKeys(new Date())));
    await registerWorker('partners.app_health', async () => void (await runAppHealth(new Date())));
    await registerWorker('integrations.sync', (payload) => runSync(payload));
    await registerWorker('integrations.refresh_tokens', () => refreshDueConnections(new Date()));
    await registerWorker('integrations.schedule_syncs', () => scheduleDueSyncs(new Date()));
    await registerWorker('integrations.notify', ({ messageId }) => sendNotification(messageId));
    await registerWorker('integrations.weekly_digest', () => runWeeklyDigests(new Date()));
    await registerWorker('notifications.emails', () => runNotificationEmails(new Date()));
    await registerWorker('notifications.habit_reminders', () => runHabitReminders(new Date()));
    await registerWorker('notifications.goal_due_dates', () => runGoalDueNotifications(new Date()));
    await registerWorker('retention.purge', async () => void (await purgeExpired(new Date())));
    await registerWorker('tenants.erase_scheduled', async () => void (await eraseScheduledTenants(new Date())));
    await registerWorker('privacy.export', async ({ exportId }) => void (await runExport(exportId)));
  })();
  return holder.__waypointWorkers;
}

/**
 * Starts the app's jobs: on pg-boss, the workers above and the cron schedules; on Inngest,
 * nothing runs here (Inngest calls /api/inngest). Either way, committed domain events wake
 * the outbox relay. A failed start (database unreachable) can be retried.
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
