import type { Member } from '../auth/session.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { badRequest } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { HabitView } from './habit-schema.ts';
import { listHabits } from './habits.ts';
import { addDays, fromDbDate, isoWeekStart, localDateIn, toDbDate, type LocalDate } from './local-date.ts';

// What the dashboard shows of a member's habits: today's list and a weekly chart.

export interface WeekCompletions {
  /** Monday of the ISO week, 'YYYY-MM-DD'. */
  weekStart: LocalDate;
  /** Logs of all the member's habits (archived ones too) dated in that week. */
  count: number;
}

/**
 * The member's active habits that are due today (see HabitView.today.due) or already done
 * today, with their done flag and current streak, in listHabits' order.
 */
export async function habitsForToday(tenant: TenantContext, member: Member, now: Date = new Date()): Promise<HabitView[]> {
  const habits = await listHabits(tenant, member, now);
  return habits.filter((habit) => habit.archivedAt === null && (habit.today.due || habit.today.done));
}

/** Logs per ISO week for the last `weeks` weeks, oldest first; the last is the current week. */
export async function habitCompletionsByWeek(tenant: TenantContext, member: Member, weeks = 12, now: Date = new Date()): Promise<WeekCompletions[]> {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) throw badRequest('Ask for 1 to 104 weeks.');
  const today = localDateIn(tenant.timeZone, now);
  const first = addDays(isoWeekStart(today), -7 * (weeks - 1));
  const logs = await tenantDb(tenant.id).habitLog.findMany({
    where: { userId: member.userId, date: { gte: toDbDate(first), lte: toDbDate(today) } },
    select: { date: true },
  });
  const counts = new Map<LocalDate, number>();
  for (const log of logs) {
    const week = isoWeekStart(fromDbDate(log.date));
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return Array.from({ length: weeks }, (_, index) => {
    const weekStart = addDays(first, 7 * index);
    return { weekStart, count: counts.get(weekStart) ?? 0 };
  });
}
