import { beforeAll, describe, expect, it } from 'vitest';
import * as dismissRoute from '../../app/api/app/insights/[insightId]/dismiss/route.ts';
import * as insightsRoute from '../../app/api/v1/insights/route.ts';
import { db } from '../../lib/db/client.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { EVENT_CATALOG } from '../../lib/events/event-catalog.ts';
import { addDays, toDbDate } from '../../lib/habits/local-date.ts';
import { AppError } from '../../lib/http/problem.ts';
import { dismissInsight } from '../../lib/insights/dismiss-insight.ts';
import { listInsights } from '../../lib/insights/list-insights.ts';
import { requestInsightsForEvent } from '../../lib/insights/on-activity.ts';
import { refreshMemberInsights, refreshWorkspaceInsights } from '../../lib/insights/run-insights.ts';
import { instantOf } from '../../lib/integrations/calendar-feed/zone-time.ts';
import { createNotifications } from '../../lib/notifications/create.ts';
import { createEndpoint } from '../../lib/webhooks/endpoints.ts';
import { fanOutEvent } from '../../lib/webhooks/fan-out.ts';
import { emailMember, latestDigestSlot } from '../../lib/notifications/emails.ts';
import { apiWorkspace, callV1 } from '../support/api-v1-client.ts';
import { callRoute } from '../support/app-client.ts';
import { contextOf, createMember, createTenant, memberOf } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The insights runner on real rows: insights are stored once per key with one
// ai.insight_generated event, refreshed without another; a member reads their own and their
// teams' only, never another member's, nor anything of a teammate's private habit.

// Tuesday 8 December 2026, 09:00 in Auckland (the workspace's zone): "today" is the 8th there
// while it is still the 7th in UTC.
const ZONE = 'Pacific/Auckland';
const TODAY = '2026-12-08';
const NOW = instantOf(ZONE, TODAY, 9, 0);
const LAST_WEEK = '2026-11-30';
const WEEK_BEFORE = '2026-11-23';

async function events(tenantId: string) {
  return db.domainEvent.findMany({ where: { tenantId, type: 'ai.insight_generated' }, orderBy: { seq: 'asc' } });
}

async function logOn(tenantId: string, habitId: string, userId: string, date: string, hour = 7) {
  await db.habitLog.create({ data: { tenantId, habitId, userId, date: toDbDate(date), createdAt: instantOf(ZONE, date, hour, 0) } });
}

describe('insights on real rows', () => {
  let tenantId: string;
  let ada: string; // on the team; keeps a private habit
  let ben: string; // on the team
  let cy: string; // not on the team
  let teamId: string;
  let secretHabitId: string;
  let benGoalId: string;
  let teamGoalId: string;

  beforeAll(async () => {
    const tenant = await createTenant();
    tenantId = tenant.id;
    await db.tenant.update({ where: { id: tenantId }, data: { timeZone: ZONE } });
    [ada, ben, cy] = (await Promise.all([createMember(tenantId), createMember(tenantId), createMember(tenantId)])).map((user) => user.id);
    teamId = (await db.team.create({ data: { tenantId, name: 'Design', visibility: 'private' } })).id;
    await db.teamMember.createMany({ data: [ada, ben].map((userId) => ({ tenantId, teamId, userId })) });

    // Ada's private habit: logged every morning at 07:00 for 20 days, not yet today.
    const secret = await db.habit.create({ data: { tenantId, userId: ada, name: 'Secret journal', private: true, createdAt: instantOf(ZONE, addDays(TODAY, -20), 6, 0) } });
    secretHabitId = secret.id;
    for (let i = 20; i >= 1; i -= 1) await logOn(tenantId, secret.id, ada, addDays(TODAY, -i));
    // Ada's shared habit: 8 logs last week, 2 the week before (with the private ones: 7 and 7, no change).
    const walk = await db.habit.create({ data: { tenantId, userId: ada, name: 'Walk', createdAt: instantOf(ZONE, '2026-11-01', 6, 0) } });
    for (let i = 0; i < 7; i += 1) await logOn(tenantId, walk.id, ada, addDays(LAST_WEEK, i));
    for (let i = 0; i < 2; i += 1) await logOn(tenantId, walk.id, ada, addDays(WEEK_BEFORE, i));
    // Ben's progress on the team goal last week makes 8.
    const created = instantOf(ZONE, '2026-11-08', 12, 0);
    teamGoalId = (await db.goal.create({ data: { tenantId, ownerId: ben, teamId, title: 'Team launch', progress: 10, targetDate: toDbDate('2027-01-08'), createdAt: created } })).id;
    await db.goalProgressEntry.create({ data: { tenantId, goalId: teamGoalId, userId: ben, delta: 10, createdAt: instantOf(ZONE, LAST_WEEK, 12, 0) } });
    benGoalId = (await db.goal.create({ data: { tenantId, ownerId: ben, title: 'Ben’s book', progress: 0, targetDate: toDbDate('2027-01-08'), createdAt: created } })).id;
  });

  it('stores each finding once with one ai.insight_generated; a re-run refreshes and sends nothing', async () => {
    const admin = await memberOf(tenantId, (await createMember(tenantId, 'admin')).id);
    const { endpoint } = await createEndpoint(await contextOf(tenantId), admin, { url: 'https://93.184.216.34/insights', eventTypes: ['ai.insight_generated'] });
    const first = await refreshWorkspaceInsights(tenantId, NOW, 'full');
    const rows = await db.insight.findMany({ where: { tenantId }, orderBy: { key: 'asc' } });
    expect(rows.map((row) => row.key)).toEqual(
      [`goal_at_risk:${benGoalId}:2026-12-07`, `goal_at_risk:${teamGoalId}:2026-12-07`, `streak_at_risk:${secretHabitId}:${TODAY}`, `team_momentum:${teamId}:2026-12-07`].sort(),
    );
    expect(first.created).toBe(4);
    for (const row of rows) expect(row.id).toMatch(/^isg_[A-Za-z0-9_-]{16}$/);

    const sent = await events(tenantId);
    expect(sent).toHaveLength(4);
    for (const event of sent) {
      expect(EVENT_CATALOG['ai.insight_generated'].schema.safeParse(event.payload).success).toBe(true);
      const payload = event.payload as { insightId: string; userId: string | null; teamId: string | null };
      expect(rows.map((row) => row.id)).toContain(payload.insightId);
      // A member's insight is theirs alone; a team's goes to the team.
      if (payload.teamId) expect([event.audience, event.audienceTeamId]).toEqual(['team', teamId]);
      else expect([event.audience, event.audienceUserIds]).toEqual(['users', [payload.userId]]);
    }
    const momentum = rows.find((row) => row.kind === 'team_momentum');
    // Ada's private journal is left out of the team's numbers: 7 walks + 1 progress update against 2 walks.
    expect(momentum?.data).toMatchObject({ week: { habitLogs: 7, progressUpdates: 1 }, previousWeek: { habitLogs: 2, progressUpdates: 0 }, changePercent: 300, direction: 'up' });

    // The webhook endpoint that subscribed to the event gets one delivery of each.
    for (const event of sent) expect(await fanOutEvent(event.id)).toEqual({ type: 'ai.insight_generated', deliveries: 1 });
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(4);

    const again = await refreshWorkspaceInsights(tenantId, new Date(NOW.getTime() + 30 * 60_000), 'full');
    expect(again).toEqual({ created: 0, updated: 4, expired: 0 });
    expect(await events(tenantId)).toHaveLength(4);

    // An insight expired more than 30 days ago is deleted by the workspace's run; a recent one stays.
    const old = await db.insight.create({ data: { id: 'isg_old', tenantId, userId: cy, kind: 'goal_at_risk', key: 'goal_at_risk:gone:2026-10-05', subjectType: 'goal', subjectId: 'gone', data: {}, expiresAt: new Date(NOW.getTime() - 31 * 86_400_000) } });
    const recent = await db.insight.create({ data: { id: 'isg_recent', tenantId, userId: cy, kind: 'goal_at_risk', key: 'goal_at_risk:gone:2026-11-30', subjectType: 'goal', subjectId: 'gone', data: {}, expiresAt: new Date(NOW.getTime() - 2 * 86_400_000) } });
    await refreshWorkspaceInsights(tenantId, new Date(NOW.getTime() + 30 * 60_000), 'hourly');
    expect((await db.insight.findMany({ where: { id: { in: [old.id, recent.id] } } })).map((row) => row.id)).toEqual([recent.id]);
  });

  it('a logged habit takes its warning away; unlogged the same day, it comes back without a second event', async () => {
    const later = new Date(NOW.getTime() + 60 * 60_000);
    await logOn(tenantId, secretHabitId, ada, TODAY, 9);
    await refreshMemberInsights(tenantId, ada, later);
    expect((await listInsights({ id: tenantId }, { userId: ada }, { now: later })).map((i) => i.kind)).not.toContain('streak_at_risk');
    await db.habitLog.deleteMany({ where: { habitId: secretHabitId, date: toDbDate(TODAY) } });
    await refreshMemberInsights(tenantId, ada, later);
    expect((await listInsights({ id: tenantId }, { userId: ada }, { now: later })).map((i) => i.kind)).toContain('streak_at_risk');
    expect(await events(tenantId)).toHaveLength(4);
  });

  it('a member reads their own and their teams’ insights, never another member’s or a teammate’s private habit', async () => {
    const forAda = await listInsights({ id: tenantId }, { userId: ada }, { now: NOW });
    expect(forAda.map((i) => [i.kind, i.subject.name])).toEqual([
      ['streak_at_risk', 'Secret journal'],
      ['goal_at_risk', 'Team launch'],
      ['team_momentum', 'Design'],
    ]);
    expect(forAda[0]).toMatchObject({ scope: 'member', teamId: null, data: { currentStreak: 20, usualLogHour: 7, loggedByNowRate: 1, localDate: TODAY } });
    expect(forAda[1]).toMatchObject({ scope: 'team', teamId, teamName: 'Design' });

    const forBen = await listInsights({ id: tenantId }, { userId: ben }, { now: NOW });
    expect(forBen.map((i) => [i.kind, i.subject.name]).sort()).toEqual([
      ['goal_at_risk', 'Ben’s book'],
      ['goal_at_risk', 'Team launch'],
      ['team_momentum', 'Design'],
    ]);
    const benText = JSON.stringify(forBen);
    expect(benText).not.toContain(secretHabitId);
    expect(benText).not.toContain('Secret journal');
    expect(benText).not.toContain(ada);

    // Cy is on no team: the private team's insights do not reach him, nor anyone's own.
    expect(await listInsights({ id: tenantId }, { userId: cy }, { now: NOW })).toEqual([]);
    // Another workspace reads nothing of these.
    const other = await createTenant();
    expect(await listInsights({ id: other.id }, { userId: ada }, { now: NOW })).toEqual([]);
  });

  it('dismissing hides an insight from that member only; one they cannot see is a 404', async () => {
    const teamInsight = (await listInsights({ id: tenantId }, { userId: ben }, { now: NOW })).find((i) => i.kind === 'team_momentum')!;
    const streak = (await listInsights({ id: tenantId }, { userId: ada }, { now: NOW })).find((i) => i.kind === 'streak_at_risk')!;

    const dismiss = async (userId: string, insightId: string) =>
      callRoute(dismissRoute.POST, { method: 'POST', path: `/api/app/insights/${insightId}/dismiss`, params: { insightId }, tenantId, cookie: await sessionCookie(userId, tenantId) });
    expect((await dismiss(ben, teamInsight.id)).status).toBe(204);
    expect((await dismiss(ben, teamInsight.id)).status).toBe(204);
    expect((await listInsights({ id: tenantId }, { userId: ben }, { now: NOW })).map((i) => i.id)).not.toContain(teamInsight.id);
    expect((await listInsights({ id: tenantId }, { userId: ada }, { now: NOW })).map((i) => i.id)).toContain(teamInsight.id);

    expect((await dismiss(ben, streak.id)).status).toBe(404);
    expect((await dismiss(cy, teamInsight.id)).status).toBe(404);
    await expect(dismissInsight({ id: (await createTenant()).id }, { userId: ada }, streak.id)).rejects.toBeInstanceOf(AppError);
    expect((await listInsights({ id: tenantId }, { userId: ada }, { now: NOW })).map((i) => i.id)).toContain(streak.id);
  });
});

describe('the weekly digest', () => {
  it('carries the member’s insights in their language, and only theirs', async () => {
    const row = await createTenant();
    const [reader, other] = await Promise.all([createMember(row.id), createMember(row.id)]);
    await db.membership.updateMany({ where: { tenantId: row.id, userId: reader.id }, data: { locale: 'de-DE', notificationSettings: { digest: 'weekly', types: { kudos: 'email' } } } });
    const behind = { progress: 0, targetDate: new Date(Date.now() + 10 * 86_400_000), createdAt: new Date(Date.now() - 30 * 86_400_000) };
    await db.goal.create({ data: { tenantId: row.id, ownerId: reader.id, title: 'Marathon', ...behind } });
    await db.goal.create({ data: { tenantId: row.id, ownerId: other.id, title: 'Someone else’s goal', ...behind } });
    await refreshWorkspaceInsights(row.id, new Date(), 'full');
    await createNotifications(db, row.id, [{ userId: reader.id, type: 'kudos', actorId: other.id, subjectType: 'goal', subjectId: 'g1', data: { actorName: 'Ben', title: 'Marathon' }, dedupeKey: 'kudos:1' }]);

    // The next Monday 08:00 (UTC) slot after now.
    const slot = latestDigestSlot('weekly', 'UTC', new Date(Date.now() + 7 * 86_400_000))!;
    expect(await emailMember(row.id, reader.id, new Date(Date.now() - 1000), new Date(slot.getTime() + 60_000))).toBe(1);
    const [email] = await db.emailMessage.findMany({ where: { tenantId: row.id, to: reader.email.toLowerCase() } });
    expect(email.text).toContain('Deine Hinweise');
    expect(email.text).toMatch(/• Marathon liegt hinter dem Plan: 0\s%\s?erledigt, während 75\s% der Zeit vorbei sind, noch 10 Tage\./);
    expect(email.text).not.toContain('Someone else’s goal');
  });
});

describe('after activity', () => {
  it('a logged habit asks for one refresh of its member, coalesced within the minute', async () => {
    const tenant = await createTenant();
    const user = await createMember(tenant.id);
    const eventId = await emitEvent(db, tenant.id, 'habit.logged', { habitId: 'h1', userId: user.id, date: TODAY, note: null, currentStreak: 3 }, user.id, { kind: 'users', userIds: [user.id] });
    const at = new Date();
    expect(await requestInsightsForEvent(eventId, 'habit.logged', at)).toBe(true);
    expect(await requestInsightsForEvent(eventId, 'habit.logged', at)).toBe(true);
    const jobs = await db.$queryRaw<{ data: { payload: unknown } }[]>`SELECT data FROM pgboss.job WHERE name = 'insights.member' AND data->'payload'->>'userId' = ${user.id}`;
    expect(jobs.map((job) => job.data.payload)).toEqual([{ tenantId: tenant.id, userId: user.id }]);
    expect(await requestInsightsForEvent(eventId, 'habit.deleted', at)).toBe(false);
  });
});

describe('GET /api/v1/insights', () => {
  it('lists the key creator’s insights with ai:coach, refuses a key without it, and shows nothing across workspaces', async () => {
    const ws = await apiWorkspace();
    const goal = await db.goal.create({ data: { tenantId: ws.tenant.id, ownerId: ws.member.userId, title: 'Behind', progress: 0, targetDate: new Date(Date.now() + 10 * 86_400_000), createdAt: new Date(Date.now() - 30 * 86_400_000) } });
    await refreshMemberInsights(ws.tenant.id, ws.member.userId);

    const { secret } = await ws.newKey({ scopes: ['ai:coach'] });
    const listed = await ws.call(insightsRoute.GET, '/api/v1/insights', {}, { secret });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ kind: 'goal_at_risk', scope: 'member', subject: { type: 'goal', id: goal.id, name: 'Behind' }, data: expect.objectContaining({ progress: 0, daysLeft: expect.any(Number) }) }),
    ]);
    expect(listed.body.next_cursor).toBeNull();

    const refused = await ws.call(insightsRoute.GET, '/api/v1/insights', {}, { secret: (await ws.newKey({ scopes: ['read:goals'] })).secret });
    expect([refused.status, refused.body.code]).toEqual([403, 'insufficient_scope']);

    const other = await apiWorkspace();
    const { secret: otherSecret } = await other.newKey({ scopes: ['ai:coach'] });
    expect((await other.call(insightsRoute.GET, '/api/v1/insights', {}, { secret: otherSecret })).body.data).toEqual([]);
    // The other workspace's key on this workspace's host is refused outright.
    expect((await callV1(insightsRoute.GET, '/api/v1/insights', {}, { secret: otherSecret, hostTenantId: ws.tenant.id })).status).toBe(401);
  });
});
