import { z } from 'zod';
import type { Member } from '../../auth/session.ts';
import { pgPool } from '../../db/pg-pool.ts';
import { queryAsTenant } from '../../db/tenant-session.ts';
import type { AssigneeRole, GoalStatus } from '../../goals/goal-schema.ts';
import { addDays, toDbDate } from '../../habits/local-date.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { decodeCursor, encodeCursor, toPage, type Page } from './cursor.ts';
import type { GoalListQuery, GoalResource } from './schemas/goal.ts';

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

interface Row {
  id: string;
  title: string;
  description: string | null;
  status: GoalStatus;
  progress: number;
  /** YYYY-MM-DD (see lib/db/pg-pool.ts) */
  targetDate: string | null;
  teamId: string | null;
  ownerId: string;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  milestonesTotal: number;
  milestonesCompleted: number;
  assignees: { userId: string; role: AssigneeRole }[];
}

export async function goalPage(tenant: TenantContext, member: Member, query: z.output<typeof GoalListQuery>): Promise<Page<GoalResource>> {
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
    `SELECT g.id, g.title, g.description, g.status, g.progress, g."targetDate", g."teamId", g."ownerId",
            g."completedAt", g."createdAt", g."updatedAt",
            (SELECT count(*)::int FROM "Milestone" m WHERE m."goalId" = g.id) AS "milestonesTotal",
            (SELECT count(*)::int FROM "Milestone" m WHERE m."goalId" = g.id AND m."completedAt" IS NOT NULL) AS "milestonesCompleted",
            COALESCE((SELECT json_agg(json_build_object('userId', a."userId", 'role', a.role) ORDER BY a."createdAt")
                      FROM "GoalAssignee" a WHERE a."goalId" = g.id), '[]'::json) AS assignees
     FROM "Goal" g
     WHERE ${conditions.join(' AND ')}
     ORDER BY g."createdAt" DESC, g.id DESC
     LIMIT ${param(query.limit + 1)}`,
    values,
  );
  return toPage(rows, query.limit, toResource, (row) => encodeCursor(CURSOR_KIND, [row.createdAt.toISOString(), row.id]));
}

function toResource(row: Row): GoalResource {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    progress: row.progress,
    targetDate: row.targetDate,
    teamId: row.teamId,
    ownerId: row.ownerId,
    completedAt: row.completedAt?.toISOString() ?? null,
    milestones: { completed: row.milestonesCompleted, total: row.milestonesTotal },
    assignees: row.assignees,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
