import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLimiter } from '../../lib/ratelimit/create.ts';
import { rateLimitHeaders, type LimitResult, type Tier } from '../../lib/ratelimit/index.ts';
import { createMemoryLimiter } from '../../lib/ratelimit/memory-limiter.ts';
import { TIER_LIMITS, TIER_POLICIES, type PolicyTable, type TierPolicies } from '../../lib/ratelimit/tiers.ts';
import type { ClosableRateLimiter } from '../../lib/ratelimit/types.ts';

// The same cases run against every backend: the in-process limiter on a virtual clock, and
// @upstash/ratelimit over Redis (through the ioredis adapter) in real time when REDIS_URL is set.

const REDIS_URL = process.env.REDIS_URL;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface Backend {
  create(policies?: PolicyTable): ClosableRateLimiter;
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The same policies for every tier: generous defaults with the one under test made small. */
function policies(overrides: Partial<TierPolicies>): PolicyTable {
  const tier: TierPolicies = {
    burst: { capacity: 1_000, refillTokens: 1, refillIntervalMs: HOUR_MS },
    hour: { limit: 1_000, windowMs: HOUR_MS },
    day: { limit: 1_000, windowMs: DAY_MS },
    ...overrides,
  };
  return { free: tier, developer: tier, business: tier, enterprise: tier };
}

async function sequential(limiter: ClosableRateLimiter, identifier: string, count: number, tier: Tier = 'free'): Promise<LimitResult[]> {
  const results: LimitResult[] = [];
  for (let i = 0; i < count; i++) results.push(await limiter.limit(identifier, tier));
  return results;
}

async function concurrent(limiter: ClosableRateLimiter, identifier: string, count: number): Promise<LimitResult[]> {
  return Promise.all(Array.from({ length: count }, () => limiter.limit(identifier, 'free')));
}

const passed = (results: LimitResult[]) => results.filter((result) => result.success).length;

function memoryBackend(): Backend {
  // Starts on a day boundary, so every window begins with the test.
  let clock = Date.UTC(2030, 0, 1);
  return {
    create: (table = TIER_POLICIES) => createMemoryLimiter({ policies: table, now: () => clock }),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  };
}

function redisBackend(url: string, prefix: string, opened: ClosableRateLimiter[]): Backend {
  return {
    create: (table = TIER_POLICIES) => {
      const limiter = createLimiter({ backend: 'redis', url, prefix }, table);
      opened.push(limiter);
      return limiter;
    },
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** Sleeps until `offsetMs` into the next fixed window of `windowMs`. */
async function sleepIntoNextWindow(backend: Backend, windowMs: number, offsetMs: number): Promise<void> {
  const now = backend.now();
  await backend.sleep((Math.floor(now / windowMs) + 1) * windowMs + offsetMs - now);
}

function defineCases(backend: () => Backend) {
  it.each(['free', 'developer'] as const)('lets exactly the burst of %s through burst+5 immediate requests, then denies', async (tier) => {
    const limiter = backend().create();
    const { burst, perHour } = TIER_LIMITS[tier];
    const results = await sequential(limiter, randomUUID(), burst + 5, tier);

    expect(results.slice(0, burst).every((result) => result.success)).toBe(true);
    expect(results[burst - 1]).toMatchObject({ policy: 'burst', limit: burst, remaining: 0, retryAfter: 0 });
    for (const denied of results.slice(burst)) {
      expect(denied).toMatchObject({ success: false, policy: 'burst', limit: burst, remaining: 0 });
      // The next token arrives within one refill interval (3600 / perHour seconds).
      expect(denied.retryAfter).toBeGreaterThan(0);
      expect(denied.retryAfter).toBeLessThanOrEqual(Math.ceil(3600 / perHour));
      expect(denied.reset).toBe(denied.retryAfter);
    }
  });

  it('refills burst tokens over time, never beyond the capacity', async () => {
    const b = backend();
    const limiter = b.create(policies({ burst: { capacity: 2, refillTokens: 1, refillIntervalMs: 400 } }));
    const id = randomUUID();

    const first = await sequential(limiter, id, 3);
    expect(first.map((result) => result.success)).toEqual([true, true, false]);
    expect(first[2]).toMatchObject({ policy: 'burst', retryAfter: 1, reset: 1 });

    await b.sleep(450);
    expect((await sequential(limiter, id, 2)).map((result) => result.success)).toEqual([true, false]);

    // Three more intervals pass, but the bucket holds two.
    await b.sleep(1_300);
    expect((await sequential(limiter, id, 3)).map((result) => result.success)).toEqual([true, true, false]);
  });

  it('lets exactly N of N+k through the hour window when the burst is larger', async () => {
    const limiter = backend().create(policies({ burst: { capacity: 50, refillTokens: 1, refillIntervalMs: HOUR_MS }, hour: { limit: 5, windowMs: HOUR_MS } }));
    const results = await sequential(limiter, randomUUID(), 8);

    expect(passed(results)).toBe(5);
    expect(results.slice(0, 5).map((result) => [result.policy, result.remaining])).toEqual([
      ['hour', 4],
      ['hour', 3],
      ['hour', 2],
      ['hour', 1],
      ['hour', 0],
    ]);
    for (const denied of results.slice(5)) {
      expect(denied).toMatchObject({ success: false, policy: 'hour', limit: 5, remaining: 0 });
      expect(denied.retryAfter).toBeGreaterThan(0);
      expect(denied.retryAfter).toBeLessThanOrEqual(3600);
    }
  });

  it('does not spend burst tokens on requests the hour window denies', async () => {
    const limiter = backend().create(policies({ burst: { capacity: 6, refillTokens: 1, refillIntervalMs: HOUR_MS }, hour: { limit: 3, windowMs: HOUR_MS } }));
    const results = await sequential(limiter, randomUUID(), 13);

    expect(passed(results)).toBe(3);
    // Had the ten denied requests used tokens, the bucket would have run dry after three of them.
    expect(results.slice(3).every((result) => !result.success && result.policy === 'hour')).toBe(true);
  });

  it('lets exactly N of N+k concurrent requests through the hour window', async () => {
    const limiter = backend().create(policies({ hour: { limit: 10, windowMs: HOUR_MS } }));
    const results = await concurrent(limiter, randomUUID(), 25);

    expect(passed(results)).toBe(10);
    expect(results.filter((result) => !result.success).every((result) => result.policy === 'hour')).toBe(true);
  });

  it('lets exactly the burst of N+k concurrent requests through the token bucket', async () => {
    const limiter = backend().create(policies({ burst: { capacity: 10, refillTokens: 1, refillIntervalMs: HOUR_MS } }));
    const results = await concurrent(limiter, randomUUID(), 25);

    expect(passed(results)).toBe(10);
    expect(results.filter((result) => !result.success).every((result) => result.policy === 'burst')).toBe(true);
  });

  it('lets exactly N of N+k through the day window, without spending the hour window on denied requests', async () => {
    const limiter = backend().create(policies({ hour: { limit: 5, windowMs: HOUR_MS }, day: { limit: 3, windowMs: DAY_MS } }));
    const results = await sequential(limiter, randomUUID(), 10);

    expect(passed(results)).toBe(3);
    expect(results.slice(0, 3).map((result) => [result.policy, result.remaining])).toEqual([
      ['day', 2],
      ['day', 1],
      ['day', 0],
    ]);
    // Had denied requests counted in the hour window, it would have denied from the sixth on.
    for (const denied of results.slice(3)) {
      expect(denied).toMatchObject({ success: false, policy: 'day', limit: 3, remaining: 0 });
      expect(denied.retryAfter).toBeGreaterThan(0);
      expect(denied.retryAfter).toBeLessThanOrEqual(86_400);
    }
  });

  it('lets exactly N of N+k concurrent requests through the day window', async () => {
    const limiter = backend().create(policies({ day: { limit: 6, windowMs: DAY_MS } }));
    const results = await concurrent(limiter, randomUUID(), 15);

    expect(passed(results)).toBe(6);
    expect(results.filter((result) => !result.success).every((result) => result.policy === 'day')).toBe(true);
  });

  it('slides the window: the previous window counts by the share of it still inside the window', async () => {
    const b = backend();
    const windowMs = 1_000;
    const limiter = b.create(policies({ hour: { limit: 3, windowMs } }));
    const id = randomUUID();

    await sleepIntoNextWindow(b, windowMs, 20);
    const first = await sequential(limiter, id, 4);
    expect(first.map((result) => result.success)).toEqual([true, true, true, false]);
    expect(first[3]).toMatchObject({ policy: 'hour', reset: 1, retryAfter: 1 });

    // Halfway into the next window, half of the previous window's three requests (rounded
    // down: one) still count, so two more fit.
    await sleepIntoNextWindow(b, windowMs, windowMs / 2);
    expect((await sequential(limiter, id, 3)).map((result) => result.success)).toEqual([true, true, false]);

    // Once a whole window has passed with nothing in it, the full limit is back.
    await sleepIntoNextWindow(b, windowMs, 0);
    await sleepIntoNextWindow(b, windowMs, 20);
    expect((await sequential(limiter, id, 4)).map((result) => result.success)).toEqual([true, true, true, false]);
  });

  it('keeps separate identifiers apart', async () => {
    const limiter = backend().create(policies({ burst: { capacity: 2, refillTokens: 1, refillIntervalMs: HOUR_MS }, day: { limit: 3, windowMs: DAY_MS } }));
    const [first, second] = [randomUUID(), randomUUID()];

    expect(passed(await sequential(limiter, first, 4))).toBe(2);
    expect(passed(await sequential(limiter, second, 4))).toBe(2);
  });

  it('gives integer headers, with Retry-After only on a denial', async () => {
    const limiter = backend().create(policies({ burst: { capacity: 1, refillTokens: 1, refillIntervalMs: 1_500 } }));
    const [allowed, denied] = await sequential(limiter, randomUUID(), 2);

    const allowedHeaders = rateLimitHeaders(allowed);
    expect(Object.keys(allowedHeaders).sort()).toEqual([
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
    ]);
    expect(allowedHeaders).toMatchObject({ 'RateLimit-Limit': '1', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '2' });

    const deniedHeaders = rateLimitHeaders(denied);
    expect(deniedHeaders).toMatchObject({ 'RateLimit-Limit': '1', 'RateLimit-Remaining': '0', 'Retry-After': '2', 'X-RateLimit-Reset': '2' });
    for (const value of Object.values(deniedHeaders)) expect(value).toMatch(/^\d+$/);
  });
}

describe('rate limits: in-process memory', () => {
  defineCases(memoryBackend);
});

// Skipped only without a Redis to talk to (a newcomer's machine); CI and project machines set REDIS_URL.
describe.skipIf(!REDIS_URL)(REDIS_URL ? 'rate limits: @upstash/ratelimit on Redis (REDIS_URL)' : 'rate limits: Redis (skipped: set REDIS_URL to run)', () => {
  // A prefix of its own, so parallel runs on the same Redis never share a key.
  const prefix = `waypoint-test:ratelimit:${randomUUID()}`;
  const opened: ClosableRateLimiter[] = [];
  const url = REDIS_URL ?? '';

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((limiter) => limiter.close()));
  });

  afterAll(async () => {
    const redis = new Redis(url);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  defineCases(() => redisBackend(url, prefix, opened));

  it('every key it writes expires', async () => {
    const limiter = redisBackend(url, prefix, opened).create();
    await sequential(limiter, `ttl-${randomUUID()}`, 3);

    const redis = new Redis(url);
    const keys = await redis.keys(`${prefix}:*:ttl-*`);
    const ttls = await Promise.all(keys.map((key) => redis.pttl(key)));
    await redis.quit();
    expect(keys.map((key) => key.slice(prefix.length + 1).split(':')[0]).sort()).toEqual(['burst', 'day', 'hour']);
    expect(ttls.every((ttl) => ttl > 0)).toBe(true);
  });

  it('keeps working after Redis forgets its scripts (SCRIPT FLUSH)', async () => {
    const limiter = redisBackend(url, prefix, opened).create(policies({ burst: { capacity: 2, refillTokens: 1, refillIntervalMs: HOUR_MS } }));
    const id = randomUUID();
    expect((await limiter.limit(id, 'free')).success).toBe(true);

    const redis = new Redis(url);
    await redis.script('FLUSH');
    await redis.quit();

    expect((await sequential(limiter, id, 2)).map((result) => result.success)).toEqual([true, false]);
  });
});
