import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as channelsRoute from '../../app/api/app/integrations/slack/channels/route.ts';
import * as routesRoute from '../../app/api/app/integrations/slack/routes/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { decryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { completeGoal } from '../../lib/goals/goal-status.ts';
import { setGoalProgress } from '../../lib/goals/goal-progress.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { dispatchToIntegrations } from '../../lib/integrations/dispatch.ts';
import { uninstallIntegration } from '../../lib/integrations/installations.ts';
import { sendNotification } from '../../lib/integrations/notifications/send-notification.ts';
import { isDigestHour, runWeeklyDigests } from '../../lib/integrations/notifications/weekly-digest.ts';
import { saveSlackRoutes } from '../../lib/integrations/slack/slack-routes.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute } from '../support/app-client.ts';
import { contextOf } from '../support/factories.ts';
import { startFakeSlack, type FakeSlack } from '../support/fakes/slack.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { forgetFakeSlack, installAndConnectSlack, useFakeSlack } from '../support/slack.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Slack notifications end to end against the fake Slack, through @slack/web-api: an admin
// installs and connects (OAuth v2), maps channels, domain events become Block Kit messages in
// the workspace's words, once each even when dispatched twice; the weekly digest; 429s wait
// for Retry-After; disconnecting revokes the bot token.

let fake: FakeSlack;
let tenant: TenantContext;
let admin: Member;
let ann: Member;
let teamId: string;
let otherTeamId: string;

async function eventsOf(type: string): Promise<string[]> {
  return (await db.domainEvent.findMany({ where: { tenantId: tenant.id, type }, orderBy: { occurredAt: 'asc' }, select: { id: true } })).map((row) => row.id);
}

/** Dispatches the events (twice each, as a retried job would) and sends what they queued. */
async function deliver(eventIds: string[]): Promise<void> {
  for (const eventId of eventIds) {
    await dispatchToIntegrations(eventId);
    await dispatchToIntegrations(eventId);
  }
  const pending = await db.integrationMessage.findMany({ where: { tenantId: tenant.id, status: 'pending' }, select: { id: true } });
  for (const { id } of pending) await sendNotification(id);
}

const postedTo = (channel: string) => fake.posted.filter((message) => message.channel === channel);

beforeAll(async () => {
  fake = await startFakeSlack({ team: { id: 'T0ACME', name: 'Acme Slack' } });
  useFakeSlack(fake);
  tenant = await workspace();
  // The workspace's own words and brand.
  await db.branding.update({ where: { tenantId: tenant.id }, data: { terminology: { goal: 'objective', goals: 'objectives', team: 'squad' }, accentColor: '#12ab34', emailFromName: 'Acme Coach' } });
  const { clearLocalTenantCache } = await import('../../lib/tenancy/tenant-cache.ts');
  clearLocalTenantCache();
  tenant = await contextOf(tenant.id);
  admin = await memberIn(tenant, 'admin');
  ann = await memberIn(tenant);
  await db.user.update({ where: { id: ann.userId }, data: { name: 'Ann Lee' } });
  ann = { ...ann, name: 'Ann Lee' };
  teamId = (await createTeam(tenant, admin, { name: 'Runners', leadUserId: ann.userId })).id;
  otherTeamId = (await createTeam(tenant, admin, { name: 'Readers' })).id;
});

afterAll(async () => {
  forgetFakeSlack();
  await fake.close();
});

describe('installing and connecting Slack', () => {
  it('exchanges the code for a bot token through oauth.v2.access and keeps it encrypted, with the Slack team as the account', async () => {
    const connection = await installAndConnectSlack(tenant, admin, fake);
    expect(connection).toMatchObject({ provider: 'slack', userId: null, externalAccountId: 'T0ACME', externalAccountName: 'Acme Slack', status: 'active' });
    expect(connection.settings).toMatchObject({ teamId: 'T0ACME', botUserId: 'U0BOT' });
    expect(connection.accessTokenEncrypted).not.toMatch(/^xoxb-/);
    expect(decryptSecret(connection.accessTokenEncrypted!)).toMatch(/^xoxb-/);
    const exchange = fake.calls.find((call) => call.method === 'oauth.v2.access')!;
    expect(exchange.params).toMatchObject({ client_id: fake.clientId, client_secret: fake.clientSecret, redirect_uri: 'http://localhost:3100/api/integrations/slack/callback' });
    expect(connection.scopes).toEqual(expect.arrayContaining(['chat:write', 'commands', 'users:read.email']));
  });

  it('lists channels for admins only: public ones and private ones the bot is in, not archived ones', async () => {
    const host = `${tenant.slug}.localhost:3100`;
    const answer = await callRoute(channelsRoute.GET, { tenantId: tenant.id, host, path: '/api/app/integrations/slack/channels', cookie: await sessionCookie(admin.userId, tenant.id) });
    expect(answer.status).toBe(200);
    expect(answer.body.channels).toEqual([
      { id: 'C0GENERAL', name: 'general', isPrivate: false },
      { id: 'G0LEADS', name: 'team-leads', isPrivate: true },
      { id: 'C0WINS', name: 'wins', isPrivate: false },
    ]);
    const asMember = await callRoute(channelsRoute.GET, { tenantId: tenant.id, host, path: '/api/app/integrations/slack/channels', cookie: await sessionCookie(ann.userId, tenant.id) });
    expect(asMember.status).toBe(403);
  });

  it('maps events to channels (admins, audited); refuses channels Slack does not list and teams of nowhere, naming the field', async () => {
    const host = `${tenant.slug}.localhost:3100`;
    const cookie = await sessionCookie(admin.userId, tenant.id);
    const routes = [
      { event: 'goal_completed', channelId: 'C0WINS' },
      { event: 'team_goal_progress', channelId: 'C0GENERAL', teamId },
      { event: 'habit_streak', channelId: 'C0WINS' },
      { event: 'team_member_added', channelId: 'G0LEADS' },
      { event: 'weekly_digest', channelId: 'C0GENERAL', teamId },
      { event: 'weekly_digest', channelId: 'G0LEADS' },
    ];
    const saved = await callRoute(routesRoute.PUT, { method: 'PUT', tenantId: tenant.id, host, path: '/api/app/integrations/slack/routes', cookie, json: { routes } });
    expect(saved.status).toBe(200);
    expect((saved.body.routes as { channelName: string }[]).map((route) => route.channelName).sort()).toEqual(['general', 'general', 'team-leads', 'team-leads', 'wins', 'wins']);
    const audit = await db.auditLog.findFirst({ where: { tenantId: tenant.id, action: 'integration.routes_updated' } });
    expect(audit).toMatchObject({ actorId: admin.userId, targetId: 'slack' });

    const archived = await failure(saveSlackRoutes(tenant, admin, { routes: [{ event: 'goal_completed', channelId: 'C0OLD' }] }));
    expect(archived.status).toBe(422);
    expect(archived.fields?.['routes.0.channelId']).toMatch(/not in Slack’s list/);
    const strangerTeam = await failure(saveSlackRoutes(tenant, admin, { routes: [{ event: 'goal_completed', channelId: 'C0WINS', teamId: 'nosuchteam' }] }));
    expect(strangerTeam.fields?.['routes.0.teamId']).toMatch(/no such team/);
    const badEvent = await callRoute(routesRoute.PUT, { method: 'PUT', tenantId: tenant.id, host, path: '/api/app/integrations/slack/routes', cookie, json: { routes: [{ event: 'everything', channelId: 'C0WINS' }] } });
    expect(badEvent.status).toBe(422);
    expect((await failure(saveSlackRoutes(tenant, ann, { routes: [] }))).status).toBe(403);
    // The failed saves changed nothing.
    expect(await db.integrationChannelRoute.count({ where: { tenantId: tenant.id } })).toBe(6);
  });
});

describe('notifications', () => {
  let goalId: string;

  it('a team member added: one Block Kit message in the mapped channel, in the workspace’s words, even when dispatched twice', async () => {
    await addTeamMember(tenant, admin, teamId, { userId: admin.userId, role: 'member' });
    const before = fake.posted.length;
    await deliver(await eventsOf('team.member_added'));
    // The lead added at creation and the admin now, once each; two teams' creations included.
    const leads = postedTo('G0LEADS').slice(0);
    expect(fake.posted.length - before).toBe(leads.length);
    const joinedRunners = leads.filter((message) => message.text.includes('joined Runners'));
    expect(joinedRunners).toHaveLength(2);
    const annJoined = joinedRunners.find((message) => message.text.startsWith('Ann Lee joined Runners'))!;
    expect(annJoined.text).toContain('joined the squad Runners as its lead');
    const attachment = annJoined.attachments[0] as { color: string; blocks: { type: string; text?: { text: string }; elements?: { url?: string; text?: string }[] }[] };
    expect(attachment.color).toBe('#12ab34');
    expect(attachment.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Ann Lee joined Runners' } });
    expect(attachment.blocks.find((block) => block.type === 'actions')!.elements![0].url).toBe(`http://${tenant.slug}.localhost:3100/teams/${teamId}`);
    expect(attachment.blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: 'Acme Coach' }] });
    // Sent with the connection's bot token.
    expect(annJoined.token).toMatch(/^xoxb-/);
    const rows = await db.integrationMessage.findMany({ where: { tenantId: tenant.id } });
    expect(rows.every((row) => row.status === 'sent' && row.sentAt && row.attempts === 1)).toBe(true);
  });

  it('team goal progress announces 25/50/75/100 once each when crossed; a personal goal is never announced', async () => {
    goalId = (await createGoal(tenant, ann, { title: 'Run 500 km <together>', teamId })).id;
    const personal = (await createGoal(tenant, ann, { title: 'Secret diary' })).id;
    await setGoalProgress(tenant, ann, personal, { progress: 60 });
    await setGoalProgress(tenant, ann, goalId, { progress: 10 });
    await setGoalProgress(tenant, ann, goalId, { progress: 30 });
    await setGoalProgress(tenant, ann, goalId, { progress: 80 });
    await setGoalProgress(tenant, ann, goalId, { progress: 85 });
    await deliver(await eventsOf('goal.updated'));
    const progress = postedTo('C0GENERAL').map((message) => (message.attachments[0] as { blocks: { text?: { text: string } }[] }).blocks[0].text!.text);
    expect(progress).toEqual(['Run 500 km <together> passed 25%', 'Run 500 km <together> passed 75%']);
    // mrkdwn is escaped in the body text.
    const body = (postedTo('C0GENERAL')[1].attachments[0] as { blocks: { text?: { text: string } }[] }).blocks[1].text!.text;
    expect(body).toBe('The squad objective “Run 500 km &lt;together&gt;” (Runners) is now 80% done.');
    expect(fake.posted.some((message) => message.text.includes('Secret diary'))).toBe(false);
  });

  it('goal completed goes to its channel once; a route for another team hears nothing', async () => {
    await saveSlackRoutes(tenant, admin, {
      routes: [
        { event: 'goal_completed', channelId: 'C0WINS' },
        { event: 'goal_completed', channelId: 'G0LEADS', teamId: otherTeamId },
        { event: 'team_goal_progress', channelId: 'C0GENERAL', teamId },
        { event: 'habit_streak', channelId: 'C0WINS' },
        { event: 'weekly_digest', channelId: 'C0GENERAL', teamId },
        { event: 'weekly_digest', channelId: 'G0LEADS' },
      ],
    });
    const leadsBefore = postedTo('G0LEADS').length;
    await completeGoal(tenant, ann, goalId);
    await deliver(await eventsOf('goal.completed'));
    const wins = postedTo('C0WINS');
    expect(wins).toHaveLength(1);
    expect(wins[0].text).toBe('Objective completed: Run 500 km <together>: Ann Lee completed the squad objective “Run 500 km <together>” (Runners).');
    expect(postedTo('G0LEADS')).toHaveLength(leadsBefore);
  });

  it('a habit streak milestone names the person and the streak, not the habit', async () => {
    await emitEvent(db, tenant.id, 'habit.streak_milestone', { habitId: 'hab_private', userId: ann.userId, milestone: 30, unit: 'days' }, ann.userId, { kind: 'teammates', userIds: [ann.userId] });
    await deliver(await eventsOf('habit.streak_milestone'));
    const streak = postedTo('C0WINS').at(-1)!;
    expect(streak.text).toBe('Ann Lee reached a 30-day streak: Ann Lee kept a habit going for 30 days in a row.');
  });

  it('a private team’s news reaches only channels mapped to that team, never “every team” ones', async () => {
    const board = (await createTeam(tenant, admin, { name: 'Board', leadUserId: ann.userId, visibility: 'private' })).id;
    const everyTeam = [
      { event: 'goal_completed', channelId: 'C0WINS' },
      { event: 'goal_completed', channelId: 'G0LEADS', teamId: otherTeamId },
      { event: 'team_goal_progress', channelId: 'C0GENERAL', teamId },
      { event: 'habit_streak', channelId: 'C0WINS' },
      { event: 'weekly_digest', channelId: 'C0GENERAL', teamId },
      { event: 'weekly_digest', channelId: 'G0LEADS' },
    ];
    await saveSlackRoutes(tenant, admin, { routes: [...everyTeam, { event: 'goal_completed', channelId: 'G0LEADS', teamId: board }] });
    const [winsBefore, leadsBefore] = [postedTo('C0WINS').length, postedTo('G0LEADS').length];
    const secret = (await createGoal(tenant, ann, { title: 'Board secret plan', teamId: board })).id;
    await completeGoal(tenant, ann, secret);
    await deliver([(await eventsOf('goal.completed')).at(-1)!]);
    expect(postedTo('C0WINS')).toHaveLength(winsBefore);
    expect(postedTo('G0LEADS').slice(leadsBefore).map((message) => message.text)).toEqual([expect.stringContaining('Board secret plan')]);
    await saveSlackRoutes(tenant, admin, { routes: everyTeam });
  });

  it('a 429 waits for Retry-After and sends later; a refused token marks the connection as needing attention', async () => {
    await emitEvent(db, tenant.id, 'habit.streak_milestone', { habitId: 'hab_2', userId: admin.userId, milestone: 7, unit: 'days' }, admin.userId, { kind: 'teammates', userIds: [admin.userId] });
    const [eventId] = (await eventsOf('habit.streak_milestone')).slice(-1);
    await dispatchToIntegrations(eventId);
    const message = await db.integrationMessage.findFirstOrThrow({ where: { tenantId: tenant.id, dedupeKey: { startsWith: `${eventId}:` } } });
    fake.rateLimitNext('chat.postMessage', 120);
    expect(await sendNotification(message.id)).toBe('retry_scheduled');
    expect(await db.integrationMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('rate limited') });
    const log = await db.integrationLogEntry.findFirst({ where: { tenantId: tenant.id, kind: 'notification', level: 'warning' }, orderBy: { createdAt: 'desc' } });
    expect(log?.detail).toMatchObject({ retryAfterSeconds: 120 });
    // Two jobs for the message at once (a duplicate delivery): one sends, the other skips.
    const postedBefore = fake.posted.length;
    expect((await Promise.all([sendNotification(message.id), sendNotification(message.id)])).sort()).toEqual(['sent', 'skipped']);
    expect(fake.posted.length).toBe(postedBefore + 1);
    expect(await db.integrationMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await sendNotification(message.id)).toBe('skipped');

    await emitEvent(db, tenant.id, 'habit.streak_milestone', { habitId: 'hab_3', userId: admin.userId, milestone: 100, unit: 'days' }, admin.userId, { kind: 'teammates', userIds: [admin.userId] });
    const [revokedEvent] = (await eventsOf('habit.streak_milestone')).slice(-1);
    await dispatchToIntegrations(revokedEvent);
    const second = await db.integrationMessage.findFirstOrThrow({ where: { tenantId: tenant.id, dedupeKey: { startsWith: `${revokedEvent}:` } } });
    fake.failNext('chat.postMessage', 'token_revoked');
    expect(await sendNotification(second.id)).toBe('failed');
    const connection = await db.integrationConnection.findFirstOrThrow({ where: { tenantId: tenant.id, provider: 'slack' } });
    expect(connection.status).toBe('needs_attention');
    expect(await db.emailMessage.count({ where: { tenantId: tenant.id, kind: 'integration_needs_attention' } })).toBe(1);
    // Reconnecting makes it active again.
    await installAndConnectSlack(tenant, admin, fake);
    expect((await db.integrationConnection.findFirstOrThrow({ where: { tenantId: tenant.id, provider: 'slack' } })).status).toBe('active');
  });
});

describe('the weekly digest', () => {
  it('goes out on Monday 09:xx in the workspace’s time zone, once per week and route, with the team’s goals', async () => {
    await db.tenant.update({ where: { id: tenant.id }, data: { timeZone: 'Asia/Kolkata' } });
    const { clearLocalTenantCache } = await import('../../lib/tenancy/tenant-cache.ts');
    clearLocalTenantCache();
    // Monday 2026-12-07 09:00 in Kolkata is 03:30 UTC; the job runs on the hour, at 04:00 UTC (09:30 there).
    expect(isDigestHour('Asia/Kolkata', new Date('2026-12-07T04:00:00Z'))).toBe(true);
    expect(isDigestHour('Asia/Kolkata', new Date('2026-12-07T03:00:00Z'))).toBe(false);
    expect(isDigestHour('Asia/Kolkata', new Date('2026-12-08T04:00:00Z'))).toBe(false);
    await createGoal(tenant, ann, { title: 'Read 12 books', teamId });

    // The coming Monday's 04:00 UTC (09:30 in Kolkata), so the goal completed above falls in its last week.
    const monday = new Date();
    monday.setUTCHours(4, 0, 0, 0);
    while (monday.getUTCDay() !== 1 || monday.getTime() <= Date.now()) monday.setUTCDate(monday.getUTCDate() + 1);
    const sunday = await runWeeklyDigests(new Date(monday.getTime() - 86_400_000));
    expect(sunday.queued).toBe(0);
    expect((await runWeeklyDigests(monday)).queued).toBe(2);
    // Run again within the hour (a retry): the same two rows, nothing new.
    await runWeeklyDigests(new Date(monday.getTime() + 10 * 60_000));
    const digests = await db.integrationMessage.findMany({ where: { tenantId: tenant.id, dedupeKey: { startsWith: `digest:${monday.toISOString().slice(0, 10)}:` } } });
    expect(digests).toHaveLength(2);
    for (const digest of digests) await sendNotification(digest.id);
    const runners = postedTo('C0GENERAL').at(-1)!;
    expect(runners.text).toMatch(/^Weekly digest: Runners: Last week in Runners: 1 objective completed, 1 active, 0 due in the next 7 days\.$/);
    const everyone = postedTo('G0LEADS').at(-1)!;
    expect(everyone.text).toMatch(/^Weekly digest: Acme Coach: Last week in every squad: /);
    const items = (everyone.attachments[0] as { blocks: { type: string; text?: { text: string } }[] }).blocks.find((block) => block.type === 'section' && block.text?.text.startsWith('•'));
    expect(items?.text?.text).toContain('Read 12 books: 0%');
    // A private team's goals are in its own digest only.
    expect(everyone.text + JSON.stringify(everyone.attachments)).not.toContain('Board secret plan');
  });
});

describe('disconnecting', () => {
  it('uninstalling revokes the bot token at Slack (auth.revoke), deletes it and the routes; queued messages then fail quietly', async () => {
    const connection = await db.integrationConnection.findFirstOrThrow({ where: { tenantId: tenant.id, provider: 'slack' } });
    const token = decryptSecret(connection.accessTokenEncrypted!);
    await emitEvent(db, tenant.id, 'habit.streak_milestone', { habitId: 'hab_4', userId: ann.userId, milestone: 7, unit: 'days' }, ann.userId, { kind: 'teammates', userIds: [ann.userId] });
    const [eventId] = (await eventsOf('habit.streak_milestone')).slice(-1);
    await dispatchToIntegrations(eventId);
    const queued = await db.integrationMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: `${eventId}:` } } });

    await uninstallIntegration(tenant, admin, 'slack');
    expect(fake.revoked.has(token)).toBe(true);
    expect(await db.integrationConnection.count({ where: { tenantId: tenant.id, provider: 'slack' } })).toBe(0);
    expect(await db.integrationChannelRoute.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await sendNotification(queued.id)).toBe('failed');
  });
});
