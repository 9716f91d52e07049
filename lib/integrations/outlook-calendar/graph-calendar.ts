import { ProviderError } from '../provider-error.ts';
import type { CalendarChanges, CalendarProvider, CalendarSummary, RemoteEvent } from '../calendar/calendar-provider.ts';
import { GRAPH_VERSION, graphBaseUrl, graphCall, graphClient } from './graph-client.ts';
import { graphEventBody, remoteEvent, type GraphEvent } from './graph-events.ts';

// The two-way engine's CalendarProvider on Microsoft Graph: calendars, events CRUD, and
// incremental changes through calendarView delta queries (the @odata.deltaLink is the cursor).

/** 'primary' (or nothing) is the account's default calendar, as Google calls it. */
function calendarPath(calendarId: string): string {
  return !calendarId || calendarId === 'primary' ? '/me/calendar' : `/me/calendars/${encodeURIComponent(calendarId)}`;
}

// A delta round covers the fixed window its first request names (the engine's ChangeWindow),
// carried in every link after it; a stale link answers 410 and the engine starts a new round.
const MAX_PAGES = 500;
const PAGE_SIZE = 100;

interface DeltaPage {
  value: GraphEvent[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface GraphCalendar {
  id: string;
  name: string;
  isDefaultCalendar?: boolean;
  canEdit?: boolean;
}

/**
 * A next/delta link as a path the SDK sends to our configured base. A link to any other host is
 * refused (our bearer token goes only where MICROSOFT_API_BASE says) and treated as stale.
 */
export function relativeGraphLink(link: string): string {
  const prefix = `${graphBaseUrl()}/${GRAPH_VERSION}/`;
  if (!link.startsWith(prefix)) throw new ProviderError('gone', 'The stored Microsoft Graph delta link is not for this Graph endpoint; starting a new round.');
  return `/${link.slice(prefix.length)}`;
}

/** 2027-01-05T00:00:00Z: ISO 8601 without the milliseconds or a '+' (the SDK does not encode query values). */
const isoSeconds = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const graphCalendarProvider: CalendarProvider = {
  async listCalendars(token): Promise<CalendarSummary[]> {
    const page = await graphCall('listing calendars', () =>
      graphClient(token).api('/me/calendars').select(['id', 'name', 'isDefaultCalendar', 'canEdit']).top(100).get() as Promise<{ value: GraphCalendar[] }>,
    );
    return page.value.map((calendar) => ({ id: calendar.id, name: calendar.name, primary: calendar.isDefaultCalendar === true, canWrite: calendar.canEdit !== false }));
  },

  async upsertEvent(token, calendarId, existing, event): Promise<RemoteEvent> {
    const client = graphClient(token);
    const body = graphEventBody(event);
    // Events are addressable by id whatever calendar holds them; a new one goes into the chosen calendar.
    const saved = existing
      ? await graphCall('updating an event', () => client.api(`/me/events/${encodeURIComponent(existing.externalEventId)}`).patch(body) as Promise<GraphEvent>)
      : await graphCall('creating an event', () => client.api(`${calendarPath(calendarId)}/events`).post(body) as Promise<GraphEvent>);
    return remoteEvent(saved);
  },

  async deleteEvent(token, _calendarId, externalEventId): Promise<void> {
    try {
      await graphCall('deleting an event', () => graphClient(token).api(`/me/events/${encodeURIComponent(externalEventId)}`).delete() as Promise<unknown>);
    } catch (error) {
      // Already gone (deleted in Outlook): the goal is what it should be.
      if (error instanceof ProviderError && (error.kind === 'not_found' || error.kind === 'gone')) return;
      throw error;
    }
  },

  async changes(token, calendarId, cursor, window): Promise<CalendarChanges> {
    const client = graphClient(token);
    const events: RemoteEvent[] = [];
    let request = cursor
      ? client.api(relativeGraphLink(cursor))
      : client.api(`${calendarId && calendarId !== 'primary' ? calendarPath(calendarId) : '/me'}/calendarView/delta`).query({ startDateTime: isoSeconds(window.start), endDateTime: isoSeconds(window.end) });
    for (let pageCount = 0; pageCount < MAX_PAGES; pageCount++) {
      const current = request;
      const page = await graphCall(cursor || pageCount > 0 ? 'reading calendar changes' : 'starting calendar change tracking', () =>
        current.header('Prefer', `odata.maxpagesize=${PAGE_SIZE}`).get() as Promise<DeltaPage>,
      );
      for (const row of page.value ?? []) events.push(remoteEvent(row));
      if (page['@odata.deltaLink']) return { events, nextCursor: page['@odata.deltaLink'] };
      if (!page['@odata.nextLink']) throw new ProviderError('invalid', 'Microsoft Graph ended a delta round without a delta link.');
      request = client.api(relativeGraphLink(page['@odata.nextLink']));
    }
    throw new ProviderError('unavailable', `Microsoft Graph: the delta round did not end within ${MAX_PAGES} pages; will try again.`);
  },
};
