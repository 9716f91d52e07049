import { describe, expect, it } from 'vitest';
import { createMemoryLimiter } from '../../lib/ratelimit/memory-limiter.ts';
import { TIER_LIMITS, TIER_POLICIES, policiesFor, type PolicyTable, type TierPolicies } from '../../lib/ratelimit/tiers.ts';

const HOUR_MS = 3_600_000;

function table(tier: TierPolicies): PolicyTable {
  return { free: tier, developer: tier, business: tier, enterprise: tier };
}

describe('tier policies', () => {
  it('refill the burst bucket at exactly the hourly rate', () => {
    for (const [tier, limits] of Object.entries(TIER_LIMITS)) {
      const { burst } = TIER_POLICIES[tier as keyof typeof TIER_LIMITS];
      expect(burst.capacity).toBe(limits.burst);
      expect((burst.refillTokens * HOUR_MS) / burst.refillIntervalMs).toBe(limits.perHour);
      expect(Number.isInteger(burst.refillIntervalMs)).toBe(true);
    }
    expect(TIER_POLICIES.free.burst).toEqual({ capacity: 10, refillTokens: 1, refillIntervalMs: 36_000 });
    expect(TIER_POLICIES.enterprise.burst).toEqual({ capacity: 1_000, refillTokens: 1, refillIntervalMs: 36 });
  });

  it('keep the rate exact when the hour does not divide into whole milliseconds per token', () => {
    expect(policiesFor({ perHour: 7, perDay: 70, burst: 2 }).burst).toEqual({ capacity: 2, refillTokens: 7, refillIntervalMs: HOUR_MS });
  });
});

describe('in-process limiter', () => {
  const small = table({
    burst: { capacity: 2, refillTokens: 1, refillIntervalMs: HOUR_MS },
    hour: { limit: 100, windowMs: HOUR_MS },
    day: { limit: 100, windowMs: 86_400_000 },
  });

  it('remembers at most maxIdentifiers identifiers, forgetting the least recently seen', async () => {
    let clock = Date.UTC(2030, 0, 1);
    const limiter = createMemoryLimiter({ policies: small, now: () => clock, maxIdentifiers: 2 });
    const spend = async (id: string) => [await limiter.limit(id, 'free'), await limiter.limit(id, 'free'), await limiter.limit(id, 'free')];

    expect((await spend('a')).map((r) => r.success)).toEqual([true, true, false]);
    await spend('b');
    await spend('c');
    clock += 1;
    // 'a' was pushed out by 'c': it starts afresh; 'c' is still remembered.
    expect((await limiter.limit('a', 'free')).success).toBe(true);
    expect((await limiter.limit('c', 'free')).success).toBe(false);
  });

  it('counts nothing for a denied request', async () => {
    let clock = Date.UTC(2030, 0, 1);
    const limiter = createMemoryLimiter({
      policies: table({
        burst: { capacity: 3, refillTokens: 1, refillIntervalMs: HOUR_MS },
        hour: { limit: 100, windowMs: HOUR_MS },
        day: { limit: 1, windowMs: 1_000 },
      }),
      now: () => clock,
    });
    expect((await limiter.limit('a', 'free')).success).toBe(true);
    for (let i = 0; i < 5; i++) expect((await limiter.limit('a', 'free')).policy).toBe('day');
    clock += 2_000;
    // The day window has slid on, and the bucket still holds the two tokens the denials did not take.
    expect(await limiter.limit('a', 'free')).toMatchObject({ success: true, policy: 'day' });
    expect((await limiter.limit('a', 'free')).policy).toBe('day');
  });
});
