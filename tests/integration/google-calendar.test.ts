import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as pushRoute } from '../../app/api/integrations/google-calendar/push/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { decryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import { formatDateOnly } from '../../lib/goals/dates.ts';
import { addAssignee, removeAssignee } from '../../lib/goals/goal-assignees.ts';
import { archiveGoal } from '../../lib/goals/goal-status.ts';
import { createGoal, deleteGoal, updateGoal } from '../../lib/goals/goals.ts';
import { addMilestone } from '../../lib/goals/milestones.ts';
import { calendarConnectionsForEvent } from '../../lib/integrations/calendar/calendar-events.ts';
import { calendarPanelData } from '../../lib/integrations/calendar/calendar-panel-data.ts';
import { connectionFor } from '../../lib/integrations/connections.ts';
import { dispatchToIntegrations } from '../../lib/integrations/dispatch.ts';
import { googleCalendarProvider } from '../../lib/integrations/google-calendar/google-calendar-provider.ts';
import { receiveGooglePush } from '../../lib/integrations/google-calendar/google-push.ts';
import { disconnectConnection, installIntegration } from '../../lib/integrations/installations.ts';
import { finishConnect, relayCallback, startConnect } from '../../lib/integrations/oauth-flow.ts';
import { ProviderError } from '../../lib/integrations/provider-error.ts';
import { runSync, updateConnectionSettings } from '../../lib/integrations/sync-runner.ts';
import type { DispatchedEvent } from '../../lib/integrations/types.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { startFakeGoogle, type FakeEvent, type FakeGoogle } from '../support/fakes/google.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// Google Calendar end to end: the OAuth flow (state + PKCE), two-way sync of goals and
// milestones, conflicts, rate limits, a revoked grant and disconnecting, all through the
// official SDKs (@googleapis/calendar, its google-auth-library) pointed at the fake Google.

const PROVIDER = 'google-calendar' as const;
const ORIGIN = 'http://gc.localhost:3100';
let fake: FakeGoogle;
let tenant: TenantContext;
let admin: Member;
let ada: Member;
let lead: Member;
let teamId: string;
let installationId: string;

const day = (offset: number) => formatDateOnly(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  fake = await startFakeGoogle();
  process.env.GOOGLE_CLIENT_ID = fake.clientId;
  process.env.GOOGLE_CLIENT_SECRET = fake.clientSecret;
  process.env.GOOGLE_API_BASE = fake.url;
  tenant = await workspace();
  [admin, ada, lead] = await Promise.all([memberIn(tenant, 'admin'), memberIn(tenant), memberIn(tenant)]);
  const team = await createTeam(tenant, admin, { name: 'Crew', leadUserId: lead.userId });
  teamId = team.id;
  await addTeamMember(tenant, lead, teamId, { userId: ada.userId });
  installationId = (await installIntegration(tenant, admin, PROVIDER)).id;
});

afterAll(async () => {
  for (const name of ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'GOOGLE_API_BASE', 'INTEGRATIONS_PUSH_URL']) delete process.env[name];
  await fake.close();
});

async function connect(member: Member) {
  const consentUrl = new URL(await startConnect({ tenant, member, provider: PROVIDER, origin: ORIGIN }));
  const callback = new URL(await fake.consent(consentUrl.toString()));
  const finish = new URL(await relayCallback(PROVIDER, callback.searchParams));
  const { connection } = await finishConnect({ tenant, member, provider: PROVIDER, query: finish.searchParams });
  return { consentUrl, connection: connection! };
}

async function sync(reason: 'connected' | 'change' | 'manual' = 'change', attempt?: number) {
  const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
  return runSync({ connectionId: connection.id, reason, attempt });
}

async function linkOf(goalId: string, milestoneId?: string) {
  return db.calendarEventLink.findFirstOrThrow({ where: { goalId, subjectKey: milestoneId ? `${goalId}:${milestoneId}` : goalId } });
}

async function eventOf(goalId: string, milestoneId?: string): Promise<FakeEvent> {
  return fake.event((await linkOf(goalId, milestoneId)).externalEventId)!;
}

async function queuedSyncs(): Promise<string[]> {
  const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
  const rows = await db.$queryRawUnsafe<{ data: { payload: { reason: string } } }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'integrations.sync' AND state = 'created' AND data->'payload'->>'connectionId' = $1`,
    connection.id,
  );
  return rows.map((row) => row.data.payload.reason);
}

/** Only this file's connection: other files share the queue. */
async function clearQueue(): Promise<void> {
  const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'integrations.sync' AND data->'payload'->>'connectionId' = $1`, connection.id);
}

async function goalDate(goalId: string) {
  const goal = await db.goal.findUniqueOrThrow({ where: { id: goalId } });
  return goal.targetDate ? formatDateOnly(goal.targetDate) : null;
}

async function lastEvent(goalId: string): Promise<DispatchedEvent> {
  const row = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, payload: { path: ['goalId'], equals: goalId } }, orderBy: { occurredAt: 'desc' } });
  return { id: row.id, tenantId: row.tenantId, type: row.type as DispatchedEvent['type'], payload: row.payload as Record<string, unknown>, actorId: row.actorId, createdAt: row.occurredAt };
}

let personal: string;
let undated: string;
let teamGoal: string;
let milestone: string;
let othersGoal: string;

describe('connecting', () => {
  it('sends the member to Google’s consent page with state, PKCE S256 and offline access, and stores the account with encrypted tokens', async () => {
    const { consentUrl, connection } = await connect(ada);
    expect(`${consentUrl.origin}${consentUrl.pathname}`).toBe(`${fake.url}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(consentUrl.searchParams)).toMatchObject({ client_id: fake.clientId, access_type: 'offline', code_challenge_method: 'S256', response_type: 'code', redirect_uri: 'http://localhost:3100/api/integrations/google-calendar/callback' });
    expect(consentUrl.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/calendar.events');
    // The code was redeemed with the verifier (the fake checks it against the challenge).
    const exchange = fake.calls('POST', '/token').at(-1)!;
    expect(new URLSearchParams(exchange.body).get('code_verifier')).toMatch(/^[\w-]{43,}$/);
    expect(connection).toMatchObject({ userId: ada.userId, status: 'active', externalAccountId: fake.account.email });
    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.refreshTokenEncrypted).toMatch(/^v1\./);
    expect(decryptSecret(row.refreshTokenEncrypted!)).toMatch(/^1\/\/refresh\./);
    expect(row.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it('lists the account’s calendars, saying which ones take events', async () => {
    const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
    const calendars = await googleCalendarProvider.listCalendars(decryptSecret(connection.accessTokenEncrypted!));
    expect(calendars).toEqual([
      { id: fake.account.email, name: fake.account.email, primary: true, canWrite: true },
      { id: 'team-calendar@group.calendar.google.com', name: 'Team deadlines', primary: false, canWrite: true },
      { id: 'en.usa#holiday@group.v.calendar.google.com', name: 'Holidays', primary: false, canWrite: false },
    ]);
  });
});

describe('the first sync', () => {
  it('puts the member’s dated goals and milestones in their calendar as all-day events with a link back and reminders', async () => {
    personal = (await createGoal(tenant, ada, { title: 'Run a half marathon', description: 'Sub 2 hours.', targetDate: day(30) })).id;
    undated = (await createGoal(tenant, ada, { title: 'Read more' })).id;
    teamGoal = (await createGoal(tenant, lead, { title: 'Ship the beta', teamId, targetDate: day(20) })).id;
    await addAssignee(tenant, lead, teamGoal, { userId: ada.userId, role: 'contributor' });
    await addMilestone(tenant, ada, personal, { title: 'Run 15 km', dueDate: day(10) });
    milestone = (await db.milestone.findFirstOrThrow({ where: { goalId: personal, title: 'Run 15 km' } })).id;
    othersGoal = (await createGoal(tenant, lead, { title: 'Lead’s own goal', targetDate: day(5) })).id;

    const outcome = await sync('connected');
    expect(outcome).toMatchObject({ status: 'ok', summary: { pushed: 3, pulled: 0, deleted: 0, conflicts: 0 } });
    const events = fake.events('primary').filter((event) => event.status === 'confirmed');
    expect(events.map((event) => event.summary).sort()).toEqual(['Run 15 km · Run a half marathon', 'Run a half marathon', 'Ship the beta']);
    const event = await eventOf(personal);
    expect(event.start).toEqual({ date: day(30) });
    expect(event.end).toEqual({ date: day(31) });
    expect(event.reminders).toEqual({ useDefault: false, overrides: [{ method: 'popup', minutes: 1440 }, { method: 'popup', minutes: 60 }] });
    expect(event.description).toContain('Sub 2 hours.');
    expect(event.description).toContain(`http://${tenant.slug}.localhost:3100/goals/${personal}`);
    expect(event.extendedProperties?.private).toEqual({ waypointSubject: personal });
    expect((await eventOf(personal, milestone)).start).toEqual({ date: day(10) });
    // Undated goals and other people's goals stay out.
    expect(await db.calendarEventLink.count({ where: { goalId: { in: [undated, othersGoal] } } })).toBe(0);
    // A first read bounded by timeMin; then the sync token is kept.
    const list = fake.calls('GET', /\/events$/).at(-1)!;
    expect(list.query.get('timeMin')).toBeTruthy();
    expect(list.query.get('syncToken')).toBeNull();
    const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
    expect(connection).toMatchObject({ lastSyncResult: 'ok', lastSyncSummary: { pushed: 3, pulled: 0, deleted: 0, conflicts: 0 } });
    expect(JSON.parse(connection.syncCursor!)).toMatchObject({ calendarId: 'primary' });
  });

  it('gives the settings panel the writable calendars and the member’s goals to pick from', async () => {
    const data = await calendarPanelData(tenant, ada, PROVIDER, googleCalendarProvider);
    expect(data!.settings).toEqual({ calendarId: 'primary', goals: 'all' });
    expect(data!.calendars!.map((calendar) => calendar.name)).toEqual([fake.account.email, 'Team deadlines']);
    expect(data!.goals.map((goal) => goal.id).sort()).toEqual([personal, teamGoal].sort());
    expect(await calendarPanelData(tenant, lead, PROVIDER, googleCalendarProvider)).toBeNull();
  });

  it('rewrites nothing when nothing changed, reading only the changes since the sync token', async () => {
    const writes = fake.requests.filter((request) => request.method !== 'GET').length;
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 0, pulled: 0, deleted: 0, conflicts: 0 } });
    expect(fake.requests.filter((request) => request.method !== 'GET').length).toBe(writes);
    const list = fake.calls('GET', /\/events$/).at(-1)!;
    expect(list.query.get('syncToken')).toBeTruthy();
    expect(list.query.get('timeMin')).toBeNull();
  });
});

describe('a change in Waypoint', () => {
  it('asks for a sync of the connections it concerns, and updates the event', async () => {
    await updateGoal(tenant, ada, personal, { title: 'Run a half marathon in spring', targetDate: day(35) });
    expect(await calendarConnectionsForEvent(await lastEvent(personal), installationId)).toEqual([(await connectionFor(tenant.id, PROVIDER, ada.userId))!.id]);
    // Through the event dispatch, as the job does: a sync is queued.
    await clearQueue();
    await dispatchToIntegrations((await lastEvent(personal)).id);
    expect(await queuedSyncs()).toEqual(['change']);
    // The goal's event, and its milestone's (whose title names the goal).
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 2 } });
    const event = await eventOf(personal);
    expect(event).toMatchObject({ summary: 'Run a half marathon in spring', start: { date: day(35) } });
    expect((await eventOf(personal, milestone)).summary).toBe('Run 15 km · Run a half marathon in spring');
    expect(formatDateOnly((await linkOf(personal)).syncedDate)).toBe(day(35));
  });

  it('deletes the event of a deleted goal', async () => {
    const doomed = (await createGoal(tenant, ada, { title: 'Try yoga', targetDate: day(12) })).id;
    await sync();
    const eventId = (await linkOf(doomed)).externalEventId;
    await deleteGoal(tenant, ada, doomed);
    expect(await calendarConnectionsForEvent(await lastEvent(doomed), installationId)).toHaveLength(1);
    expect(await sync()).toMatchObject({ status: 'ok', summary: { deleted: 1 } });
    expect(fake.event(eventId)?.status).toBe('cancelled');
    expect(await db.calendarEventLink.count({ where: { goalId: doomed } })).toBe(0);
  });
});

describe('a goal leaving the member’s calendar', () => {
  it('archiving it, or unassigning the member, deletes its event', async () => {
    const demo = (await createGoal(tenant, lead, { title: 'Demo day', teamId, targetDate: day(15) })).id;
    const launch = (await createGoal(tenant, lead, { title: 'Launch party', teamId, targetDate: day(16) })).id;
    await addAssignee(tenant, lead, demo, { userId: ada.userId, role: 'contributor' });
    await addAssignee(tenant, lead, launch, { userId: ada.userId, role: 'contributor' });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 2 } });
    const [demoEvent, launchEvent] = [(await linkOf(demo)).externalEventId, (await linkOf(launch)).externalEventId];
    await archiveGoal(tenant, lead, demo);
    await removeAssignee(tenant, lead, launch, ada.userId);
    // Both events concern Ada's connection (it has their events), though neither goal is hers any more.
    expect(await calendarConnectionsForEvent(await lastEvent(demo), installationId)).toHaveLength(1);
    expect(await calendarConnectionsForEvent(await lastEvent(launch), installationId)).toHaveLength(1);
    expect(await sync()).toMatchObject({ status: 'ok', summary: { deleted: 2, pushed: 0 } });
    expect([fake.event(demoEvent)?.status, fake.event(launchEvent)?.status]).toEqual(['cancelled', 'cancelled']);
  });
});

describe('a change in Google Calendar', () => {
  it('moves the goal’s due date through the goals service, without echoing back into another sync', async () => {
    const event = await eventOf(personal);
    fake.editAsUser(event.id, { date: day(40) });
    const writes = fake.requests.filter((request) => request.method !== 'GET').length;
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pulled: 1, pushed: 0 } });
    expect(await goalDate(personal)).toBe(day(40));
    // The goals service's event, by the member.
    const changed = await lastEvent(personal);
    expect(changed).toMatchObject({ type: 'goal.updated', actorId: ada.userId, payload: { changes: { targetDate: { from: day(35), to: day(40) } } } });
    // It is the calendar's own change: no sync is asked for, and a sync writes nothing back.
    expect(await calendarConnectionsForEvent(changed, installationId)).toEqual([]);
    await clearQueue();
    await dispatchToIntegrations(changed.id);
    expect(await queuedSyncs()).toEqual([]);
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 0, pulled: 0 } });
    expect(fake.requests.filter((request) => request.method !== 'GET').length).toBe(writes);
  });

  it('moves a milestone’s due date too', async () => {
    fake.editAsUser((await eventOf(personal, milestone)).id, { date: day(11) });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pulled: 1 } });
    expect(formatDateOnly((await db.milestone.findUniqueOrThrow({ where: { id: milestone } })).dueDate!)).toBe(day(11));
    const changed = await lastEvent(personal);
    expect(changed.payload).toMatchObject({ changes: { milestones: { changed: { id: milestone, dueDate: { to: day(11) } } } } });
    expect(await calendarConnectionsForEvent(changed, installationId)).toEqual([]);
  });

  it('moves the event back when the member may not change the goal', async () => {
    // Ada is a contributor on the team goal: she logs progress but cannot re-date it.
    const event = await eventOf(teamGoal);
    fake.editAsUser(event.id, { date: day(25) });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pulled: 0, pushed: 1 } });
    expect(await goalDate(teamGoal)).toBe(day(20));
    expect(fake.event(event.id)!.start).toEqual({ date: day(20) });
    expect(await db.integrationLogEntry.count({ where: { tenantId: tenant.id, message: { contains: 'moved back' } } })).toBe(1);
  });

  it('unlinks a goal whose event the member deleted, and does not put it back', async () => {
    const event = await eventOf(personal, milestone);
    fake.deleteAsUser(event.id);
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pulled: 1, pushed: 0 } });
    expect(await db.milestone.count({ where: { id: milestone } })).toBe(1);
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 0 } });
    expect(fake.events('primary').filter((candidate) => candidate.status === 'confirmed' && candidate.extendedProperties?.private?.waypointSubject === `${personal}:${milestone}`)).toHaveLength(0);
  });

  it('reads the calendar again when Google no longer accepts the sync token', async () => {
    fake.invalidateSyncTokens();
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 0, pulled: 0 } });
    expect(fake.calls('GET', /\/events$/).slice(-2).map((request) => Boolean(request.query.get('syncToken')))).toEqual([true, false]);
    expect(await db.integrationLogEntry.count({ where: { tenantId: tenant.id, message: { contains: 'read it again' } } })).toBe(1);
  });
});

describe('conflicts: both sides changed since the last sync', () => {
  it('keeps the calendar’s date when its change is the later one, and logs the conflict', async () => {
    await updateGoal(tenant, ada, personal, { targetDate: day(41), title: 'Run a half marathon, spring' });
    fake.editAsUser((await eventOf(personal)).id, { date: day(42), updated: new Date(Date.now() + 60_000) });
    // The date comes from the calendar; the new title still goes out (the milestone's event was unlinked above).
    expect(await sync()).toMatchObject({ status: 'ok', summary: { conflicts: 1, pulled: 1, pushed: 1 } });
    expect(await goalDate(personal)).toBe(day(42));
    expect(await eventOf(personal)).toMatchObject({ summary: 'Run a half marathon, spring', start: { date: day(42) } });
    const entry = await db.integrationLogEntry.findFirstOrThrow({ where: { tenantId: tenant.id, kind: 'conflict' }, orderBy: { createdAt: 'desc' } });
    expect(entry).toMatchObject({ level: 'warning', detail: { goalId: personal, winner: 'calendar', calendarDate: day(42), waypointDate: day(41) } });
  });

  it('keeps Waypoint’s date when its change is the later one, and writes it to the event', async () => {
    fake.editAsUser((await eventOf(personal)).id, { date: day(43), updated: new Date(Date.now() - 3_600_000) });
    await updateGoal(tenant, ada, personal, { targetDate: day(44) });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { conflicts: 1, pulled: 0, pushed: 1 } });
    expect(await goalDate(personal)).toBe(day(44));
    expect((await eventOf(personal)).start).toEqual({ date: day(44) });
    const entry = await db.integrationLogEntry.findFirstOrThrow({ where: { tenantId: tenant.id, kind: 'conflict' }, orderBy: { createdAt: 'desc' } });
    expect(entry.detail).toMatchObject({ winner: 'waypoint', calendarDate: day(43), waypointDate: day(44) });
  });
});

describe('settings', () => {
  it('picking another calendar and team goals only moves the events there, and back', async () => {
    const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
    const team = 'team-calendar@group.calendar.google.com';
    await updateConnectionSettings(connection, { settings: { calendarId: team, goals: 'team' } });
    const live = (calendarId: string) => fake.events(calendarId).filter((event) => event.status === 'confirmed' && event.extendedProperties?.private?.waypointSubject);
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 1 } });
    expect(live('primary')).toHaveLength(0);
    expect(live(team).map((event) => event.summary)).toEqual(['Ship the beta']);
    await expect(updateConnectionSettings(connection, { settings: { goals: 'some' } })).rejects.toThrow();
    // Another calendar starts afresh: the milestone unlinked in the old one comes back too.
    await updateConnectionSettings(connection, { settings: { calendarId: 'primary', goals: { ids: [personal] } } });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 2, deleted: 1 } });
    expect(live(team)).toHaveLength(0);
    expect(live('primary').map((event) => event.summary).sort()).toEqual(['Run 15 km · Run a half marathon, spring', 'Run a half marathon, spring']);
    await updateConnectionSettings(connection, { settings: { goals: 'all' } });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 1 } });
  });
});

describe('failures at Google', () => {
  it('a 429 with Retry-After reschedules the sync after the time Google asked for, and the retry finishes the work', async () => {
    await updateGoal(tenant, ada, personal, { title: 'Half marathon' });
    fake.failNext({ status: 429, retryAfter: '90', match: /\/events/ });
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: 'retrying', inSeconds: 90 });
    const failed = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
    expect(failed).toMatchObject({ lastSyncResult: 'failed', status: 'active' });
    expect(failed.lastSyncError).toMatch(/slow down.*429.*90 s/);
    // The goal's event and its milestone's (whose title names the goal).
    expect(await sync('change', 1)).toMatchObject({ status: 'ok', summary: { pushed: 2 } });
    expect((await eventOf(personal)).summary).toBe('Half marathon');
  });

  it('maps Google’s errors to provider errors (5xx unavailable, 403 rate limit reasons, 410, 401)', async () => {
    const token = decryptSecret((await connectionFor(tenant.id, PROVIDER, ada.userId))!.accessTokenEncrypted!);
    const window = { start: new Date(), end: new Date(Date.now() + 86_400_000) };
    fake.failNext({ status: 503 });
    await expect(googleCalendarProvider.changes(token, 'primary', null, window)).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
    fake.failNext({ status: 403, body: { error: { code: 403, message: 'Rate Limit Exceeded', errors: [{ reason: 'userRateLimitExceeded' }] } } });
    await expect(googleCalendarProvider.listCalendars(token)).rejects.toMatchObject({ kind: 'rate_limited' });
    await expect(googleCalendarProvider.upsertEvent('not-a-token', 'primary', null, { title: 'x', description: 'x', date: day(1), reminderMinutes: [], subjectKey: 'x' })).rejects.toMatchObject({ kind: 'auth', status: 401 });
    await expect(googleCalendarProvider.upsertEvent(token, 'en.usa#holiday@group.v.calendar.google.com', null, { title: 'x', description: 'x', date: day(1), reminderMinutes: [], subjectKey: 'x' })).rejects.toBeInstanceOf(ProviderError);
  });

  it('a revoked refresh token marks the connection "needs attention" and emails the member once', async () => {
    const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
    fake.revokeGrants(fake.account.email);
    await db.integrationConnection.update({ where: { id: connection.id }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
    expect(await sync()).toMatchObject({ status: 'failed' });
    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row).toMatchObject({ status: 'needs_attention' });
    expect(row.statusReason).toMatch(/Reconnect/);
    expect(await sync()).toMatchObject({ status: 'skipped', why: 'needs_attention' });
    const mails = await db.emailMessage.findMany({ where: { to: ada.email, kind: 'integration_needs_attention' } });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Google Calendar needs attention');
  });
});

describe('push notifications and disconnecting', () => {
  it('reconnecting resumes; with a public push URL the sync watches the calendar, and Google’s notifications ask for a sync', async () => {
    const { connection } = await connect(ada);
    expect(connection.status).toBe('active');
    process.env.INTEGRATIONS_PUSH_URL = 'https://push.waypoint.example';
    try {
      expect(await sync('manual')).toMatchObject({ status: 'ok' });
      const channel = fake.channels.at(-1)!;
      expect(channel).toMatchObject({ address: 'https://push.waypoint.example/api/integrations/google-calendar/push', calendarId: fake.account.email, stopped: false });
      const headers = (token: string, state = 'exists') => new Headers({ 'x-goog-channel-id': channel.id, 'x-goog-channel-token': token, 'x-goog-resource-id': channel.resourceId, 'x-goog-resource-state': state });
      expect(await receiveGooglePush(headers(channel.token!, 'sync'))).toBe('acknowledged');
      expect(await receiveGooglePush(headers(channel.token!))).toBe('sync_requested');
      expect(await receiveGooglePush(headers(`${channel.token}x`))).toBe('bad_token');
      expect(await receiveGooglePush(new Headers({ 'x-goog-channel-id': 'nope', 'x-goog-channel-token': channel.token! }))).toBe('unknown_channel');
      // The route Google posts to: 200, 401 for a wrong token, 404 for a channel we do not have.
      const post = (sent: Headers) => pushRoute(new NextRequest('https://push.waypoint.example/api/integrations/google-calendar/push', { method: 'POST', headers: sent }), { params: Promise.resolve({}) });
      const ok = await post(headers(channel.token!));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ received: true, outcome: 'sync_requested' });
      expect((await post(headers('forged'))).status).toBe(401);
      expect((await post(new Headers({ 'x-goog-channel-id': 'nope', 'x-goog-channel-token': 'x' }))).status).toBe(404);
      // The channel lives on: the next sync does not make another.
      await sync();
      expect(fake.channels.filter((candidate) => !candidate.stopped)).toHaveLength(1);
    } finally {
      delete process.env.INTEGRATIONS_PUSH_URL;
    }
  });

  it('disconnecting stops the channel, revokes the grant at Google and deletes the tokens and links', async () => {
    const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
    const refreshToken = decryptSecret(connection.refreshTokenEncrypted!);
    expect(await disconnectConnection(tenant, ada, connection)).toEqual({ revoked: true });
    expect(fake.revokedTokens).toContain(refreshToken);
    expect(fake.channels.every((channel) => channel.stopped)).toBe(true);
    expect(await connectionFor(tenant.id, PROVIDER, ada.userId)).toBeNull();
    expect(await db.calendarEventLink.count({ where: { connectionId: connection.id } })).toBe(0);
  });
});
