import { RetryAfterError } from 'inngest';
import { JOBS, retryDelaySeconds, type JobName } from '../lib/jobs/job-types.ts';

type InngestRetries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20;

/** The job's retry count in the form createFunction accepts (Inngest allows 0 to 20). */
export function inngestRetries(name: JobName): InngestRetries {
  const { retries } = JOBS[name].retry;
  if (!Number.isInteger(retries) || retries < 0 || retries > 20) throw new Error(`jobs: ${name} has ${retries} retries; Inngest allows 0 to 20`);
  return retries as InngestRetries;
}

/**
 * Runs fn; if it fails and retries remain, asks Inngest to retry after the delay that
 * JOBS gives for this attempt, so a job keeps the same schedule as on pg-boss (Inngest's
 * own backoff would otherwise pick the delays).
 */
export async function withRetrySchedule<T>(name: JobName, attempt: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const policy = JOBS[name].retry;
    if (attempt >= policy.retries) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RetryAfterError(message, retryDelaySeconds(policy, attempt) * 1000, { cause: error });
  }
}
