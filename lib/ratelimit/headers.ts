import type { LimitResult } from './types.ts';

/**
 * The IETF RateLimit-* fields and the older X-RateLimit-* ones that many clients still read,
 * both with the reset as seconds from now; Retry-After only on a denial.
 */
export function rateLimitHeaders(result: LimitResult): Record<string, string> {
  const limit = String(result.limit);
  const remaining = String(result.remaining);
  const reset = String(result.reset);
  const headers: Record<string, string> = {
    'RateLimit-Limit': limit,
    'RateLimit-Remaining': remaining,
    'RateLimit-Reset': reset,
    'X-RateLimit-Limit': limit,
    'X-RateLimit-Remaining': remaining,
    'X-RateLimit-Reset': reset,
  };
  if (!result.success) headers['Retry-After'] = String(result.retryAfter);
  return headers;
}
