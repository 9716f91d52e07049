import { Ratelimit, type RatelimitConfig } from '@upstash/ratelimit';
import { POLICY_ORDER, toLimitResult } from './result.ts';
import type { PolicyTable, Tier, TierPolicies } from './tiers.ts';
import type { ClosableRateLimiter, PolicyName, PolicyOutcome } from './types.ts';

type PolicyLimiters = Record<PolicyName, Ratelimit>;

function buildLimiters(redis: RatelimitConfig['redis'], prefix: string, policies: TierPolicies): PolicyLimiters {
  const common = {
    redis,
    // Exact counts across instances: no per-instance cache of blocked identifiers, no
    // analytics writes, and no fail-open timeout that would answer "allowed" with made-up numbers.
    ephemeralCache: false as const,
    analytics: false,
    timeout: 0,
    enableTelemetry: false,
  };
  // Keys hold the identifier but not the tier, so a key that changes tier keeps its counts.
  return {
    burst: new Ratelimit({
      ...common,
      prefix: `${prefix}:burst`,
      limiter: Ratelimit.tokenBucket(policies.burst.refillTokens, `${policies.burst.refillIntervalMs} ms`, policies.burst.capacity),
    }),
    hour: new Ratelimit({
      ...common,
      prefix: `${prefix}:hour`,
      limiter: Ratelimit.slidingWindow(policies.hour.limit, `${policies.hour.windowMs} ms`),
    }),
    day: new Ratelimit({
      ...common,
      prefix: `${prefix}:day`,
      limiter: Ratelimit.slidingWindow(policies.day.limit, `${policies.day.windowMs} ms`),
    }),
  };
}

/**
 * Rate limits kept in Redis by @upstash/ratelimit, shared by every instance of the app: one
 * token bucket and two sliding windows per identifier. The policies (burst, hour, day) are
 * checked at once, in one round trip (the client pipelines them), each an atomic script that
 * counts the request if it passes. When one denies, the others are given their request back
 * (the library's own refund, a negative rate), so a denied request ends up consuming nothing.
 */
export function createUpstashLimiter(options: {
  backend: 'upstash' | 'redis';
  redis: RatelimitConfig['redis'];
  prefix: string;
  policies: PolicyTable;
  ping: () => Promise<void>;
  close: () => Promise<void>;
}): ClosableRateLimiter {
  const limitersByTier = new Map<Tier, PolicyLimiters>();
  const limitersFor = (tier: Tier): PolicyLimiters => {
    let limiters = limitersByTier.get(tier);
    if (!limiters) {
      limiters = buildLimiters(options.redis, options.prefix, options.policies[tier]);
      limitersByTier.set(tier, limiters);
    }
    return limiters;
  };

  return {
    backend: options.backend,
    async limit(identifier, tier) {
      const limiters = limitersFor(tier);
      const outcomes: PolicyOutcome[] = await Promise.all(
        POLICY_ORDER.map(async (policy) => {
          const response = await limiters[policy].limit(identifier);
          return { policy, success: response.success, limit: response.limit, remaining: response.remaining, resetAt: response.reset };
        }),
      );
      if (outcomes.some((outcome) => !outcome.success)) {
        await Promise.all(outcomes.filter((outcome) => outcome.success).map((outcome) => limiters[outcome.policy].limit(identifier, { rate: -1 })));
      }
      return toLimitResult(outcomes, Date.now());
    },
    ping: options.ping,
    close: options.close,
  };
}
