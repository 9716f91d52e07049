import type { Tier } from './tiers.ts';

export type PolicyName = 'burst' | 'hour' | 'day';

export interface LimitResult {
  success: boolean;
  /** the limit of the window that is closest to exhaustion (the binding one) */
  limit: number;
  remaining: number;
  /** seconds until that window resets (>= 0, integer, rounded up) */
  reset: number;
  /** seconds to wait before retrying; 0 when success */
  retryAfter: number;
  /** e.g. 'burst' | 'hour' | 'day' — which policy decided */
  policy: PolicyName;
}

export interface ApiRateLimiter {
  readonly backend: 'upstash' | 'redis' | 'memory';
  /** One request by `identifier` (an API key id) under `tier`: checks the burst token bucket and the hour and day sliding windows. */
  limit(identifier: string, tier: Tier): Promise<LimitResult>;
  /** Resolves when the store answers (readiness checks); the in-process store always does. */
  ping(): Promise<void>;
}

/** Limiters built for tests also let go of their connection. */
export interface ClosableRateLimiter extends ApiRateLimiter {
  close(): Promise<void>;
}

export type RateLimiterOptions =
  | { backend: 'memory' }
  | { backend: 'redis'; url: string; prefix?: string }
  | { backend: 'upstash'; url: string; token: string; prefix?: string };

/** One policy's verdict on one request, with its reset as a Unix time in milliseconds. */
export interface PolicyOutcome {
  policy: PolicyName;
  success: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
}
