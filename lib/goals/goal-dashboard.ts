import type { Member } from '../auth/session.ts';
import { tenantDb } from '../db/tenant-db.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { addDays, formatDateOnly, isoWeekStart } from './dates.ts';
import type { GoalSummary } from './goal-schema.ts';
import { goalSummarySelect, toGoalSummary } from './goal-view.ts';

// What the dashboard shows about goals.

/**
 * The member's active goals: their personal ones, and team goals of teams they belong to or
 * are assigned on; nearest target date first (undated last), then the most recently changed.
 */
export async function activeGoalsFor(tenant: TenantContext, member: Member, limit = 10): Promise<GoalSummary[]> {
  const scoped = tenantDb(tenant.id);
  // Team ids and assigned goal ids first, so that each branch of the OR is an index lookup:
  // a relation filter there made PostgreSQL test every active goal of the workspace.
  const [teams, assigned] = await Promise.all([
    scoped.teamMember.findMany({ where: { userId: member.userId }, select: { teamId: true } }),
    scoped.goalAssignee.findMany({ where: { userId: member.userId }, select: { goalId: true } }),
  ]);
  const rows = await scoped.goal.findMany({
    where: {
      status: 'active',
      OR: [
        { teamId: null, ownerId: member.userId },
        { teamId: { in: teams.map((t) => t.teamId) } },
        { teamId: { not: null }, id: { in: assigned.map((a) => a.goalId) } },
      ],
    },
    orderBy: [{ targetDate: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }],
    take: Math.max(1, Math.min(100, Math.trunc(limit))),
    select: goalSummarySelect,
  });
  return rows.map(toGoalSummary);
}

export interface WeeklyCount {
  /** Monday of the ISO week, YYYY-MM-DD (UTC) */
  weekStart: string;
  count: number;
}

/**
 * Goals the member completed (they are the completedById) per ISO week in UTC, for the
 * `weeks` weeks up to and including the one `now` falls in; oldest first, empty weeks as 0.
 */
export async function goalCompletionsByWeek(tenant: TenantContext, member: Member, weeks = 12, now: Date = new Date()): Promise<WeeklyCount[]> {
  const span = Math.max(1, Math.min(520, Math.trunc(weeks)));
  const first = addDays(isoWeekStart(now), -7 * (span - 1));
  const end = addDays(isoWeekStart(now), 7);
  const completed = await tenantDb(tenant.id).goal.findMany({
    where: { completedById: member.userId, completedAt: { gte: first, lt: end } },
    select: { completedAt: true },
  });
  const counts = new Map<string, number>();
  for (const { completedAt } of completed) {
    if (!completedAt) continue;
    const week = formatDateOnly(isoWeekStart(completedAt));
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return Array.from({ length: span }, (_, i) => {
    const weekStart = formatDateOnly(addDays(first, 7 * i));
    return { weekStart, count: counts.get(weekStart) ?? 0 };
  });
}
