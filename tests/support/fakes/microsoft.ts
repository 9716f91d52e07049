import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the Microsoft identity platform (v2 authorize/token) and the slice of
// Microsoft Graph v1.0 that Outlook Calendar uses, on one port: MICROSOFT_API_BASE points every
// call here. It keeps what Graph keeps (users, calendars, events with etags and change order),
// checks what Graph checks (client secret, redirect URI, PKCE S256, bearer tokens), and has knobs
// for the failures tests need: 429 + Retry-After, revoked refresh tokens, stale delta links, and
// changes made "as the user" in Outlook.

export interface FakeMicrosoftUser {
  id: string;
  mail: string;
  displayName: string;
}

export interface FakeEvent {
  id: string;
  userId: string;
  calendarId: string;
  subject: string;
  body: { contentType: string; content: string };
  isAllDay: boolean;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  showAs: string;
  extendedProperties: { id: string; value: string }[];
  lastModifiedDateTime: string;
  /** Change order, for delta rounds. */
  sequence: number;
  version: number;
  removed: boolean;
}

export interface FakeSubscription {
  id: string;
  userId: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  clientState: string;
  expirationDateTime: string;
  deleted: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FakeMicrosoft {
  /** MICROSOFT_API_BASE. */
  url: string;
  clientId: string;
  clientSecret: string;
  requests: RecordedRequest[];
  calls(method: string, path: string | RegExp): RecordedRequest[];
  /** Who the consent page signs in as (a new user is added). Default: ada@contoso.example. */
  signInAs(user: Partial<FakeMicrosoftUser> & { mail: string }): FakeMicrosoftUser;
  user(mail: string): FakeMicrosoftUser | undefined;
  /** Live events of a user (removed ones left out). */
  events(mail: string): FakeEvent[];
  event(id: string): FakeEvent | undefined;
  /** Knob: the next `count` Graph calls answer `status` (429 with Retry-After by default). */
  failNext(options?: { status?: number; retryAfter?: number | null; count?: number }): void;
  /** Knob: the next Graph call gets no answer for `ms` milliseconds. */
  stallNext(ms: number): void;
  /** Knob: every refresh token issued so far stops working (invalid_grant); access tokens expire too. */
  revokeGrants(): void;
  /** Knob: every delta link issued so far answers 410 (the sync state expired). */
  expireDeltaLinks(): void;
  /** Knob: a change made by the person in Outlook (moving to an all-day date, renaming, deleting). */
  editAsUser(id: string, change: { date?: string; subject?: string; delete?: boolean; at?: Date; start?: FakeEvent['start']; end?: FakeEvent['end']; isAllDay?: boolean }): FakeEvent;
  /** Change subscriptions made through POST /subscriptions (deleted ones flagged). */
  subscriptions: Map<string, FakeSubscription>;
  /** The body Graph would POST to the subscription's notificationUrl for a change to an event. */
  notification(subscriptionId: string, eventId: string, changeType?: 'created' | 'updated' | 'deleted'): { value: Record<string, unknown>[] };
  /** Follows an authorization URL as a person clicking "Accept" would: the redirect target with code and state. */
  consent(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

const RUN = randomBytes(3).toString('hex');
let counter = 0;
const newId = (prefix: string) => `${prefix}${RUN}${(++counter).toString(36).padStart(5, '0')}`;

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startFakeMicrosoft(options: { clientId?: string; clientSecret?: string } = {}): Promise<FakeMicrosoft> {
  const clientId = options.clientId ?? 'fake-microsoft-client-id';
  const clientSecret = options.clientSecret ?? 'fake-microsoft-client-secret';
  const requests: RecordedRequest[] = [];
  const users = new Map<string, FakeMicrosoftUser>();
  const calendars = new Map<string, { id: string; userId: string; name: string; isDefaultCalendar: boolean }>();
  const events = new Map<string, FakeEvent>();
  const codes = new Map<string, { userId: string; redirectUri: string; challenge: string; scope: string; used: boolean }>();
  const accessTokens = new Map<string, { userId: string; expiresAt: number }>();
  const refreshTokens = new Map<string, { userId: string; scope: string; revoked: boolean }>();
  const deltaTokens = new Map<string, { userId: string; calendarId: string; start: string; end: string; sequence: number; expired: boolean }>();
  const skipTokens = new Map<string, { rows: unknown[]; deltaToken: string }>();
  const subscriptions = new Map<string, FakeSubscription>();
  let sequence = 0;
  let failures: { status: number; retryAfter: number | null; remaining: number } | null = null;
  let stallMs = 0;
  let signedIn: FakeMicrosoftUser;

  function addUser(input: Partial<FakeMicrosoftUser> & { mail: string }): FakeMicrosoftUser {
    const existing = [...users.values()].find((user) => user.mail === input.mail);
    if (existing) return existing;
    const user = { id: input.id ?? newId('user-'), mail: input.mail, displayName: input.displayName ?? input.mail.split('@')[0] };
    users.set(user.id, user);
    const calendarId = newId('AAMkCal');
    calendars.set(calendarId, { id: calendarId, userId: user.id, name: 'Calendar', isDefaultCalendar: true });
    const second = newId('AAMkCal');
    calendars.set(second, { id: second, userId: user.id, name: 'Goals', isDefaultCalendar: false });
    return user;
  }
  signedIn = addUser({ mail: 'ada@contoso.example', displayName: 'Ada Lovelace' });

  const defaultCalendar = (userId: string) => [...calendars.values()].find((calendar) => calendar.userId === userId && calendar.isDefaultCalendar)!;
  const etagOf = (event: FakeEvent) => `W/"${event.id}-${event.version}"`;
  const view = (event: FakeEvent) => ({
    '@odata.etag': etagOf(event),
    id: event.id,
    subject: event.subject,
    body: event.body,
    isAllDay: event.isAllDay,
    isCancelled: false,
    start: event.start,
    end: event.end,
    isReminderOn: event.isReminderOn,
    reminderMinutesBeforeStart: event.reminderMinutesBeforeStart,
    showAs: event.showAs,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: `${event.version}`,
  });
  const touch = (event: FakeEvent, at = new Date()) => {
    event.sequence = ++sequence;
    event.version += 1;
    event.lastModifiedDateTime = at.toISOString();
  };

  const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}) => ({ status, headers, body: { error: { code, message, innerError: { 'request-id': newId('req-'), date: new Date().toISOString() } } } });
  type Answer = { status?: number; body?: unknown; headers?: Record<string, string>; redirect?: string; html?: string };

  function applyEventBody(event: FakeEvent, body: Record<string, unknown>) {
    if (typeof body.subject === 'string') event.subject = body.subject;
    if (body.body && typeof body.body === 'object') event.body = body.body as FakeEvent['body'];
    if (typeof body.isAllDay === 'boolean') event.isAllDay = body.isAllDay;
    if (body.start) event.start = body.start as FakeEvent['start'];
    if (body.end) event.end = body.end as FakeEvent['end'];
    if (typeof body.isReminderOn === 'boolean') event.isReminderOn = body.isReminderOn;
    if (typeof body.reminderMinutesBeforeStart === 'number') event.reminderMinutesBeforeStart = body.reminderMinutesBeforeStart;
    if (typeof body.showAs === 'string') event.showAs = body.showAs;
    if (Array.isArray(body.singleValueExtendedProperties)) event.extendedProperties = body.singleValueExtendedProperties as FakeEvent['extendedProperties'];
  }

  function validAllDay(body: Record<string, unknown>): string | null {
    if (body.isAllDay !== true) return null;
    const start = (body.start as { dateTime?: string } | undefined)?.dateTime ?? '';
    const end = (body.end as { dateTime?: string } | undefined)?.dateTime ?? '';
    // Graph: an all-day event starts and ends at midnight.
    if (!/T00:00:00(\.0+)?$/.test(start) || !/T00:00:00(\.0+)?$/.test(end) || end <= start) return 'An all-day event must start and end at midnight.';
    return null;
  }

  function deltaRows(userId: string, calendarId: string, start: string, end: string, after: number | null): unknown[] {
    return [...events.values()]
      .filter((event) => event.userId === userId && event.calendarId === calendarId)
      .filter((event) => (after === null ? !event.removed : event.sequence > after))
      .filter((event) => event.removed || (event.start.dateTime.slice(0, 19) < end.slice(0, 19) && event.end.dateTime.slice(0, 19) > start.slice(0, 19)))
      .sort((a, b) => a.sequence - b.sequence)
      .map((event) => (event.removed ? { '@odata.type': '#microsoft.graph.event', id: event.id, '@removed': { reason: 'deleted' } } : view(event)));
  }

  function deltaPage(base: string, rows: unknown[], deltaToken: string, pageSize: number): Answer {
    const page = rows.slice(0, pageSize);
    const rest = rows.slice(pageSize);
    if (rest.length > 0) {
      const skip = newId('skip');
      skipTokens.set(skip, { rows: rest, deltaToken });
      return { body: { value: page, '@odata.nextLink': `${base}/v1.0/me/calendarView/delta?$skiptoken=${skip}` } };
    }
    return { body: { value: page, '@odata.deltaLink': `${base}/v1.0/me/calendarView/delta?$deltatoken=${deltaToken}` } };
  }

  function graph(request: RecordedRequest, base: string): Answer {
    const { method, path, query } = request;
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const session = bearer ? accessTokens.get(bearer) : undefined;
    if (!session || session.expiresAt < Date.now()) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty, invalid or expired.');
    if (failures && failures.remaining > 0) {
      failures.remaining -= 1;
      const { status, retryAfter } = failures;
      return graphError(status, status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', 'Injected failure.', retryAfter === null ? {} : { 'Retry-After': String(retryAfter) });
    }
    const userId = session.userId;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const route = path.replace(/^\/v1\.0/, '');

    if (method === 'GET' && route === '/me') {
      const user = users.get(userId)!;
      return { body: { id: user.id, displayName: user.displayName, mail: user.mail, userPrincipalName: user.mail } };
    }
    if (method === 'GET' && route === '/me/calendars') {
      const value = [...calendars.values()].filter((calendar) => calendar.userId === userId).map((calendar) => ({ id: calendar.id, name: calendar.name, isDefaultCalendar: calendar.isDefaultCalendar, canEdit: true }));
      return { body: { value } };
    }
    if (method === 'GET' && route === '/me/calendarView/delta' && (query.has('$deltatoken') || query.has('$skiptoken'))) {
      const skip = query.get('$skiptoken');
      if (skip) {
        const pending = skipTokens.get(skip);
        if (!pending) return graphError(410, 'SyncStateNotFound', 'The sync state generation is not found.');
        skipTokens.delete(skip);
        return deltaPage(base, pending.rows, pending.deltaToken, pageSize(request));
      }
      const state = deltaTokens.get(query.get('$deltatoken')!);
      if (!state || state.expired || state.userId !== userId) return graphError(410, 'SyncStateNotFound', 'The sync state generation is not found or expired.');
      const token = newId('delta');
      deltaTokens.set(token, { ...state, sequence });
      return deltaPage(base, deltaRows(userId, state.calendarId, state.start, state.end, state.sequence), token, pageSize(request));
    }
    // /me/calendarView/delta and /me/events: the default calendar, as /me/calendar/….
    const calendarMatch = /^\/me\/(?:(?:calendar|calendars\/([^/]+))\/)?(events|calendarView\/delta)$/.exec(route);
    if (calendarMatch) {
      const calendarId = calendarMatch[1] ? decodeURIComponent(calendarMatch[1]) : defaultCalendar(userId).id;
      const calendar = calendars.get(calendarId);
      if (!calendar || calendar.userId !== userId) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (method === 'POST' && calendarMatch[2] === 'events') {
        const problem = validAllDay(body);
        if (problem) return graphError(400, 'ErrorInvalidRequest', problem);
        const event: FakeEvent = {
          id: newId('AAMkEvt'),
          userId,
          calendarId,
          subject: '',
          body: { contentType: 'text', content: '' },
          isAllDay: false,
          start: { dateTime: '', timeZone: 'UTC' },
          end: { dateTime: '', timeZone: 'UTC' },
          isReminderOn: true,
          reminderMinutesBeforeStart: 15,
          showAs: 'busy',
          extendedProperties: [],
          lastModifiedDateTime: '',
          sequence: 0,
          version: 0,
          removed: false,
        };
        applyEventBody(event, body);
        touch(event);
        events.set(event.id, event);
        return { status: 201, body: view(event) };
      }
      if (method === 'GET' && calendarMatch[2] === 'calendarView/delta') {
        const start = query.get('startDateTime');
        const end = query.get('endDateTime');
        if (!start || !end) return graphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
        const token = newId('delta');
        deltaTokens.set(token, { userId, calendarId, start, end, sequence, expired: false });
        return deltaPage(base, deltaRows(userId, calendarId, start, end, null), token, pageSize(request));
      }
    }
    if (method === 'POST' && route === '/subscriptions') {
      const expiration = String(body.expirationDateTime ?? '');
      if (!body.notificationUrl || !String(body.notificationUrl).startsWith('https://')) return graphError(400, 'InvalidRequest', 'NotificationUrl must be an https URL.');
      if (!body.resource || !body.changeType || !expiration) return graphError(400, 'InvalidRequest', 'resource, changeType and expirationDateTime are required.');
      // Outlook event subscriptions last at most 10,080 minutes.
      if (Date.parse(expiration) - Date.now() > 10_080 * 60_000) return graphError(400, 'ExtensionError', 'Subscription expiration can only be 10080 minutes in the future.');
      const subscription: FakeSubscription = { id: newId('sub-'), userId, resource: String(body.resource), changeType: String(body.changeType), notificationUrl: String(body.notificationUrl), clientState: String(body.clientState ?? ''), expirationDateTime: expiration, deleted: false };
      subscriptions.set(subscription.id, subscription);
      return { status: 201, body: { id: subscription.id, resource: subscription.resource, changeType: subscription.changeType, notificationUrl: subscription.notificationUrl, expirationDateTime: subscription.expirationDateTime } };
    }
    const subscriptionMatch = /^\/subscriptions\/([^/]+)$/.exec(route);
    if (subscriptionMatch) {
      const subscription = subscriptions.get(decodeURIComponent(subscriptionMatch[1]));
      if (!subscription || subscription.deleted || subscription.userId !== userId) return graphError(404, 'ResourceNotFound', 'The object was not found.');
      if (method === 'PATCH') {
        subscription.expirationDateTime = String(body.expirationDateTime ?? subscription.expirationDateTime);
        return { body: { id: subscription.id, resource: subscription.resource, expirationDateTime: subscription.expirationDateTime } };
      }
      if (method === 'DELETE') {
        subscription.deleted = true;
        return { status: 204 };
      }
    }
    const eventMatch = /^\/me\/events\/([^/]+)$/.exec(route);
    if (eventMatch) {
      const event = events.get(decodeURIComponent(eventMatch[1]));
      if (!event || event.userId !== userId || event.removed) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (method === 'GET') return { body: view(event) };
      if (method === 'PATCH') {
        const ifMatch = request.headers['if-match'];
        if (ifMatch && ifMatch !== etagOf(event)) return graphError(412, 'ErrorIrresolvableConflict', 'The change key passed in the request does not match the current change key for the item.');
        const problem = validAllDay({ ...view(event), ...body });
        if (problem) return graphError(400, 'ErrorInvalidRequest', problem);
        applyEventBody(event, body);
        touch(event);
        return { body: view(event) };
      }
      if (method === 'DELETE') {
        event.removed = true;
        touch(event);
        return { status: 204 };
      }
    }
    return graphError(400, 'BadRequest', `Unsupported by the fake: ${method} ${path}`);
  }

  function pageSize(request: RecordedRequest): number {
    const match = /odata\.maxpagesize=(\d+)/.exec(String(request.headers.prefer ?? ''));
    return match ? Number(match[1]) : 10;
  }

  function identity(request: RecordedRequest): Answer | undefined {
    const match = /^\/([^/]+)\/oauth2\/v2\.0\/(authorize|authorize\/accept|token)$/.exec(request.path);
    if (!match) return undefined;
    const [, , endpoint] = match;
    if (endpoint === 'authorize') {
      const q = request.query;
      if (q.get('client_id') !== clientId) return { status: 400, html: '<p>AADSTS700016: Application not found.</p>' };
      if (q.get('response_type') !== 'code' || !q.get('redirect_uri') || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return { status: 400, html: '<p>AADSTS900144: a required parameter is missing.</p>' };
      const hidden = [...q.entries()].map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`).join('');
      return {
        html: `<!doctype html><title>Sign in to your account</title><h1>Let this app access your info?</h1><p>Signed in as ${escapeHtml(signedIn.mail)}</p><p>Permissions: ${escapeHtml(q.get('scope') ?? '')}</p><form method="get" action="authorize/accept">${hidden}<button type="submit">Accept</button></form>`,
      };
    }
    if (endpoint === 'authorize/accept') {
      const q = request.query;
      const code = newId('code-');
      codes.set(code, { userId: signedIn.id, redirectUri: q.get('redirect_uri')!, challenge: q.get('code_challenge')!, scope: q.get('scope') ?? '', used: false });
      const target = new URL(q.get('redirect_uri')!);
      target.searchParams.set('code', code);
      if (q.get('state')) target.searchParams.set('state', q.get('state')!);
      return { redirect: target.toString() };
    }
    // Token endpoint.
    const form = (request.body ?? {}) as Record<string, string>;
    const oauthError = (error: string, description: string, status = 400) => ({ status, body: { error, error_description: `AADSTS: ${description}`, error_codes: [status] } });
    if (request.method !== 'POST') return oauthError('invalid_request', 'The token endpoint takes POST.');
    if (form.client_id !== clientId || form.client_secret !== clientSecret) return oauthError('invalid_client', 'Invalid client secret provided.', 401);
    const issue = (userId: string, scope: string) => {
      const accessToken = newId('at-');
      const refreshToken = newId('rt-');
      accessTokens.set(accessToken, { userId, expiresAt: Date.now() + 3600_000 });
      refreshTokens.set(refreshToken, { userId, scope, revoked: false });
      return { body: { token_type: 'Bearer', scope: scope || 'Calendars.ReadWrite User.Read', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken, refresh_token: refreshToken } };
    };
    if (form.grant_type === 'authorization_code') {
      const grant = codes.get(form.code ?? '');
      if (!grant || grant.used) return oauthError('invalid_grant', 'The provided authorization code or refresh token has expired or was already redeemed.');
      grant.used = true;
      if (grant.redirectUri !== form.redirect_uri) return oauthError('invalid_grant', 'The reply URL does not match the one used to get the code.');
      const challenge = createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
      if (challenge !== grant.challenge) return oauthError('invalid_grant', 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.');
      return issue(grant.userId, grant.scope);
    }
    if (form.grant_type === 'refresh_token') {
      const grant = refreshTokens.get(form.refresh_token ?? '');
      if (!grant || grant.revoked) return oauthError('invalid_grant', 'The refresh token has expired or been revoked.');
      // Microsoft rotates refresh tokens: the old one stops working once used.
      grant.revoked = true;
      return issue(grant.userId, grant.scope);
    }
    return oauthError('unsupported_grant_type', `Unsupported grant type ${form.grant_type}.`);
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const base = `http://${req.headers.host}`;
      const url = new URL(req.url ?? '/', base);
      const raw = Buffer.concat(chunks).toString('utf8');
      const type = String(req.headers['content-type'] ?? '');
      let body: unknown = undefined;
      if (raw && type.includes('application/json')) body = JSON.parse(raw);
      else if (raw && type.includes('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
      const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
      requests.push(request);
      if (stallMs > 0 && url.pathname.startsWith('/v1.0/')) {
        const wait = stallMs;
        stallMs = 0;
        const timer = setTimeout(() => res.writeHead(504).end(), wait);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      const answer: Answer = (url.pathname.startsWith('/v1.0/') ? graph(request, fake.url) : identity(request)) ?? { status: 404, body: { error: { code: 'NotFound', message: 'No such endpoint on the fake.' } } };
      if (answer.redirect) {
        res.writeHead(302, { Location: answer.redirect });
        res.end();
        return;
      }
      if (answer.html !== undefined) {
        res.writeHead(answer.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(answer.html);
        return;
      }
      res.writeHead(answer.status ?? 200, { ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...answer.headers });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.FAKE_MICROSOFT_PORT ?? 0), '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeMicrosoft = {
    url: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    requests,
    calls: (method, path) => requests.filter((request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path))),
    signInAs(input) {
      signedIn = addUser(input);
      return signedIn;
    },
    user: (mail) => [...users.values()].find((user) => user.mail === mail),
    events(mail) {
      const user = fake.user(mail);
      return [...events.values()].filter((event) => event.userId === user?.id && !event.removed);
    },
    event: (id) => events.get(id),
    failNext({ status = 429, retryAfter = 7, count = 1 } = {}) {
      failures = { status, retryAfter, remaining: count };
    },
    stallNext(ms) {
      stallMs = ms;
    },
    revokeGrants() {
      for (const grant of refreshTokens.values()) grant.revoked = true;
      for (const token of accessTokens.values()) token.expiresAt = 0;
    },
    expireDeltaLinks() {
      for (const state of deltaTokens.values()) state.expired = true;
    },
    editAsUser(id, change) {
      const event = events.get(id);
      if (!event || event.removed) throw new Error(`No live event ${id} on the fake.`);
      if (change.delete) event.removed = true;
      if (change.subject !== undefined) event.subject = change.subject;
      if (change.date) {
        event.isAllDay = true;
        event.start = { dateTime: `${change.date}T00:00:00.0000000`, timeZone: 'UTC' };
        event.end = { dateTime: `${nextDay(change.date)}T00:00:00.0000000`, timeZone: 'UTC' };
      }
      // Raw times, as Graph shows them (an all-day event of another time zone, a timed event).
      if (change.start) event.start = change.start;
      if (change.end) event.end = change.end;
      if (change.isAllDay !== undefined) event.isAllDay = change.isAllDay;
      touch(event, change.at);
      return event;
    },
    subscriptions,
    notification(subscriptionId, eventId, changeType = 'updated') {
      const subscription = subscriptions.get(subscriptionId)!;
      return {
        value: [
          {
            subscriptionId,
            subscriptionExpirationDateTime: subscription.expirationDateTime,
            changeType,
            resource: `Users/${subscription.userId}/Events/${eventId}`,
            resourceData: { '@odata.type': '#Microsoft.Graph.Event', '@odata.id': `Users/${subscription.userId}/Events/${eventId}`, id: eventId },
            clientState: subscription.clientState,
            tenantId: 'fake-tenant',
          },
        ],
      };
    },
    async consent(authorizationUrl) {
      const page = await fetch(authorizationUrl);
      const html = await page.text();
      if (!page.ok) throw new Error(`The consent page answered ${page.status}: ${html}`);
      const accept = new URL(authorizationUrl);
      accept.pathname = `${accept.pathname}/accept`;
      const answer = await fetch(accept, { redirect: 'manual' });
      return new URL(answer.headers.get('location')!);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
