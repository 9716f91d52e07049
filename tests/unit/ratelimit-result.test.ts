import { describe, expect, it } from 'vitest';
import { rateLimitHeaders } from '../../lib/ratelimit/index.ts';
import { toLimitResult } from '../../lib/ratelimit/result.ts';
import type { PolicyOutcome } from '../../lib/ratelimit/types.ts';

const NOW = 1_900_000_000_000;

function outcome(policy: PolicyOutcome['policy'], remaining: number, resetInMs: number, success = true): PolicyOutcome {
  return { policy, success, limit: 100, remaining, resetAt: NOW + resetInMs };
}

describe('toLimitResult', () => {
  it('reports the policy with the fewest requests left when all pass', () => {
    const result = toLimitResult([outcome('burst', 9, 36_000), outcome('hour', 4, 1_800_000), outcome('day', 900, 40_000_000)], NOW);
    expect(result).toEqual({ success: true, limit: 100, remaining: 4, reset: 1_800, retryAfter: 0, policy: 'hour' });
  });

  it('breaks a tie for fewest left in favour of the policy that resets last', () => {
    const result = toLimitResult([outcome('burst', 0, 36_000), outcome('hour', 0, 1_800_000), outcome('day', 5, 40_000_000)], NOW);
    expect(result.policy).toBe('hour');
  });

  it('reports the first policy that denied, with Retry-After of at least a second', () => {
    const denied = toLimitResult([outcome('burst', 3, 36_000), outcome('hour', 0, 1_000_001, false)], NOW);
    expect(denied).toEqual({ success: false, limit: 100, remaining: 0, reset: 1_001, retryAfter: 1_001, policy: 'hour' });

    const due = toLimitResult([outcome('burst', 0, -5, false)], NOW);
    expect(due).toMatchObject({ reset: 0, retryAfter: 1 });
  });

  it('rounds the reset up to whole seconds', () => {
    expect(toLimitResult([outcome('burst', 1, 1)], NOW).reset).toBe(1);
    expect(toLimitResult([outcome('burst', 1, 2_000)], NOW).reset).toBe(2);
  });
});

describe('rateLimitHeaders', () => {
  it('sends both header families and no Retry-After when the request passes', () => {
    expect(rateLimitHeaders({ success: true, limit: 10, remaining: 7, reset: 36, retryAfter: 0, policy: 'burst' })).toEqual({
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '7',
      'RateLimit-Reset': '36',
      'X-RateLimit-Limit': '10',
      'X-RateLimit-Remaining': '7',
      'X-RateLimit-Reset': '36',
    });
  });

  it('adds Retry-After in seconds on a denial', () => {
    const headers = rateLimitHeaders({ success: false, limit: 100, remaining: 0, reset: 1_200, retryAfter: 1_200, policy: 'hour' });
    expect(headers['Retry-After']).toBe('1200');
    expect(headers['RateLimit-Remaining']).toBe('0');
  });
});
