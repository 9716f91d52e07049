// PROVISIONAL: the engine's provider contract as the brief describes it, until
// lib/integrations/calendar/calendar-provider.ts lands on main; then this file re-exports it.

export interface CalendarInfo {
  id: string;
  name: string;
  primary: boolean;
  canEdit: boolean;
}

export interface CalendarEventInput {
  title: string;
  description: string;
  /** The all-day date, YYYY-MM-DD. */
  date: string;
  reminderMinutes: number[];
}

export interface RemoteEvent {
  externalEventId: string;
  etag: string | null;
  deleted: boolean;
  date: string | null;
  updatedAt: Date | null;
  title?: string | null;
}

export interface CalendarChanges {
  events: RemoteEvent[];
  nextCursor: string;
}

export interface CalendarProvider {
  listCalendars(token: string): Promise<CalendarInfo[]>;
  upsertEvent(token: string, calendarId: string, existing: { externalEventId: string; etag: string | null } | null, event: CalendarEventInput): Promise<RemoteEvent>;
  deleteEvent(token: string, calendarId: string, externalEventId: string): Promise<void>;
  changes(token: string, calendarId: string, cursor: string | null): Promise<CalendarChanges>;
}
