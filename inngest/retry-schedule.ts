import { RetryAfterError } from 'inngest';
import { retryDelaySeconds, type RetryPolicy } from '../lib/jobs/define-job.ts';

/**
 * Runs fn; if it fails and retries remain, asks Inngest to retry after the delay that the
 * job's policy gives for this attempt, so a job keeps the same schedule as on pg-boss
 * (Inngest's own backoff would otherwise pick the delays).
 */
export async function withRetrySchedule<T>(policy: RetryPolicy, attempt: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (attempt >= policy.retries) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RetryAfterError(message, retryDelaySeconds(policy, attempt) * 1000, { cause: error });
  }
}
