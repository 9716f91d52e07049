import type { CalendarEventLink } from '../../db/generated/client.ts';
import { db } from '../../db/client.ts';
import { formatDateOnly, parseDateOnly, addDays } from '../../goals/dates.ts';
import { updateGoal } from '../../goals/goals.ts';
import { updateMilestone } from '../../goals/milestones.ts';
import { AppError } from '../../http/problem.ts';
import { getTenantById } from '../../tenancy/tenant-cache.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import type { Member } from '../../auth/session.ts';
import { ProviderError } from '../provider-error.ts';
import type { SyncContext, SyncSummary } from '../types.ts';
import type { CalendarProvider, ChangeWindow, RemoteEvent } from './calendar-provider.ts';
import { readCalendarSettings } from './calendar-settings.ts';
import { loadCalendarSubjects, localChangeTime, redated, type CalendarSubject } from './calendar-subjects.ts';
import { connectionMember } from './sync-member.ts';

// The two-way calendar sync, provider-neutral (Google and Outlook plug in a CalendarProvider).
// One run: read the calendar's changes since the stored cursor and apply them to goals
// (moved event → new due date through the goals service, deleted event → unlinked), then
// push what changed on our side (create, rewrite when the content hash differs, delete).
// CalendarEventLink rows remember, per event, the day both sides agreed on, so "who changed"
// is a comparison with it; both changed → the later timestamp wins and a conflict is logged.
// Each link is written right after its provider call, so a sync cut short by a 429 resumes
// where it stopped.

/** contentHash of a link whose event the member deleted: the subject stays out of the calendar until it stops being selected. */
export const UNLINKED = 'unlinked';

/** The stored cursor names its calendar: picking another calendar starts over there. */
interface StoredCursor {
  calendarId: string;
  cursor: string;
}

function readCursor(value: string | null): StoredCursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<StoredCursor>;
    return typeof parsed.calendarId === 'string' && typeof parsed.cursor === 'string' ? { calendarId: parsed.calendarId, cursor: parsed.cursor } : null;
  } catch {
    return null;
  }
}

const DAY = (date: Date) => formatDateOnly(date);

function isGone(error: unknown): boolean {
  return error instanceof ProviderError && (error.kind === 'not_found' || error.kind === 'gone');
}

/** The goals service refused: the member may not edit it (403), cannot see it any more (404) or it is archived (409). */
function isRefusal(error: unknown): boolean {
  return error instanceof AppError && (error.status === 403 || error.status === 404 || error.status === 409);
}

/** A first read covers the days linked or wanted events sit on (plus today), no further back. */
function changeWindow(now: Date, links: CalendarEventLink[], subjects: CalendarSubject[]): ChangeWindow {
  const today = parseDateOnly(DAY(now))!;
  const days = [today, ...links.map((link) => link.syncedDate), ...subjects.map((subject) => parseDateOnly(subject.date)!)];
  const min = Math.min(...days.map((day) => day.getTime()));
  const max = Math.max(...days.map((day) => day.getTime()));
  return { start: addDays(new Date(min), -1), end: addDays(new Date(Math.max(max, addDays(today, 2 * 365).getTime())), 2) };
}

export async function syncCalendar(ctx: SyncContext, provider: CalendarProvider): Promise<SyncSummary> {
  const { connection } = ctx;
  const summary: SyncSummary = { pushed: 0, pulled: 0, deleted: 0, conflicts: 0 };
  const tenant = await getTenantById(connection.tenantId);
  const member = connection.userId && tenant ? await connectionMember(tenant.id, connection.userId) : null;
  if (!tenant || !member) {
    await ctx.log({ level: 'warning', kind: 'sync', message: 'The member who connected this calendar is no longer in the workspace; nothing was synced.' });
    return summary;
  }
  const settings = readCalendarSettings(connection.settings);
  const token = await ctx.accessToken();
  const where = { tenantId: tenant.id, connectionId: connection.id };
  let links = await db.calendarEventLink.findMany({ where });
  let stored = readCursor(connection.syncCursor);

  // Another calendar was picked: take our events out of the old one and start over.
  if (stored && stored.calendarId !== settings.calendarId) {
    for (const link of links) {
      if (link.contentHash === UNLINKED) continue;
      await deleteQuietly(provider, token, stored.calendarId, link.externalEventId);
      summary.deleted++;
    }
    await db.calendarEventLink.deleteMany({ where });
    links = [];
    stored = null;
  }

  const subjects = new Map((await loadCalendarSubjects(tenant, member, settings.goals)).map((subject) => [subject.key, subject]));
  const calendarId = settings.calendarId;
  const window = changeWindow(ctx.now, links, [...subjects.values()]);

  // Pull.
  let changes;
  try {
    changes = await provider.changes(token, calendarId, stored?.cursor ?? null, window);
  } catch (error) {
    if (!(error instanceof ProviderError && error.kind === 'gone' && stored)) throw error;
    await ctx.log({ level: 'info', kind: 'sync', message: 'The calendar no longer accepted our sync position; read it again from the start.' });
    changes = await provider.changes(token, calendarId, null, window);
  }
  summary.cursor = JSON.stringify({ calendarId, cursor: changes.nextCursor } satisfies StoredCursor);

  const byEvent = new Map(links.map((link) => [link.externalEventId, link]));
  /** Subjects whose event shows a day we refused (the member may not edit the goal): written back. */
  const revert = new Set<string>();
  for (const remote of changes.events) {
    const link = byEvent.get(remote.externalEventId);
    if (!link || link.contentHash === UNLINKED) continue;
    // Our own write coming back.
    if (!remote.deleted && remote.etag !== null && remote.etag === link.etag) continue;
    if (remote.deleted || remote.date === null) {
      const unlinked = await db.calendarEventLink.update({ where: { id: link.id }, data: { contentHash: UNLINKED, etag: null, remoteUpdatedAt: remote.updatedAt } });
      byEvent.set(link.externalEventId, unlinked);
      summary.pulled++;
      await ctx.log({ level: 'info', kind: 'sync', message: 'An event was deleted in the calendar: its goal is no longer linked to it.', detail: { goalId: link.goalId, milestoneId: link.milestoneId } });
      continue;
    }
    const subject = subjects.get(link.subjectKey);
    const syncedDay = DAY(link.syncedDate);
    if (remote.date === syncedDay || !subject) {
      // Not moved (a title or description edit), or the goal left the selection (the push deletes the event).
      byEvent.set(link.externalEventId, await db.calendarEventLink.update({ where: { id: link.id }, data: { etag: remote.etag, remoteUpdatedAt: remote.updatedAt } }));
      continue;
    }
    if (subject.date !== syncedDay) {
      // Both sides moved it since the last sync: the later change wins.
      summary.conflicts++;
      const localAt = await localChangeTime(tenant, subject);
      const remoteAt = remote.updatedAt ?? ctx.now;
      const remoteWins = remoteAt.getTime() > localAt.getTime();
      await ctx.log({
        level: 'warning',
        kind: 'conflict',
        message: `Changed on both sides since the last sync; kept the ${remoteWins ? 'calendar' : 'Waypoint'} date (${remoteWins ? remote.date : subject.date}), the later change.`,
        detail: { goalId: subject.goalId, milestoneId: subject.milestoneId, calendarDate: remote.date, waypointDate: subject.date, calendarChangedAt: remoteAt.toISOString(), waypointChangedAt: localAt.toISOString(), winner: remoteWins ? 'calendar' : 'waypoint' },
      });
      if (!remoteWins) {
        // The push rewrites the event with our date.
        byEvent.set(link.externalEventId, await db.calendarEventLink.update({ where: { id: link.id }, data: { etag: remote.etag, remoteUpdatedAt: remote.updatedAt } }));
        continue;
      }
    }
    const applied = await applyCalendarDate(tenant, member, subject, link, remote, remote.date);
    if (applied) {
      const moved = redated(subject, remote.date);
      subjects.set(subject.key, moved);
      // The event holds what was pushed last, on its new day: current only if nothing else (a title) changed here too.
      const onlyMoved = redated(subject, syncedDay).hash === link.contentHash;
      byEvent.set(link.externalEventId, await db.calendarEventLink.update({ where: { id: link.id }, data: { contentHash: onlyMoved ? moved.hash : link.contentHash } }));
      summary.pulled++;
    } else {
      revert.add(subject.key);
      byEvent.set(link.externalEventId, await db.calendarEventLink.findUniqueOrThrow({ where: { id: link.id } }));
      await ctx.log({ level: 'info', kind: 'sync', message: 'An event was moved in the calendar, but this member may not change that goal: the event was moved back.', detail: { goalId: subject.goalId, milestoneId: subject.milestoneId, calendarDate: remote.date } });
    }
  }

  // Push.
  const bySubject = new Map([...byEvent.values()].map((link) => [link.subjectKey, link]));
  for (const subject of subjects.values()) {
    const link = bySubject.get(subject.key);
    if (link?.contentHash === UNLINKED) continue;
    if (link && link.contentHash === subject.hash && !revert.has(subject.key)) continue;
    let remote: RemoteEvent;
    try {
      remote = await provider.upsertEvent(token, calendarId, link ? { externalEventId: link.externalEventId, etag: link.etag } : null, subject.input);
    } catch (error) {
      if (!link || !isGone(error)) throw error;
      // Deleted in the calendar after our read: unlinked, as if the read had seen it.
      await db.calendarEventLink.update({ where: { id: link.id }, data: { contentHash: UNLINKED, etag: null } });
      continue;
    }
    const data = {
      externalEventId: remote.externalEventId,
      etag: remote.etag,
      syncedDate: parseDateOnly(subject.date)!,
      contentHash: subject.hash,
      localUpdatedAt: subject.goalUpdatedAt,
      remoteUpdatedAt: remote.updatedAt,
    };
    if (link) await db.calendarEventLink.update({ where: { id: link.id }, data });
    else await db.calendarEventLink.create({ data: { ...data, tenantId: tenant.id, connectionId: connection.id, goalId: subject.goalId, milestoneId: subject.milestoneId, subjectKey: subject.key } });
    summary.pushed++;
  }
  // Events of goals deleted, undated, archived or no longer selected.
  for (const link of bySubject.values()) {
    if (subjects.has(link.subjectKey)) continue;
    if (link.contentHash !== UNLINKED) {
      await deleteQuietly(provider, token, calendarId, link.externalEventId);
      summary.deleted++;
    }
    await db.calendarEventLink.delete({ where: { id: link.id } });
  }
  return summary;
}

async function deleteQuietly(provider: CalendarProvider, token: string, calendarId: string, externalEventId: string): Promise<void> {
  try {
    await provider.deleteEvent(token, calendarId, externalEventId);
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

/**
 * Moves the goal (or milestone) to the event's day through the goals service, as the
 * member, so its rules, events and audit apply. The link records the new day first: the
 * goal.updated this emits then reads as the calendar's own change (calendar-events.ts) and
 * does not ask for another sync. False when the service refuses; the link is put back.
 */
async function applyCalendarDate(tenant: TenantContext, member: Member, subject: CalendarSubject, link: CalendarEventLink, remote: RemoteEvent, date: string): Promise<boolean> {
  await db.calendarEventLink.update({ where: { id: link.id }, data: { syncedDate: parseDateOnly(date)!, etag: remote.etag, remoteUpdatedAt: remote.updatedAt } });
  try {
    if (subject.milestoneId) await updateMilestone(tenant, member, subject.goalId, subject.milestoneId, { dueDate: date });
    else await updateGoal(tenant, member, subject.goalId, { targetDate: date });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await db.calendarEventLink.update({ where: { id: link.id }, data: { syncedDate: link.syncedDate } });
    return false;
  }
  await db.calendarEventLink.update({ where: { id: link.id }, data: { localUpdatedAt: new Date() } });
  return true;
}
