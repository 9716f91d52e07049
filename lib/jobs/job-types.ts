import type { SyncReason } from '../integrations/types.ts';

// Every background job the app runs: its payload, its retry schedule and, for periodic jobs,
// its cron trigger. Both backends (Inngest, pg-boss) read this one table, so a job behaves
// the same wherever it runs. A new job is one entry in JobPayloads plus one in JOBS.

export interface JobPayloads {
  /** Moves unpublished DomainEvent rows into `event.dispatch` jobs (see relay-outbox.ts). */
  'events.relay': Record<string, never>;
  /** Delivers one domain event to its consumers. */
  'event.dispatch': { eventId: string };
  /**
   * Attempt number `attempt` (1-based) of one webhook delivery. Its schedule lives on the
   * delivery row (lib/webhooks/retry-schedule.ts), not in the job's retries: the job fails
   * only if the database does. `manual`: a replay or test, one attempt and no schedule.
   */
  'webhook.deliver': { deliveryId: string; attempt: number; manual?: boolean; hop?: number };
  /**
   * The same attempt in the slow lane: endpoints that keep timing out get workers of their
   * own (lib/webhooks/send-lane.ts). `hop` counts the moves between lanes and waits for a send slot.
   */
  'webhook.deliver_slow': { deliveryId: string; attempt: number; manual?: boolean; hop?: number };
  /** Re-sends the jobs of deliveries whose next attempt is overdue (a lost job, a crashed worker). */
  'webhooks.sweep': Record<string, never>;
  /** Reports paid plans' API overage to Stripe's meter events, idempotently (lib/billing/report-usage.ts). */
  'billing.report_usage': Record<string, never>;
  /**
   * One step of an unpaid invoice's dunning sequence (lib/billing/dunning.ts), scheduled at
   * 3, 7 and 14 days by startDunning; does nothing once the invoice is no longer the unpaid one.
   */
  'billing.dunning_step': { tenantId: string; invoiceId: string; step: 'day0' | 'day3' | 'day7' | 'suspended' };
  /** Closes usage periods that have ended and opens the next ones (lib/billing/usage-reset.ts). */
  'billing.reset_usage': Record<string, never>;
  /** Reminds trials that end soon and moves ended trials to the free plan (lib/billing/trials.ts). */
  'billing.trials': Record<string, never>;
  /** Approves earnings (reseller commissions, partners' revenue share) whose holding period has ended (lib/earnings/approve.ts). */
  'earnings.approve': Record<string, never>;
  /** Groups resellers' and partners' approved earnings of last month into payouts and pays them (lib/payouts/run-payouts.ts). */
  'payouts.run': Record<string, never>;
  /** Closes support tickets resolved 14 days ago or more (lib/support/ticket-summary.ts). */
  'support.close_resolved': Record<string, never>;
  /** Replaces OpenID Connect signing keys that have signed long enough (lib/oauth/signing-keys.ts). */
  'oidc.rotate_keys': Record<string, never>;
  /** Raises and clears marketplace apps' health flags from the last 24 hours' traffic (lib/partners/app-health.ts). */
  'partners.app_health': Record<string, never>;
  /** One sync of one integration connection (lib/integrations/sync-runner.ts); attempt counts provider 429/5xx retries. */
  'integrations.sync': { connectionId: string; reason: SyncReason; attempt?: number };
  /** Refreshes integration access tokens that expire soon (lib/integrations/connections.ts). */
  'integrations.refresh_tokens': Record<string, never>;
  /** Enqueues the hourly, daily and polling syncs that are due (lib/integrations/sync-runner.ts). */
  'integrations.schedule_syncs': Record<string, never>;
  /** Sends one Slack or Teams notification (an IntegrationMessage) to its channel (lib/integrations/notifications/send-notification.ts). */
  'integrations.notify': { messageId: string };
  /** Routes the weekly team digest of every workspace where it is now Monday 09:00 (lib/integrations/notifications/weekly-digest.ts). */
  'integrations.weekly_digest': Record<string, never>;
  /** Sends members' pending notification emails, at once or as their digest cadence says (lib/notifications/emails.ts). */
  'notifications.emails': Record<string, never>;
  /** Fires the habit reminders that are due (lib/notifications/reminders.ts). */
  'notifications.habit_reminders': Record<string, never>;
  /** Tells owners and assignees about goals due soon or overdue (lib/notifications/due-dates.ts). */
  'notifications.goal_due_dates': Record<string, never>;
  /** Deletes what is past its retention window (lib/retention/purge.ts). */
  'retention.purge': Record<string, never>;
  /** Erases workspaces whose grace period after "schedule deletion" is over (lib/platform/tenant-erasure.ts). */
  'tenants.erase_scheduled': Record<string, never>;
  /** Builds a member's data export (or, without a userId on the row, the whole workspace's) and emails whoever asked (lib/privacy/export.ts). */
  'privacy.export': { exportId: string };
}

export type JobName = keyof JobPayloads;

/**
 * `retries` attempts after the first; the n-th retry waits `delaysSeconds[n]` (the last
 * delay repeats when the list is shorter than `retries`).
 */
export interface RetryPolicy {
  retries: number;
  delaysSeconds: number[];
}

export interface JobDefinition {
  retry: RetryPolicy;
  /** Five-field cron, UTC. */
  cron?: string;
  /** Jobs run at once per process on pg-boss (default 1). */
  concurrency?: number;
}

export const JOBS: { readonly [N in JobName]: JobDefinition } = {
  // The cron is a safety net: the outbox trigger normally wakes a relay at commit (outbox-listener.ts).
  'events.relay': { retry: { retries: 2, delaysSeconds: [5, 30] }, cron: '* * * * *' },
  // Fan-out is a few queries per event, but one worker made a burst of one workspace's events a
  // queue every other workspace waited behind; dispatches are idempotent, so several run at once.
  'event.dispatch': { retry: { retries: 5, delaysSeconds: [10, 60, 300, 1800, 7200] }, concurrency: 8 },
  // Deliveries wait on receivers (up to 10 s each), so many run at once; endpoints that keep
  // timing out have the slow lane's few workers instead (lib/webhooks/send-lane.ts).
  'webhook.deliver': { retry: { retries: 3, delaysSeconds: [5, 30, 120] }, concurrency: 200 },
  'webhook.deliver_slow': { retry: { retries: 3, delaysSeconds: [5, 30, 120] }, concurrency: 5 },
  'webhooks.sweep': { retry: { retries: 0, delaysSeconds: [] }, cron: '* * * * *' },
  // A failed report is sent again by the next run anyway (same identifiers): one quick retry.
  'billing.report_usage': { retry: { retries: 1, delaysSeconds: [60] }, cron: '*/15 * * * *' },
  'billing.dunning_step': { retry: { retries: 5, delaysSeconds: [60, 300, 1800, 7200, 21600] } },
  // Hourly: billing periods start at any hour (Stripe's anchor). Usage counted after a period
  // ends already goes to the next one (opened lazily), so this only closes and pre-opens.
  'billing.reset_usage': { retry: { retries: 2, delaysSeconds: [60, 600] }, cron: '5 * * * *' },
  // Hourly, so a trial ends within the hour (entitlements already apply its end on the second)
  // and its reminder goes out about N days before; both halves are idempotent.
  'billing.trials': { retry: { retries: 2, delaysSeconds: [60, 600] }, cron: '25 * * * *' },
  // Earnings and payouts (resellers and partners): daily, after midnight UTC; both are
  // idempotent (payouts: one per payee and month).
  'earnings.approve': { retry: { retries: 3, delaysSeconds: [60, 600, 3600] }, cron: '15 0 * * *' },
  'payouts.run': { retry: { retries: 3, delaysSeconds: [300, 1800, 7200] }, cron: '30 1 * * *' },
  // Hourly: a resolved ticket closes within the hour after its reopen window; one idempotent UPDATE.
  'support.close_resolved': { retry: { retries: 2, delaysSeconds: [60, 600] }, cron: '35 * * * *' },
  'oidc.rotate_keys': { retry: { retries: 2, delaysSeconds: [300, 1800] }, cron: '45 2 * * *' },
  // Hourly over a trailing 24 h window: a broken integration is flagged within the hour; each
  // run is idempotent (one open flag per app and kind, each emailed once), so a retry is safe.
  'partners.app_health': { retry: { retries: 2, delaysSeconds: [60, 600] }, cron: '40 * * * *' },
  // Provider 429/5xx are retried by the sync itself (Retry-After, its own backoff); these retries
  // are for our side failing (the database). One connection syncs at a time (a lease on its row).
  'integrations.sync': { retry: { retries: 3, delaysSeconds: [30, 120, 600] }, concurrency: 4 },
  'integrations.refresh_tokens': { retry: { retries: 1, delaysSeconds: [60] }, cron: '*/5 * * * *' },
  'integrations.schedule_syncs': { retry: { retries: 1, delaysSeconds: [60] }, cron: '*/5 * * * *' },
  // Provider 429/5xx are retried by the message itself (Retry-After, up to 5 attempts); these
  // retries are for our side failing. A message is claimed before it is sent, so never twice.
  'integrations.notify': { retry: { retries: 3, delaysSeconds: [30, 120, 600] }, concurrency: 4 },
  // Hourly at :00, so every time zone (whole or half hour) passes Monday 09:xx once; one digest per week and route.
  'integrations.weekly_digest': { retry: { retries: 2, delaysSeconds: [60, 600] }, cron: '0 * * * *' },
  // Every minute: "immediately" emails and reminders go out within a minute; digests wait for
  // 08:00 in each member's zone. Rows are claimed (emails) or locked (reminders) before sending,
  // so an overlapping or retried run sends nothing twice; the next run is the retry.
  'notifications.emails': { retry: { retries: 0, delaysSeconds: [] }, cron: '* * * * *' },
  'notifications.habit_reminders': { retry: { retries: 0, delaysSeconds: [] }, cron: '* * * * *' },
  // Hourly, so every zone passes 09:00 local; once per goal and target date (dedupeKey).
  'notifications.goal_due_dates': { retry: { retries: 1, delaysSeconds: [300] }, cron: '10 * * * *' },
  // Daily, at a quiet hour; a run cut short by its time limit goes on the next day.
  'retention.purge': { retry: { retries: 1, delaysSeconds: [1800] }, cron: '20 3 * * *' },
  'tenants.erase_scheduled': { retry: { retries: 2, delaysSeconds: [1800] }, cron: '40 3 * * *' },
  'privacy.export': { retry: { retries: 2, delaysSeconds: [60, 600] } },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Cron jobs renamed since (their schedules are removed at start, so nothing enqueues them). */
export const RETIRED_CRON_JOBS = ['resellers.approve_commissions', 'resellers.payouts'] as const;

/** Seconds to wait before retry number `retry` (0-based) under `policy`. */
export function retryDelaySeconds(policy: RetryPolicy, retry: number): number {
  const { delaysSeconds } = policy;
  if (delaysSeconds.length === 0) return 0;
  return delaysSeconds[Math.min(retry, delaysSeconds.length - 1)];
}
