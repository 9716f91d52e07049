import { db } from '../db/client.ts';
import { tooManyRequests } from '../http/problem.ts';

// Repeated failed sign-ins are throttled per account (against guessing one password) and
// per IP (against spraying many accounts). Counted in PostgreSQL so every app instance
// sees the same numbers. The IP is the one Waypoint's server worked out from trusted hops
// (lib/auth/client-ip.ts); without one, only the account counts: there is no shared bucket
// of "unknown" callers for one noisy client to fill for everyone.
export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export interface AttemptKey {
  tenantId: string | null;
  email: string;
  ip: string | null;
}

function windowStart(): Date {
  return new Date(Date.now() - WINDOW_MINUTES * 60_000);
}

/** Throws a 429 AppError when this account or IP has failed too often recently. */
export async function assertNotThrottled(key: AttemptKey): Promise<void> {
  const since = windowStart();
  const [byAccount, byIp] = await Promise.all([
    db.loginFailure.count({ where: { email: key.email, tenantId: key.tenantId, createdAt: { gte: since } } }),
    key.ip ? db.loginFailure.count({ where: { ip: key.ip, createdAt: { gte: since } } }) : 0,
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) {
    throw tooManyRequests(`Too many failed sign-in attempts. Try again in ${WINDOW_MINUTES} minutes.`, WINDOW_MINUTES * 60);
  }
}

export async function recordFailure(key: AttemptKey): Promise<void> {
  await db.loginFailure.create({ data: { ...key, ip: key.ip ?? '' } });
  // Keep the table small: anything outside the window no longer counts.
  if (Math.random() < 0.05) await db.loginFailure.deleteMany({ where: { createdAt: { lt: windowStart() } } });
}

export async function clearFailures(key: AttemptKey): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email: key.email, tenantId: key.tenantId } });
}
