import { z } from 'zod';
import type { Member } from '../../auth/session.ts';
import type { Prisma } from '../../db/generated/client.ts';
import { tenantDb } from '../../db/tenant-db.ts';
import { goalSummarySelect, toGoalSummary } from '../../goals/goal-view.ts';
import { addDays, toDbDate } from '../../habits/local-date.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { decodeCursor, encodeCursor, toPage, type Page } from './cursor.ts';
import { toGoalResource, type GoalListQuery, type GoalResource } from './schemas/goal.ts';
import { visibleGoalsWhere } from '../../goals/goal-visibility.ts';

// listGoals() (lib/goals/goals.ts) returns at most 200 goals in display order, which a
// paginated API cannot walk; this pages over the same goals (what its default scope "all"
// shows) by (createdAt, id), newest first, with the app's own row → summary mapping.

const CURSOR_KIND = 'goals';
const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1)]);

/** The goals listGoals(…, { scope: 'all' }) shows the member: their personal goals and their teams' goals. */

export async function goalPage(tenant: TenantContext, member: Member, query: z.output<typeof GoalListQuery>): Promise<Page<GoalResource>> {
  const scoped = tenantDb(tenant.id);
  const filters: Prisma.GoalWhereInput[] = [await visibleGoalsWhere(scoped, member)];
  if (query.status) filters.push({ status: query.status });
  // Days in UTC, the zone goal dates use (lib/goals/dates.ts).
  if (query.from) filters.push({ createdAt: { gte: toDbDate(query.from) } });
  if (query.to) filters.push({ createdAt: { lt: toDbDate(addDays(query.to, 1)) } });
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(CURSOR_KIND, query.cursor, cursorKey);
    filters.push({ OR: [{ createdAt: { lt: new Date(createdAt) } }, { createdAt: new Date(createdAt), id: { lt: id } }] });
  }
  const rows = await scoped.goal.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    select: goalSummarySelect,
  });
  return toPage(rows, query.limit, (row) => toGoalResource(toGoalSummary(row)), (row) => encodeCursor(CURSOR_KIND, [row.createdAt.toISOString(), row.id]));
}
