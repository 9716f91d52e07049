import { z } from 'zod';
import type { Member } from '../../auth/session.ts';
import type { Prisma } from '../../db/generated/client.ts';
import { tenantDb } from '../../db/tenant-db.ts';
import { toHabitView } from '../../habits/habit-view.ts';
import { fromDbDate, localDateIn, toDbDate } from '../../habits/local-date.ts';
import { findOwnedHabit, logDatesByHabit } from '../../habits/owned-habit.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { decodeCursor, encodeCursor, toPage, type Page } from './cursor.ts';
import { toHabitResource, type HabitListQuery, type HabitLogListQuery, type HabitLogResource, type HabitResource } from './schemas/habit.ts';

// Pages of habits and of one habit's logs. The habit service lists all of a member's habits
// at once and has no log listing, so these page with keysets through the same building
// blocks it uses: the owner check (findOwnedHabit) and the row → view mapping with streaks
// (toHabitView over every log date of the habits on the page).

const HABITS = 'habits';
const LOGS = 'habit_logs';
const habitKey = z.tuple([z.iso.datetime(), z.string().min(1)]);
const logKey = z.tuple([z.iso.date()]);

/** The member's own habits, newest first. */
export async function habitPage(tenant: TenantContext, member: Member, query: z.output<typeof HabitListQuery>, now: Date = new Date()): Promise<Page<HabitResource>> {
  const client = tenantDb(tenant.id);
  const filters: Prisma.HabitWhereInput[] = [{ userId: member.userId }];
  if (query.archived) filters.push({ archivedAt: query.archived === 'true' ? { not: null } : null });
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(HABITS, query.cursor, habitKey);
    filters.push({ OR: [{ createdAt: { lt: new Date(createdAt) } }, { createdAt: new Date(createdAt), id: { lt: id } }] });
  }
  const rows = await client.habit.findMany({ where: { AND: filters }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1 });
  const logs = await logDatesByHabit(client, rows.slice(0, query.limit).map((habit) => habit.id));
  const today = localDateIn(tenant.timeZone, now);
  return toPage(
    rows,
    query.limit,
    (habit) => toHabitResource(toHabitView(habit, logs.get(habit.id) ?? [], today)),
    (habit) => encodeCursor(HABITS, [habit.createdAt.toISOString(), habit.id]),
  );
}

/** Logs of one of the member's habits (404 for anyone else's), latest date first. */
export async function habitLogPage(tenant: TenantContext, member: Member, habitId: string, query: z.output<typeof HabitLogListQuery>): Promise<Page<HabitLogResource>> {
  const client = tenantDb(tenant.id);
  const habit = await findOwnedHabit(client, tenant, member, habitId);
  const date: Prisma.DateTimeFilter = {};
  if (query.from) date.gte = toDbDate(query.from);
  if (query.to) date.lte = toDbDate(query.to);
  // One log per habit and day, so the date alone orders the logs of a habit.
  if (query.cursor) date.lt = toDbDate(decodeCursor(LOGS, query.cursor, logKey)[0]);
  const rows = await client.habitLog.findMany({
    where: { habitId: habit.id, date },
    orderBy: { date: 'desc' },
    take: query.limit + 1,
    select: { date: true, note: true },
  });
  return toPage(
    rows,
    query.limit,
    (log) => ({ habitId: habit.id, date: fromDbDate(log.date), note: log.note }),
    (log) => encodeCursor(LOGS, [fromDbDate(log.date)]),
  );
}
