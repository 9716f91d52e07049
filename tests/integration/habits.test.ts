import { beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import type { Role } from '../../lib/db/generated/enums.ts';
import { habitCompletionsByWeek, habitsForToday } from '../../lib/habits/habit-dashboard.ts';
import { logHabit, unlogHabit } from '../../lib/habits/habit-logs.ts';
import { createHabitSchema, logHabitSchema, updateHabitSchema, type CreateHabitInput } from '../../lib/habits/habit-schema.ts';
import { archiveHabit, createHabit, deleteHabit, getHabit, listHabits, updateHabit } from '../../lib/habits/habits.ts';
import { addDays, toDbDate } from '../../lib/habits/local-date.ts';
import { AppError, toAppError } from '../../lib/http/problem.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createMember, createTenant, memberOf } from '../support/factories.ts';

import { failOutboxWrites } from '../support/outbox-fault.ts';

// Noon UTC on Monday 15 June 2026: "today" for a UTC tenant.
const NOW = new Date('2026-06-15T12:00:00Z');
const TODAY = '2026-06-15';
const atNoon = (date: string) => new Date(`${date}T12:00:00Z`);

async function tenantIn(timeZone = 'UTC'): Promise<TenantContext> {
  const row = await createTenant();
  await db.tenant.update({ where: { id: row.id }, data: { timeZone } });
  return contextOf(row.id);
}

async function newMember(tenant: TenantContext, role: Role = 'member'): Promise<Member> {
  const user = await createMember(tenant.id, role);
  return memberOf(tenant.id, user.id);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error('expected the call to fail');
}

function newHabit(tenant: TenantContext, member: Member, input: CreateHabitInput = { name: 'Read 20 pages' }) {
  return createHabit(tenant, member, createHabitSchema.parse(input), NOW);
}

const log = (tenant: TenantContext, member: Member, habitId: string, input: { date?: string; note?: string } = {}, now = NOW) =>
  logHabit(tenant, member, habitId, logHabitSchema.parse(input), now);

function events(tenantId: string, type?: string) {
  return db.domainEvent.findMany({ where: { tenantId, ...(type ? { type } : {}) }, orderBy: { occurredAt: 'asc' } });
}

let tenant: TenantContext;
let member: Member;

beforeAll(async () => {
  tenant = await tenantIn();
  member = await newMember(tenant);
});

describe('creating and editing habits', () => {
  it('creates a habit for the member with a habit.created event', async () => {
    const habit = await newHabit(tenant, member, { name: '  Stretch  ', description: 'Ten minutes', schedule: 'weekly_days', scheduleDays: [5, 1, 3, 1] });
    expect(habit).toMatchObject({ name: 'Stretch', description: 'Ten minutes', schedule: 'weekly_days', scheduleDays: [1, 3, 5], timesPerWeek: null, archivedAt: null });
    expect(habit.streak).toEqual({ current: 0, longest: 0, unit: 'occurrences', milestone: null });
    expect(habit.today).toEqual({ date: TODAY, due: true, done: false, weekCount: 0, weekTarget: null });

    const row = await db.habit.findUniqueOrThrow({ where: { id: habit.id } });
    expect(row).toMatchObject({ tenantId: tenant.id, userId: member.userId });
    const [event] = (await events(tenant.id, 'habit.created')).filter((e) => (e.payload as { habitId: string }).habitId === habit.id);
    expect(event.payload).toEqual({ habitId: habit.id, name: 'Stretch', userId: member.userId, schedule: 'weekly_days' });
    expect(event.actorId).toBe(member.userId);
  });

  it('refuses incomplete or out-of-range schedules with field errors', () => {
    const fields = (input: unknown) => toAppError(createHabitSchema.safeParse(input).error).fields;
    expect(fields({ name: '' })).toMatchObject({ name: 'Enter a name.' });
    // Every problem at once, so a form can mark all its fields.
    expect(fields({ name: ' ', schedule: 'weekly_days' })).toEqual({ name: 'Enter a name.', scheduleDays: 'Pick at least one day.' });
    expect(fields({ name: 'x', schedule: 'weekly_days' })).toMatchObject({ scheduleDays: 'Pick at least one day.' });
    expect(fields({ name: 'x', schedule: 'weekly_days', scheduleDays: [7] })).toHaveProperty(['scheduleDays.0']);
    expect(fields({ name: 'x', schedule: 'times_per_week' })).toMatchObject({ timesPerWeek: expect.stringContaining('1 to 7') });
    expect(fields({ name: 'x', schedule: 'times_per_week', timesPerWeek: 8 })).toMatchObject({ timesPerWeek: expect.stringContaining('1 to 7') });
    expect(fields({ name: 'x', schedule: 'hourly' })).toHaveProperty('schedule');
    expect(fields({ name: 'x'.repeat(101) })).toHaveProperty('name');
    expect(toAppError(createHabitSchema.safeParse(null).error).status).toBe(422);
    expect(toAppError(updateHabitSchema.safeParse({}).error).fields).toEqual({ _: 'Send at least one field to change.' });
    expect(toAppError(logHabitSchema.safeParse({ note: 'n'.repeat(501) }).error).fields).toHaveProperty('note');
    expect(toAppError(logHabitSchema.safeParse({ date: '2026-02-30' }).error).fields).toHaveProperty('date');
  });

  it('keeps only the fields a schedule uses', async () => {
    const habit = await newHabit(tenant, member, { name: 'Swim', schedule: 'times_per_week', timesPerWeek: 2, scheduleDays: [1] });
    expect(habit).toMatchObject({ scheduleDays: [], timesPerWeek: 2, today: { weekTarget: 2 } });
  });

  it('edits name, description and schedule, merging a partial schedule over the stored one', async () => {
    const habit = await newHabit(tenant, member, { name: 'Walk', description: 'Outside' });
    const edit = (input: unknown) => updateHabit(tenant, member, habit.id, updateHabitSchema.parse(input), NOW);

    expect(await edit({ name: 'Long walk', description: '' })).toMatchObject({ name: 'Long walk', description: null });
    const switching = await failure(edit({ schedule: 'weekly_days' }));
    expect(switching.status).toBe(422);
    expect(switching.fields).toEqual({ scheduleDays: 'Pick at least one day.' });
    expect(await edit({ schedule: 'times_per_week', timesPerWeek: 3 })).toMatchObject({ schedule: 'times_per_week', timesPerWeek: 3, streak: { unit: 'weeks' } });
    expect(await edit({ timesPerWeek: 5 })).toMatchObject({ schedule: 'times_per_week', timesPerWeek: 5 });
    expect(await edit({ schedule: 'daily' })).toMatchObject({ schedule: 'daily', scheduleDays: [], timesPerWeek: null, description: null });
  });

  it('archives and restores; an archived habit cannot be logged and leaves the today list', async () => {
    const habit = await newHabit(tenant, member, { name: 'Journal' });
    const archived = await archiveHabit(tenant, member, habit.id, NOW);
    expect(archived.archivedAt).not.toBeNull();
    expect((await habitsForToday(tenant, member, NOW)).map((h) => h.id)).not.toContain(habit.id);
    const listed = await listHabits(tenant, member, NOW);
    expect(listed.find((h) => h.id === habit.id)?.archivedAt).toBe(archived.archivedAt);
    expect(listed.at(-1)?.id).toBe(habit.id);

    const refused = await failure(log(tenant, member, habit.id));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/archived/);

    const restored = await updateHabit(tenant, member, habit.id, { archived: false }, NOW);
    expect(restored.archivedAt).toBeNull();
    expect((await habitsForToday(tenant, member, NOW)).map((h) => h.id)).toContain(habit.id);
  });

  it('deletes a habit with its logs and writes habit.deleted', async () => {
    const habit = await newHabit(tenant, member, { name: 'Meditate' });
    await log(tenant, member, habit.id);
    await deleteHabit(tenant, member, habit.id);
    expect(await db.habit.findUnique({ where: { id: habit.id } })).toBeNull();
    expect(await db.habitLog.count({ where: { habitId: habit.id } })).toBe(0);
    const deleted = (await events(tenant.id, 'habit.deleted')).find((e) => (e.payload as { habitId: string }).habitId === habit.id);
    expect(deleted?.payload).toEqual({ habitId: habit.id, name: 'Meditate' });
    expect((await failure(getHabit(tenant, member, habit.id, NOW))).status).toBe(404);
  });
});

describe('logging', () => {
  it('logs today by default, with the new streak in habit.logged', async () => {
    const habit = await newHabit(tenant, member);
    const result = await log(tenant, member, habit.id, { note: '  felt good ' });
    expect(result.log).toEqual({ date: TODAY, note: 'felt good' });
    expect(result.habit.streak).toMatchObject({ current: 1, longest: 1 });
    expect(result.habit.today).toMatchObject({ done: true, weekCount: 1 });
    expect(result.milestonesReached).toEqual([]);

    const row = await db.habitLog.findFirstOrThrow({ where: { habitId: habit.id } });
    expect(row).toMatchObject({ tenantId: tenant.id, userId: member.userId, date: toDbDate(TODAY), note: 'felt good' });
    const logged = (await events(tenant.id, 'habit.logged')).filter((e) => (e.payload as { habitId: string }).habitId === habit.id);
    expect(logged.map((e) => e.payload)).toEqual([{ habitId: habit.id, userId: member.userId, date: TODAY, note: 'felt good', currentStreak: 1 }]);
  });

  it('refuses a second log of the same day with 409 and writes nothing', async () => {
    const habit = await newHabit(tenant, member);
    await log(tenant, member, habit.id);
    const before = (await events(tenant.id)).length;
    const error = await failure(log(tenant, member, habit.id, { note: 'again' }));
    expect(error.status).toBe(409);
    expect(error.message).toBe('This habit is already logged for today.');
    expect(await db.habitLog.count({ where: { habitId: habit.id } })).toBe(1);
    expect((await events(tenant.id)).length).toBe(before);
  });

  it('lets only one of several simultaneous logs of a day through; the others get 409', async () => {
    const habit = await newHabit(tenant, member);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => log(tenant, member, habit.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const statuses = results.filter((r) => r.status === 'rejected').map((r) => toAppError((r as PromiseRejectedResult).reason).status);
    expect(statuses).toEqual([409, 409, 409, 409]);
    expect((await events(tenant.id, 'habit.logged')).filter((e) => (e.payload as { habitId: string }).habitId === habit.id)).toHaveLength(1);
  });

  it('accepts late logs up to 7 days back and refuses the future and older days with 422', async () => {
    const habit = await newHabit(tenant, member);
    expect((await log(tenant, member, habit.id, { date: addDays(TODAY, -1) })).habit.streak.current).toBe(1);
    expect((await log(tenant, member, habit.id, { date: addDays(TODAY, -7) })).log.date).toBe('2026-06-08');

    const future = await failure(log(tenant, member, habit.id, { date: addDays(TODAY, 1) }));
    expect(future.status).toBe(422);
    expect(future.fields?.date).toBe('2026-06-16 is in the future. Pick a day from 2026-06-08 to today (2026-06-15).');
    const old = await failure(log(tenant, member, habit.id, { date: addDays(TODAY, -8) }));
    expect(old.status).toBe(422);
    expect(old.fields?.date).toMatch(/more than 7 days ago/);
    expect(await db.habitLog.count({ where: { habitId: habit.id } })).toBe(2);
  });

  it('takes a log back and recomputes the streak; nothing to take back is a 404', async () => {
    const habit = await newHabit(tenant, member);
    await log(tenant, member, habit.id, { date: addDays(TODAY, -1) });
    await log(tenant, member, habit.id);
    const after = await unlogHabit(tenant, member, habit.id, undefined, NOW);
    expect(after.streak.current).toBe(1);
    expect(after.today.done).toBe(false);
    expect(await db.habitLog.count({ where: { habitId: habit.id } })).toBe(1);
    expect((await failure(unlogHabit(tenant, member, habit.id, TODAY, NOW))).status).toBe(404);
    expect((await failure(unlogHabit(tenant, member, habit.id, addDays(TODAY, -30), NOW))).status).toBe(422);
  });

  it('writes the log and its event in one transaction: no event, no log', async () => {
    const own = await tenantIn();
    const owner = await newMember(own);
    const habit = await newHabit(own, owner);
    const restore = await failOutboxWrites(own.id, ['habit.logged', 'habit.created', 'habit.deleted']);
    try {
      await expect(log(own, owner, habit.id)).rejects.toThrow('outbox unavailable');
      expect(await db.habitLog.count({ where: { habitId: habit.id } })).toBe(0);
      await expect(newHabit(own, owner, { name: 'Never stored' })).rejects.toThrow('outbox unavailable');
      expect(await db.habit.count({ where: { tenantId: own.id, name: 'Never stored' } })).toBe(0);
      await expect(deleteHabit(own, owner, habit.id)).rejects.toThrow('outbox unavailable');
      expect(await db.habit.count({ where: { id: habit.id } })).toBe(1);
    } finally {
      await restore();
    }
  });

  it("uses the tenant's calendar date, far from UTC on either side", async () => {
    const instant = new Date('2026-06-15T10:30:00Z');
    const east = await tenantIn('Pacific/Kiritimati');
    const eastMember = await newMember(east);
    const eastHabit = await newHabit(east, eastMember);
    expect((await log(east, eastMember, eastHabit.id, {}, instant)).log.date).toBe('2026-06-16');
    expect((await failure(log(east, eastMember, eastHabit.id, { date: '2026-06-17' }, instant))).status).toBe(422);

    const west = await tenantIn('Pacific/Pago_Pago');
    const westMember = await newMember(west);
    const westHabit = await newHabit(west, westMember);
    expect((await log(west, westMember, westHabit.id, {}, instant)).log.date).toBe('2026-06-14');
    expect((await failure(log(west, westMember, westHabit.id, { date: '2026-06-15' }, instant))).status).toBe(422);
    const stored = await db.habitLog.findFirstOrThrow({ where: { habitId: westHabit.id } });
    expect(stored.date.toISOString()).toBe('2026-06-14T00:00:00.000Z');
  });
});

describe('streak milestones', () => {
  function milestoneEvents(habitId: string) {
    return events(tenant.id, 'habit.streak_milestone').then((list) => list.filter((e) => (e.payload as { habitId: string }).habitId === habitId));
  }

  it('announces 7 days exactly once, even when the day that reached it is taken back and logged again', async () => {
    const habit = await newHabit(tenant, member);
    const first = addDays(TODAY, -6);
    for (let day = 0; day < 6; day++) {
      const result = await log(tenant, member, habit.id, {}, atNoon(addDays(first, day)));
      expect(result.milestonesReached).toEqual([]);
    }
    const seventh = await log(tenant, member, habit.id, {}, NOW);
    expect(seventh.habit.streak).toMatchObject({ current: 7, milestone: 7 });
    expect(seventh.milestonesReached).toEqual([7]);
    expect((await milestoneEvents(habit.id)).map((e) => e.payload)).toEqual([{ habitId: habit.id, userId: member.userId, milestone: 7, unit: 'days' }]);

    await unlogHabit(tenant, member, habit.id, TODAY, NOW);
    expect((await log(tenant, member, habit.id, {}, NOW)).milestonesReached).toEqual([]);
    expect((await log(tenant, member, habit.id, {}, atNoon(addDays(TODAY, 1)))).habit.streak.current).toBe(8);
    expect(await milestoneEvents(habit.id)).toHaveLength(1);
    const loggedStreaks = (await events(tenant.id, 'habit.logged'))
      .filter((e) => (e.payload as { habitId: string }).habitId === habit.id)
      .map((e) => (e.payload as { currentStreak: number }).currentStreak);
    expect(loggedStreaks).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 8]);
  });

  it('announces a milestone that a late log reaches by joining two runs', async () => {
    const habit = await newHabit(tenant, member);
    for (const offset of [-7, -6, -5, -4, -2, -1, 0]) await log(tenant, member, habit.id, { date: addDays(TODAY, offset) });
    const joined = await log(tenant, member, habit.id, { date: addDays(TODAY, -3) });
    expect(joined.habit.streak.current).toBe(8);
    expect(joined.milestonesReached).toEqual([7]);
    expect(await milestoneEvents(habit.id)).toHaveLength(1);
  });

  it('announces 30 when the 30th day is logged', async () => {
    const habit = await newHabit(tenant, member);
    await db.habitLog.createMany({
      data: Array.from({ length: 29 }, (_, i) => ({ tenantId: tenant.id, habitId: habit.id, userId: member.userId, date: toDbDate(addDays(TODAY, -1 - i)) })),
    });
    const result = await log(tenant, member, habit.id);
    expect(result.habit.streak).toMatchObject({ current: 30, longest: 30, milestone: 30 });
    expect(result.milestonesReached).toEqual([30]);
    expect((await milestoneEvents(habit.id)).map((e) => (e.payload as { milestone: number }).milestone)).toEqual([30]);
  });

  it('counts weeks for times_per_week habits', async () => {
    const habit = await newHabit(tenant, member, { name: 'Gym', schedule: 'times_per_week', timesPerWeek: 1 });
    // One log in each of the six ISO weeks before this one.
    await db.habitLog.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({ tenantId: tenant.id, habitId: habit.id, userId: member.userId, date: toDbDate(addDays(TODAY, -7 * (i + 1))) })),
    });
    const result = await log(tenant, member, habit.id);
    expect(result.habit.streak).toMatchObject({ current: 7, unit: 'weeks' });
    expect((await milestoneEvents(habit.id)).map((e) => e.payload)).toEqual([{ habitId: habit.id, userId: member.userId, milestone: 7, unit: 'weeks' }]);
  });
});

describe('who may see and change a habit', () => {
  let habitId: string;

  beforeAll(async () => {
    habitId = (await newHabit(tenant, member, { name: 'Private habit' })).id;
  });

  it('lets a viewer read but not write (403)', async () => {
    const viewer = await newMember(tenant, 'viewer');
    expect(await listHabits(tenant, viewer, NOW)).toEqual([]);
    expect((await failure(newHabit(tenant, viewer))).status).toBe(403);
    expect((await failure(log(tenant, viewer, habitId))).status).toBe(403);
    expect((await failure(updateHabit(tenant, viewer, habitId, { name: 'x' }, NOW))).status).toBe(403);
    expect((await failure(deleteHabit(tenant, viewer, habitId))).status).toBe(403);
    expect((await failure(unlogHabit(tenant, viewer, habitId, TODAY, NOW))).status).toBe(403);
    expect(await db.habit.count({ where: { tenantId: tenant.id, userId: viewer.userId } })).toBe(0);
  });

  it("answers 404 for another member's habit, even for an admin", async () => {
    for (const other of [await newMember(tenant), await newMember(tenant, 'admin')]) {
      expect((await listHabits(tenant, other, NOW)).map((h) => h.id)).not.toContain(habitId);
      for (const attempt of [
        () => getHabit(tenant, other, habitId, NOW),
        () => updateHabit(tenant, other, habitId, { name: 'Mine now' }, NOW),
        () => log(tenant, other, habitId),
        () => unlogHabit(tenant, other, habitId, TODAY, NOW),
        () => deleteHabit(tenant, other, habitId),
      ]) {
        const error = await failure(attempt());
        expect(error.status).toBe(404);
        expect(error.message).toBe('No such habit.');
      }
    }
    expect(await db.habit.findUniqueOrThrow({ where: { id: habitId } })).toMatchObject({ name: 'Private habit', userId: member.userId });
    expect(await db.habitLog.count({ where: { habitId } })).toBe(0);
  });

  it("answers 404 for another tenant's habit, even to its own owner signed in elsewhere", async () => {
    // The owner of the habit is also a member of tenant B: the right userId, the wrong tenant.
    const other = await tenantIn();
    await db.membership.create({ data: { tenantId: other.id, userId: member.userId, role: 'owner' } });
    const sameUserElsewhere = await memberOf(other.id, member.userId);
    const stranger = await newMember(other, 'owner');
    for (const outsider of [sameUserElsewhere, stranger]) {
      for (const attempt of [
        () => getHabit(other, outsider, habitId, NOW),
        () => updateHabit(other, outsider, habitId, { name: 'Taken', archived: true }, NOW),
        () => log(other, outsider, habitId),
        () => unlogHabit(other, outsider, habitId, TODAY, NOW),
        () => deleteHabit(other, outsider, habitId),
      ]) {
        expect((await failure(attempt())).status).toBe(404);
      }
      expect(await listHabits(other, outsider, NOW)).toEqual([]);
    }
    expect(await db.habit.findUniqueOrThrow({ where: { id: habitId } })).toMatchObject({ name: 'Private habit', archivedAt: null, tenantId: tenant.id });
    expect(await db.habitLog.count({ where: { habitId } })).toBe(0);
    expect(await db.domainEvent.count({ where: { tenantId: other.id } })).toBe(0);
  });
});

describe('dashboard queries', () => {
  let owner: Member;

  beforeAll(async () => {
    owner = await newMember(tenant);
  });

  it("lists today's due and done habits", async () => {
    // Wednesday 17 June 2026, in the ISO week that began on Monday 15 June.
    const wednesday = atNoon('2026-06-17');
    await newHabit(tenant, owner, { name: 'Every day' });
    const wednesdays = await newHabit(tenant, owner, { name: 'Wednesdays', schedule: 'weekly_days', scheduleDays: [3] });
    await newHabit(tenant, owner, { name: 'Tuesdays', schedule: 'weekly_days', scheduleDays: [2] });
    const twice = await newHabit(tenant, owner, { name: 'Twice a week', schedule: 'times_per_week', timesPerWeek: 2 });
    const once = await newHabit(tenant, owner, { name: 'Once a week, met', schedule: 'times_per_week', timesPerWeek: 1 });
    const archived = await newHabit(tenant, owner, { name: 'Archived' });
    await archiveHabit(tenant, owner, archived.id, wednesday);
    await log(tenant, owner, wednesdays.id, {}, wednesday);
    await log(tenant, owner, twice.id, { date: '2026-06-15' }, wednesday);
    await log(tenant, owner, once.id, { date: '2026-06-16' }, wednesday);

    const today = await habitsForToday(tenant, owner, wednesday);
    expect(today.map((h) => [h.name, h.today.due, h.today.done, h.streak.current])).toEqual([
      ['Every day', true, false, 0],
      ['Wednesdays', true, true, 1],
      ['Twice a week', true, false, 0],
    ]);
    expect(today.find((h) => h.id === twice.id)?.today).toMatchObject({ date: '2026-06-17', weekCount: 1, weekTarget: 2 });
    expect((await listHabits(tenant, owner, wednesday)).find((h) => h.id === once.id)).toMatchObject({ today: { due: false, done: false, weekCount: 1 }, streak: { current: 1 } });
  });

  it('counts logs per ISO week for the last 12 weeks', async () => {
    const counter = await newMember(tenant);
    const a = await newHabit(tenant, counter, { name: 'A' });
    const b = await newHabit(tenant, counter, { name: 'B' });
    // Today (Monday 15 June) in both habits; Sunday 14 June closes the week before; the
    // Mondays 11 and 12 weeks back are the first of the 12 weeks and the one before them.
    const dates = [TODAY, addDays(TODAY, -1), addDays(TODAY, -7 * 11), addDays(TODAY, -7 * 12)];
    await db.habitLog.createMany({
      data: [
        ...dates.map((date) => ({ tenantId: tenant.id, habitId: a.id, userId: counter.userId, date: toDbDate(date) })),
        { tenantId: tenant.id, habitId: b.id, userId: counter.userId, date: toDbDate(TODAY) },
      ],
    });
    const weeks = await habitCompletionsByWeek(tenant, counter, 12, NOW);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ weekStart: '2026-03-30', count: 1 });
    expect(weeks[1]).toEqual({ weekStart: '2026-04-06', count: 0 });
    expect(weeks[10]).toEqual({ weekStart: '2026-06-08', count: 1 });
    expect(weeks[11]).toEqual({ weekStart: '2026-06-15', count: 2 });
    expect(weeks.reduce((sum, w) => sum + w.count, 0)).toBe(4);
    expect((await habitCompletionsByWeek(tenant, counter, 13, NOW))[0]).toEqual({ weekStart: '2026-03-23', count: 1 });
    // Another member's logs are not counted.
    expect((await habitCompletionsByWeek(tenant, member, 12, NOW)).every((w) => w.weekStart >= '2026-03-30')).toBe(true);
    expect((await failure(habitCompletionsByWeek(tenant, counter, 0, NOW))).status).toBe(400);
  });

  it('gives the last eight weeks of history on a habit', async () => {
    const habit = await newHabit(tenant, member, { name: 'With history' });
    await log(tenant, member, habit.id, { date: addDays(TODAY, -2), note: 'late' });
    // The grid starts on Monday 27 April, seven weeks before this week's Monday.
    await db.habitLog.createMany({
      data: ['2026-04-26', '2026-04-27'].map((date) => ({ tenantId: tenant.id, habitId: habit.id, userId: member.userId, date: toDbDate(date) })),
    });
    const detail = await getHabit(tenant, member, habit.id, NOW);
    expect(detail.history).toEqual({
      from: '2026-04-27',
      to: TODAY,
      logs: [
        { date: '2026-04-27', note: null },
        { date: '2026-06-13', note: 'late' },
      ],
    });
    expect(detail.streak).toMatchObject({ current: 0, longest: 2 });
  });
});
