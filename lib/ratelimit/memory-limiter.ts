import { LRUCache } from 'lru-cache';
import { toLimitResult } from './result.ts';
import type { PolicyTable, TokenBucketPolicy, WindowPolicy } from './tiers.ts';
import type { ClosableRateLimiter, PolicyName, PolicyOutcome } from './types.ts';

// The same arithmetic as @upstash/ratelimit 2.2.0's tokenBucket and slidingWindow Lua scripts,
// so a limit behaves alike whichever backend runs it.

interface BucketState {
  tokens: number;
  refilledAt: number;
}

/** Counts of the current fixed window (`window`, numbered from the epoch) and the one before it. */
interface WindowState {
  window: number;
  current: number;
  previous: number;
}

interface IdentifierState {
  burst?: BucketState;
  hour?: WindowState;
  day?: WindowState;
  /** After this, every part of the state is back to what a new identifier gets. */
  expiresAt: number;
}

interface Evaluation<TState> {
  outcome: PolicyOutcome;
  /** The state to keep if the request is let through. */
  next: TState;
}

/** Identifiers beyond this many push out the least recently seen one. */
const DEFAULT_MAX_IDENTIFIERS = 50_000;

function evaluateBucket(policy: TokenBucketPolicy, state: BucketState | undefined, now: number): Evaluation<BucketState> {
  let { tokens, refilledAt } = state ?? { tokens: policy.capacity, refilledAt: now };
  if (now >= refilledAt + policy.refillIntervalMs) {
    const refills = Math.floor((now - refilledAt) / policy.refillIntervalMs);
    tokens = Math.min(policy.capacity, tokens + refills * policy.refillTokens);
    refilledAt += refills * policy.refillIntervalMs;
  }
  const success = tokens >= 1;
  const remaining = success ? tokens - 1 : 0;
  return {
    outcome: { policy: 'burst', success, limit: policy.capacity, remaining, resetAt: refilledAt + policy.refillIntervalMs },
    next: { tokens: remaining, refilledAt },
  };
}

/** Requests in the current window plus the previous window's, weighted by how much of it still overlaps. */
function evaluateWindow(name: PolicyName, policy: WindowPolicy, state: WindowState | undefined, now: number): Evaluation<WindowState> {
  const window = Math.floor(now / policy.windowMs);
  const current = state?.window === window ? state.current : 0;
  const previous = state?.window === window ? state.previous : state?.window === window - 1 ? state.current : 0;
  const weightedPrevious = Math.floor((1 - (now % policy.windowMs) / policy.windowMs) * previous);
  const success = weightedPrevious + current < policy.limit;
  return {
    outcome: {
      policy: name,
      success,
      limit: policy.limit,
      remaining: success ? policy.limit - (current + 1 + weightedPrevious) : 0,
      resetAt: (window + 1) * policy.windowMs,
    },
    next: { window, current: current + 1, previous },
  };
}

function bucketFullAt(policy: TokenBucketPolicy, state: BucketState): number {
  return state.refilledAt + Math.ceil((policy.capacity - state.tokens) / policy.refillTokens) * policy.refillIntervalMs;
}

function windowForgottenAt(policy: WindowPolicy, state: WindowState): number {
  return (state.window + 2) * policy.windowMs;
}

/**
 * Rate limits kept in this process: right for one process (the embedded default), wrong for
 * several instances, which each count separately. A request is checked against all three
 * policies first and counted only if all of them let it through, so a denied request consumes
 * nothing. Memory is bounded by an LRU of identifiers.
 */
export function createMemoryLimiter(options: {
  policies: PolicyTable;
  now?: () => number;
  maxIdentifiers?: number;
}): ClosableRateLimiter {
  const now = options.now ?? Date.now;
  const states = new LRUCache<string, IdentifierState>({ max: options.maxIdentifiers ?? DEFAULT_MAX_IDENTIFIERS });

  return {
    backend: 'memory',
    async limit(identifier, tier) {
      const policies = options.policies[tier];
      const at = now();
      const stored = states.get(identifier);
      const state = stored && stored.expiresAt > at ? stored : undefined;

      const burst = evaluateBucket(policies.burst, state?.burst, at);
      const hour = evaluateWindow('hour', policies.hour, state?.hour, at);
      const day = evaluateWindow('day', policies.day, state?.day, at);
      const outcomes = [burst.outcome, hour.outcome, day.outcome];

      if (outcomes.every((outcome) => outcome.success)) {
        states.set(identifier, {
          burst: burst.next,
          hour: hour.next,
          day: day.next,
          expiresAt: Math.max(
            bucketFullAt(policies.burst, burst.next),
            windowForgottenAt(policies.hour, hour.next),
            windowForgottenAt(policies.day, day.next),
          ),
        });
      }
      return toLimitResult(outcomes, at);
    },
    async ping() {},
    async close() {
      states.clear();
    },
  };
}
