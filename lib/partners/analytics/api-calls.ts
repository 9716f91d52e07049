import { db, Prisma } from '../../db/client.ts';
import { notSandbox, type AnalyticsScope, type AnalyticsWindow } from './window.ts';

// The API calls the scope's apps made with their installation tokens (ApiRequestLog rows with
// marketplaceAppId), per UTC day by status class, with latency percentiles computed by
// PostgreSQL (percentile_cont, interpolated, in ms to 0.1 ms) per day and over the whole window.
// 1xx/3xx answers count with the 2xx, as in the workspace's own usage page.

export interface ApiCallDay {
  day: string;
  ok: number;
  clientErrors: number;
  serverErrors: number;
  /** ms; null on a day without calls */
  p50: number | null;
  p95: number | null;
}

export interface ApiCallStats {
  days: ApiCallDay[];
  totals: {
    calls: number;
    clientErrors: number;
    serverErrors: number;
    /** Shares of all calls, 0..1 (0 without calls). */
    clientErrorRate: number;
    serverErrorRate: number;
    p50: number | null;
    p95: number | null;
  };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export async function apiCallStats(scope: AnalyticsScope, window: AnalyticsWindow): Promise<ApiCallStats> {
  const where = Prisma.sql`r."marketplaceAppId" = ANY(${scope.appIds}::text[]) AND r."createdAt" >= ${window.since} AND r."createdAt" < ${window.until} AND ${notSandbox(Prisma.sql`r."tenantId"`)}`;
  const rows = await db.$queryRaw<(ApiCallDay & { grand: boolean })[]>`
    SELECT to_char(date_trunc('day', r."createdAt"), 'YYYY-MM-DD') AS day, GROUPING(date_trunc('day', r."createdAt")) = 1 AS grand,
           count(*) FILTER (WHERE r.status < 400)::int AS ok,
           count(*) FILTER (WHERE r.status >= 400 AND r.status < 500)::int AS "clientErrors",
           count(*) FILTER (WHERE r.status >= 500)::int AS "serverErrors",
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY r."durationMs")::numeric, 1)::float8 AS p50,
           round(percentile_cont(0.95) WITHIN GROUP (ORDER BY r."durationMs")::numeric, 1)::float8 AS p95
    FROM "ApiRequestLog" r WHERE ${where}
    GROUP BY ROLLUP (date_trunc('day', r."createdAt"))`;
  const total = rows.find((r) => r.grand);
  const byDay = new Map(rows.filter((r) => !r.grand).map((r) => [r.day, r]));
  const days = window.days.map((day): ApiCallDay => {
    const row = byDay.get(day);
    return row ? { day, ok: row.ok, clientErrors: row.clientErrors, serverErrors: row.serverErrors, p50: row.p50, p95: row.p95 } : { day, ok: 0, clientErrors: 0, serverErrors: 0, p50: null, p95: null };
  });
  const calls = total ? total.ok + total.clientErrors + total.serverErrors : 0;
  return {
    days,
    totals: {
      calls,
      clientErrors: total?.clientErrors ?? 0,
      serverErrors: total?.serverErrors ?? 0,
      clientErrorRate: share(total?.clientErrors ?? 0, calls),
      serverErrorRate: share(total?.serverErrors ?? 0, calls),
      p50: total?.p50 ?? null,
      p95: total?.p95 ?? null,
    },
  };
}
