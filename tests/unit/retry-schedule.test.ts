import { describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from '../../lib/webhooks/deliver-webhook.ts';
import { parseRetryAfter } from '../../lib/webhooks/retry-after.ts';
import { MAX_ATTEMPTS, nextAttemptDelay, RETRY_DELAYS_SECONDS } from '../../lib/webhooks/retry-schedule.ts';

function attempt(overrides: Partial<DeliveryAttempt> = {}): DeliveryAttempt {
  return {
    ok: false,
    status: 500,
    durationMs: 12,
    responseBody: '',
    responseHeaders: {},
    timedOut: false,
    retryAfterSeconds: null,
    gone: false,
    error: null,
    ...overrides,
  };
}

describe('RETRY_DELAYS_SECONDS', () => {
  it('is 8 attempts: now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    expect(RETRY_DELAYS_SECONDS).toEqual([0, 5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600]);
    expect(MAX_ATTEMPTS).toBe(8);
  });
});

describe('nextAttemptDelay', () => {
  it('walks the whole schedule after each failed attempt, then gives up after the 8th', () => {
    const decisions = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => nextAttemptDelay(n, attempt()));
    expect(decisions).toEqual([
      { retry: true, delaySeconds: 5 },
      { retry: true, delaySeconds: 300 },
      { retry: true, delaySeconds: 1800 },
      { retry: true, delaySeconds: 7200 },
      { retry: true, delaySeconds: 18000 },
      { retry: true, delaySeconds: 36000 },
      { retry: true, delaySeconds: 36000 },
      { retry: false, reason: 'exhausted' },
    ]);
  });

  it('does not retry a delivered attempt', () => {
    expect(nextAttemptDelay(1, attempt({ ok: true, status: 204 }))).toEqual({ retry: false, reason: 'delivered' });
  });

  it('stops at 410 Gone, even with attempts left', () => {
    expect(nextAttemptDelay(1, attempt({ status: 410, gone: true }))).toEqual({ retry: false, reason: 'gone' });
  });

  it('retries redirects and network errors on the normal schedule', () => {
    expect(nextAttemptDelay(2, attempt({ status: 302 }))).toEqual({ retry: true, delaySeconds: 300 });
    expect(nextAttemptDelay(3, attempt({ status: null, error: 'connect ECONNREFUSED 203.0.113.9:443' }))).toEqual({
      retry: true,
      delaySeconds: 1800,
    });
    expect(nextAttemptDelay(1, attempt({ status: null, error: 'Timed out after 10000 ms' }))).toEqual({
      retry: true,
      delaySeconds: 5,
    });
  });

  it('waits for Retry-After on 429 and 503 when it is longer than the schedule', () => {
    expect(nextAttemptDelay(1, attempt({ status: 429, retryAfterSeconds: 120 }))).toEqual({ retry: true, delaySeconds: 120 });
    expect(nextAttemptDelay(1, attempt({ status: 503, retryAfterSeconds: 60 }))).toEqual({ retry: true, delaySeconds: 60 });
  });

  it('keeps the scheduled delay when Retry-After is shorter', () => {
    expect(nextAttemptDelay(3, attempt({ status: 429, retryAfterSeconds: 7 }))).toEqual({ retry: true, delaySeconds: 1800 });
  });

  it('caps Retry-After at 10 hours', () => {
    expect(nextAttemptDelay(1, attempt({ status: 429, retryAfterSeconds: 7 * 86400 }))).toEqual({
      retry: true,
      delaySeconds: 36000,
    });
  });

  it('ignores Retry-After on other statuses', () => {
    expect(nextAttemptDelay(1, attempt({ status: 500, retryAfterSeconds: 600 }))).toEqual({ retry: true, delaySeconds: 5 });
  });

  it('uses a Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const retryAfterSeconds = parseRetryAfter('Sun, 01 Mar 2026 12:15:00 GMT', now);
    expect(retryAfterSeconds).toBe(900);
    expect(nextAttemptDelay(1, attempt({ status: 503, retryAfterSeconds }))).toEqual({ retry: true, delaySeconds: 900 });
  });

  it('refuses attempt numbers that are not 1-based integers', () => {
    expect(() => nextAttemptDelay(0, attempt())).toThrow(RangeError);
    expect(() => nextAttemptDelay(1.5, attempt())).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter(' 120 ', now)).toBe(120);
  });

  it('reads an HTTP date, rounding up, and a past date as 0', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('returns null for a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});
