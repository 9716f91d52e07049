import { afterEach, describe, expect, it, vi } from 'vitest';
import { getApiRateLimiter } from '../../lib/ratelimit/index.ts';
import { logger } from '../../lib/observability/logger.ts';
import { chooseBackend } from '../../lib/ratelimit/select-backend.ts';

const holder = globalThis as unknown as { __waypointApiRateLimiter?: unknown };

describe('chooseBackend', () => {
  it('prefers Upstash when both of its variables are set', () => {
    const choice = chooseBackend({
      UPSTASH_REDIS_REST_URL: 'https://eu1-example.upstash.io',
      UPSTASH_REDIS_REST_TOKEN: 'secret-token',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(choice.options).toEqual({ backend: 'upstash', url: 'https://eu1-example.upstash.io', token: 'secret-token' });
    expect(choice.logLine).not.toContain('secret-token');
  });

  it('uses REDIS_URL next, without logging its password', () => {
    const choice = chooseBackend({ REDIS_URL: 'redis://:hunter2@cache.internal:6380/0' });
    expect(choice.options).toEqual({ backend: 'redis', url: 'redis://:hunter2@cache.internal:6380/0' });
    expect(choice.logLine).toBe('ratelimit: API rate limits are kept in Redis at redis://cache.internal:6380');
  });

  it('falls back to this process, and says so', () => {
    const choice = chooseBackend({ REDIS_URL: '', UPSTASH_REDIS_REST_URL: '' });
    expect(choice.options).toEqual({ backend: 'memory' });
    expect(choice.level).toBe('warn');
    expect(choice.logLine).toContain('REDIS_URL and UPSTASH_REDIS_REST_URL are unset: rate limits are kept in this process only');
  });

  it('refuses half an Upstash configuration', () => {
    expect(() => chooseBackend({ UPSTASH_REDIS_REST_URL: 'https://eu1-example.upstash.io' })).toThrow(/UPSTASH_REDIS_REST_TOKEN/);
  });
});

describe('getApiRateLimiter', () => {
  afterEach(() => {
    holder.__waypointApiRateLimiter = undefined;
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('builds one limiter per process and logs its backend once', async () => {
    holder.__waypointApiRateLimiter = undefined;
    vi.stubEnv('REDIS_URL', '');
    vi.stubEnv('UPSTASH_REDIS_REST_URL', '');
    vi.stubEnv('UPSTASH_REDIS_REST_TOKEN', '');
    const warn = vi.spyOn(logger(), 'warn').mockImplementation(() => {});

    const limiter = getApiRateLimiter();
    expect(getApiRateLimiter()).toBe(limiter);
    expect(limiter.backend).toBe('memory');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([{ backend: 'memory' }, expect.stringMatching(/^ratelimit: REDIS_URL and UPSTASH_REDIS_REST_URL are unset/)]);
    expect((await limiter.limit('key', 'free')).success).toBe(true);
  });

  it('selects Upstash from the environment without contacting it', () => {
    holder.__waypointApiRateLimiter = undefined;
    vi.stubEnv('UPSTASH_REDIS_REST_URL', 'https://eu1-example.upstash.io');
    vi.stubEnv('UPSTASH_REDIS_REST_TOKEN', 'token');
    const info = vi.spyOn(logger(), 'info').mockImplementation(() => {});

    expect(getApiRateLimiter().backend).toBe('upstash');
    expect(info).toHaveBeenCalledWith({ backend: 'upstash' }, 'ratelimit: API rate limits are kept in Upstash Redis at https://eu1-example.upstash.io');
  });
});
