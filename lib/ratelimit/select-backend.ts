import type { RateLimiterOptions } from './types.ts';

export interface BackendChoice {
  options: RateLimiterOptions;
  /** The line to log once, when the process first limits a request. */
  logLine: string;
  /** Per-process limits are worth a warning; shared ones are just information. */
  level: 'info' | 'warn';
}

/** Scheme, host and port only: the URL may carry a password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparseable URL';
  }
}

/**
 * Upstash (REST) when both of its variables are set, else a standard Redis at REDIS_URL, else
 * this process's memory. Half an Upstash configuration is an error rather than a silent fall
 * back to per-process limits.
 */
export function chooseBackend(env: Record<string, string | undefined>): BackendChoice {
  const upstashUrl = env.UPSTASH_REDIS_REST_URL || undefined;
  const upstashToken = env.UPSTASH_REDIS_REST_TOKEN || undefined;
  if (upstashUrl && upstashToken) {
    return {
      options: { backend: 'upstash', url: upstashUrl, token: upstashToken },
      logLine: `ratelimit: API rate limits are kept in Upstash Redis at ${describeUrl(upstashUrl)}`,
      level: 'info',
    };
  }
  if (upstashUrl || upstashToken) {
    throw new Error('Set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither.');
  }
  if (env.REDIS_URL) {
    return {
      options: { backend: 'redis', url: env.REDIS_URL },
      logLine: `ratelimit: API rate limits are kept in Redis at ${describeUrl(env.REDIS_URL)}`,
      level: 'info',
    };
  }
  return {
    options: { backend: 'memory' },
    logLine:
      'ratelimit: REDIS_URL and UPSTASH_REDIS_REST_URL are unset: rate limits are kept in this process only (each app instance counts separately)',
    level: 'warn',
  };
}
