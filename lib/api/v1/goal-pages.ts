import { z } from 'zod';
import type { Member } from '../../auth/session.ts';
import { pgPool } from '../../db/pg-pool.ts';
import { queryAsTenant } from '../../db/tenant-session.ts';
import { addDays, toDbDate } from '../../habits/local-date.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import type { GoalListQuery } from './schemas/goal.ts';

// listGoals() (lib/goals/goals.ts) returns at most 200 goals in display order, which a
// paginated API cannot walk; this pages over the same goals by (createdAt, id), newest
// first. It is the API's hottest route, so it is one SQL statement (milestone counts and
// assignees as subselects) on the plain pg pool rather than a Prisma query per relation
// (in `npm run bench` on a 2-core machine: from about 35% to 56% of a bare route's throughput).
// Raw SQL is not scoped by tenantDb: the tenant condition is written here (row-level security
// backs it: the statement runs as the tenant), and the
// visibility rule is the one in lib/goals/goal-visibility.ts (personal goals of the member,
// and goals of their teams; every team's for an installed app).

const CURSOR_KIND = 'goals';
const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1)]);

/** A timestamp column as JSON text the way Date#toISOString() writes it (columns hold UTC). */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface Row {
  /** The GoalResource (lib/api/v1/schemas/goal.ts) as JSON text. */
  doc: string;
  /** The cursor's key. */
  createdAt: string;
  id: string;
}

/**
 * A page of goals as the JSON text of a Page<GoalResource>. PostgreSQL writes each goal's
 * JSON: the API's server process is what runs out of CPU first (`npm run bench`'s profile),
 * and this spares it parsing 20 rows of columns into values, dates into Dates and back into
 * text, and stringifying the page.
 */
export async function goalPageJson(tenant: TenantContext, member: Member, query: z.output<typeof GoalListQuery>): Promise<string> {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const tenantId = param(tenant.id);
  const userId = param(member.userId);
  const conditions = [
    `g."tenantId" = ${tenantId}`,
    // An installed app (member.appInstallationId) sees every team's goals, as visibleGoalsWhere says.
    member.appInstallationId
      ? `((g."teamId" IS NULL AND g."ownerId" = ${userId}) OR g."teamId" IS NOT NULL)`
      : // ARRAY(…) is computed once, so both sides of the OR are index lookups; IN (SELECT …) made
        // PostgreSQL test every goal of the workspace (`npm run bench:scale`).
        `((g."teamId" IS NULL AND g."ownerId" = ${userId}) OR g."teamId" = ANY (ARRAY(SELECT tm."teamId" FROM "TeamMember" tm WHERE tm."tenantId" = ${tenantId} AND tm."userId" = ${userId})))`,
  ];
  if (query.status) conditions.push(`g.status = ${param(query.status)}::"GoalStatus"`);
  // Days in UTC, the zone goal dates use (lib/goals/dates.ts).
  if (query.from) conditions.push(`g."createdAt" >= ${param(toDbDate(query.from))}`);
  if (query.to) conditions.push(`g."createdAt" < ${param(toDbDate(addDays(query.to, 1)))}`);
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(CURSOR_KIND, query.cursor, cursorKey);
    conditions.push(`(g."createdAt", g.id) < (${param(new Date(createdAt))}, ${param(id)})`);
  }
  const { rows } = await queryAsTenant<Row>(
    pgPool(),
    tenant.id,
    `SELECT json_build_object(
              'id', g.id, 'title', g.title, 'description', g.description, 'status', g.status, 'progress', g.progress,
              'targetValue', g."targetValue", 'unit', g.unit, 'currentValue', g."currentValue",
              'targetDate', g."targetDate", 'teamId', g."teamId", 'ownerId', g."ownerId", 'completedAt', ${iso('g."completedAt"')},
              'milestones', json_build_object(
                'completed', (SELECT count(*)::int FROM "Milestone" m WHERE m."goalId" = g.id AND m."completedAt" IS NOT NULL),
                'total', (SELECT count(*)::int FROM "Milestone" m WHERE m."goalId" = g.id)),
              'assignees', COALESCE((SELECT json_agg(json_build_object('userId', a."userId", 'role', a.role) ORDER BY a."createdAt")
                                     FROM "GoalAssignee" a WHERE a."goalId" = g.id), '[]'::json),
              'createdAt', ${iso('g."createdAt"')}, 'updatedAt', ${iso('g."updatedAt"')})::text AS doc,
            ${iso('g."createdAt"')} AS "createdAt", g.id
     FROM "Goal" g
     WHERE ${conditions.join(' AND ')}
     ORDER BY g."createdAt" DESC, g.id DESC
     LIMIT ${param(query.limit + 1)}`,
    values,
  );
  const more = rows.length > query.limit;
  const kept = more ? rows.slice(0, query.limit) : rows;
  const last = kept[kept.length - 1];
  const nextCursor: Page<unknown>['next_cursor'] = more ? encodeCursor(CURSOR_KIND, [last.createdAt, last.id]) : null;
  return `{"data":[${kept.map((row) => row.doc).join(',')}],"next_cursor":${JSON.stringify(nextCursor)}}`;
}
