import type { Member } from '../auth/session.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { habitRuleSchema, habitSearchSchema, type CreateHabit, type HabitDetail, type HabitPage, type HabitView, type UpdateHabit } from './habit-schema.ts';
import { toHabitView } from './habit-view.ts';
import { addDays, fromDbDate, isoWeekStart, localDateIn, toDbDate } from './local-date.ts';
import { findOwnedHabit, logDatesByHabit } from './owned-habit.ts';
import { habitAudience } from '../realtime/audience.ts';

// The habit service: a member's own habits in one tenant. Writes need 'habits.write'
// (viewers get 403) and run in one transaction with their domain event; reads and writes
// of a habit that is not the member's own answer 404 (owned-habit.ts). `now` is a
// parameter so tests can stand on any day in any time zone.

/** Weeks of history on a habit's page, this one included. */
export const HISTORY_WEEKS = 8;

export async function createHabit(tenant: TenantContext, member: Member, input: CreateHabit, now: Date = new Date()): Promise<HabitView> {
  assertCan(member.role, 'habits.write');
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const habit = await tx.habit.create({
      data: {
        tenantId: tenant.id,
        userId: member.userId,
        name: input.name,
        description: input.description,
        schedule: input.schedule,
        scheduleDays: input.scheduleDays,
        timesPerWeek: input.timesPerWeek,
      },
    });
    await emitEvent(tx, tenant.id, 'habit.created', { habitId: habit.id, name: habit.name, userId: habit.userId, schedule: habit.schedule }, member.userId, habitAudience(habit));
    return toHabitView(habit, [], localDateIn(tenant.timeZone, now));
  });
}

/**
 * Changes name, description and schedule, and archives (archived: true) or restores
 * (false). A schedule change is merged over the stored one and must be complete as a
 * whole, e.g. switching to weekly_days needs scheduleDays. It writes no event: the event
 * contract (lib/events/domain-events.ts) has no habit.updated or habit.archived.
 */
export async function updateHabit(tenant: TenantContext, member: Member, habitId: string, input: UpdateHabit, now: Date = new Date()): Promise<HabitView> {
  assertCan(member.role, 'habits.write');
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const habit = await findOwnedHabit(tx, tenant, member, habitId);
    const scheduleChanged = input.schedule !== undefined || input.scheduleDays !== undefined || input.timesPerWeek !== undefined;
    const rule = scheduleChanged
      ? parseInput(habitRuleSchema, {
          schedule: input.schedule ?? habit.schedule,
          scheduleDays: input.scheduleDays ?? habit.scheduleDays,
          timesPerWeek: input.timesPerWeek === undefined ? habit.timesPerWeek : input.timesPerWeek,
        })
      : {};

    const archivedAt = input.archived === undefined ? undefined : input.archived ? (habit.archivedAt ?? now) : null;
    const updated = await tx.habit.update({
      where: { id: habit.id },
      data: { name: input.name, description: input.description, archivedAt, ...rule },
    });
    const logs = await logDatesByHabit(tx, [habit.id]);
    return toHabitView(updated, logs.get(habit.id) ?? [], localDateIn(tenant.timeZone, now));
  });
}

/** Archived habits keep their logs but leave the today lists; restore with updateHabit. */
export function archiveHabit(tenant: TenantContext, member: Member, habitId: string, now: Date = new Date()): Promise<HabitView> {
  return updateHabit(tenant, member, habitId, { archived: true }, now);
}

/** Deletes the habit and its logs for good. */
export async function deleteHabit(tenant: TenantContext, member: Member, habitId: string): Promise<void> {
  assertCan(member.role, 'habits.write');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const habit = await findOwnedHabit(tx, tenant, member, habitId);
    await tx.habit.delete({ where: { id: habit.id } });
    await emitEvent(tx, tenant.id, 'habit.deleted', { habitId: habit.id, name: habit.name }, member.userId, habitAudience(habit));
  });
}

/** The member's habits, active ones first (oldest first), then archived ones. */
export async function listHabits(tenant: TenantContext, member: Member, now: Date = new Date()): Promise<HabitView[]> {
  const client = tenantDb(tenant.id);
  const habits = await client.habit.findMany({
    where: { userId: member.userId },
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
  });
  const logs = await logDatesByHabit(client, habits.map((habit) => habit.id));
  const today = localDateIn(tenant.timeZone, now);
  return habits.map((habit) => toHabitView(habit, logs.get(habit.id) ?? [], today));
}

/**
 * One page of the member's own habits, by words in the name or description, status, schedule
 * and today's state, in the chosen order. Streaks and today's state are computed from the
 * logs, so those filters and the streak order run after the (tenant- and owner-scoped) query;
 * one person's habits are few.
 */
export async function searchHabits(tenant: TenantContext, member: Member, input: unknown = {}, now: Date = new Date()): Promise<HabitPage> {
  const query = parseInput(habitSearchSchema, input);
  const client = tenantDb(tenant.id);
  const habits = await client.habit.findMany({
    where: {
      userId: member.userId,
      ...(query.status === 'active' ? { archivedAt: null } : query.status === 'archived' ? { archivedAt: { not: null } } : {}),
      ...(query.schedule ? { schedule: query.schedule } : {}),
      ...(query.q ? { OR: [{ name: { contains: query.q, mode: 'insensitive' as const } }, { description: { contains: query.q, mode: 'insensitive' as const } }] } : {}),
    },
    orderBy: query.sort === 'name' ? [{ name: 'asc' }, { id: 'asc' }] : [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  const logs = await logDatesByHabit(client, habits.map((habit) => habit.id));
  const today = localDateIn(tenant.timeZone, now);
  let views = habits.map((habit) => toHabitView(habit, logs.get(habit.id) ?? [], today));
  if (query.today === 'due') views = views.filter((h) => h.today.due && !h.today.done);
  if (query.today === 'done') views = views.filter((h) => h.today.done);
  if (query.sort === 'streak') views = [...views].sort((a, b) => b.streak.current - a.streak.current);
  const start = (query.page - 1) * query.pageSize;
  return {
    habits: views.slice(start, start + query.pageSize),
    total: views.length,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(views.length / query.pageSize)),
  };
}

/** One of the member's habits with its last HISTORY_WEEKS weeks of logs and notes. */
export async function getHabit(tenant: TenantContext, member: Member, habitId: string, now: Date = new Date()): Promise<HabitDetail> {
  const client = tenantDb(tenant.id);
  const habit = await findOwnedHabit(client, tenant, member, habitId);
  const today = localDateIn(tenant.timeZone, now);
  const from = addDays(isoWeekStart(today), -7 * (HISTORY_WEEKS - 1));
  const [logs, recent] = await Promise.all([
    logDatesByHabit(client, [habit.id]),
    client.habitLog.findMany({
      where: { habitId: habit.id, date: { gte: toDbDate(from), lte: toDbDate(today) } },
      select: { date: true, note: true },
      orderBy: { date: 'asc' },
    }),
  ]);
  return {
    ...toHabitView(habit, logs.get(habit.id) ?? [], today),
    history: { from, to: today, logs: recent.map((log) => ({ date: fromDbDate(log.date), note: log.note })) },
  };
}
