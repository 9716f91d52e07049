export type Tier = 'free' | 'developer' | 'business' | 'enterprise';

export const TIER_LIMITS: Record<Tier, { perHour: number; perDay: number; burst: number }> = {
  free: { perHour: 100, perDay: 1_000, burst: 10 },
  developer: { perHour: 1_000, perDay: 10_000, burst: 50 },
  business: { perHour: 10_000, perDay: 100_000, burst: 200 },
  enterprise: { perHour: 100_000, perDay: 1_000_000, burst: 1_000 },
};

/** A token bucket: `refillTokens` come back every `refillIntervalMs`, up to `capacity`. */
export interface TokenBucketPolicy {
  capacity: number;
  refillTokens: number;
  refillIntervalMs: number;
}

/** A sliding window of `limit` requests per `windowMs`. */
export interface WindowPolicy {
  limit: number;
  windowMs: number;
}

/** What one tier allows, in the terms both the in-process and the Redis limiters take. */
export interface TierPolicies {
  burst: TokenBucketPolicy;
  hour: WindowPolicy;
  day: WindowPolicy;
}

export type PolicyTable = Record<Tier, TierPolicies>;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The burst bucket refills at the hourly rate (perHour / 3600 tokens a second). Both
 * limiters refill in whole tokens per whole-millisecond interval, so the rate is written as
 * the smallest such step that is exact: one token every 36 s on free, every 36 ms on enterprise.
 */
export function policiesFor(limits: { perHour: number; perDay: number; burst: number }): TierPolicies {
  const step = gcd(limits.perHour, HOUR_MS);
  return {
    burst: { capacity: limits.burst, refillTokens: limits.perHour / step, refillIntervalMs: HOUR_MS / step },
    hour: { limit: limits.perHour, windowMs: HOUR_MS },
    day: { limit: limits.perDay, windowMs: DAY_MS },
  };
}

export const TIER_POLICIES: PolicyTable = {
  free: policiesFor(TIER_LIMITS.free),
  developer: policiesFor(TIER_LIMITS.developer),
  business: policiesFor(TIER_LIMITS.business),
  enterprise: policiesFor(TIER_LIMITS.enterprise),
};
