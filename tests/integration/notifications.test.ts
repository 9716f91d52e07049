import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { notifyForEvent } from '../../lib/notifications/consumer.ts';
import { dispatchEvent } from '../../lib/jobs/dispatch-event.ts';
import { acceptInvitation, createInvitation } from '../../lib/members/invitations.ts';
import { joinTeam } from '../../lib/teams/team-membership.ts';
import { runGoalDueNotifications } from '../../lib/notifications/due-dates.ts';
import { emailDue, latestDigestSlot, runNotificationEmails } from '../../lib/notifications/emails.ts';
import { listNotifications, markRead, unreadCount } from '../../lib/notifications/notifications.ts';
import { getNotificationSettings, updateNotificationSettings } from '../../lib/notifications/preferences.ts';
import { unsubscribeQuery, unsubscribeToken } from '../../lib/notifications/unsubscribe.ts';
import { goalAudience } from '../../lib/realtime/audience.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf } from '../support/factories.ts';
import { callRoute } from '../support/app-client.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { memberIn, workspace } from '../support/workspace.ts';
import * as unsubscribeRoute from '../../app/api/notifications/unsubscribe/route.ts';
import * as readRoute from '../../app/api/app/notifications/read/route.ts';

async function tenantIn(timeZone: string): Promise<TenantContext> {
  const tenant = await workspace();
  await db.tenant.update({ where: { id: tenant.id }, data: { timeZone } });
  return contextOf(tenant.id);
}

async function teamWith(tenant: TenantContext, members: Member[]) {
  const team = await db.team.create({ data: { tenantId: tenant.id, name: `Team ${Math.random().toString(36).slice(2, 7)}` } });
  for (const m of members) await db.teamMember.create({ data: { tenantId: tenant.id, teamId: team.id, userId: m.userId } });
  return team;
}

async function goal(tenant: TenantContext, owner: Member, options: { teamId?: string; targetDate?: string; assignees?: string[] } = {}) {
  const row = await db.goal.create({
    data: { tenantId: tenant.id, ownerId: owner.userId, teamId: options.teamId ?? null, title: `Goal ${Math.random().toString(36).slice(2, 7)}`, ...(options.targetDate ? { targetDate: new Date(`${options.targetDate}T00:00:00Z`) } : {}) },
  });
  for (const userId of options.assignees ?? []) await db.goalAssignee.create({ data: { tenantId: tenant.id, goalId: row.id, userId, role: 'contributor' } });
  return row;
}

async function comment(tenant: TenantContext, g: { id: string; ownerId: string; teamId: string | null }, author: Member, mentioned: string[] = []) {
  return emitEvent(db, tenant.id, 'goal.commented', { goalId: g.id, milestoneId: null, commentId: `c_${Math.random().toString(36).slice(2)}`, authorId: author.userId, body: 'Nice **work**', mentionedUserIds: mentioned }, author.userId, goalAudience(g));
}

const notificationsOf = (tenantId: string, userId: string) => db.notification.findMany({ where: { tenantId, userId }, orderBy: { createdAt: 'asc' } });

describe('notifications from domain events', () => {
  it('a comment notifies the goal owner and assignees, mentions the mentioned, never the author; twice is once', async () => {
    const tenant = await workspace();
    const [owner, assignee, author, mentioned] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant), await memberIn(tenant)];
    const team = await teamWith(tenant, [owner, assignee, author, mentioned]);
    const g = await goal(tenant, owner, { teamId: team.id, assignees: [assignee.userId, author.userId] });
    const eventId = await comment(tenant, g, author, [mentioned.userId, owner.userId]);
    expect(await notifyForEvent(eventId)).toBe(3);
    expect(await notifyForEvent(eventId)).toBe(0);
    expect((await notificationsOf(tenant.id, owner.userId)).map((n) => n.type)).toEqual(['mention']);
    expect((await notificationsOf(tenant.id, assignee.userId)).map((n) => n.type)).toEqual(['comment']);
    expect((await notificationsOf(tenant.id, mentioned.userId)).map((n) => n.type)).toEqual(['mention']);
    expect(await notificationsOf(tenant.id, author.userId)).toEqual([]);
    const page = await listNotifications(tenant, assignee);
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({ type: 'comment', href: `/goals/${g.id}`, read: false });
    expect(page.items[0].text).toContain(g.title);
  });

  it('an edit mentions only the newly mentioned who see the goal, once per comment', async () => {
    const tenant = await workspace();
    const [owner, author, first, added, outsider] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant), await memberIn(tenant), await memberIn(tenant)];
    const team = await teamWith(tenant, [owner, author, first, added]);
    const g = await goal(tenant, owner, { teamId: team.id });
    const commentId = `c_${Math.random().toString(36).slice(2)}`;
    const edit = (mentioned: string[], fresh: string[]) =>
      emitEvent(db, tenant.id, 'goal.comment_updated', { goalId: g.id, milestoneId: null, commentId, authorId: author.userId, body: 'Nice', mentionedUserIds: mentioned, newlyMentionedUserIds: fresh }, author.userId, goalAudience(g));
    expect(await notifyForEvent(await edit([first.userId, added.userId, outsider.userId, author.userId], [added.userId, outsider.userId, author.userId]))).toBe(1);
    expect((await notificationsOf(tenant.id, added.userId)).map((n) => n.type)).toEqual(['mention']);
    for (const m of [first, outsider, author, owner]) expect(await notificationsOf(tenant.id, m.userId)).toEqual([]);
    // removed and mentioned again in a later edit: not a second notification
    expect(await notifyForEvent(await edit([added.userId], [added.userId]))).toBe(0);
  });

  it('never notifies about a goal the recipient cannot see (private goal, other team, other workspace)', async () => {
    const tenant = await workspace();
    const [owner, outsider, admin] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant, 'admin')];
    const personal = await goal(tenant, owner);
    // The owner mentions people on their personal goal: nobody else may see it, admins included.
    const e1 = await comment(tenant, personal, owner, [outsider.userId, admin.userId]);
    expect(await notifyForEvent(e1)).toBe(0);
    const other = await workspace();
    const stranger = await memberIn(other);
    const team = await teamWith(tenant, [owner]);
    const teamGoal = await goal(tenant, owner, { teamId: team.id });
    const e2 = await comment(tenant, teamGoal, owner, [outsider.userId, stranger.userId, admin.userId]);
    // Only the admin (who may open any team goal) hears of it.
    expect(await notifyForEvent(e2)).toBe(1);
    expect(await notificationsOf(tenant.id, outsider.userId)).toEqual([]);
    expect(await db.notification.count({ where: { userId: stranger.userId } })).toBe(0);
    expect((await notificationsOf(tenant.id, admin.userId)).map((n) => n.type)).toEqual(['mention']);
  });

  it('what the recipient can no longer see takes its notifications along (left the team, goal deleted)', async () => {
    const tenant = await workspace();
    const [owner, leaver, stayer] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant)];
    const team = await teamWith(tenant, [owner, leaver, stayer]);
    const g = await goal(tenant, owner, { teamId: team.id });
    await notifyForEvent(await comment(tenant, g, owner, [leaver.userId, stayer.userId]));
    expect(await notificationsOf(tenant.id, leaver.userId)).toHaveLength(1);
    await db.teamMember.deleteMany({ where: { teamId: team.id, userId: leaver.userId } });
    await dispatchEvent(await emitEvent(db, tenant.id, 'team.member_removed', { teamId: team.id, userId: leaver.userId }, leaver.userId));
    expect(await notificationsOf(tenant.id, leaver.userId)).toEqual([]);
    expect(await notificationsOf(tenant.id, stayer.userId)).toHaveLength(1);
    await db.goal.delete({ where: { id: g.id } });
    await dispatchEvent(await emitEvent(db, tenant.id, 'goal.deleted', { goalId: g.id, title: g.title }, owner.userId, goalAudience(g)));
    expect(await notificationsOf(tenant.id, stayer.userId)).toEqual([]);
  });

  it('kudos and assignments notify their recipient (through the event dispatch job)', async () => {
    const tenant = await workspace();
    const [lead, mate] = [await memberIn(tenant), await memberIn(tenant)];
    const team = await teamWith(tenant, [lead, mate]);
    const g = await goal(tenant, lead, { teamId: team.id, assignees: [mate.userId] });
    const assigned = await emitEvent(db, tenant.id, 'goal.updated', { goalId: g.id, changes: { assignees: { added: { userId: mate.userId, role: 'contributor' } } } }, lead.userId, goalAudience(g));
    const kudos = await emitEvent(db, tenant.id, 'kudos.given', { kudosId: 'k1', eventId: 'evt_x', giverId: mate.userId, recipientId: lead.userId, subjectType: 'goal', subjectId: g.id }, mate.userId, goalAudience(g));
    await dispatchEvent(assigned);
    await dispatchEvent(kudos);
    await dispatchEvent(kudos);
    expect((await notificationsOf(tenant.id, mate.userId)).map((n) => n.type)).toEqual(['assignment']);
    expect((await notificationsOf(tenant.id, lead.userId)).map((n) => n.type)).toEqual(['kudos']);
  });

  it('preferences: none writes nothing, email waits for its email, in_app does not', async () => {
    const tenant = await workspace();
    const [owner, a, b, c] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant), await memberIn(tenant)];
    const team = await teamWith(tenant, [owner, a, b, c]);
    await updateNotificationSettings(tenant, a, { types: { mention: 'none' } });
    await updateNotificationSettings(tenant, b, { types: { mention: 'in_app' } });
    expect((await getNotificationSettings(tenant, b)).types.mention).toBe('in_app');
    const g = await goal(tenant, owner, { teamId: team.id });
    await notifyForEvent(await comment(tenant, g, owner, [a.userId, b.userId, c.userId]));
    expect(await notificationsOf(tenant.id, a.userId)).toEqual([]);
    expect((await notificationsOf(tenant.id, b.userId))[0].emailStatus).toBe('none');
    expect((await notificationsOf(tenant.id, c.userId))[0].emailStatus).toBe('pending');
  });

  it('marks one or all read, only the member’s own', async () => {
    const tenant = await workspace();
    const [owner, a, b] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant)];
    const team = await teamWith(tenant, [owner, a, b]);
    const g = await goal(tenant, owner, { teamId: team.id });
    await notifyForEvent(await comment(tenant, g, owner, [a.userId, b.userId]));
    await notifyForEvent(await comment(tenant, g, owner, [a.userId, b.userId]));
    const bOnes = await notificationsOf(tenant.id, b.userId);
    // a cannot mark b's as read.
    expect(await markRead(tenant, a, { ids: [bOnes[0].id] })).toEqual({ unread: 2 });
    expect(await unreadCount(tenant, b)).toBe(2);
    const mine = await notificationsOf(tenant.id, a.userId);
    expect(await markRead(tenant, a, { ids: [mine[0].id] })).toEqual({ unread: 1 });
    expect(await markRead(tenant, a, { all: true })).toEqual({ unread: 0 });
    expect(await unreadCount(tenant, b)).toBe(2);
  });
});

describe('notifications written with their change', () => {
  it('a request to join a team reaches its leads and the admins, not other members or the requester', async () => {
    const tenant = await workspace();
    const [lead, mate, admin, asker] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant, 'admin'), await memberIn(tenant)];
    const team = await teamWith(tenant, [mate]);
    await db.team.update({ where: { id: team.id }, data: { joinApprovalRequired: true } });
    await db.teamMember.create({ data: { tenantId: tenant.id, teamId: team.id, userId: lead.userId, role: 'lead' } });
    expect((await joinTeam(tenant, asker, team.id)).status).toBe('requested');
    for (const m of [lead, admin]) {
      const rows = await notificationsOf(tenant.id, m.userId);
      expect(rows.map((r) => [r.type, r.subjectType, r.subjectId])).toEqual([['join_request', 'team', team.id]]);
    }
    expect(await notificationsOf(tenant.id, mate.userId)).toEqual([]);
    expect(await notificationsOf(tenant.id, asker.userId)).toEqual([]);
    const page = await listNotifications(tenant, lead);
    expect(page.items[0]).toMatchObject({ href: `/teams/${team.id}` });
    expect(page.items[0].text).toContain(team.name);
  });

  it('an accepted invitation tells whoever sent it', async () => {
    delete process.env.SMTP_URL;
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const email = `joiner-${Math.random().toString(36).slice(2, 8)}@example.test`;
    await createInvitation(tenant, admin, { email, role: 'member' }, null);
    const message = await db.emailMessage.findFirstOrThrow({ where: { tenantId: tenant.id, to: email, kind: 'invitation' } });
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(message.text)![1];
    const { userId } = await acceptInvitation(tenant, token, { name: 'Grace Hopper', password: 'a-long-password' }, { ip: null, sessionUserId: null });
    const rows = await notificationsOf(tenant.id, admin.userId);
    expect(rows.map((r) => [r.type, r.actorId])).toEqual([['invitation_accepted', userId]]);
    expect((await listNotifications(tenant, admin)).items[0].text).toBe('Grace Hopper accepted your invitation and joined the workspace');
  });
});

describe('digest cadence in the member’s zone', () => {
  it('daily slots are 08:00 local, across both DST changes', () => {
    // Berlin: CET (+1) until 29 March 2026, CEST (+2) until 25 October 2026.
    expect(latestDigestSlot('daily', 'Europe/Berlin', new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(latestDigestSlot('daily', 'Europe/Berlin', new Date('2026-03-29T12:00:00Z'))?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(latestDigestSlot('daily', 'Europe/Berlin', new Date('2026-10-25T12:00:00Z'))?.toISOString()).toBe('2026-10-25T07:00:00.000Z');
    // Before 08:00 local: yesterday's slot.
    expect(latestDigestSlot('daily', 'America/New_York', new Date('2026-06-15T11:00:00Z'))?.toISOString()).toBe('2026-06-14T12:00:00.000Z');
    // Weekly: Monday 08:00 (15 June 2026 is a Monday), in Tokyo (+9).
    expect(latestDigestSlot('weekly', 'Asia/Tokyo', new Date('2026-06-17T00:00:00Z'))?.toISOString()).toBe('2026-06-14T23:00:00.000Z');
    expect(latestDigestSlot('weekly', 'Asia/Tokyo', new Date('2026-06-14T22:00:00Z'))?.toISOString()).toBe('2026-06-07T23:00:00.000Z');
  });

  it('is due once per slot, only for notifications from before it', () => {
    const zone = 'America/New_York';
    const created = new Date('2026-06-15T15:00:00Z');
    expect(emailDue('immediately', zone, new Date('2026-06-15T15:00:30Z'), created, null)).toBe(true);
    expect(emailDue('daily', zone, new Date('2026-06-15T20:00:00Z'), created, null)).toBe(false);
    expect(emailDue('daily', zone, new Date('2026-06-16T12:00:00Z'), created, null)).toBe(true);
    expect(emailDue('daily', zone, new Date('2026-06-16T12:30:00Z'), created, new Date('2026-06-16T12:00:00Z'))).toBe(false);
    expect(emailDue('weekly', zone, new Date('2026-06-16T12:00:00Z'), created, null)).toBe(false);
    expect(emailDue('weekly', zone, new Date('2026-06-22T12:00:00Z'), created, null)).toBe(true);
  });
});

describe('notification emails', () => {
  const sinks: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    delete process.env.SMTP_URL;
    for (const sink of sinks.splice(0)) await sink.close();
  });

  async function pendingFor(timeZone: string, digest: 'immediately' | 'daily' | 'weekly') {
    const tenant = await tenantIn(timeZone);
    const [owner, reader] = [await memberIn(tenant), await memberIn(tenant)];
    await updateNotificationSettings(tenant, reader, { digest });
    const team = await teamWith(tenant, [owner, reader]);
    const g = await goal(tenant, owner, { teamId: team.id });
    await notifyForEvent(await comment(tenant, g, owner, [reader.userId]));
    await notifyForEvent(await comment(tenant, g, owner, [reader.userId]));
    return { tenant, reader };
  }

  it('immediately: sent at the next run with RFC 8058 one-click headers; never twice', async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    process.env.SMTP_URL = sink.url;
    const { tenant, reader } = await pendingFor('UTC', 'immediately');
    await runNotificationEmails(new Date(Date.now() + 60_000));
    await runNotificationEmails(new Date(Date.now() + 120_000));
    const mails = sink.messages.filter((m) => m.to.includes(reader.email.toLowerCase()));
    expect(mails).toHaveLength(1);
    const raw = mails[0].data.replace(/\r\n[ \t]+/g, ' ');
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/api\/notifications\/unsubscribe\?u=[^>]+>/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(raw).toContain(unsubscribeToken(tenant.id, reader.userId, 'all'));
    expect(await db.notification.count({ where: { userId: reader.userId, emailStatus: 'sent' } })).toBe(2);
  });

  it('a suspended workspace emails nobody: its pending emails are skipped', async () => {
    const { tenant, reader } = await pendingFor('UTC', 'immediately');
    await db.tenant.update({ where: { id: tenant.id }, data: { status: 'suspended' } });
    const { clearLocalTenantCache } = await import('../../lib/tenancy/tenant-cache.ts');
    clearLocalTenantCache();
    await runNotificationEmails(new Date(Date.now() + 60_000));
    expect((await notificationsOf(tenant.id, reader.userId)).map((r) => r.emailStatus)).toEqual(['skipped', 'skipped']);
    expect(await db.emailMessage.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it('daily: waits for 08:00 in the member’s zone, one digest for all, read ones skipped', async () => {
    const { tenant, reader } = await pendingFor('Asia/Tokyo', 'daily');
    const created = await notificationsOf(tenant.id, reader.userId);
    await markRead(tenant, reader, { ids: [created[0].id] });
    const base = created[1].createdAt;
    // The next 08:00 in Tokyo after the notifications (23:00 UTC), then a minute later.
    const slot = latestDigestSlot('daily', 'Asia/Tokyo', new Date(base.getTime() + 86_400_000))!;
    const before = new Date(slot.getTime() - 60_000);
    expect(slot.getTime()).toBeGreaterThan(base.getTime());
    const beforeSlot = before.getTime() > base.getTime() ? before : base;
    await runNotificationEmails(beforeSlot);
    expect((await notificationsOf(tenant.id, reader.userId)).map((r) => r.emailStatus)).toEqual(['pending', 'pending']);
    expect(await db.emailMessage.count({ where: { tenantId: tenant.id } })).toBe(0);
    await runNotificationEmails(new Date(slot.getTime() + 60_000));
    const rows = await notificationsOf(tenant.id, reader.userId);
    expect(rows.map((r) => r.emailStatus).sort()).toEqual(['sent', 'skipped']);
    const emails = await db.emailMessage.findMany({ where: { tenantId: tenant.id, to: reader.email.toLowerCase() } });
    expect(emails).toHaveLength(1);
    expect((await db.membership.findFirstOrThrow({ where: { tenantId: tenant.id, userId: reader.userId } })).lastDigestAt?.getTime()).toBe(slot.getTime() + 60_000);
  });
});

describe('one-click unsubscribe', () => {
  let tenant: TenantContext;
  let member: Member;
  beforeAll(async () => {
    tenant = await workspace();
    member = await memberIn(tenant);
  });

  it('refuses a bad or altered token with 400 and changes nothing', async () => {
    const good = new URLSearchParams(unsubscribeQuery(tenant.id, member.userId, 'all'));
    const altered = new URLSearchParams(good);
    altered.set('t', `${good.get('t')!.slice(0, -2)}AA`);
    const otherScope = new URLSearchParams(good);
    otherScope.set('s', 'mention');
    for (const query of [altered, otherScope, new URLSearchParams({ u: member.userId, s: 'all', t: 'nope' })]) {
      const answer = await callRoute(unsubscribeRoute.POST, { method: 'POST', path: `/api/notifications/unsubscribe?${query}`, tenantId: tenant.id, origin: null, body: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' });
      expect(answer.status).toBe(400);
    }
    // Another workspace's host: the same token is not valid there.
    const other = await workspace();
    expect((await callRoute(unsubscribeRoute.POST, { method: 'POST', path: `/api/notifications/unsubscribe?${good}`, tenantId: other.id, origin: null })).status).toBe(400);
    expect((await getNotificationSettings(tenant, member)).types.mention).toBe('email');
  });

  it('a good token unsubscribes with a POST and no session (from another origin); GET only leads to the page', async () => {
    const query = unsubscribeQuery(tenant.id, member.userId, 'all');
    const get = await callRoute(unsubscribeRoute.GET, { path: `/api/notifications/unsubscribe?${query}`, tenantId: tenant.id });
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toBe(`/unsubscribe?${query}`);
    expect((await getNotificationSettings(tenant, member)).types.mention).toBe('email');
    const post = await callRoute(unsubscribeRoute.POST, { method: 'POST', path: `/api/notifications/unsubscribe?${query}`, tenantId: tenant.id, origin: 'https://mail.example.net', body: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' });
    expect(post.status).toBe(200);
    const after = await getNotificationSettings(tenant, member);
    expect(Object.values(after.types).every((channel) => channel !== 'email')).toBe(true);
    expect(after.types.mention).toBe('in_app');
  });

  it('the read route needs a session', async () => {
    expect((await callRoute(readRoute.POST, { method: 'POST', path: '/api/app/notifications/read', tenantId: tenant.id, json: { all: true } })).status).toBe(401);
  });
});

describe('goals due soon and overdue', () => {
  it('once per goal and target date, from 09:00 in each member’s zone, only to those who see it', async () => {
    const tenant = await tenantIn('UTC');
    const [tokyo, la, outsider] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant)];
    await db.membership.updateMany({ where: { tenantId: tenant.id, userId: tokyo.userId }, data: { timeZone: 'Asia/Tokyo' } });
    await db.membership.updateMany({ where: { tenantId: tenant.id, userId: la.userId }, data: { timeZone: 'America/Los_Angeles' } });
    const team = await teamWith(tenant, [tokyo, la]);
    const g = await goal(tenant, tokyo, { teamId: team.id, targetDate: '2026-06-17', assignees: [la.userId] });
    // The outsider owns a personal goal; an assignee row on it must not leak it (not possible in the app, but defended).
    // 2026-06-16 00:30 UTC: 09:30 on the 16th in Tokyo (due tomorrow); 17:30 on the 15th in LA (two days left).
    await runGoalDueNotifications(new Date('2026-06-16T00:30:00Z'));
    expect((await notificationsOf(tenant.id, tokyo.userId)).map((n) => n.type)).toEqual(['goal_due_soon']);
    expect(await notificationsOf(tenant.id, la.userId)).toEqual([]);
    // 16:30 UTC on the 16th: 09:30 on the 16th in LA.
    await runGoalDueNotifications(new Date('2026-06-16T16:30:00Z'));
    await runGoalDueNotifications(new Date('2026-06-16T17:30:00Z'));
    expect((await notificationsOf(tenant.id, la.userId)).map((n) => n.type)).toEqual(['goal_due_soon']);
    expect(await notificationsOf(tenant.id, tokyo.userId)).toHaveLength(1);
    // The 18th, 10:00 in both: overdue, once.
    await runGoalDueNotifications(new Date('2026-06-18T01:00:00Z'));
    await runGoalDueNotifications(new Date('2026-06-18T17:00:00Z'));
    await runGoalDueNotifications(new Date('2026-06-18T18:00:00Z'));
    expect((await notificationsOf(tenant.id, tokyo.userId)).map((n) => n.type)).toEqual(['goal_due_soon', 'goal_overdue']);
    expect((await notificationsOf(tenant.id, la.userId)).map((n) => n.type)).toEqual(['goal_due_soon', 'goal_overdue']);
    expect(await notificationsOf(tenant.id, outsider.userId)).toEqual([]);
    expect(g.id).toBeTruthy();
  });
});
