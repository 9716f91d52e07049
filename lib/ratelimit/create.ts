import { Redis as UpstashRedis } from '@upstash/redis';
import { createMemoryLimiter } from './memory-limiter.ts';
import { connectRedis, RedisAdapter } from './redis-adapter.ts';
import { TIER_POLICIES, type PolicyTable } from './tiers.ts';
import type { ClosableRateLimiter, RateLimiterOptions } from './types.ts';
import { createUpstashLimiter } from './upstash-limiter.ts';

const DEFAULT_PREFIX = 'waypoint:ratelimit';

/** Upstash is called over HTTPS; a request that hangs fails after this instead of holding the API request. */
const UPSTASH_REQUEST_TIMEOUT_MS = 2_000;

/** Builds a limiter for one backend; tests pass their own (small) policies. */
export function createLimiter(options: RateLimiterOptions, policies: PolicyTable = TIER_POLICIES): ClosableRateLimiter {
  switch (options.backend) {
    case 'memory':
      return createMemoryLimiter({ policies });
    case 'redis': {
      const client = connectRedis(options.url);
      return createUpstashLimiter({
        backend: 'redis',
        redis: new RedisAdapter(client),
        prefix: options.prefix ?? DEFAULT_PREFIX,
        policies,
        ping: async () => {
          await client.ping();
        },
        close: async () => {
          await client.quit();
        },
      });
    }
    case 'upstash': {
      const redis = new UpstashRedis({
        url: options.url,
        token: options.token,
        enableTelemetry: false,
        signal: () => AbortSignal.timeout(UPSTASH_REQUEST_TIMEOUT_MS),
      });
      return createUpstashLimiter({
        backend: 'upstash',
        redis,
        prefix: options.prefix ?? DEFAULT_PREFIX,
        policies,
        ping: async () => {
          await redis.ping();
        },
        // Upstash is stateless HTTP: nothing to close.
        close: async () => {},
      });
    }
  }
}
