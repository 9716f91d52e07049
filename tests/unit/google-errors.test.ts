import { describe, expect, it } from 'vitest';
import { googleError, retryAfterSeconds } from '../../lib/integrations/google-calendar/google-errors.ts';
import { ProviderError } from '../../lib/integrations/provider-error.ts';

// How a failed Google call (a GaxiosError's shape, or a network error) becomes the one
// ProviderError the sync runner and the token refresher act on.

const failure = (status: number, data: unknown, headers: Record<string, string> = {}) => Object.assign(new Error(`HTTP ${status}`), { status, response: { status, data, headers: new Headers(headers) } });

describe('retryAfterSeconds', () => {
  it('reads seconds or an HTTP date, and nothing else', () => {
    const now = Date.parse('2026-12-05T22:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Sat, 05 Dec 2026 22:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Sat, 05 Dec 2026 21:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});

describe('googleError', () => {
  it('429 is rate_limited with its Retry-After; 5xx and no answer are unavailable', () => {
    expect(googleError(failure(429, { error: { message: 'Rate Limit Exceeded' } }, { 'retry-after': '30' }), 'Listing')).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterSeconds: 30, retryable: true });
    expect(googleError(failure(503, {}), 'Listing')).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(googleError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'Listing')).toMatchObject({ kind: 'unavailable', status: null });
  });

  it('403 with a quota reason is a rate limit, not a refused grant; a plain 403 or 401 needs attention', () => {
    expect(googleError(failure(403, { error: { message: 'x', errors: [{ reason: 'userRateLimitExceeded' }] } }), 'x')).toMatchObject({ kind: 'rate_limited' });
    expect(googleError(failure(403, { error: { message: 'Forbidden', errors: [{ reason: 'forbidden' }] } }), 'x')).toMatchObject({ kind: 'auth', needsAttention: true });
    expect(googleError(failure(401, { error: { message: 'Invalid Credentials' } }), 'x')).toMatchObject({ kind: 'auth' });
  });

  it('invalid_grant from the token endpoint, 404 and 410 keep their meaning; a ProviderError passes through', () => {
    const grant = googleError(failure(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }), 'Refreshing');
    expect(grant).toMatchObject({ kind: 'invalid_grant', needsAttention: true });
    expect(grant.message).toContain('Token has been expired or revoked.');
    expect(googleError(failure(404, {}), 'x').kind).toBe('not_found');
    expect(googleError(failure(410, { error: { message: 'Sync token is no longer valid' } }), 'x').kind).toBe('gone');
    const original = new ProviderError('invalid', 'as is');
    expect(googleError(original, 'x')).toBe(original);
  });
});
