import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import { addDays, formatDateOnly, parseDateOnly } from '../../goals/dates.ts';
import type { CalendarChanges, CalendarEventInput, CalendarProvider, CalendarSummary, RemoteEvent } from '../calendar/calendar-provider.ts';
import { ProviderError } from '../provider-error.ts';
import { GOOGLE_TIMEOUT_MS, googleEndpoints } from './google-endpoints.ts';
import { googleError } from './google-errors.ts';

// The calendar engine's provider for Google Calendar, over @googleapis/calendar (rootUrl from
// GOOGLE_API_BASE). The SDK's own retries are off: the sync runner owns retrying, with
// Google's Retry-After, so a 429 reaches it as a ProviderError instead of being slept on here.

/** The private extended property that marks our events (and says which goal or milestone). */
export const SUBJECT_PROPERTY = 'waypointSubject';

export function calendarApi(accessToken: string): calendar_v3.Calendar {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: accessToken });
  const rootUrl = googleEndpoints().apiRoot;
  return calendar({ version: 'v3', auth: client, retry: false, timeout: GOOGLE_TIMEOUT_MS, ...(rootUrl ? { rootUrl } : {}) });
}

function eventBody(event: CalendarEventInput): calendar_v3.Schema$Event {
  // All-day: the end date is exclusive, the next day.
  const next = formatDateOnly(addDays(parseDateOnly(event.date)!, 1));
  return {
    summary: event.title,
    description: event.description,
    start: { date: event.date },
    end: { date: next },
    // A deadline, not a meeting: it does not make the member look busy.
    transparency: 'transparent',
    reminders: { useDefault: false, overrides: event.reminderMinutes.map((minutes) => ({ method: 'popup', minutes })) },
    extendedProperties: { private: { [SUBJECT_PROPERTY]: event.subjectKey } },
  };
}

export function remoteEvent(item: calendar_v3.Schema$Event): RemoteEvent {
  const deleted = item.status === 'cancelled';
  const date = deleted ? null : (item.start?.date ?? item.start?.dateTime?.slice(0, 10) ?? null);
  return { externalEventId: item.id!, etag: item.etag ?? null, deleted, date, updatedAt: item.updated ? new Date(item.updated) : null };
}

async function call<T>(what: string, run: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await run()).data;
  } catch (error) {
    throw googleError(error, what);
  }
}

export const googleCalendarProvider: CalendarProvider = {
  async listCalendars(accessToken) {
    const api = calendarApi(accessToken);
    const calendars: CalendarSummary[] = [];
    let pageToken: string | undefined;
    do {
      const page = await call('Listing calendars', () => api.calendarList.list({ maxResults: 250, pageToken }));
      for (const item of page.items ?? []) {
        if (!item.id || item.deleted) continue;
        calendars.push({ id: item.id, name: item.summaryOverride ?? item.summary ?? item.id, primary: item.primary === true, canWrite: item.accessRole === 'owner' || item.accessRole === 'writer' });
      }
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return calendars;
  },

  async upsertEvent(accessToken, calendarId, existing, event) {
    const api = calendarApi(accessToken);
    const requestBody = eventBody(event);
    // patch, not update: what the member added to the event (a location, guests) stays.
    const item = existing
      ? await call('Updating an event', () => api.events.patch({ calendarId, eventId: existing.externalEventId, sendUpdates: 'none', requestBody }))
      : await call('Creating an event', () => api.events.insert({ calendarId, sendUpdates: 'none', requestBody }));
    return remoteEvent(item);
  },

  async deleteEvent(accessToken, calendarId, externalEventId) {
    try {
      await calendarApi(accessToken).events.delete({ calendarId, eventId: externalEventId, sendUpdates: 'none' });
    } catch (error) {
      const failure = googleError(error, 'Deleting an event');
      // Google answers 410 for an event already deleted.
      if (failure.kind === 'gone' || failure.kind === 'not_found') return;
      throw failure;
    }
  },

  async changes(accessToken, calendarId, cursor, window): Promise<CalendarChanges> {
    const api = calendarApi(accessToken);
    const events: RemoteEvent[] = [];
    let pageToken: string | undefined;
    for (;;) {
      // A first read starts at timeMin (Google's sync guide); later reads send the sync token alone, as Google requires.
      const page = await call('Reading calendar changes', () =>
        api.events.list({ calendarId, showDeleted: true, maxResults: 250, pageToken, ...(cursor ? { syncToken: cursor } : { timeMin: window.start.toISOString() }) }),
      );
      for (const item of page.items ?? []) if (item.id) events.push(remoteEvent(item));
      if (page.nextPageToken) {
        pageToken = page.nextPageToken;
        continue;
      }
      if (!page.nextSyncToken) throw new ProviderError('invalid', 'Google listed the events without a sync token.');
      return { events, nextCursor: page.nextSyncToken };
    }
  },
};
