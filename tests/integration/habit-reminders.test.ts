import { describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { toDbDate } from '../../lib/habits/local-date.ts';
import { nextReminderAt } from '../../lib/notifications/reminder-schedule.ts';
import { getReminder, runHabitReminders, setReminder, snoozeReminder } from '../../lib/notifications/reminders.ts';
import { updateNotificationSettings } from '../../lib/notifications/preferences.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf } from '../support/factories.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

const daily = { schedule: 'daily' as const, scheduleDays: [], timesPerWeek: null };

async function setup(zone: string, habit: Partial<{ schedule: 'daily' | 'weekly_days' | 'times_per_week'; scheduleDays: number[] }> = {}) {
  const tenant = await workspace();
  await db.tenant.update({ where: { id: tenant.id }, data: { timeZone: 'UTC' } });
  const member = await memberIn(tenant);
  await db.membership.updateMany({ where: { tenantId: tenant.id, userId: member.userId }, data: { timeZone: zone } });
  const row = await db.habit.create({ data: { tenantId: tenant.id, userId: member.userId, name: 'Morning run', schedule: habit.schedule ?? 'daily', scheduleDays: habit.scheduleDays ?? [] } });
  return { tenant: await contextOf(tenant.id), member, habitId: row.id };
}

const reminders = (userId: string) => db.notification.findMany({ where: { userId, type: 'habit_reminder' }, orderBy: { createdAt: 'asc' } });

describe('reminder schedule (pure)', () => {
  it('keeps 07:30 local across the spring-forward and fall-back in New York', () => {
    // DST starts 8 March 2026 (EST -5 → EDT -4) and ends 1 November 2026.
    const zone = 'America/New_York';
    expect(nextReminderAt('07:30', daily, zone, new Date('2026-03-07T13:00:00Z'))?.toISOString()).toBe('2026-03-08T11:30:00.000Z');
    expect(nextReminderAt('07:30', daily, zone, new Date('2026-03-06T13:00:00Z'))?.toISOString()).toBe('2026-03-07T12:30:00.000Z');
    expect(nextReminderAt('07:30', daily, zone, new Date('2026-10-31T12:00:00Z'))?.toISOString()).toBe('2026-11-01T12:30:00.000Z');
    expect(nextReminderAt('07:30', daily, zone, new Date('2026-10-30T12:00:00Z'))?.toISOString()).toBe('2026-10-31T11:30:00.000Z');
  });

  it('a time skipped by the spring-forward fires an hour later; the repeated hour fires once', () => {
    // Berlin: 02:30 does not exist on 29 March 2026; 02:30 happens twice on 25 October 2026.
    expect(nextReminderAt('02:30', daily, 'Europe/Berlin', new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    const fallBack = nextReminderAt('02:30', daily, 'Europe/Berlin', new Date('2026-10-24T12:00:00Z'))!;
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(fallBack.toISOString());
    expect(nextReminderAt('02:30', daily, 'Europe/Berlin', fallBack, '2026-10-25')?.toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });

  it('only on scheduled days, in the member’s zone (Tokyo’s Monday is Sunday in UTC)', () => {
    const mondays = { schedule: 'weekly_days' as const, scheduleDays: [1], timesPerWeek: null };
    // Wednesday 17 June 2026 → Monday 22 June, 06:00 in Tokyo = Sunday 21:00 UTC.
    expect(nextReminderAt('06:00', mondays, 'Asia/Tokyo', new Date('2026-06-17T00:00:00Z'))?.toISOString()).toBe('2026-06-21T21:00:00.000Z');
    expect(nextReminderAt('06:00', mondays, 'America/Los_Angeles', new Date('2026-06-17T00:00:00Z'))?.toISOString()).toBe('2026-06-22T13:00:00.000Z');
  });
});

describe('habit reminders', () => {
  it('fires at the local time across DST, once a day, in app and by email', async () => {
    const { tenant, member, habitId } = await setup('America/New_York');
    const view = await setReminder(tenant, member, habitId, { time: '07:30' }, new Date('2026-03-07T13:00:00Z'));
    expect(view.nextAt).toBe('2026-03-08T11:30:00.000Z');
    await runHabitReminders(new Date('2026-03-08T11:29:00Z'));
    expect(await reminders(member.userId)).toHaveLength(0);
    await runHabitReminders(new Date('2026-03-08T11:30:20Z'));
    await runHabitReminders(new Date('2026-03-08T11:31:00Z'));
    const sent = await reminders(member.userId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subjectId: habitId, emailStatus: 'sent' });
    expect(await db.emailMessage.count({ where: { tenantId: tenant.id, kind: 'habit_reminder' } })).toBe(1);
    expect((await getReminder(tenant, member, habitId))?.nextAt).toBe('2026-03-09T11:30:00.000Z');
    // Across the fall-back too: 07:30 EDT on 31 October, 07:30 EST on 1 November.
    await setReminder(tenant, member, habitId, { time: '07:30' }, new Date('2026-10-30T20:00:00Z'));
    await runHabitReminders(new Date('2026-10-31T11:30:30Z'));
    expect((await getReminder(tenant, member, habitId))?.nextAt).toBe('2026-11-01T12:30:00.000Z');
    await runHabitReminders(new Date('2026-11-01T12:30:30Z'));
    expect((await reminders(member.userId)).map((n) => n.dedupeKey)).toEqual([`habit_reminder:${habitId}:2026-03-08`, `habit_reminder:${habitId}:2026-10-31`, `habit_reminder:${habitId}:2026-11-01`]);
  });

  it('is skipped when the day is already logged', async () => {
    const { tenant, member, habitId } = await setup('Europe/Berlin');
    await setReminder(tenant, member, habitId, { time: '20:00' }, new Date('2026-06-15T08:00:00Z'));
    await db.habitLog.create({ data: { tenantId: tenant.id, habitId, userId: member.userId, date: toDbDate('2026-06-15') } });
    await runHabitReminders(new Date('2026-06-15T18:00:30Z'));
    expect(await reminders(member.userId)).toHaveLength(0);
    expect((await getReminder(tenant, member, habitId))?.nextAt).toBe('2026-06-16T18:00:00.000Z');
    await runHabitReminders(new Date('2026-06-16T18:00:30Z'));
    expect(await reminders(member.userId)).toHaveLength(1);
  });

  it('snooze: again after an hour (unless logged meanwhile), then back to the schedule', async () => {
    const { tenant, member, habitId } = await setup('UTC');
    await updateNotificationSettings(tenant, member, { types: { habit_reminder: 'in_app' } });
    await setReminder(tenant, member, habitId, { time: '07:00' }, new Date('2026-06-15T06:00:00Z'));
    await runHabitReminders(new Date('2026-06-15T07:00:10Z'));
    expect(await reminders(member.userId)).toHaveLength(1);
    const snoozed = await snoozeReminder(tenant, member, habitId, { minutes: 60 }, new Date('2026-06-15T07:05:00Z'));
    expect(snoozed.nextAt).toBe('2026-06-15T08:05:00.000Z');
    await runHabitReminders(new Date('2026-06-15T08:04:00Z'));
    expect(await reminders(member.userId)).toHaveLength(1);
    await runHabitReminders(new Date('2026-06-15T08:05:10Z'));
    const after = await reminders(member.userId);
    expect(after).toHaveLength(2);
    expect(after[1].emailStatus).toBe('none');
    expect((await getReminder(tenant, member, habitId))?.nextAt).toBe('2026-06-16T07:00:00.000Z');
    // Snoozed, then logged: the snoozed one is not sent.
    await runHabitReminders(new Date('2026-06-16T07:00:10Z'));
    await snoozeReminder(tenant, member, habitId, {}, new Date('2026-06-16T07:01:00Z'));
    await db.habitLog.create({ data: { tenantId: tenant.id, habitId, userId: member.userId, date: toDbDate('2026-06-16') } });
    await runHabitReminders(new Date('2026-06-16T08:01:10Z'));
    expect(await reminders(member.userId)).toHaveLength(3);
    expect((await getReminder(tenant, member, habitId))?.nextAt).toBe('2026-06-17T07:00:00.000Z');
  });

  it('a times-per-week habit is not reminded once the week’s target is met', async () => {
    const { tenant, member, habitId } = await setup('UTC', { schedule: 'times_per_week' });
    await db.habit.update({ where: { id: habitId }, data: { timesPerWeek: 2 } });
    // Monday 15 June 2026 and Tuesday logged: Wednesday's reminder is skipped; next Monday's comes.
    for (const date of ['2026-06-15', '2026-06-16']) await db.habitLog.create({ data: { tenantId: tenant.id, habitId, userId: member.userId, date: toDbDate(date) } });
    await setReminder(tenant, member, habitId, { time: '09:00' }, new Date('2026-06-17T08:00:00Z'));
    await runHabitReminders(new Date('2026-06-17T09:00:10Z'));
    expect(await reminders(member.userId)).toHaveLength(0);
    await setReminder(tenant, member, habitId, { time: '09:00' }, new Date('2026-06-22T08:00:00Z'));
    await runHabitReminders(new Date('2026-06-22T09:00:10Z'));
    expect(await reminders(member.userId)).toHaveLength(1);
  });

  it('only on the habit’s days, and only for its owner', async () => {
    const { tenant, member, habitId } = await setup('Asia/Tokyo', { schedule: 'weekly_days', scheduleDays: [1] });
    const view = await setReminder(tenant, member, habitId, { time: '06:00' }, new Date('2026-06-17T00:00:00Z'));
    expect(view.nextAt).toBe('2026-06-21T21:00:00.000Z');
    const other: Member = await memberIn(tenant as TenantContext);
    expect((await failure(setReminder(tenant, other, habitId, { time: '06:00' }))).status).toBe(404);
    expect((await failure(setReminder(tenant, member, habitId, { time: '25:00' }))).status).toBe(422);
  });
});
