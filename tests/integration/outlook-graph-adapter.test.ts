import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphCalendarProvider as provider } from '../../lib/integrations/outlook-calendar/graph-calendar.ts';
import { GRAPH_TIMEOUT_MS, graphCall, graphClient } from '../../lib/integrations/outlook-calendar/graph-client.ts';
import { SUBJECT_PROPERTY_ID } from '../../lib/integrations/outlook-calendar/graph-events.ts';
import { outlookOAuth } from '../../lib/integrations/outlook-calendar/oauth.ts';
import { manifest } from '../../lib/integrations/outlook-calendar/manifest.ts';
import { ProviderError } from '../../lib/integrations/provider-error.ts';
import { startFakeMicrosoft, type FakeMicrosoft } from '../support/fakes/microsoft.ts';

// The Outlook adapter on its own: the identity platform's code + PKCE + refresh flow and the
// Graph calls (through @microsoft/microsoft-graph-client) against the fake Microsoft server.

let fake: FakeMicrosoft;
/** Initial requests of delta rounds on the default calendar (the links that follow carry no window). */
const rounds = () => fake.calls('GET', '/v1.0/me/calendarView/delta').filter((call) => call.query.has('startDateTime'));
const redirectUri = 'http://localhost:3100/api/integrations/outlook-calendar/callback';

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  process.env.MICROSOFT_CLIENT_ID = fake.clientId;
  process.env.MICROSOFT_CLIENT_SECRET = fake.clientSecret;
  process.env.MICROSOFT_API_BASE = fake.url;
});

afterAll(async () => {
  delete process.env.MICROSOFT_CLIENT_ID;
  delete process.env.MICROSOFT_CLIENT_SECRET;
  delete process.env.MICROSOFT_API_BASE;
  await fake.close();
});

async function connect(mail: string, verifierOverride?: string) {
  fake.signInAs({ mail, displayName: mail.split('@')[0] });
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const url = outlookOAuth.authorizationUrl({ state, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url'), redirectUri, scopes: manifest.providerScopes });
  const back = await fake.consent(url);
  expect(back.searchParams.get('state')).toBe(state);
  return outlookOAuth.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: verifierOverride ?? codeVerifier, redirectUri });
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('Microsoft identity platform', () => {
  it('builds the v2 authorize URL under MICROSOFT_API_BASE with PKCE S256 and the manifest scopes', () => {
    const url = new URL(outlookOAuth.authorizationUrl({ state: 's1', codeChallenge: 'c1', redirectUri, scopes: manifest.providerScopes }));
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.url}/common/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: fake.clientId, response_type: 'code', redirect_uri: redirectUri, state: 's1', code_challenge: 'c1', code_challenge_method: 'S256', scope: 'offline_access User.Read Calendars.ReadWrite' });
  });

  it('uses the configured directory (MICROSOFT_TENANT) in the endpoints', () => {
    process.env.MICROSOFT_TENANT = 'organizations';
    try {
      expect(new URL(outlookOAuth.authorizationUrl({ state: 's', codeChallenge: 'c', redirectUri, scopes: [] })).pathname).toBe('/organizations/oauth2/v2.0/authorize');
    } finally {
      delete process.env.MICROSOFT_TENANT;
    }
  });

  it('exchanges a code (PKCE verified) for tokens and reads the account from Graph /me', async () => {
    const connected = await connect('grace@contoso.example');
    expect(connected.account).toEqual({ id: 'grace@contoso.example', name: 'grace' });
    expect(connected.accessToken).toMatch(/^at-/);
    expect(connected.refreshToken).toMatch(/^rt-/);
    expect(connected.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(connected.settings).toEqual({ microsoftUserId: fake.user('grace@contoso.example')!.id });
    const token = fake.calls('POST', '/common/oauth2/v2.0/token').at(-1)!;
    expect(token.body).toMatchObject({ grant_type: 'authorization_code', redirect_uri: redirectUri, client_id: fake.clientId });
  });

  it('refuses a code redeemed with the wrong PKCE verifier (invalid_grant)', async () => {
    const error = await providerError(connect('mallory@contoso.example', 'not-the-verifier'));
    expect(error.kind).toBe('invalid_grant');
    expect(error.needsAttention).toBe(true);
  });

  it('refreshes (the refresh token rotates) and reports a revoked grant as invalid_grant', async () => {
    const connected = await connect('linus@contoso.example');
    const refreshed = await outlookOAuth.refresh!(connected.refreshToken!);
    expect(refreshed.accessToken).not.toBe(connected.accessToken);
    expect(refreshed.refreshToken).toMatch(/^rt-/);
    expect(refreshed.refreshToken).not.toBe(connected.refreshToken);
    // The used one no longer works, as at Microsoft.
    expect((await providerError(outlookOAuth.refresh!(connected.refreshToken!))).kind).toBe('invalid_grant');
    fake.revokeGrants();
    expect((await providerError(outlookOAuth.refresh!(refreshed.refreshToken!))).kind).toBe('invalid_grant');
  });

  it('revoke is a no-op: Microsoft has no per-app revocation endpoint', async () => {
    const before = fake.requests.length;
    await outlookOAuth.revoke({ accessToken: 'x', refreshToken: 'y' });
    expect(fake.requests.length).toBe(before);
  });
});

describe('Microsoft Graph calendar provider', () => {
  let token: string;
  beforeEach(async () => {
    token = (await connect(`user${randomBytes(3).toString('hex')}@contoso.example`)).accessToken;
  });

  const input = (date: string) => ({ title: 'Ship the beta', description: 'Due date of a goal. http://acme.localhost:3100/goals/g1', date, reminderMinutes: [1440, 60], subjectKey: 'g1' });
  const window = { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2028-12-31T00:00:00Z') };

  it('lists calendars with the default one marked', async () => {
    const calendars = await provider.listCalendars(token);
    expect(calendars.map((calendar) => [calendar.name, calendar.primary])).toEqual([
      ['Calendar', true],
      ['Goals', false],
    ]);
  });

  it('creates an all-day event with one reminder 24 h before, updates and deletes it', async () => {
    const created = await provider.upsertEvent(token, 'primary', null, input('2027-03-10'));
    expect(created).toMatchObject({ date: '2027-03-10', deleted: false });
    const stored = fake.event(created.externalEventId)!;
    expect(stored).toMatchObject({ isAllDay: true, isReminderOn: true, reminderMinutesBeforeStart: 1440, start: { dateTime: '2027-03-10T00:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-03-11T00:00:00' } });
    expect(stored.subject).toBe('Ship the beta');
    expect(stored.body.content).toContain('/goals/g1');
    expect(stored.extendedProperties).toEqual([{ id: SUBJECT_PROPERTY_ID, value: 'g1' }]);

    const updated = await provider.upsertEvent(token, 'primary', { externalEventId: created.externalEventId, etag: created.etag }, input('2027-03-12'));
    expect(updated.date).toBe('2027-03-12');
    expect(updated.etag).not.toBe(created.etag);

    await provider.deleteEvent(token, 'primary', created.externalEventId);
    expect(fake.event(created.externalEventId)!.removed).toBe(true);
    // Deleting an event that is already gone is fine (deleted in Outlook first).
    await provider.deleteEvent(token, 'primary', created.externalEventId);
  });

  it('creates into a chosen calendar', async () => {
    const goals = (await provider.listCalendars(token)).find((calendar) => !calendar.primary)!;
    const created = await provider.upsertEvent(token, goals.id, null, input('2027-04-01'));
    expect(fake.event(created.externalEventId)!.calendarId).toBe(goals.id);
  });

  it('tracks changes with calendarView delta: a first round gives a delta link, the next returns only what changed', async () => {
    const first = await provider.upsertEvent(token, 'primary', null, input('2027-01-05'));
    const second = await provider.upsertEvent(token, 'primary', null, input('2027-01-06'));
    const initial = await provider.changes(token, 'primary', null, window);
    expect(initial.nextCursor).toMatch(new RegExp(`^${fake.url}/v1.0/.*\\$deltatoken=`));
    expect(initial.events.map((event) => event.externalEventId).sort()).toEqual([first.externalEventId, second.externalEventId].sort());
    const deltaCall = rounds().at(-1)!;
    expect([deltaCall.query.get('startDateTime'), deltaCall.query.get('endDateTime')]).toEqual(['2026-11-01T00:00:00Z', '2028-12-31T00:00:00Z']);
    expect(deltaCall.headers.prefer).toBe('odata.maxpagesize=100');

    const unchanged = await provider.changes(token, 'primary', initial.nextCursor, window);
    expect(unchanged.events).toEqual([]);

    const movedAt = new Date('2026-12-05T10:00:00Z');
    fake.editAsUser(first.externalEventId, { date: '2027-01-20', at: movedAt });
    fake.editAsUser(second.externalEventId, { delete: true });
    const changed = await provider.changes(token, 'primary', unchanged.nextCursor, window);
    expect(changed.events).toEqual([
      expect.objectContaining({ externalEventId: first.externalEventId, date: '2027-01-20', deleted: false, updatedAt: movedAt }),
      expect.objectContaining({ externalEventId: second.externalEventId, deleted: true, date: null }),
    ]);
  });

  it('reads the day of an all-day event moved in another time zone (Graph answers in UTC), and of a timed event', async () => {
    const created = await provider.upsertEvent(token, 'primary', null, input('2027-05-10'));
    const round = await provider.changes(token, 'primary', null, window);
    // Moved in Outlook by someone on UTC+2: midnight 12 May there is 22:00 UTC on the 11th.
    fake.editAsUser(created.externalEventId, { isAllDay: true, start: { dateTime: '2027-05-11T22:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2027-05-12T22:00:00.0000000', timeZone: 'UTC' } });
    const east = await provider.changes(token, 'primary', round.nextCursor, window);
    expect(east.events.map((event) => event.date)).toEqual(['2027-05-12']);
    // UTC−7: midnight 14 May there is 07:00 UTC on the 14th.
    fake.editAsUser(created.externalEventId, { isAllDay: true, start: { dateTime: '2027-05-14T07:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2027-05-15T07:00:00.0000000', timeZone: 'UTC' } });
    const west = await provider.changes(token, 'primary', east.nextCursor, window);
    expect(west.events.map((event) => event.date)).toEqual(['2027-05-14']);
    // Made a timed event at 23:30 UTC: its UTC day.
    fake.editAsUser(created.externalEventId, { isAllDay: false, start: { dateTime: '2027-05-16T23:30:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2027-05-17T00:30:00.0000000', timeZone: 'UTC' } });
    const timed = await provider.changes(token, 'primary', west.nextCursor, window);
    expect(timed.events.map((event) => event.date)).toEqual(['2027-05-16']);
  });

  it('follows nextLink pages to the end of a round', async () => {
    for (let day = 10; day < 10 + 105; day++) await provider.upsertEvent(token, 'primary', null, input(new Date(Date.UTC(2027, 1, day)).toISOString().slice(0, 10)));
    const round = await provider.changes(token, 'primary', null, window);
    expect(round.events).toHaveLength(105);
    expect(fake.calls('GET', '/v1.0/me/calendarView/delta').filter((call) => call.query.has('$skiptoken')).length).toBeGreaterThan(0);
  });

  it('maps a 429 to rate_limited with the Retry-After seconds', async () => {
    fake.failNext({ status: 429, retryAfter: 42 });
    const error = await providerError(provider.listCalendars(token));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterSeconds: 42 });
    expect(error.retryable).toBe(true);
    // One call failed, not retried inside the SDK: the next one works.
    await expect(provider.listCalendars(token)).resolves.toHaveLength(2);
  });

  it('maps a 503 to unavailable, a bad token to auth, an unknown event to not_found', async () => {
    fake.failNext({ status: 503, retryAfter: null });
    expect((await providerError(provider.listCalendars(token))).kind).toBe('unavailable');
    expect((await providerError(provider.listCalendars('not-a-token'))).kind).toBe('auth');
    expect((await providerError(provider.upsertEvent(token, 'primary', { externalEventId: 'AAMkNope', etag: null }, input('2027-01-01')))).kind).toBe('not_found');
  });

  it('reports an expired delta link as gone (the engine starts a new round), and refuses a link to another host', async () => {
    const round = await provider.changes(token, 'primary', null, window);
    fake.expireDeltaLinks();
    expect((await providerError(provider.changes(token, 'primary', round.nextCursor, window))).kind).toBe('gone');
    const before = fake.requests.length;
    expect((await providerError(provider.changes(token, 'primary', 'https://evil.example/v1.0/me/calendarView/delta?$deltatoken=x', window))).kind).toBe('gone');
    expect(fake.requests.length).toBe(before);
  });

  it('abandons a call that does not answer in time, as unavailable', async () => {
    fake.stallNext(5_000);
    const started = Date.now();
    const error = await providerError(graphCall('reading the account', () => graphClient(token, { timeoutMs: 200 }).api('/me').get() as Promise<unknown>));
    expect(error.kind).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(GRAPH_TIMEOUT_MS).toBe(30_000);
  });

  it('reports a connection failure as unavailable', async () => {
    process.env.MICROSOFT_API_BASE = 'http://127.0.0.1:9';
    try {
      expect((await providerError(provider.listCalendars(token))).kind).toBe('unavailable');
    } finally {
      process.env.MICROSOFT_API_BASE = fake.url;
    }
  });
});
