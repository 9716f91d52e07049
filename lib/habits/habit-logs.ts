import type { Member } from '../auth/session.ts';
import type { Habit } from '../db/generated/client.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict, notFound, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { MAX_LOG_AGE_DAYS, type HabitView, type LogHabit, type LogResult } from './habit-schema.ts';
import { toHabitView } from './habit-view.ts';
import { addDays, localDateIn, toDbDate, type LocalDate } from './local-date.ts';
import { milestonesReached, type StreakMilestone } from './milestones.ts';
import { habitWord, lockOwnedHabit, logDatesByHabit } from './owned-habit.ts';
import { computeStreaks } from './streaks.ts';
import { habitAudience } from '../realtime/audience.ts';

// Logging a habit done on a day, and taking a log back. A day is the tenant's calendar date.
//
// Which days: today, or up to MAX_LOG_AGE_DAYS back for whoever forgot to log in the
// evening; never the future. Outside that window → 422 naming the allowed range.
// Logging a day twice is a 409, not a silent update of the note: a log is an event other
// systems see (habit.logged, milestones), and a second click that quietly rewrote a note
// would hide that nothing new happened. Taking a log back then logging again is the way
// to change a note.

type LogTx = Pick<TenantDb, 'habit' | 'habitLog' | 'domainEvent' | '$executeRaw'>;

function checkLogDate(tenant: TenantContext, date: LocalDate, today: LocalDate): void {
  const earliest = addDays(today, -MAX_LOG_AGE_DAYS);
  if (date > today || date < earliest) {
    const problem = date > today ? `${date} is in the future` : `${date} is more than ${MAX_LOG_AGE_DAYS} days ago`;
    const range = `Pick a day from ${earliest} to today (${today}).`;
    throw validationFailed({ date: `${problem}. ${range}` }, `A ${habitWord(tenant)} can be logged for today or the last ${MAX_LOG_AGE_DAYS} days. ${range}`);
  }
}

function checkActive(tenant: TenantContext, habit: Habit): void {
  if (habit.archivedAt) throw conflict(`This ${habitWord(tenant)} is archived. Restore it first.`);
}

/**
 * Whether this run of the streak already passed `milestone`: an event for it was written
 * after the run's earliest log was. It keeps un-logging and re-logging a day from
 * announcing the same milestone again, while a streak that broke and was rebuilt (all
 * new logs) announces it anew.
 */
async function alreadyAnnounced(tx: LogTx, habitId: string, milestone: StreakMilestone, runSince: LocalDate, today: LocalDate): Promise<boolean> {
  const run = await tx.habitLog.aggregate({ where: { habitId, date: { gte: toDbDate(runSince), lte: toDbDate(today) } }, _min: { createdAt: true } });
  const since = run._min.createdAt;
  if (!since) return false;
  const event = await tx.domainEvent.findFirst({
    where: {
      type: 'habit.streak_milestone',
      occurredAt: { gte: since },
      AND: [{ payload: { path: ['habitId'], equals: habitId } }, { payload: { path: ['milestone'], equals: milestone } }],
    },
    select: { id: true },
  });
  return event !== null;
}

/**
 * Logs the habit done on input.date (default: the tenant's today). Emits habit.logged with
 * the new current streak and, when the log makes the current streak reach 7, 30 or 100,
 * habit.streak_milestone, all in the transaction that writes the log.
 */
export async function logHabit(tenant: TenantContext, member: Member, habitId: string, input: LogHabit, now: Date = new Date()): Promise<LogResult> {
  assertCan(member.role, 'habits.write');
  const today = localDateIn(tenant.timeZone, now);
  const date = input.date ?? today;
  checkLogDate(tenant, date, today);
  const note = input.note ?? null;

  return tenantDb(tenant.id).$transaction(async (tx) => {
    const habit = await lockOwnedHabit(tx, tenant, member, habitId);
    checkActive(tenant, habit);
    const before = (await logDatesByHabit(tx, [habit.id])).get(habit.id) ?? [];
    if (before.includes(date)) {
      const message = `This ${habitWord(tenant)} is already logged for ${date === today ? 'today' : date}.`;
      throw conflict(message, { date: message });
    }

    await tx.habitLog.create({ data: { tenantId: tenant.id, habitId: habit.id, userId: member.userId, date: toDbDate(date), note } });
    const after = [...before, date];
    const streakBefore = computeStreaks(habit, before, today);
    const streakAfter = computeStreaks(habit, after, today);
    await emitEvent(tx, tenant.id, 'habit.logged', { habitId: habit.id, userId: habit.userId, date, note, currentStreak: streakAfter.current }, member.userId, habitAudience(habit));

    const announced: StreakMilestone[] = [];
    for (const milestone of milestonesReached(streakBefore.current, streakAfter.current)) {
      if (streakAfter.currentSince && (await alreadyAnnounced(tx, habit.id, milestone, streakAfter.currentSince, today))) continue;
      await emitEvent(tx, tenant.id, 'habit.streak_milestone', { habitId: habit.id, userId: habit.userId, milestone, unit: streakAfter.unit }, member.userId, habitAudience(habit));
      announced.push(milestone);
    }
    return { log: { date, note }, habit: toHabitView(habit, after, today), milestonesReached: announced };
  });
}

/**
 * Takes back the log of `date` (default: today), within the same days logging allows.
 * It writes no event: the event contract (lib/events/domain-events.ts) has no type for it.
 */
export async function unlogHabit(tenant: TenantContext, member: Member, habitId: string, date?: LocalDate, now: Date = new Date()): Promise<HabitView> {
  assertCan(member.role, 'habits.write');
  const today = localDateIn(tenant.timeZone, now);
  const day = date ?? today;
  checkLogDate(tenant, day, today);

  return tenantDb(tenant.id).$transaction(async (tx) => {
    const habit = await lockOwnedHabit(tx, tenant, member, habitId);
    checkActive(tenant, habit);
    const removed = await tx.habitLog.deleteMany({ where: { habitId: habit.id, date: toDbDate(day) } });
    if (removed.count === 0) throw notFound(`This ${habitWord(tenant)} is not logged for ${day === today ? 'today' : day}.`);
    const logs = await logDatesByHabit(tx, [habit.id]);
    return toHabitView(habit, logs.get(habit.id) ?? [], today);
  });
}
