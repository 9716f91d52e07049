import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Google (OAuth 2.0 and the Calendar API v3), which tests cannot reach.
// GOOGLE_API_BASE points the app's official SDK clients here; the paths are Google's own.
// It speaks what Waypoint uses: the consent page (an "Allow" button that redirects back with
// code and state), the token endpoint (authorization code with PKCE S256, refresh,
// invalid_grant once revoked), revoke, userinfo, calendarList, events CRUD, events.list with
// sync tokens (incremental, 410 once invalidated), watch and channels.stop. Knobs: fail the
// next calls with a status (429 + Retry-After), revoke grants, expire access tokens, edit or
// delete an event "as the user", invalidate sync tokens. Every request is recorded.

export interface FakeGoogleAccount {
  sub: string;
  email: string;
  name: string;
}

export interface FakeEvent {
  id: string;
  calendarId: string;
  etag: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  start: { date?: string; dateTime?: string };
  end: { date?: string; dateTime?: string };
  reminders?: unknown;
  transparency?: string;
  extendedProperties?: { private?: Record<string, string> };
  updated: string;
  created: string;
  /** The change sequence of its last write (sync tokens name one). */
  seq: number;
}

export interface RecordedGoogleRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Grant {
  account: FakeGoogleAccount;
  clientId: string;
  scope: string;
  refreshToken: string;
  revoked: boolean;
}

interface PendingCode {
  grant: Omit<Grant, 'refreshToken' | 'revoked'>;
  redirectUri: string;
  challenge: string | null;
  used: boolean;
}

interface Failure {
  status: number;
  retryAfter?: string;
  match?: RegExp;
  body?: unknown;
}

export interface FakeGoogle {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in on the consent page next. */
  account: FakeGoogleAccount;
  requests: RecordedGoogleRequest[];
  calls(method: string, path: string | RegExp): RecordedGoogleRequest[];
  /** Events of a calendar ('primary' = the account's), deleted ones included. */
  events(calendarId?: string): FakeEvent[];
  event(eventId: string): FakeEvent | undefined;
  /** Opens the consent page at the authorization URL and presses "Allow" (or "Deny"); answers the redirect back (callback URL with code and state). */
  consent(authorizationUrl: string, choice?: 'allow' | 'deny'): Promise<string>;
  /** The next `times` calls whose path matches fail with this status (and Retry-After). */
  failNext(failure: Failure & { times?: number }): void;
  /** The account's refresh tokens stop working (invalid_grant), as when the user removes access in their Google account. */
  revokeGrants(email?: string): void;
  /** Access tokens issued so far are expired (401 on the API). */
  expireAccessTokens(): void;
  /** Changes an event as the user would in Google Calendar (new etag, updated time, a sync change). */
  editAsUser(eventId: string, change: { date?: string; summary?: string; updated?: Date }): FakeEvent;
  deleteAsUser(eventId: string): void;
  /** Sync tokens issued so far answer 410 Gone (a full sync is required). */
  invalidateSyncTokens(): void;
  revokedTokens: string[];
  channels: { id: string; token?: string; address: string; resourceId: string; calendarId: string; stopped: boolean }[];
  close(): Promise<void>;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const token = (prefix: string) => `${prefix}.${randomBytes(18).toString('base64url')}`;
const html = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startFakeGoogle(options: { account?: FakeGoogleAccount } = {}): Promise<FakeGoogle> {
  const clientId = `fake-client-${randomBytes(4).toString('hex')}.apps.googleusercontent.com`;
  const clientSecret = `fake-secret-${randomBytes(8).toString('hex')}`;
  const requests: RecordedGoogleRequest[] = [];
  const codes = new Map<string, PendingCode>();
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, { grant: Grant; expired: boolean }>();
  const events = new Map<string, FakeEvent>();
  const failures: (Failure & { times: number })[] = [];
  const revokedTokens: string[] = [];
  const channels: FakeGoogle['channels'] = [];
  let seq = 0;
  /** Sync tokens of an older generation are refused (invalidateSyncTokens). */
  let generation = 0;
  let eventCounter = 0;

  const fake = {} as FakeGoogle;

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  const apiError = (code: number, message: string, reason: string) => ({ error: { code, message, errors: [{ domain: 'global', reason, message }] } });

  function bearer(req: IncomingMessage): Grant | null {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const entry = match ? accessTokens.get(match[1]) : undefined;
    if (!entry || entry.expired || entry.grant.revoked) return null;
    return entry.grant;
  }

  function issue(grant: Grant) {
    const access = token('ya29');
    accessTokens.set(access, { grant, expired: false });
    return { access_token: access, expires_in: 3599, scope: grant.scope, token_type: 'Bearer' };
  }

  function calendarOf(grant: Grant, id: string): string {
    return id === 'primary' ? grant.account.email : id;
  }

  function write(event: FakeEvent, updated = new Date()): FakeEvent {
    seq += 1;
    event.seq = seq;
    event.etag = `"${Date.now()}${seq}"`;
    event.updated = updated.toISOString();
    events.set(event.id, event);
    return event;
  }

  function publicEvent(event: FakeEvent) {
    const copy: Partial<FakeEvent> = { ...event };
    delete copy.seq;
    delete copy.calendarId;
    return { kind: 'calendar#event', ...copy };
  }

  function applyBody(event: FakeEvent, body: Record<string, unknown>) {
    for (const key of ['summary', 'description', 'start', 'end', 'reminders', 'transparency', 'extendedProperties'] as const) {
      if (body[key] !== undefined) (event as unknown as Record<string, unknown>)[key] = body[key];
    }
  }

  function consentPage(query: URLSearchParams): string {
    const hidden = [...query].map(([name, value]) => `<input type="hidden" name="${html(name)}" value="${html(value)}">`).join('');
    return `<!doctype html><html><head><title>Sign in - Google Accounts</title></head><body>
<h1>Fake Google</h1><p>Waypoint wants to access your Google Account <strong>${html(fake.account.email)}</strong>:</p>
<ul>${(query.get('scope') ?? '').split(' ').map((scope) => `<li>${html(scope)}</li>`).join('')}</ul>
<form method="post" action="/o/oauth2/v2/auth/approve">${hidden}<button type="submit" name="choice" value="deny">Cancel</button> <button type="submit" name="choice" value="allow">Allow</button></form>
</body></html>`;
  }

  function approve(form: URLSearchParams): { status: number; location?: string; body?: string } {
    const redirectUri = form.get('redirect_uri');
    if (!redirectUri || form.get('client_id') !== clientId) return { status: 400, body: 'invalid_client or redirect_uri' };
    const back = new URL(redirectUri);
    if (form.get('state')) back.searchParams.set('state', form.get('state')!);
    if (form.get('choice') !== 'allow') {
      back.searchParams.set('error', 'access_denied');
      return { status: 302, location: back.toString() };
    }
    const code = `4/${randomBytes(16).toString('base64url')}`;
    const method = form.get('code_challenge_method');
    codes.set(code, {
      grant: { account: { ...fake.account }, clientId, scope: form.get('scope') ?? '' },
      redirectUri,
      challenge: form.get('code_challenge') && method === 'S256' ? form.get('code_challenge') : null,
      used: false,
    });
    back.searchParams.set('code', code);
    back.searchParams.set('scope', form.get('scope') ?? '');
    return { status: 302, location: back.toString() };
  }

  function clientOk(req: IncomingMessage, form: URLSearchParams): boolean {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (basic) {
      const [id, secret] = Buffer.from(basic[1], 'base64').toString().split(':');
      return id === clientId && secret === clientSecret;
    }
    return form.get('client_id') === clientId && form.get('client_secret') === clientSecret;
  }

  function tokenEndpoint(req: IncomingMessage, form: URLSearchParams, res: ServerResponse) {
    if (!clientOk(req, form)) return send(res, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    if (form.get('grant_type') === 'authorization_code') {
      const pending = codes.get(form.get('code') ?? '');
      if (!pending || pending.used) return send(res, 400, { error: 'invalid_grant', error_description: 'Malformed auth code.' });
      pending.used = true;
      if (pending.redirectUri !== form.get('redirect_uri')) return send(res, 400, { error: 'redirect_uri_mismatch', error_description: 'Bad Request' });
      if (pending.challenge && s256(form.get('code_verifier') ?? '') !== pending.challenge) return send(res, 400, { error: 'invalid_grant', error_description: 'Invalid code verifier.' });
      const grant: Grant = { ...pending.grant, refreshToken: token('1//refresh'), revoked: false };
      grants.set(grant.refreshToken, grant);
      return send(res, 200, { ...issue(grant), refresh_token: grant.refreshToken });
    }
    if (form.get('grant_type') === 'refresh_token') {
      const grant = grants.get(form.get('refresh_token') ?? '');
      if (!grant || grant.revoked) return send(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      return send(res, 200, issue(grant));
    }
    return send(res, 400, { error: 'unsupported_grant_type' });
  }

  function revokeEndpoint(value: string, res: ServerResponse) {
    const grant = grants.get(value) ?? accessTokens.get(value)?.grant;
    if (!grant || grant.revoked) return send(res, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    grant.revoked = true;
    revokedTokens.push(value);
    return send(res, 200, {});
  }

  function listEvents(grant: Grant, calendarId: string, query: URLSearchParams, res: ServerResponse) {
    const syncToken = query.get('syncToken');
    let since = -1;
    if (syncToken) {
      const [tokenCalendar, tokenSeq, tokenGeneration] = Buffer.from(syncToken, 'base64url').toString().split('|');
      since = Number(tokenSeq);
      if (tokenCalendar !== calendarId || !Number.isInteger(since) || Number(tokenGeneration) !== generation) {
        return send(res, 410, apiError(410, 'Sync token is no longer valid, a full sync is required.', 'fullSyncRequired'));
      }
      if (query.get('timeMin') || query.get('timeMax')) return send(res, 400, apiError(400, 'Sync token cannot be used with timeMin or timeMax.', 'invalid'));
    }
    const timeMin = query.get('timeMin');
    const showDeleted = query.get('showDeleted') === 'true' || Boolean(syncToken);
    const all = [...events.values()]
      .filter((event) => event.calendarId === calendarId && event.seq > since)
      .filter((event) => showDeleted || event.status !== 'cancelled')
      .filter((event) => !timeMin || (event.end.date ?? event.end.dateTime ?? '') >= timeMin.slice(0, 10))
      .sort((a, b) => a.seq - b.seq);
    const max = Math.min(Number(query.get('maxResults') ?? 250), 2500);
    const offset = Number(query.get('pageToken') ?? 0);
    const page = all.slice(offset, offset + max);
    const more = offset + max < all.length;
    return send(res, 200, {
      kind: 'calendar#events',
      items: page.map(publicEvent),
      ...(more ? { nextPageToken: String(offset + max) } : { nextSyncToken: Buffer.from(`${calendarId}|${seq}|${generation}`).toString('base64url') }),
    });
  }

  function calendarApi(req: IncomingMessage, url: URL, body: string, res: ServerResponse) {
    const grant = bearer(req);
    if (!grant) return send(res, 401, apiError(401, 'Request had invalid authentication credentials.', 'authError'));
    const path = url.pathname;
    if (req.method === 'GET' && path === '/calendar/v3/users/me/calendarList') {
      return send(res, 200, {
        kind: 'calendar#calendarList',
        items: [
          { id: grant.account.email, summary: grant.account.email, primary: true, accessRole: 'owner' },
          { id: 'team-calendar@group.calendar.google.com', summary: 'Team deadlines', accessRole: 'writer' },
          { id: 'en.usa#holiday@group.v.calendar.google.com', summary: 'Holidays', accessRole: 'reader' },
        ],
      });
    }
    if (req.method === 'POST' && path === '/calendar/v3/channels/stop') {
      const { id, resourceId } = JSON.parse(body || '{}') as { id?: string; resourceId?: string };
      const channel = channels.find((candidate) => candidate.id === id && candidate.resourceId === resourceId && !candidate.stopped);
      if (!channel) return send(res, 404, apiError(404, 'Channel not found.', 'notFound'));
      channel.stopped = true;
      return send(res, 204, undefined);
    }
    const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (!match) return send(res, 404, apiError(404, 'Not Found', 'notFound'));
    const calendarId = calendarOf(grant, decodeURIComponent(match[1]));
    const eventId = match[2] ? decodeURIComponent(match[2]) : null;
    const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (!eventId && req.method === 'GET') return listEvents(grant, calendarId, url.searchParams, res);
    if (!eventId && req.method === 'POST') {
      if (calendarId.includes('holiday')) return send(res, 403, apiError(403, 'You need to have writer access to this calendar.', 'requiredAccessLevel'));
      const now = new Date().toISOString();
      const event = { id: `evt${(++eventCounter).toString().padStart(5, '0')}${randomBytes(4).toString('hex')}`, calendarId, status: 'confirmed', created: now } as FakeEvent;
      applyBody(event, json);
      return send(res, 200, publicEvent(write(event)));
    }
    if (eventId === 'watch' && req.method === 'POST') {
      const { id, token: channelToken, address } = json as { id: string; token?: string; address: string };
      const resourceId = `res-${randomBytes(6).toString('hex')}`;
      channels.push({ id, token: channelToken, address, resourceId, calendarId, stopped: false });
      return send(res, 200, { kind: 'api#channel', id, resourceId, resourceUri: `${fake.url}/calendar/v3/calendars/${calendarId}/events`, expiration: String(Date.now() + 7 * 86_400_000) });
    }
    const event = eventId ? events.get(eventId) : undefined;
    if (!event || event.calendarId !== calendarId) return send(res, 404, apiError(404, 'Not Found', 'notFound'));
    if (req.method === 'GET') return send(res, 200, publicEvent(event));
    if (event.status === 'cancelled') return send(res, 410, apiError(410, 'Resource has been deleted', 'deleted'));
    if (req.method === 'PATCH' || req.method === 'PUT') {
      applyBody(event, json);
      return send(res, 200, publicEvent(write(event)));
    }
    if (req.method === 'DELETE') {
      event.status = 'cancelled';
      write(event);
      return send(res, 204, undefined);
    }
    return send(res, 405, apiError(405, 'Method not allowed', 'invalid'));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const url = new URL(req.url ?? '/', 'http://fake.google');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body });
      const failure = failures.find((candidate) => !candidate.match || candidate.match.test(url.pathname));
      if (failure && !url.pathname.startsWith('/o/oauth2')) {
        failure.times -= 1;
        if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
        return send(res, failure.status, failure.body ?? apiError(failure.status, failure.status === 429 ? 'Rate Limit Exceeded' : 'Backend Error', failure.status === 429 ? 'rateLimitExceeded' : 'backendError'), failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
      }
      try {
        if (req.method === 'GET' && url.pathname === '/o/oauth2/v2/auth') {
          if (url.searchParams.get('client_id') !== clientId) return send(res, 400, { error: 'invalid_client' });
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(consentPage(url.searchParams));
        }
        if (req.method === 'POST' && url.pathname === '/o/oauth2/v2/auth/approve') {
          const outcome = approve(new URLSearchParams(body));
          res.writeHead(outcome.status, outcome.location ? { location: outcome.location } : { 'content-type': 'text/plain' });
          return res.end(outcome.body ?? '');
        }
        if (req.method === 'POST' && url.pathname === '/token') return tokenEndpoint(req, new URLSearchParams(body), res);
        if (req.method === 'POST' && url.pathname === '/revoke') return revokeEndpoint(url.searchParams.get('token') ?? new URLSearchParams(body).get('token') ?? '', res);
        if (req.method === 'GET' && url.pathname === '/v1/userinfo') {
          const grant = bearer(req);
          if (!grant) return send(res, 401, { error: 'invalid_token' });
          return send(res, 200, { sub: grant.account.sub, email: grant.account.email, email_verified: true, name: grant.account.name });
        }
        if (url.pathname.startsWith('/calendar/v3/')) return calendarApi(req, url, body, res);
        return send(res, 404, { error: 'not_found' });
      } catch (error) {
        return send(res, 500, apiError(500, String(error), 'backendError'));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    account: options.account ?? { sub: `1${randomBytes(8).readBigUInt64BE().toString().slice(0, 15)}`, email: `member.${randomBytes(3).toString('hex')}@gmail.test`, name: 'Fake Member' },
    requests,
    revokedTokens,
    channels,
    calls: (method: string, path: string | RegExp) => requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))),
    events: (calendarId?: string) => [...events.values()].filter((event) => !calendarId || event.calendarId === (calendarId === 'primary' ? fake.account.email : calendarId)),
    event: (eventId: string) => events.get(eventId),
    async consent(authorizationUrl: string, choice: 'allow' | 'deny' = 'allow') {
      const page = await fetch(authorizationUrl);
      if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
      const form = new URLSearchParams();
      for (const [, name, value] of (await page.text()).matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
        form.set(name.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))), value.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))));
      }
      form.set('choice', choice);
      const answer = await fetch(`${fake.url}/o/oauth2/v2/auth/approve`, { method: 'POST', body: form, redirect: 'manual' });
      const location = answer.headers.get('location');
      if (!location) throw new Error(`consent did not redirect: ${answer.status} ${await answer.text()}`);
      return location;
    },
    failNext(failure: Failure & { times?: number }) {
      failures.push({ ...failure, times: failure.times ?? 1 });
    },
    revokeGrants(email?: string) {
      for (const grant of grants.values()) if (!email || grant.account.email === email) grant.revoked = true;
    },
    expireAccessTokens() {
      for (const entry of accessTokens.values()) entry.expired = true;
    },
    editAsUser(eventId: string, change: { date?: string; summary?: string; updated?: Date }) {
      const event = events.get(eventId);
      if (!event) throw new Error(`no event ${eventId}`);
      if (change.date) {
        event.start = { date: change.date };
        event.end = { date: nextDay(change.date) };
      }
      if (change.summary) event.summary = change.summary;
      return write(event, change.updated);
    },
    deleteAsUser(eventId: string) {
      const event = events.get(eventId);
      if (!event) throw new Error(`no event ${eventId}`);
      event.status = 'cancelled';
      write(event);
    },
    invalidateSyncTokens() {
      generation += 1;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  } satisfies Partial<FakeGoogle>);
  return fake;
}
