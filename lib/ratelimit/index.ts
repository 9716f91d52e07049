import { env } from '../config/env.ts';
import { logger } from '../observability/logger.ts';
import { createLimiter } from './create.ts';
import { chooseBackend } from './select-backend.ts';
import type { ApiRateLimiter, ClosableRateLimiter, RateLimiterOptions } from './types.ts';

export { rateLimitHeaders } from './headers.ts';
export { TIER_LIMITS, type Tier } from './tiers.ts';
export type { ApiRateLimiter, LimitResult } from './types.ts';

// One limiter per process: Next may load this module in several bundles, and each Redis
// backend holds a connection, so the instance lives on globalThis.
const holder = globalThis as unknown as { __waypointApiRateLimiter?: ClosableRateLimiter };

/** The process-wide limiter chosen from the environment (see below); logs which backend once. */
export function getApiRateLimiter(): ApiRateLimiter {
  if (!holder.__waypointApiRateLimiter) {
    const { REDIS_URL, UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN } = env();
    const choice = chooseBackend({ REDIS_URL, UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN });
    holder.__waypointApiRateLimiter = createLimiter(choice.options);
    logger()[choice.level]({ backend: choice.options.backend }, choice.logLine);
  }
  return holder.__waypointApiRateLimiter;
}

/** For tests: build one explicitly. */
export function createRateLimiter(options: RateLimiterOptions): ApiRateLimiter {
  return createLimiter(options);
}

/** Closes the process's limiter (its Redis connection, if any) at shutdown. */
export async function closeApiRateLimiter(): Promise<void> {
  const limiter = holder.__waypointApiRateLimiter;
  holder.__waypointApiRateLimiter = undefined;
  await limiter?.close();
}
