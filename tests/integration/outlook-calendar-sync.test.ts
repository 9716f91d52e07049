import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantOrigin } from '../../lib/config/env.ts';
import { db } from '../../lib/db/client.ts';
import { createGoal, updateGoal } from '../../lib/goals/goals.ts';
import { addMilestone } from '../../lib/goals/milestones.ts';
import { formatDateOnly } from '../../lib/goals/dates.ts';
import { calendarConnectionsForEvent } from '../../lib/integrations/calendar/calendar-events.ts';
import { connectionFor } from '../../lib/integrations/connections.ts';
import { disconnectConnection, installIntegration } from '../../lib/integrations/installations.ts';
import { finishConnect, relayCallback, startConnect } from '../../lib/integrations/oauth-flow.ts';
import { integrationFor } from '../../lib/integrations/registry.ts';
import { runSync } from '../../lib/integrations/sync-runner.ts';
import type { IntegrationConnection } from '../../lib/db/generated/client.ts';
import type { Member } from '../../lib/auth/session.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { startFakeMicrosoft, type FakeEvent, type FakeMicrosoft } from '../support/fakes/microsoft.ts';
import { memberIn, workspace } from '../support/workspace.ts';
import { callRoute, type RouteHandlerFn } from '../support/app-client.ts';
import { POST as pushRoute } from '../../app/api/integrations/outlook-calendar/push/route.ts';
import { calendarPanelData } from '../../lib/integrations/calendar/calendar-panel-data.ts';
import { graphCalendarProvider } from '../../lib/integrations/outlook-calendar/graph-calendar.ts';
import { updateConnectionSettings } from '../../lib/integrations/sync-runner.ts';
import { PUSH_PATH } from '../../lib/integrations/outlook-calendar/graph-subscriptions.ts';

// The Outlook journey end to end on real Postgres: a member connects through the Microsoft
// consent page (the fake), and the sync job (runSync → the shared engine → the Graph provider
// on the official SDK) carries goals both ways, through the fake Microsoft server.

const PROVIDER = 'outlook-calendar' as const;
const MAIL = 'ada.sync@contoso.example';
let fake: FakeMicrosoft;
let tenant: TenantContext;
let admin: Member;
let ada: Member;
let connection: IntegrationConnection;
let goalId: string;
let milestoneId: string;

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  process.env.MICROSOFT_CLIENT_ID = fake.clientId;
  process.env.MICROSOFT_CLIENT_SECRET = fake.clientSecret;
  process.env.MICROSOFT_API_BASE = fake.url;
  tenant = await workspace();
  [admin, ada] = await Promise.all([memberIn(tenant, 'admin'), memberIn(tenant)]);
  await installIntegration(tenant, admin, PROVIDER);
});

afterAll(async () => {
  delete process.env.MICROSOFT_CLIENT_ID;
  delete process.env.MICROSOFT_CLIENT_SECRET;
  delete process.env.MICROSOFT_API_BASE;
  await fake.close();
});

async function connect(member: Member): Promise<IntegrationConnection> {
  fake.signInAs({ mail: MAIL, displayName: 'Ada Sync' });
  const consentUrl = await startConnect({ tenant, member, provider: PROVIDER, origin: tenantOrigin(tenant.slug) });
  const callback = await fake.consent(consentUrl);
  const finish = new URL(await relayCallback(PROVIDER, callback.searchParams));
  const { connection: saved } = await finishConnect({ tenant, member, provider: PROVIDER, query: finish.searchParams });
  return saved!;
}

const sync = (reason: 'connected' | 'manual' | 'change' | 'retry' | 'settings' = 'manual', attempt = 0) => runSync({ connectionId: connection.id, reason, attempt });
const link = (milestone: string | null = null) => db.calendarEventLink.findFirstOrThrow({ where: { connectionId: connection.id, goalId, milestoneId: milestone } });
const eventOf = async (milestone: string | null = null): Promise<FakeEvent> => fake.event((await link(milestone)).externalEventId)!;
/** Initial requests of delta rounds on the default calendar (the links that follow carry no window). */
const rounds = () => fake.calls('GET', '/v1.0/me/calendarView/delta').filter((call) => call.query.has('startDateTime'));
const writes = () => fake.requests.filter((request) => request.path.startsWith('/v1.0/') && request.method !== 'GET').length;
const targetDate = async () => formatDateOnly((await db.goal.findUniqueOrThrow({ where: { id: goalId } })).targetDate!);

describe('Outlook Calendar two-way sync', () => {
  it('connects: consent at Microsoft, tokens stored for the member, the module syncs', async () => {
    connection = await connect(ada);
    expect(connection).toMatchObject({ userId: ada.userId, provider: PROVIDER, externalAccountId: MAIL, externalAccountName: 'Ada Sync', status: 'active' });
    expect(connection.settings).toMatchObject({ microsoftUserId: fake.user(MAIL)!.id });
    expect(integrationFor(PROVIDER).sync).toBeTypeOf('function');
  });

  it('first sync: each dated goal and milestone becomes an all-day event with a link back and a reminder; a delta link is kept', async () => {
    const goal = await createGoal(tenant, ada, { title: 'Launch the beta', description: 'Ship it.', targetDate: '2027-02-10' });
    goalId = goal.id;
    await addMilestone(tenant, ada, goalId, { title: 'Private preview', dueDate: '2027-01-20' });
    milestoneId = (await db.milestone.findFirstOrThrow({ where: { goalId, title: 'Private preview' } })).id;
    await createGoal(tenant, ada, { title: 'Someday, no date' });

    const outcome = await sync('connected');
    expect(outcome).toMatchObject({ status: 'ok', summary: { pushed: 2, pulled: 0, deleted: 0, conflicts: 0 } });
    const events = fake.events(MAIL);
    expect(events).toHaveLength(2);
    const goalEvent = await eventOf();
    expect(goalEvent).toMatchObject({ subject: 'Launch the beta', isAllDay: true, start: { dateTime: '2027-02-10T00:00:00' }, end: { dateTime: '2027-02-11T00:00:00' }, reminderMinutesBeforeStart: 1440, isReminderOn: true });
    expect(goalEvent.body.content).toContain(`${tenantOrigin(tenant.slug)}/goals/${goalId}`);
    expect((await eventOf(milestoneId)).subject).toBe('Private preview · Launch the beta');

    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row).toMatchObject({ lastSyncResult: 'ok', lastSyncError: null, lastSyncSummary: { pushed: 2, pulled: 0, deleted: 0, conflicts: 0 } });
    expect(JSON.parse(row.syncCursor!).cursor).toMatch(/\$deltatoken=/);
    const start = rounds();
    expect(start).toHaveLength(1);

    // Nothing changed: nothing is rewritten, and the next read is incremental (the delta link), not a new round.
    const before = writes();
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 0, pulled: 0, deleted: 0 } });
    expect(writes()).toBe(before);
    expect(rounds()).toHaveLength(1);
  });

  it('a change in Waypoint moves the event (and a goal event asks for a sync of the connection)', async () => {
    await updateGoal(tenant, ada, goalId, { targetDate: '2027-02-14' });
    const event = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, type: 'goal.updated' }, orderBy: { occurredAt: 'desc' } });
    const installation = await db.integrationInstallation.findFirstOrThrow({ where: { tenantId: tenant.id, provider: PROVIDER } });
    expect(await calendarConnectionsForEvent({ id: event.id, tenantId: tenant.id, type: 'goal.updated', payload: event.payload as Record<string, unknown>, actorId: ada.userId, createdAt: event.occurredAt }, installation.id)).toEqual([connection.id]);

    expect(await sync('change')).toMatchObject({ status: 'ok', summary: { pushed: 1, pulled: 0 } });
    expect((await eventOf()).start.dateTime).toBe('2027-02-14T00:00:00');
    expect(fake.calls('PATCH', `/v1.0/me/events/${(await link()).externalEventId}`)).toHaveLength(1);
  });

  it('a change in Outlook moves the goal, without echoing back; deleting the event unlinks it', async () => {
    fake.editAsUser((await link()).externalEventId, { date: '2027-03-01' });
    const before = writes();
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pulled: 1, pushed: 0 } });
    expect(await targetDate()).toBe('2027-03-01');
    expect(writes()).toBe(before);
    // The goal.updated the sync caused does not ask for another sync of this connection.
    const event = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, type: 'goal.updated' }, orderBy: { occurredAt: 'desc' } });
    expect(event.payload).toMatchObject({ goalId, changes: { targetDate: { to: '2027-03-01' } } });
    const installation = await db.integrationInstallation.findFirstOrThrow({ where: { tenantId: tenant.id, provider: PROVIDER } });
    expect(await calendarConnectionsForEvent({ id: event.id, tenantId: tenant.id, type: 'goal.updated', payload: event.payload as Record<string, unknown>, actorId: ada.userId, createdAt: event.occurredAt }, installation.id)).toEqual([]);

    const milestoneEvent = (await link(milestoneId)).externalEventId;
    fake.editAsUser(milestoneEvent, { delete: true });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pulled: 1, pushed: 0 } });
    expect((await link(milestoneId)).contentHash).toBe('unlinked');
    // The milestone keeps its date and is not put back into the calendar.
    const milestone = await db.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    expect(formatDateOnly(milestone.dueDate!)).toBe('2027-01-20');
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 0 } });
    expect(fake.events(MAIL)).toHaveLength(1);
  });

  it('a conflict (both sides moved it) goes to the later change, and is logged', async () => {
    // Waypoint first, Outlook a minute later: Outlook wins.
    await updateGoal(tenant, ada, goalId, { targetDate: '2027-03-05' });
    fake.editAsUser((await link()).externalEventId, { date: '2027-03-09', at: new Date(Date.now() + 60_000) });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { conflicts: 1, pulled: 1 } });
    expect(await targetDate()).toBe('2027-03-09');
    expect((await eventOf()).start.dateTime.slice(0, 10)).toBe('2027-03-09');

    // Outlook first (an hour ago), Waypoint now: Waypoint wins and the event is moved back.
    fake.editAsUser((await link()).externalEventId, { date: '2027-03-20', at: new Date(Date.now() - 3600_000) });
    await updateGoal(tenant, ada, goalId, { targetDate: '2027-03-12' });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { conflicts: 1, pushed: 1 } });
    expect(await targetDate()).toBe('2027-03-12');
    expect((await eventOf()).start.dateTime).toBe('2027-03-12T00:00:00');

    const conflicts = await db.integrationLogEntry.findMany({ where: { connectionId: connection.id, kind: 'conflict' }, orderBy: { createdAt: 'asc' } });
    expect(conflicts.map((entry) => (entry.detail as { winner: string }).winner)).toEqual(['calendar', 'waypoint']);
  });

  it('a 429 from Graph re-enqueues the sync after Retry-After; the retry completes it', async () => {
    await updateGoal(tenant, ada, goalId, { title: 'Launch the public beta' });
    fake.failNext({ status: 429, retryAfter: 120 });
    const outcome = await sync('change');
    expect(outcome).toMatchObject({ status: 'retrying', inSeconds: 120 });
    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.lastSyncResult).toBe('failed');
    expect(row.lastSyncError).toMatch(/slow down \(429\); retrying in 120 s/);
    const [job] = await db.$queryRaw<{ payload: { connectionId: string; attempt: number }; delay: number }[]>`
      SELECT data->'payload' AS payload, EXTRACT(EPOCH FROM (start_after - created_on))::int AS delay FROM pgboss.job
      WHERE name = 'integrations.sync' AND data->'payload'->>'connectionId' = ${connection.id} AND data->'payload'->>'reason' = 'retry' ORDER BY created_on DESC LIMIT 1`;
    expect(job.payload.attempt).toBe(1);
    expect(job.delay).toBeGreaterThanOrEqual(119);

    expect(await sync('retry', 1)).toMatchObject({ status: 'ok', summary: { pushed: 1 } });
    expect((await eventOf()).subject).toBe('Launch the public beta');
    expect((await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } })).lastSyncResult).toBe('ok');
  });

  it('a stale delta link (410) starts a new round instead of failing', async () => {
    fake.expireDeltaLinks();
    const before = rounds().length;
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 0, pulled: 0 } });
    expect(rounds()).toHaveLength(before + 1);
  });

  it('with a public push URL the sync subscribes to changes; Graph’s validation and notifications reach the push route', async () => {
    process.env.INTEGRATIONS_PUSH_URL = 'https://push.waypoint.example';
    try {
      await sync();
      const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
      const subscription = fake.subscriptions.get(row.pushChannelId!)!;
      expect(subscription).toMatchObject({ notificationUrl: `https://push.waypoint.example${PUSH_PATH}`, resource: 'me/events', changeType: 'created,updated,deleted', deleted: false });
      // The clientState is a secret: only its hash is stored.
      expect(subscription.clientState.length).toBeGreaterThanOrEqual(32);
      expect(JSON.stringify(row)).not.toContain(subscription.clientState);

      const push = (call: { path: string; json?: unknown; body?: string; contentType?: string }) => callRoute(pushRoute as unknown as RouteHandlerFn, { method: 'POST', host: 'push.waypoint.example', origin: null, ...call });
      const validation = await push({ path: `${PUSH_PATH}?validationToken=Validation%3A%20abc%2B1`, body: '', contentType: 'text/plain; charset=utf-8' });
      expect(validation.status).toBe(200);
      expect(validation.text).toBe('Validation: abc+1');
      expect(validation.headers.get('content-type')).toMatch(/^text\/plain/);

      // Pending syncs of this connection (requests within a few seconds share one job, so start from none).
      await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'integrations.sync' AND data->'payload'->>'connectionId' = ${connection.id} AND state = 'created'`;
      const pushJobs = () => db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'integrations.sync' AND data->'payload'->>'connectionId' = ${connection.id} AND data->'payload'->>'reason' = 'push' AND state = 'created'`.then((rows) => rows[0].count);
      const jobsBefore = 0;
      expect(await pushJobs()).toBe(0);
      const eventId = (await link()).externalEventId;
      const accepted = await push({ path: PUSH_PATH, json: fake.notification(subscription.id, eventId) });
      expect(accepted).toMatchObject({ status: 202, body: { syncRequested: 1, unknown: 0, badClientState: 0 } });
      expect(await pushJobs()).toBe(jobsBefore + 1);
      const forged = fake.notification(subscription.id, eventId);
      forged.value[0].clientState = 'guessed';
      expect(await push({ path: PUSH_PATH, json: forged })).toMatchObject({ status: 202, body: { syncRequested: 0, badClientState: 1 } });
      expect(await push({ path: PUSH_PATH, json: { value: [{ subscriptionId: 'sub-unknown', clientState: 'x' }] } })).toMatchObject({ status: 202, body: { unknown: 1 } });
      expect((await push({ path: PUSH_PATH, json: { hello: 'world' } })).status).toBe(400);
      expect((await push({ path: PUSH_PATH, body: 'not json', contentType: 'text/plain' })).status).toBe(415);
      expect(await pushJobs()).toBe(jobsBefore + 1);

      // A live subscription is left alone; one running out within a day is renewed.
      const subscribes = () => fake.calls('POST', '/v1.0/subscriptions').length;
      const before = subscribes();
      await sync();
      expect(subscribes()).toBe(before);
      await db.integrationConnection.update({ where: { id: connection.id }, data: { pushExpiresAt: new Date(Date.now() + 3600_000) } });
      await sync();
      expect(fake.calls('PATCH', `/v1.0/subscriptions/${subscription.id}`)).toHaveLength(1);
      expect((await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } })).pushExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    } finally {
      delete process.env.INTEGRATIONS_PUSH_URL;
    }
    // Push switched off: the subscription is deleted at Graph.
    const id = (await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } })).pushChannelId!;
    await sync();
    expect(fake.subscriptions.get(id)!.deleted).toBe(true);
    expect((await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } })).pushChannelId).toBeNull();
  });

  it('the settings panel lists the account’s calendars; picking another moves the events there and follows its changes', async () => {
    const panel = await calendarPanelData(tenant, ada, PROVIDER, graphCalendarProvider);
    expect(panel!.calendars!.map((calendar) => [calendar.name, calendar.primary])).toEqual([
      ['Calendar', true],
      ['Goals', false],
    ]);
    expect(panel!.settings).toEqual({ calendarId: 'primary', goals: 'all' });
    const goals = panel!.calendars!.find((calendar) => !calendar.primary)!;
    const oldEvent = (await link()).externalEventId;
    await updateConnectionSettings(await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } }), { settings: { calendarId: goals.id, goals: 'all' } });
    const deletesBefore = fake.requests.filter((request) => request.method === 'DELETE').length;
    // A new calendar starts over: the goal's event moves, and the milestone unlinked in the old one is offered again.
    expect(await sync('settings')).toMatchObject({ status: 'ok', summary: { pushed: 2 } });
    expect(fake.event(oldEvent)!.removed).toBe(true);
    expect(fake.requests.filter((request) => request.method === 'DELETE').slice(deletesBefore).map((request) => request.path)).toEqual([`/v1.0/me/events/${oldEvent}`]);
    expect(fake.events(MAIL).map((event) => event.calendarId)).toEqual([goals.id, goals.id]);
    expect((await eventOf()).calendarId).toBe(goals.id);
    expect(fake.calls('GET', `/v1.0/me/calendars/${goals.id}/calendarView/delta`)).toHaveLength(1);

    fake.editAsUser((await link()).externalEventId, { date: '2027-04-02' });
    expect(await sync()).toMatchObject({ status: 'ok', summary: { pulled: 1 } });
    expect(await targetDate()).toBe('2027-04-02');
  });

  it('a revoked refresh token marks the connection "needs attention" and emails the member once', async () => {
    fake.revokeGrants();
    await db.integrationConnection.update({ where: { id: connection.id }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
    expect(await sync()).toMatchObject({ status: 'failed' });
    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.status).toBe('needs_attention');
    expect(row.statusReason).toMatch(/Reconnect/);
    expect(await sync()).toMatchObject({ status: 'skipped', why: 'needs_attention' });
    const mails = await db.emailMessage.findMany({ where: { to: ada.email, kind: 'integration_needs_attention' } });
    expect(mails).toHaveLength(1);
  });

  it('reconnecting the same account resumes; disconnecting deletes the subscription, tokens and links (Microsoft has no revoke endpoint to call)', async () => {
    const again = await connect(ada);
    expect(again).toMatchObject({ id: connection.id, status: 'active' });
    process.env.INTEGRATIONS_PUSH_URL = 'https://push.waypoint.example';
    try {
      expect(await sync()).toMatchObject({ status: 'ok', summary: { pushed: 0 } });
    } finally {
      delete process.env.INTEGRATIONS_PUSH_URL;
    }
    const subscriptionId = (await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } })).pushChannelId!;

    const before = fake.requests.length;
    await disconnectConnection(tenant, ada, await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } }));
    expect(await connectionFor(tenant.id, PROVIDER, ada.userId)).toBeNull();
    expect(await db.calendarEventLink.count({ where: { connectionId: connection.id } })).toBe(0);
    expect(fake.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([`DELETE /v1.0/subscriptions/${subscriptionId}`]);
    expect(fake.subscriptions.get(subscriptionId)!.deleted).toBe(true);
    expect(await runSync({ connectionId: connection.id, reason: 'manual' })).toMatchObject({ status: 'skipped', why: 'gone' });
  });
});
