import type { DeliveryAttempt } from './deliver-webhook.ts';

/** Delay before each attempt, 1-based attempt n waits RETRY_DELAYS_SECONDS[n - 1]. */
export const RETRY_DELAYS_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 36000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length;
// A receiver's Retry-After may stretch a delay, but never park an event longer than this.
export const MAX_RETRY_DELAY_SECONDS = 36_000;

export type RetryDecision =
  | { retry: false; reason: 'delivered' | 'gone' | 'exhausted' }
  | { retry: true; delaySeconds: number };

/** What to do after attempt number `attemptNumber` (1-based) ended as `attempt`. */
export function nextAttemptDelay(attemptNumber: number, attempt: DeliveryAttempt): RetryDecision {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be a positive integer, got ${attemptNumber}`);
  }
  if (attempt.ok) return { retry: false, reason: 'delivered' };
  // 410 is the receiver saying the endpoint is gone for good: the caller disables it.
  if (attempt.gone) return { retry: false, reason: 'gone' };
  if (attemptNumber >= MAX_ATTEMPTS) return { retry: false, reason: 'exhausted' };

  const scheduled = RETRY_DELAYS_SECONDS[attemptNumber];
  const throttled = attempt.status === 429 || attempt.status === 503;
  if (throttled && attempt.retryAfterSeconds !== null) {
    return { retry: true, delaySeconds: Math.min(Math.max(scheduled, attempt.retryAfterSeconds), MAX_RETRY_DELAY_SECONDS) };
  }
  return { retry: true, delaySeconds: scheduled };
}
