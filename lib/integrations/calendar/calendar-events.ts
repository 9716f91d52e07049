import { db } from '../../db/client.ts';
import { formatDateOnly } from '../../goals/dates.ts';
import { requestSync } from '../sync-runner.ts';
import type { DispatchedEvent } from '../types.ts';
import { subjectKey } from './calendar-subjects.ts';

// Which real-time calendar connections of an installation a goal event concerns, for the
// calendar integrations' onEvent: the owner's and assignees' connections (a new date may
// need an event) and every connection that already has an event for the goal. A goal.updated
// that only moved the goal to the day its event already shows is the sync applying a
// calendar change (sync-calendar.ts records the day before changing the goal): that
// connection is left alone, so a calendar change never echoes into another sync.

type Changes = Record<string, unknown> & {
  targetDate?: { to?: string | null };
  milestones?: { changed?: { id?: string; dueDate?: { to?: string | null } } & Record<string, unknown> } & Record<string, unknown>;
};

/** The subject and day a date-only change moved, or null when the change is anything else. */
function dateOnlyChange(changes: Changes | undefined, goalId: string): { key: string; date: string | null } | null {
  if (!changes) return null;
  const keys = Object.keys(changes);
  if (keys.length !== 1) return null;
  if (keys[0] === 'targetDate' && changes.targetDate) return { key: subjectKey(goalId, null), date: changes.targetDate.to ?? null };
  const milestones = changes.milestones;
  if (keys[0] === 'milestones' && milestones && Object.keys(milestones).join() === 'changed' && milestones.changed?.id && milestones.changed.dueDate) {
    const { id, dueDate, ...rest } = milestones.changed;
    if (Object.keys(rest).length === 0) return { key: subjectKey(goalId, id), date: dueDate.to ?? null };
  }
  return null;
}

export async function calendarConnectionsForEvent(event: DispatchedEvent, installationId: string): Promise<string[]> {
  const goalId = typeof event.payload.goalId === 'string' ? event.payload.goalId : null;
  if (!goalId) return [];
  const connections = await db.integrationConnection.findMany({
    where: { tenantId: event.tenantId, installationId, status: 'active', syncFrequency: 'realtime', userId: { not: null } },
    select: { id: true, userId: true },
  });
  if (connections.length === 0) return [];
  const ids = connections.map((connection) => connection.id);
  const [links, goal] = await Promise.all([
    db.calendarEventLink.findMany({ where: { tenantId: event.tenantId, goalId, connectionId: { in: ids } }, select: { connectionId: true, subjectKey: true, syncedDate: true } }),
    db.goal.findFirst({ where: { id: goalId, tenantId: event.tenantId }, select: { ownerId: true, assignees: { select: { userId: true } } } }),
  ]);
  const people = new Set(goal ? [goal.ownerId, ...goal.assignees.map((assignee) => assignee.userId)] : []);
  const echo = event.type === 'goal.updated' ? dateOnlyChange(event.payload.changes as Changes | undefined, goalId) : null;
  return connections
    .filter((connection) => {
      const own = links.filter((link) => link.connectionId === connection.id);
      if (own.length === 0 && !people.has(connection.userId!)) return false;
      if (echo) {
        const link = own.find((candidate) => candidate.subjectKey === echo.key);
        if (link && echo.date === formatDateOnly(link.syncedDate)) return false;
      }
      return true;
    })
    .map((connection) => connection.id);
}

/** The calendar integrations' onEvent: a sync of each real-time connection the goal event concerns. */
export async function syncCalendarsForEvent(event: DispatchedEvent, installationId: string): Promise<void> {
  for (const connectionId of await calendarConnectionsForEvent(event, installationId)) await requestSync(connectionId, 'change');
}
