import type { Member } from '../auth/session.ts';
import { Prisma } from '../db/client.ts';
import { tenantDb, tenantDbRead } from '../db/tenant-db.ts';
import { limit } from '../billing/entitlements.ts';
import { API_REQUESTS, usageAt } from '../billing/usage.ts';
import { can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { BUCKETS, percentileOf } from './usage-rollup.ts';

// What the developer portal shows about a workspace's public API traffic, from the request
// log's daily rollup (ApiUsageDaily, lib/api/usage-rollup.ts), on the read replica when there
// is one (tenantDbRead): a few rows per day and key, where the raw log has one per request. The
// rollup is written in the log's own transaction, so it is as current as the log, today
// included: nothing is read from the raw log. Counts are exact; latency percentiles are read
// from a histogram, off by at most the width of the bucket that holds them. Every query names
// the tenant explicitly (tenantDb does not scope raw SQL; row-level security backs it). Days
// are UTC days. The quota line is the workspace's billing period (its
// subscription's period, or the calendar month), from its usage meter (lib/billing/usage.ts).
// A response counts as an error from 400 up; the rare 1xx/3xx count with the 2xx.

export interface DailyUsage {
  /** YYYY-MM-DD (UTC) */
  day: string;
  /** status < 400 */
  ok: number;
  /** 400–499 */
  clientErrors: number;
  /** 500 and up */
  serverErrors: number;
}

export interface EndpointUsage {
  method: string;
  route: string;
  requests: number;
  errors: number;
  /** errors / requests, 0..1 */
  errorRate: number;
}

export interface LatencyPercentiles {
  /** milliseconds, approximate (see above); null without any request in the window */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface UsageStats {
  /** One entry per day of the window, oldest first; days without requests are zeros. */
  days: DailyUsage[];
  totals: { requests: number; errors: number; errorRate: number };
  latency: LatencyPercentiles;
  topEndpoints: EndpointUsage[];
  /**
   * The workspace's billable requests in its current billing period against its plan's quota.
   * period: "YYYY-MM" for a calendar month, else "YYYY-MM-DD to YYYY-MM-DD" (end exclusive).
   */
  month: { period: string; requests: number; quota: number };
}

export interface UsageOptions {
  /** Only requests made with these keys (undefined: every request of the workspace). */
  apiKeyIds?: readonly string[];
  days?: number;
  now?: Date;
  topEndpoints?: number;
}

const DAY_MS = 86_400_000;

const HISTOGRAM_SUMS = Prisma.raw(Array.from({ length: BUCKETS }, (_, i) => `coalesce(sum("latencyBuckets"[${i + 1}]), 0)::int`).join(', '));

const rate = (errors: number, requests: number) => (requests === 0 ? 0 : errors / requests);

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function periodLabel({ start, end }: { start: Date; end: Date }): string {
  const calendarMonth = start.getUTCDate() === 1 && start.getUTCHours() === 0 && start.getUTCMinutes() === 0 && end.getUTCMonth() === (start.getUTCMonth() + 1) % 12 && end.getUTCDate() === 1;
  return calendarMonth ? start.toISOString().slice(0, 7) : `${start.toISOString().slice(0, 10)} to ${end.toISOString().slice(0, 10)}`;
}

export async function usageStats(tenant: Pick<TenantContext, 'id' | 'plan'>, options: UsageOptions = {}): Promise<UsageStats> {
  const now = options.now ?? new Date();
  const span = Math.max(1, Math.min(366, Math.trunc(options.days ?? 30)));
  const until = new Date(startOfUtcDay(now).getTime() + DAY_MS);
  const since = new Date(until.getTime() - span * DAY_MS);
  const keys = options.apiKeyIds === undefined ? Prisma.empty : Prisma.sql`AND "apiKeyId" = ANY(${[...options.apiKeyIds]}::text[])`;
  // Dates as text: the rollup's days are UTC dates, whatever the session's time zone.
  const window = Prisma.sql`"tenantId" = ${tenant.id} AND "day" >= ${since.toISOString().slice(0, 10)}::date AND "day" < ${until.toISOString().slice(0, 10)}::date ${keys}`;

  const replica = tenantDbRead(tenant.id);
  const [perDay, [latency], endpoints, counter, quota] = await Promise.all([
    replica.$queryRaw<DailyUsage[]>`
      SELECT to_char("day", 'YYYY-MM-DD') AS day,
             coalesce(sum(requests) FILTER (WHERE "statusClass" = 2), 0)::int AS ok,
             coalesce(sum(requests) FILTER (WHERE "statusClass" = 4), 0)::int AS "clientErrors",
             coalesce(sum(requests) FILTER (WHERE "statusClass" = 5), 0)::int AS "serverErrors"
      FROM "ApiUsageDaily" WHERE ${window}
      GROUP BY 1`,
    // The window's histogram and its slowest request. Summed bucket by bucket: unnest() would
    // multiply the rows by the buckets, and the planner then chose a sequential scan.
    replica.$queryRaw<{ histogram: number[]; max: number | null }[]>`
      SELECT ARRAY[${HISTOGRAM_SUMS}] AS histogram, max("maxDurationMs") AS max
      FROM "ApiUsageDaily" WHERE ${window}`,
    replica.$queryRaw<Omit<EndpointUsage, 'errorRate'>[]>`
      SELECT method, route, sum(requests)::int AS requests, coalesce(sum(requests) FILTER (WHERE "statusClass" >= 4), 0)::int AS errors
      FROM "ApiUsageDaily" WHERE ${window}
      GROUP BY method, route
      ORDER BY requests DESC, route, method
      LIMIT ${Math.max(1, Math.trunc(options.topEndpoints ?? 10))}`,
    usageAt(tenant.id, API_REQUESTS, now),
    limit(tenant, 'apiRequestsPerMonth'),
  ]);

  const byDay = new Map(perDay.map((row) => [row.day, row]));
  const days = Array.from({ length: span }, (_, i) => {
    const day = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, ok: 0, clientErrors: 0, serverErrors: 0 };
  });
  const requests = days.reduce((sum, d) => sum + d.ok + d.clientErrors + d.serverErrors, 0);
  const errors = days.reduce((sum, d) => sum + d.clientErrors + d.serverErrors, 0);
  // An aggregate without GROUP BY always answers one row (max null without requests).
  const percentile = (q: number) => percentileOf(latency!.histogram, latency!.max ?? 0, q);
  return {
    days,
    totals: { requests, errors, errorRate: rate(errors, requests) },
    latency: { p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99) },
    topEndpoints: endpoints.map((e) => ({ ...e, errorRate: rate(e.errors, e.requests) })),
    month: { period: periodLabel(counter), requests: counter.value, quota },
  };
}

/** Admins see every key's traffic; anyone else the traffic of the keys they made. */
export async function usageStatsFor(tenant: TenantContext, member: Member, now = new Date()): Promise<UsageStats & { scope: 'workspace' | 'own' }> {
  if (can(member.role, 'integrations.manage')) return { ...(await usageStats(tenant, { now })), scope: 'workspace' };
  const own = await tenantDb(tenant.id).apiKey.findMany({ where: { createdById: member.userId }, select: { id: true } });
  return { ...(await usageStats(tenant, { now, apiKeyIds: own.map((k) => k.id) })), scope: 'own' };
}
