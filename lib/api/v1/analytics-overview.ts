import type { Member } from '../../auth/session.ts';
import { requireFeature } from '../../billing/entitlements.ts';
import { tenantDb } from '../../db/tenant-db.ts';
import { goalCompletionsByWeek } from '../../goals/goal-dashboard.ts';
import { habitCompletionsByWeek } from '../../habits/habit-dashboard.ts';
import { listHabits } from '../../habits/habits.ts';
import { addDays, localDateIn, toDbDate } from '../../habits/local-date.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { visibleGoalsWhere } from '../../goals/goal-visibility.ts';
import type { AnalyticsOverview } from './schemas/analytics.ts';

const WEEKS = 12;

/** The key creator's goals and habits in numbers; weekly series come from the dashboard services. */
export async function analyticsOverview(tenant: TenantContext, member: Member, now: Date = new Date()): Promise<AnalyticsOverview> {
  await requireFeature(tenant, 'analytics');
  const scoped = tenantDb(tenant.id);
  const today = localDateIn(tenant.timeZone, now);
  const logsSince = (days: number) => scoped.habitLog.count({ where: { userId: member.userId, date: { gte: toDbDate(addDays(today, 1 - days)), lte: toDbDate(today) } } });
  const goals = visibleGoalsWhere(member);
  const [byStatus, activeProgress, goalWeeks, habits, habitWeeks, last7, last30] = await Promise.all([
    scoped.goal.groupBy({ by: ['status'], where: goals, _count: { _all: true } }),
    scoped.goal.aggregate({ where: { AND: [goals, { status: 'active' }] }, _avg: { progress: true } }),
    goalCompletionsByWeek(tenant, member, WEEKS, now),
    listHabits(tenant, member, now),
    habitCompletionsByWeek(tenant, member, WEEKS, now),
    logsSince(7),
    logsSince(30),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  const average = activeProgress._avg.progress;
  const active = habits.filter((habit) => habit.archivedAt === null);
  return {
    generatedAt: now.toISOString(),
    goals: {
      total: byStatus.reduce((sum, row) => sum + row._count._all, 0),
      byStatus: { active: count('active'), completed: count('completed'), archived: count('archived') },
      averageProgress: average === null ? null : Math.round(average * 10) / 10,
      completedByWeek: goalWeeks,
    },
    habits: {
      total: habits.length,
      active: active.length,
      archived: habits.length - active.length,
      logsLast7Days: last7,
      logsLast30Days: last30,
      currentStreaks: active
        .filter((habit) => habit.streak.current > 0)
        .sort((a, b) => b.streak.current - a.streak.current || a.name.localeCompare(b.name))
        .map((habit) => ({ habitId: habit.id, name: habit.name, current: habit.streak.current, longest: habit.streak.longest, unit: habit.streak.unit })),
      completedByWeek: habitWeeks,
    },
  };
}
