import { AppError } from '../http/problem.ts';
import { limitReachedMessage, planOf, type PlanHolder } from './entitlements.ts';
import { API_REQUESTS, usageAt } from './usage.ts';

// The API request quota at the /api/v1 door. Plans with a metered overage price go over their
// quota and pay for it (lib/billing/report-usage.ts); the others (free) stop at it with 429
// quota_exceeded.
//
// Cheap by design: the period's count is read from the database at most every
// QUOTA_REFRESH_MS per workspace and process, and the requests this process admits meanwhile
// are added to it. The tolerance: other instances' requests since the last read, and this
// process's requests of the last ~2 s that the request log has not written yet (it counts
// in batches), may go through beyond the quota, i.e. a handful of requests; the free tier's
// rate limit bounds them further.

export const QUOTA_REFRESH_MS = 5_000;

interface Entry {
  start: number;
  end: number;
  counted: number;
  admitted: number;
  readAt: number;
}

const holder = globalThis as unknown as { __waypointQuota?: Map<string, Entry> };

function entries(): Map<string, Entry> {
  holder.__waypointQuota ??= new Map();
  return holder.__waypointQuota;
}

export function clearQuotaCache(): void {
  entries().clear();
}

async function entryFor(tenantId: string, now: Date): Promise<Entry> {
  const map = entries();
  const entry = map.get(tenantId);
  const t = now.getTime();
  if (entry && t - entry.readAt < QUOTA_REFRESH_MS && t >= entry.start && t < entry.end) return entry;
  const usage = await usageAt(tenantId, API_REQUESTS, now);
  const fresh = { start: usage.start.getTime(), end: usage.end.getTime(), counted: usage.value, admitted: 0, readAt: t };
  if (map.size > 50_000) map.clear();
  map.set(tenantId, fresh);
  return fresh;
}

/**
 * Lets one more API request of the workspace through, or throws 429 quota_exceeded (with
 * Retry-After: when the period ends) if its plan stops at the quota and it is used up.
 */
export async function admitApiRequest(tenant: PlanHolder & { id: string }, now = new Date()): Promise<void> {
  const plan = await planOf(tenant);
  if (plan.overageLookupKey !== null) return;
  const entry = await entryFor(tenant.id, now);
  if (entry.counted + entry.admitted >= plan.limits.apiRequestsPerMonth) {
    const resets = new Date(entry.end).toISOString().slice(0, 10);
    const message = await limitReachedMessage(tenant, 'apiRequestsPerMonth', `This workspace has used all its API requests for this period; the count resets on ${resets}.`);
    throw Object.assign(new AppError(429, 'quota_exceeded', message), { retryAfterSeconds: Math.max(1, Math.ceil((entry.end - now.getTime()) / 1000)) });
  }
  entry.admitted++;
}
