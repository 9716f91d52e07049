// What the two-way calendar sync engine (sync-calendar.ts) needs from a calendar provider.
// Google Calendar and Outlook each implement it over their official SDK; the engine never
// sees an SDK type. Every failure is thrown as a ProviderError (../provider-error.ts).

/** A calendar the member can pick in the connection's settings. */
export interface CalendarSummary {
  id: string;
  name: string;
  primary: boolean;
  /** False for calendars the account may only read (events cannot go there). */
  canWrite: boolean;
}

/** One goal or milestone as an all-day event. */
export interface CalendarEventInput {
  title: string;
  /** Plain text; ends with the link back to the goal. */
  description: string;
  /** The all-day event's day, YYYY-MM-DD. */
  date: string;
  /** Popup reminders, in minutes before the event starts (24 h and 1 h). */
  reminderMinutes: number[];
  /** goalId or goalId:milestoneId, kept on the event as a private property so people can tell where it came from. */
  subjectKey: string;
}

/** An event as the provider has it now. */
export interface RemoteEvent {
  externalEventId: string;
  /** Changes on every write (Google etag, Graph changeKey): an event with the etag we stored is our own write coming back. */
  etag: string | null;
  deleted: boolean;
  /** The day it starts on, YYYY-MM-DD (for a timed event, the date of its start as written); null when deleted. */
  date: string | null;
  /** Its last modification at the provider, for last-writer-wins. */
  updatedAt: Date | null;
}

export interface CalendarChanges {
  /** Events created, changed or deleted since the cursor (others' events too: the engine ignores events it did not link). */
  events: RemoteEvent[];
  /** Where the next incremental read starts (a sync token, a delta link). */
  nextCursor: string;
}

/** The days a first read (no cursor) covers: no history beyond what linked events may need. */
export interface ChangeWindow {
  start: Date;
  end: Date;
}

export interface CalendarProvider {
  listCalendars(accessToken: string): Promise<CalendarSummary[]>;
  /** Creates the event (existing null) or rewrites it; answers the event as stored. */
  upsertEvent(accessToken: string, calendarId: string, existing: { externalEventId: string; etag: string | null } | null, event: CalendarEventInput): Promise<RemoteEvent>;
  /** Deletes the event; an event already gone is not an error (not_found / gone ProviderErrors are absorbed by the engine too). */
  deleteEvent(accessToken: string, calendarId: string, externalEventId: string): Promise<void>;
  /**
   * Changes since the cursor. A null cursor is a first read: return a fresh cursor and the
   * events inside the window. A cursor the provider no longer accepts throws
   * ProviderError('gone'); the engine then reads again from null.
   */
  changes(accessToken: string, calendarId: string, cursor: string | null, window: ChangeWindow): Promise<CalendarChanges>;
}
