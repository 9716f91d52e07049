import { env } from '../config/env.ts';
import { db } from '../db/client.ts';
import { checkJobs } from '../jobs/start.ts';
import { logger } from '../observability/logger.ts';
import { getApiRateLimiter } from '../ratelimit/index.ts';
import { isDraining } from '../server/lifecycle.ts';
import { runProbe, type CheckResult, type Probe } from './probe.ts';

// Whether this instance should receive traffic (GET /api/health/ready): its database answers,
// its job queue runs (when this process runs the jobs) and the shared rate-limit store answers
// (when one is configured). A stopping instance is not ready, so load balancers move on.
// Liveness (GET /api/health/live) asks none of these: a database outage must not get every
// instance restarted.

/** Each check's deadline: well under the 5 s a load balancer's probe usually waits. */
export const CHECK_TIMEOUT_MS = 2_000;

export interface Readiness {
  status: 'ok' | 'unavailable' | 'draining';
  checks: Record<string, Omit<CheckResult, 'error'>>;
}

/** The database's probe; tests pass a client of their own. */
export function databaseProbe(client: { $queryRaw: typeof db.$queryRaw } = db): Probe {
  return () => client.$queryRaw`SELECT 1`;
}

/** What this process depends on, from its configuration. */
export function appProbes(): Record<string, Probe> {
  const probes: Record<string, Probe> = { database: databaseProbe() };
  if (env().JOBS_IN_SERVER) probes.jobs = checkJobs;
  const limiter = getApiRateLimiter();
  if (limiter.backend !== 'memory') probes.rateLimitStore = () => limiter.ping();
  return probes;
}

export async function readiness(probes: Record<string, Probe> = appProbes(), timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  if (isDraining()) return { status: 'draining', checks: {} };
  const names = Object.keys(probes);
  const results = await Promise.all(names.map((name) => runProbe(probes[name], timeoutMs)));
  const checks: Readiness['checks'] = {};
  names.forEach((name, i) => {
    const { error, ...shown } = results[i];
    if (shown.status === 'fail') logger().warn({ check: name, reason: shown.reason, err: error }, 'readiness check failed');
    checks[name] = shown;
  });
  return { status: results.every((result) => result.status === 'ok') ? 'ok' : 'unavailable', checks };
}

/** The answer of GET /api/health/ready (and /api/health): 200 when ready, 503 with the checks otherwise. */
export async function readinessResponse(): Promise<Response> {
  const result = await readiness();
  return Response.json(result, { status: result.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
