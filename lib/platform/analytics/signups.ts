import { dbRead } from '../../db/client.ts';
import type { AnalyticsRange } from './range.ts';

// Sign-ups per UTC day: new workspaces (partners' sandbox workspaces are not customers and are
// left out) and new accounts (a person's User row, made when they first sign up or accept an
// invitation, whatever workspace they join).

export interface SignupDay {
  day: string;
  workspaces: number;
  users: number;
}

export function signupsPerDay(range: AnalyticsRange): Promise<SignupDay[]> {
  return dbRead.$queryRaw<SignupDay[]>`
    WITH days AS (SELECT generate_series(${range.from}::date, ${range.to}::date, interval '1 day')::date AS day),
    w AS (
      SELECT "createdAt"::date AS day, count(*)::int AS n FROM "Tenant"
      WHERE "createdAt" >= ${range.since} AND "createdAt" < ${range.until} AND "sandboxOfPartnerId" IS NULL GROUP BY 1
    ),
    u AS (SELECT "createdAt"::date AS day, count(*)::int AS n FROM "User" WHERE "createdAt" >= ${range.since} AND "createdAt" < ${range.until} GROUP BY 1)
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(w.n, 0) AS workspaces, COALESCE(u.n, 0) AS users
    FROM days LEFT JOIN w USING (day) LEFT JOIN u USING (day)
    ORDER BY days.day`;
}
