import { z } from 'zod';
import { refreshDueConnections } from '../../integrations/connections.ts';
import { sendNotification } from '../../integrations/notifications/send-notification.ts';
import { runWeeklyDigests } from '../../integrations/notifications/weekly-digest.ts';
import { runSync, scheduleDueSyncs } from '../../integrations/sync-runner.ts';
import { defineJob, noPayload } from '../define-job.ts';

/** `attempt` counts provider 429/5xx retries (0-based). */
export const syncPayload = z.object({
  connectionId: z.string().min(1),
  reason: z.enum(['connected', 'manual', 'change', 'scheduled', 'push', 'retry', 'settings']),
  attempt: z.number().int().min(0).optional(),
});

export const notifyPayload = z.object({ messageId: z.string().min(1) });

export const integrationJobs = [
  /** One sync of one integration connection (lib/integrations/sync-runner.ts). */
  defineJob({
    name: 'integrations.sync',
    payload: syncPayload,
    // Provider 429/5xx are retried by the sync itself (Retry-After, its own backoff); these retries
    // are for our side failing (the database).
    retry: { retries: 3, delaysSeconds: [30, 120, 600] },
    concurrency: 4,
    // A sync keeps to one at a time per connection by a lease on its row; the key only spares
    // the workers a start that would find the lease taken.
    fairness: { key: 'connectionId', limit: 1 },
    run: (payload) => runSync(payload),
  }),
  /** Refreshes integration access tokens that expire soon (lib/integrations/connections.ts). */
  defineJob({
    name: 'integrations.refresh_tokens',
    payload: noPayload,
    cron: '*/5 * * * *',
    retry: { retries: 1, delaysSeconds: [60] },
    run: () => refreshDueConnections(new Date()),
  }),
  /** Enqueues the hourly, daily and polling syncs that are due (lib/integrations/sync-runner.ts). */
  defineJob({
    name: 'integrations.schedule_syncs',
    payload: noPayload,
    cron: '*/5 * * * *',
    retry: { retries: 1, delaysSeconds: [60] },
    run: () => scheduleDueSyncs(new Date()),
  }),
  /** Sends one Slack or Teams notification (an IntegrationMessage) to its channel (lib/integrations/notifications/send-notification.ts). */
  defineJob({
    name: 'integrations.notify',
    payload: notifyPayload,
    // Provider 429/5xx are retried by the message itself (Retry-After, up to 5 attempts); these
    // retries are for our side failing. A message is claimed before it is sent, so never twice.
    retry: { retries: 3, delaysSeconds: [30, 120, 600] },
    concurrency: 4,
    run: ({ messageId }) => sendNotification(messageId),
  }),
  /** Routes the weekly team digest of every workspace where it is now Monday 09:00 (lib/integrations/notifications/weekly-digest.ts). */
  defineJob({
    name: 'integrations.weekly_digest',
    payload: noPayload,
    // Hourly at :00, so every time zone (whole or half hour) passes Monday 09:xx once; one digest per week and route.
    cron: '0 * * * *',
    retry: { retries: 2, delaysSeconds: [60, 600] },
    run: () => runWeeklyDigests(new Date()),
  }),
];
