import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import type { Habit } from '../db/generated/client.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { notFound } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { fromDbDate, type LocalDate } from './local-date.ts';

// Habits are personal. Every lookup goes through the tenant-scoped client AND asks for the
// member's own habit, and anything else (another member's, another tenant's, no such id)
// is the same 404, so ids reveal nothing about habits that are not yours.

/** tenantDb(tenant.id) or a transaction of it. */
export type HabitClient = Pick<TenantDb, 'habit' | 'habitLog'>;

/** "habit" in the tenant's own words, for messages. */
export function habitWord(tenant: TenantContext): string {
  return term(tenant.branding.terminology, 'habit');
}

function habitNotFound(tenant: TenantContext) {
  return notFound(`No such ${habitWord(tenant)}.`);
}

export async function findOwnedHabit(client: HabitClient, tenant: TenantContext, member: Member, habitId: string): Promise<Habit> {
  const habit = await client.habit.findFirst({ where: { id: habitId, userId: member.userId } });
  if (!habit) throw habitNotFound(tenant);
  return habit;
}

/**
 * Like findOwnedHabit, and holds the habit's row lock until the transaction ends, so two
 * logs of one habit (a double click, two tabs) run one after the other: each sees the
 * other's log, the one-per-day check holds and a milestone is counted once.
 */
export async function lockOwnedHabit(tx: HabitClient & Pick<TenantDb, '$executeRaw'>, tenant: TenantContext, member: Member, habitId: string): Promise<Habit> {
  // Raw SQL is not scoped by tenantDb, so it names the tenant and the owner itself.
  const locked = await tx.$executeRaw`SELECT 1 FROM "Habit" WHERE "id" = ${habitId} AND "tenantId" = ${tenant.id} AND "userId" = ${member.userId} FOR UPDATE`;
  if (locked === 0) throw habitNotFound(tenant);
  return findOwnedHabit(tx, tenant, member, habitId);
}

/** Every logged date of each habit, oldest first; habits without logs get an empty list. */
export async function logDatesByHabit(client: HabitClient, habitIds: string[]): Promise<Map<string, LocalDate[]>> {
  const byHabit = new Map<string, LocalDate[]>(habitIds.map((id) => [id, []]));
  if (habitIds.length === 0) return byHabit;
  const logs = await client.habitLog.findMany({ where: { habitId: { in: habitIds } }, select: { habitId: true, date: true }, orderBy: { date: 'asc' } });
  for (const log of logs) byHabit.get(log.habitId)?.push(fromDbDate(log.date));
  return byHabit;
}
