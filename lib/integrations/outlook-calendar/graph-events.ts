import type { CalendarEventInput, RemoteEvent } from '../calendar/calendar-provider.ts';

// Waypoint's all-day event ⇄ a Microsoft Graph event resource.

/** The Graph event fields we write and read. */
export interface GraphEvent {
  id: string;
  '@odata.etag'?: string;
  '@removed'?: { reason: string };
  subject?: string | null;
  isAllDay?: boolean;
  isCancelled?: boolean;
  lastModifiedDateTime?: string;
  start?: { dateTime: string; timeZone: string } | null;
  end?: { dateTime: string; timeZone: string } | null;
}

/** A named MAPI property in our own namespace: which goal (or goal:milestone) the event stands for. */
export const SUBJECT_PROPERTY_ID = 'String {4f1c2a7e-8b3d-4e59-9a61-2d7c0b5e9f14} Name WaypointSubject';

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The body of a create or update. All-day events in Graph run midnight to midnight in one time
 * zone. Outlook keeps one reminder per event, so the earliest asked for is used (24 h before).
 */
export function graphEventBody(event: CalendarEventInput): Record<string, unknown> {
  const reminder = event.reminderMinutes.length > 0 ? Math.max(...event.reminderMinutes) : null;
  return {
    subject: event.title,
    body: { contentType: 'text', content: event.description },
    isAllDay: true,
    start: { dateTime: `${event.date}T00:00:00`, timeZone: 'UTC' },
    end: { dateTime: `${nextDay(event.date)}T00:00:00`, timeZone: 'UTC' },
    showAs: 'free',
    isReminderOn: reminder !== null,
    ...(reminder !== null ? { reminderMinutesBeforeStart: reminder } : {}),
    singleValueExtendedProperties: [{ id: SUBJECT_PROPERTY_ID, value: event.subjectKey }],
  };
}

/**
 * The day an event starts on. Graph answers in UTC (no Prefer time zone), so an all-day event
 * made in another zone (moved in Outlook) starts at that zone's midnight expressed in UTC, e.g.
 * 22:00 the day before for UTC+2: it is the day of the nearest midnight. Timed events count by
 * their UTC start date.
 */
export function startDate(event: Pick<GraphEvent, 'isAllDay' | 'start'>): string | null {
  const start = event.start?.dateTime;
  const match = start ? /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}))?/.exec(start) : null;
  if (!match) return null;
  if (!event.isAllDay || !match[2] || Number(match[2]) < 12) return match[1];
  const next = new Date(`${match[1]}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** A Graph event (or a delta row) as the engine sees it. */
export function remoteEvent(event: GraphEvent): RemoteEvent {
  const deleted = Boolean(event['@removed']) || event.isCancelled === true;
  return {
    externalEventId: event.id,
    etag: event['@odata.etag'] ?? null,
    deleted,
    date: deleted ? null : startDate(event),
    updatedAt: event.lastModifiedDateTime ? new Date(event.lastModifiedDateTime) : null,
  };
}
