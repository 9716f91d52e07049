import { dbRead } from '../../db/client.ts';
import type { AnalyticsRange } from './range.ts';

// Calls to the public API per UTC day by status class (1xx and 3xx count with 2xx, as on a
// workspace's usage page), from the request log (ApiRequestLog: API keys and OAuth tokens).
// Partners' sandbox workspaces are left out. The log keeps 90 days (lib/retention).

export interface ApiCallDay {
  day: string;
  ok: number;
  clientErrors: number;
  serverErrors: number;
}

export function apiCallsPerDay(range: AnalyticsRange): Promise<ApiCallDay[]> {
  return dbRead.$queryRaw<ApiCallDay[]>`
    WITH days AS (SELECT generate_series(${range.from}::date, ${range.to}::date, interval '1 day')::date AS day),
    calls AS (
      SELECT r."createdAt"::date AS day,
             count(*) FILTER (WHERE r.status < 400)::int AS ok,
             count(*) FILTER (WHERE r.status >= 400 AND r.status < 500)::int AS "clientErrors",
             count(*) FILTER (WHERE r.status >= 500)::int AS "serverErrors"
      FROM "ApiRequestLog" r JOIN "Tenant" t ON t.id = r."tenantId" AND t."sandboxOfPartnerId" IS NULL
      WHERE r."createdAt" >= ${range.since} AND r."createdAt" < ${range.until}
      GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(calls.ok, 0) AS ok, COALESCE(calls."clientErrors", 0) AS "clientErrors", COALESCE(calls."serverErrors", 0) AS "serverErrors"
    FROM days LEFT JOIN calls USING (day)
    ORDER BY days.day`;
}
