import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import { tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { sendEmail } from '../email/send-email.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import type { EmailContent } from '../email/templates/email-content.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { translatorFor } from '../i18n/translator.ts';
import { knownZone } from '../integrations/calendar-feed/zone-time.ts';
import { findOwnedHabit, habitWord } from '../habits/owned-habit.ts';
import { fromDbDate, isoWeekStart, localDateIn, toDbDate, type LocalDate } from '../habits/local-date.ts';
import { isScheduledOn, weeklyTarget } from '../habits/streaks.ts';
import { conflict, notFound, parseInput } from '../http/problem.ts';
import { logger } from '../observability/logger.ts';
import { getTenantById } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { createNotifications } from './create.ts';
import { nextReminderAt, reminderDate, reminderInstant, TIME_PATTERN } from './reminder-schedule.ts';
import { unsubscribeHeaders, unsubscribeLinks } from './unsubscribe.ts';

// Habit reminders: one per habit (its owner's), at a local time in the member's zone on the
// habit's scheduled days. A job (every minute) fires those whose nextAt has come: unless the
// day is already logged, it writes a habit_reminder notification (in app, and an email at once
// when the member gets those by email), then moves nextAt to the next scheduled day. Snoozing
// replaces the day's reminder with one at now + N minutes.

export const reminderInputSchema = z.object({ time: z.string().regex(TIME_PATTERN, 'Use a 24-hour time like 07:30.'), enabled: z.boolean().default(true) }).strict();
export const snoozeInputSchema = z.object({ minutes: z.number().int().min(5).max(24 * 60).default(60) }).strict();

/** A reminder is late by more than this (the app was down): it is skipped, not sent hours late. */
const MAX_LATENESS_MS = 3 * 3600_000;
/** When no scheduled day comes up (not possible through the API): look again in a week. */
const NO_DAY_RETRY_MS = 7 * 86_400_000;

export interface ReminderView {
  time: string;
  enabled: boolean;
  nextAt: string | null;
  snoozedUntil: string | null;
  timeZone: string;
}

async function zoneOf(tenant: TenantContext, member: Member): Promise<string> {
  if (member.timeZone) return knownZone(member.timeZone);
  const row = await tenantDb(tenant.id).membership.findUnique({ where: { id: member.membershipId }, select: { timeZone: true } });
  return knownZone(row?.timeZone ?? tenant.timeZone);
}

function view(row: { time: string; enabled: boolean; nextAt: Date; snoozedUntil: Date | null }, timeZone: string): ReminderView {
  return { time: row.time, enabled: row.enabled, nextAt: row.enabled ? row.nextAt.toISOString() : null, snoozedUntil: row.snoozedUntil?.toISOString() ?? null, timeZone };
}

export async function getReminder(tenant: TenantContext, member: Member, habitId: string): Promise<ReminderView | null> {
  const scoped = tenantDb(tenant.id);
  await findOwnedHabit(scoped, tenant, member, habitId);
  const row = await scoped.habitReminder.findUnique({ where: { habitId } });
  return row ? view(row, await zoneOf(tenant, member)) : null;
}

/** { time: 'HH:MM', enabled? }: sets (or changes) the habit's reminder. */
export async function setReminder(tenant: TenantContext, member: Member, habitId: string, input: unknown, now: Date = new Date()): Promise<ReminderView> {
  const body = parseInput(reminderInputSchema, input);
  const zone = await zoneOf(tenant, member);
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const habit = await findOwnedHabit(tx, tenant, member, habitId);
    if (habit.archivedAt) throw conflict(`This ${habitWord(tenant)} is archived. Restore it to set a reminder.`);
    const existing = await tx.habitReminder.findUnique({ where: { habitId }, select: { lastSentOn: true } });
    const skip = existing?.lastSentOn ? fromDbDate(existing.lastSentOn) : null;
    const nextAt = nextReminderAt(body.time, habit, zone, now, skip) ?? new Date(now.getTime() + NO_DAY_RETRY_MS);
    const row = await tx.habitReminder.upsert({
      where: { habitId },
      create: { tenantId: tenant.id, habitId, userId: member.userId, time: body.time, enabled: body.enabled, nextAt },
      update: { time: body.time, enabled: body.enabled, nextAt, snoozedUntil: null },
    });
    return view(row, zone);
  });
}

export async function deleteReminder(tenant: TenantContext, member: Member, habitId: string): Promise<void> {
  const scoped = tenantDb(tenant.id);
  await findOwnedHabit(scoped, tenant, member, habitId);
  await scoped.habitReminder.deleteMany({ where: { habitId } });
}

/** { minutes? } (default 60): today's reminder comes (again) in that many minutes. */
export async function snoozeReminder(tenant: TenantContext, member: Member, habitId: string, input: unknown, now: Date = new Date()): Promise<ReminderView> {
  const { minutes } = parseInput(snoozeInputSchema, input ?? {});
  const zone = await zoneOf(tenant, member);
  const scoped = tenantDb(tenant.id);
  await findOwnedHabit(scoped, tenant, member, habitId);
  const existing = await scoped.habitReminder.findUnique({ where: { habitId } });
  if (!existing || !existing.enabled) throw notFound(`This ${habitWord(tenant)} has no reminder to snooze.`);
  const until = new Date(now.getTime() + minutes * 60_000);
  // The snooze stands for today's reminder: lastSentOn = today, so the regular one does not come as well.
  const row = await scoped.habitReminder.update({ where: { habitId }, data: { snoozedUntil: until, nextAt: until, lastSentOn: toDbDate(localDateIn(zone, now)) } });
  // Today's reminder notifications are dealt with.
  await scoped.notification.updateMany({ where: { userId: member.userId, type: 'habit_reminder', subjectId: habitId, readAt: null }, data: { readAt: now } });
  return view(row, zone);
}

interface FireOutcome {
  sent: boolean;
  email?: { tenantId: string; userId: string; habitId: string; habitName: string; to: string; locale: string | null };
}

/** Fires one due reminder (locked, so two workers never both fire it). */
async function fireReminder(id: string, now: Date): Promise<FireOutcome> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "HabitReminder" WHERE id = ${id} AND enabled AND "nextAt" <= ${now} FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return { sent: false };
    const reminder = await tx.habitReminder.findUniqueOrThrow({
      where: { id },
      include: { habit: { select: { id: true, name: true, userId: true, schedule: true, scheduleDays: true, timesPerWeek: true, archivedAt: true } } },
    });
    const [membership, tenant] = await Promise.all([
      tx.membership.findUnique({ where: { tenantId_userId: { tenantId: reminder.tenantId, userId: reminder.userId } }, select: { timeZone: true, locale: true, user: { select: { email: true } } } }),
      tx.tenant.findUnique({ where: { id: reminder.tenantId }, select: { timeZone: true, status: true } }),
    ]);
    const { habit } = reminder;
    if (!membership || !tenant || habit.userId !== reminder.userId) {
      await tx.habitReminder.update({ where: { id }, data: { enabled: false, snoozedUntil: null } });
      return { sent: false };
    }
    const zone = knownZone(membership.timeZone ?? tenant.timeZone);
    const snoozed = reminder.snoozedUntil !== null && reminder.snoozedUntil.getTime() <= now.getTime();
    const date: LocalDate = snoozed && reminder.lastSentOn ? fromDbDate(reminder.lastSentOn) : reminderDate(zone, reminder.nextAt);
    let send = !habit.archivedAt && tenant.status !== 'suspended' && tenant.status !== 'canceled' && now.getTime() - reminder.nextAt.getTime() <= MAX_LATENESS_MS;
    if (!snoozed) {
      // Its time, zone or the habit's schedule changed since nextAt was worked out: recompute only.
      const current = reminderInstant(reminder.time, zone, date).getTime() === reminder.nextAt.getTime() && isScheduledOn(habit, date);
      const sentAlready = reminder.lastSentOn !== null && fromDbDate(reminder.lastSentOn) === date;
      if (!current || sentAlready) send = false;
    }
    const logged = await tx.habitLog.findUnique({ where: { habitId_date: { habitId: habit.id, date: toDbDate(date) } }, select: { id: true } });
    if (logged) send = false;
    // "3 times a week": once this week's target is met, no more reminders until Monday.
    if (send && habit.schedule === 'times_per_week') {
      const thisWeek = await tx.habitLog.count({ where: { habitId: habit.id, date: { gte: toDbDate(isoWeekStart(date)), lte: toDbDate(date) } } });
      if (thisWeek >= weeklyTarget(habit)) send = false;
    }
    let email: FireOutcome['email'];
    if (send) {
      const dedupeKey = snoozed ? `habit_reminder:${habit.id}:${date}:snoozed:${reminder.snoozedUntil!.toISOString()}` : `habit_reminder:${habit.id}:${date}`;
      const { emailTo } = await createNotifications(
        tx,
        reminder.tenantId,
        [{ userId: reminder.userId, type: 'habit_reminder', subjectType: 'habit', subjectId: habit.id, data: { title: habit.name, date }, dedupeKey }],
        { emailNow: true },
      );
      if (emailTo.length) email = { tenantId: reminder.tenantId, userId: reminder.userId, habitId: habit.id, habitName: habit.name, to: membership.user.email, locale: membership.locale };
    }
    const dealtWith = send || logged !== null || snoozed || (reminder.lastSentOn !== null && fromDbDate(reminder.lastSentOn) === date);
    const nextAt = nextReminderAt(reminder.time, habit, zone, now, dealtWith ? date : null) ?? new Date(now.getTime() + NO_DAY_RETRY_MS);
    await tx.habitReminder.update({
      where: { id },
      data: { nextAt, snoozedUntil: null, ...(send || snoozed ? { lastSentOn: toDbDate(date) } : {}) },
    });
    return { sent: send, email };
  });
}

async function sendReminderEmail(email: NonNullable<FireOutcome['email']>): Promise<void> {
  const tenant = await getTenantById(email.tenantId);
  if (!tenant) return;
  const content = await habitReminderEmail(tenant, email);
  await sendEmail({ tenant, to: email.to, kind: 'habit_reminder', ...content, headers: unsubscribeHeaders(tenant, email.userId, 'habit_reminder') });
}

/** The reminder email, in the member's language (their own locale, else the workspace's). */
export async function habitReminderEmail(tenant: TenantContext, email: { userId: string; habitId: string; habitName: string; locale: string | null }): Promise<EmailContent> {
  const { language } = emailLocaleFor(tenant, email);
  const t = await translatorFor(language, tenant.branding);
  const links = unsubscribeLinks(tenant, email.userId, 'habit_reminder');
  const name = email.habitName;
  return notificationEmail({
    tenant,
    subject: t('email.habitReminder.subject', { name }),
    heading: t('email.habitReminder.heading', { name }),
    paragraphs: [t('email.habitReminder.body', { name })],
    action: { label: t('email.habitReminder.action'), url: `${tenantOrigin(tenant.slug)}/habits/${encodeURIComponent(email.habitId)}` },
    footnote: t('email.habitReminder.footnote', { workspace: tenant.name, unsubscribeUrl: links.page }),
    language,
  });
}

/** The job: fires every reminder that is due; answers how many were sent and looked at. */
export async function runHabitReminders(now: Date = new Date()): Promise<{ due: number; sent: number }> {
  const due = await db.habitReminder.findMany({ where: { enabled: true, nextAt: { lte: now } }, orderBy: { nextAt: 'asc' }, take: 1000, select: { id: true } });
  let sent = 0;
  for (const { id } of due) {
    try {
      const outcome = await fireReminder(id, now);
      if (outcome.sent) sent += 1;
      if (outcome.email) await sendReminderEmail(outcome.email);
    } catch (error) {
      logger().error({ err: error, reminderId: id }, 'notifications: a habit reminder failed');
    }
  }
  return { due: due.length, sent };
}
