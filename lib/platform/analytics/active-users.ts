import { dbRead } from '../../db/client.ts';
import { addDays } from '../../goals/dates.ts';
import type { AnalyticsRange } from './range.ts';

// Active people and workspaces per UTC day, from what is recorded of people acting: domain
// events with a person as their actor (goals, habit check-ins, comments, kudos, members and
// settings changes, made in the app or through the API). Reading without changing anything
// leaves no dated record (a session keeps only its last sighting), so it is not counted.
// DAU: distinct people that day; WAU: in the 7 days ending that day; MAU: in the 30 days
// ending that day. Active workspaces: with at least one such person that day, and in the 30
// days ending that day. Partners' sandbox workspaces are left out. Events are kept a year
// (lib/retention), so a range reaching further back than that reads low.

export interface ActiveDay {
  day: string;
  dau: number;
  wau: number;
  mau: number;
  activeWorkspaces: number;
  activeWorkspaces30: number;
}

export function activeUsersPerDay(range: AnalyticsRange): Promise<ActiveDay[]> {
  return dbRead.$queryRaw<ActiveDay[]>`
    WITH days AS (SELECT generate_series(${range.from}::date, ${range.to}::date, interval '1 day')::date AS day),
    activity AS (
      SELECT DISTINCT e."actorId" AS person, e."tenantId" AS tenant, e."occurredAt"::date AS day
      FROM "DomainEvent" e JOIN "Tenant" t ON t.id = e."tenantId" AND t."sandboxOfPartnerId" IS NULL
      WHERE e."actorId" IS NOT NULL AND e."occurredAt" >= ${addDays(range.since, -29)} AND e."occurredAt" < ${range.until}
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
           count(DISTINCT a.person) FILTER (WHERE a.day = days.day)::int AS dau,
           count(DISTINCT a.person) FILTER (WHERE a.day > days.day - 7)::int AS wau,
           count(DISTINCT a.person)::int AS mau,
           count(DISTINCT a.tenant) FILTER (WHERE a.day = days.day)::int AS "activeWorkspaces",
           count(DISTINCT a.tenant)::int AS "activeWorkspaces30"
    FROM days LEFT JOIN activity a ON a.day <= days.day AND a.day > days.day - 30
    GROUP BY days.day
    ORDER BY days.day`;
}
