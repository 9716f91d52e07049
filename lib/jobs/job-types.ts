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
  'webhook.deliver': { deliveryId: string; attempt: number; manual?: boolean };
  /** Re-sends the jobs of deliveries whose next attempt is overdue (a lost job, a crashed worker). */
  'webhooks.sweep': Record<string, never>;
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
  'event.dispatch': { retry: { retries: 5, delaysSeconds: [10, 60, 300, 1800, 7200] } },
  // Deliveries wait on receivers (up to 10 s each), so many run at once.
  'webhook.deliver': { retry: { retries: 3, delaysSeconds: [5, 30, 120] }, concurrency: 20 },
  'webhooks.sweep': { retry: { retries: 0, delaysSeconds: [] }, cron: '* * * * *' },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Seconds to wait before retry number `retry` (0-based) under `policy`. */
export function retryDelaySeconds(policy: RetryPolicy, retry: number): number {
  const { delaysSeconds } = policy;
  if (delaysSeconds.length === 0) return 0;
  return delaysSeconds[Math.min(retry, delaysSeconds.length - 1)];
}
