import { env } from '../config/env.ts';
import { tooManyRequests } from '../http/problem.ts';
import { createLimiter } from '../ratelimit/create.ts';
import { chooseBackend } from '../ratelimit/select-backend.ts';
import { policiesFor, type PolicyTable, type Tier } from '../ratelimit/tiers.ts';
import type { ClosableRateLimiter } from '../ratelimit/types.ts';

// The ACS verifies RSA signatures for anyone who posts: limited per client IP and per
// connection (lib/ratelimit, on the same Redis as the API's limits when there is one). A real
// person posts once per sign-in; a whole company signing in at 9:00 stays within the
// connection's limit.

const PER_IP = { burst: 20, perHour: 600, perDay: 3_000 };
const PER_CONNECTION = { burst: 100, perHour: 20_000, perDay: 200_000 };

function table(limits: typeof PER_IP): PolicyTable {
  const policies = policiesFor(limits);
  return Object.fromEntries((['free', 'developer', 'business', 'enterprise'] as Tier[]).map((tier) => [tier, policies])) as PolicyTable;
}

const holder = globalThis as unknown as { __waypointAcsLimiters?: { ip: ClosableRateLimiter; connection: ClosableRateLimiter } };

function limiters() {
  if (!holder.__waypointAcsLimiters) {
    const { REDIS_URL, UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN } = env();
    const { options } = chooseBackend({ REDIS_URL, UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN });
    const prefixed = (prefix: string) => (options.backend === 'memory' ? options : { ...options, prefix });
    holder.__waypointAcsLimiters = {
      ip: createLimiter(prefixed('waypoint:ratelimit:saml-acs:ip'), table(PER_IP)),
      connection: createLimiter(prefixed('waypoint:ratelimit:saml-acs:connection'), table(PER_CONNECTION)),
    };
  }
  return holder.__waypointAcsLimiters;
}

/** Throws 429 (with Retry-After) when this IP or this connection's ACS has posted too much. */
export async function limitAcs(ip: string | null, connectionId: string | null): Promise<void> {
  const { ip: byIp, connection: byConnection } = limiters();
  const [a, b] = await Promise.all([byIp.limit(ip ?? 'unknown', 'free'), byConnection.limit(connectionId ?? 'shared', 'free')]);
  const refused = [a, b].find((result) => !result.success);
  if (refused) throw tooManyRequests('Too many sign-in responses from here. Wait a moment and sign in again.', refused.retryAfter);
}

/** Tests and shutdown: drop the limiters (and their Redis connections). */
export async function closeAcsLimiters(): Promise<void> {
  const current = holder.__waypointAcsLimiters;
  holder.__waypointAcsLimiters = undefined;
  await Promise.all([current?.ip.close(), current?.connection.close()]);
}
