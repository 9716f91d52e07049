import type { LimitResult, PolicyName, PolicyOutcome } from './types.ts';

/** The order policies are reported in: a burst's denial comes first, it is the shortest wait. */
export const POLICY_ORDER: readonly PolicyName[] = ['burst', 'hour', 'day'];

/**
 * Folds the policies' verdicts (in POLICY_ORDER) into one result. A denial is reported by the
 * first policy that denied; otherwise by the one with the fewest requests left, and on a tie
 * by the one that resets last, since that is the one that keeps the client waiting longest.
 */
export function toLimitResult(outcomes: readonly PolicyOutcome[], nowMs: number): LimitResult {
  const denied = outcomes.find((outcome) => !outcome.success);
  const binding =
    denied ??
    outcomes.reduce((best, outcome) =>
      outcome.remaining < best.remaining || (outcome.remaining === best.remaining && outcome.resetAt > best.resetAt) ? outcome : best,
    );
  const reset = Math.max(0, Math.ceil((binding.resetAt - nowMs) / 1000));
  return {
    success: denied === undefined,
    limit: binding.limit,
    remaining: binding.remaining,
    reset,
    // A denied client must wait at least a second, even when the reset is already due.
    retryAfter: denied ? Math.max(1, reset) : 0,
    policy: binding.policy,
  };
}
