import { randomBytes } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as downloadRoute from '../../app/api/app/account/exports/[exportId]/route.ts';
import * as exportsRoute from '../../app/api/app/account/exports/route.ts';
import { db } from '../../lib/db/client.ts';
import { EXPORT_SECTIONS, NOT_EXPORTED } from '../../lib/privacy/export-sections.ts';
import { buildMemberArchive, runExport, toCsv } from '../../lib/privacy/export.ts';
import { callRoute } from '../support/app-client.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { createPartner } from '../support/partners.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// A member's export (GDPR access and portability): every table that refers to a person is in
// it or named with a reason; a row the test adds to each of those tables is found in the ZIP;
// no secrets; only its owner downloads it, for 7 days.

const id = () => randomBytes(6).toString('hex');

async function tablesReferencingUsers(): Promise<string[]> {
  const rows = await db.$queryRaw<{ table: string }[]>`
    SELECT DISTINCT conrelid::regclass::text AS table FROM pg_constraint WHERE contype = 'f' AND confrelid = '"User"'::regclass`;
  return rows.map((row) => row.table.replaceAll('"', '')).sort();
}

describe('member data export', () => {
  it('covers every table that refers to a person, or says why not', async () => {
    const covered = new Set([...EXPORT_SECTIONS.flatMap((section) => section.tables), ...Object.keys(NOT_EXPORTED)]);
    const missing = (await tablesReferencingUsers()).filter((table) => !covered.has(table));
    expect(missing, 'tables with a person in them that the export forgets').toEqual([]);
  });

  it('finds a row added to each personal table, as JSON and CSV, without secrets', async () => {
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const me = await memberIn(tenant);
    const t = tenant.id;
    const u = me.userId;
    const team = await createTeam(tenant, admin, { name: `Crew ${id()}` });
    const goal = await db.goal.create({ data: { tenantId: t, ownerId: u, title: `Goal ${id()}` } });
    const habit = await db.habit.create({ data: { tenantId: t, userId: u, name: `Habit ${id()}` } });
    const app = await db.oAuthApp.create({ data: { id: `app_${id()}`, tenantId: t, clientId: `cl_${id()}`, clientType: 'public', name: 'Exporter', redirectUris: ['https://example.test/cb'], allowedScopes: ['read:goals'], createdById: u } });
    const installation = await db.integrationInstallation.create({ data: { id: `ii_${id()}`, tenantId: t, provider: 'google-calendar' } });
    const partner = await createPartner();
    const ticket = await db.supportTicket.create({ data: { id: `tkt_${id()}`, kind: 'workspace_partner', partnerId: partner.id, tenantId: t, subject: 'Help', openedById: u, firstResponseTargetAt: new Date(), resolutionTargetAt: new Date() } });
    const made: Record<string, string> = {
      teams: (await db.teamMember.create({ data: { tenantId: t, teamId: team.id, userId: u } })).id,
      team_join_requests: (await db.teamJoinRequest.create({ data: { tenantId: t, teamId: team.id, userId: u } })).id,
      goals: goal.id,
      goal_assignments: (await db.goalAssignee.create({ data: { tenantId: t, goalId: goal.id, userId: u } })).id,
      goal_progress: (await db.goalProgressEntry.create({ data: { tenantId: t, goalId: goal.id, userId: u, delta: 10, note: 'Halfway-ish' } })).id,
      goal_measurements: (await db.goalMeasurement.create({ data: { tenantId: t, goalId: goal.id, userId: u, value: 5, unit: 'km', measuredAt: new Date(), clientId: id(), source: 'key_export' } })).id,
      habits: habit.id,
      habit_logs: (await db.habitLog.create({ data: { tenantId: t, habitId: habit.id, userId: u, date: new Date('2026-12-01T00:00:00Z') } })).id,
      habit_reminders: (await db.habitReminder.create({ data: { tenantId: t, habitId: habit.id, userId: u, time: '07:30', nextAt: new Date() } })).id,
      insights: (await db.insight.create({ data: { id: `isg_${id()}`, tenantId: t, userId: u, kind: 'streak_at_risk', key: `streak_at_risk:${habit.id}:${id()}`, subjectType: 'habit', subjectId: habit.id, data: { currentStreak: 4 }, expiresAt: new Date(Date.now() + 86_400_000) } })).id,
      comments: (await db.comment.create({ data: { tenantId: t, goalId: goal.id, authorId: u, body: 'My own words' } })).id,
      kudos: (await db.kudos.create({ data: { tenantId: t, eventId: `evt_${id()}`, giverId: admin.userId, recipientId: u } })).id,
      notifications: (await db.notification.create({ data: { tenantId: t, userId: u, type: 'comment', subjectType: 'goal', subjectId: goal.id, dedupeKey: id() } })).id,
      sessions: (await db.userSession.create({ data: { userId: u, tenantId: t, method: 'password', ip: '203.0.113.9', expiresAt: new Date(Date.now() + 86_400_000) } })).id,
      authorized_apps: (await db.oAuthGrant.create({ data: { id: `grt_${id()}`, tenantId: t, appId: app.id, userId: u, kind: 'authorization_code', scopes: ['read:goals'] } })).id,
      integrations: (await db.integrationConnection.create({ data: { id: `ic_${id()}`, tenantId: t, installationId: installation.id, userId: u, provider: 'google-calendar', externalAccountId: 'me@gmail.test', scopes: [], status: 'needs_attention' } })).id,
      api_keys: (await db.apiKey.create({ data: { id: `key_${id()}`, tenantId: t, name: 'Mine', scopes: [], prefix: `wp_${id()}`, last4: 'abcd', hash: 'SECRET-HASH-VALUE', createdById: u } })).id,
      invitations_sent: (await db.invitation.create({ data: { tenantId: t, email: `friend-${id()}@example.test`, role: 'member', tokenHash: `th_${id()}`, invitedById: u, expiresAt: new Date(Date.now() + 86_400_000) } })).id,
      support_tickets: ticket.id,
      support_sessions: (await db.impersonation.create({ data: { tenantId: t, userId: u, operatorId: 'op', operatorEmail: 'op@staff.test', reason: 'Looking at a report', durationMinutes: 30, status: 'pending' } })).id,
      coach_conversations: (await db.coachConversation.create({ data: { id: `coach_${id()}`, tenantId: t, userId: u, title: 'Sleep', messages: { create: { tenantId: t, role: 'user', content: 'How do I sleep better?' } } } })).id,
      audit_entries: (await db.auditLog.create({ data: { tenantId: t, actorId: admin.userId, action: 'member.role_changed', targetType: 'user', targetId: u } })).id,
    };
    const comment = (await db.supportTicketComment.create({ data: { ticketId: ticket.id, side: 'workspace', body: 'Still broken', authorId: u } })).id;
    await db.calendarFeedToken.create({ data: { id: `cft_${id()}`, tenantId: t, userId: u, tokenHash: 'FEED-TOKEN-HASH' } });
    // Someone else's goal is not in my export.
    const theirs = await db.goal.create({ data: { tenantId: t, ownerId: admin.userId, title: 'Not mine' } });
    const theirInsight = await db.insight.create({ data: { id: `isg_${id()}`, tenantId: t, userId: admin.userId, kind: 'goal_at_risk', key: `goal_at_risk:${theirs.id}:${id()}`, subjectType: 'goal', subjectId: theirs.id, data: {}, expiresAt: new Date(Date.now() + 86_400_000) } });

    const files = unzipSync(await buildMemberArchive(t, u));
    const json = (name: string) => JSON.parse(strFromU8(files[`${name}.json`])) as Record<string, unknown>[];
    for (const section of EXPORT_SECTIONS) {
      expect(files[`${section.name}.json`], section.name).toBeDefined();
      expect(files[`${section.name}.csv`], section.name).toBeDefined();
    }
    for (const [section, rowId] of Object.entries(made)) {
      expect(json(section).map((row) => row.id), section).toContain(rowId);
      expect(strFromU8(files[`${section}.csv`]), section).toContain(rowId);
    }
    expect(json('support_tickets').map((row) => row.id)).toContain(comment);
    expect(json('profile')[0]).toMatchObject({ id: u, email: me.email, membership: expect.objectContaining({ role: 'member' }) });
    expect(json('goals').map((row) => row.id)).not.toContain(theirs.id);
    expect(json('insights').map((row) => row.id)).not.toContain(theirInsight.id);
    const everything = Object.values(files).map((bytes) => strFromU8(bytes)).join('\n');
    for (const secret of ['SECRET-HASH-VALUE', 'FEED-TOKEN-HASH', 'passwordHash', 'tokenHash']) expect(everything).not.toContain(secret);
    expect(strFromU8(files['README.txt'])).toContain('goals: 1 record(s)');
  });

  it('is asked for, built by the job, emailed, and downloaded by its owner only', async () => {
    const tenant = await workspace();
    const me = await memberIn(tenant);
    const other = await memberIn(tenant);
    const host = `${tenant.slug}.localhost:3100`;
    const cookie = await sessionCookie(me.userId, tenant.id);
    const asked = await callRoute(exportsRoute.POST, { method: 'POST', host, tenantId: tenant.id, path: '/api/app/account/exports', cookie });
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe('pending');
    const exportId = asked.body.id as string;
    expect(await runExport(exportId)).toBe('ready');
    expect(await runExport(exportId)).toBe('gone');
    expect(await db.emailMessage.count({ where: { to: me.email, kind: 'data_export_ready' } })).toBe(1);

    const download = (who: string) => callRoute(downloadRoute.GET, { host, tenantId: tenant.id, path: `/api/app/account/exports/${exportId}`, params: { exportId }, cookie: who });
    const mine = await download(cookie);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/zip');
    expect(mine.headers.get('content-disposition')).toMatch(/attachment; filename=".+-my-data-\d{4}-\d{2}-\d{2}\.zip"/);
    expect((await download(await sessionCookie(other.userId, tenant.id))).status).toBe(404);
    await db.dataExport.update({ where: { id: exportId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await download(cookie)).status).toBe(404);
  });

  it('writes CSV that spreadsheets cannot run as formulas', () => {
    expect(toCsv([{ a: '=HYPERLINK("x")', b: 'say "hi"', c: null, d: { x: 1 } }, { e: 2 }])).toBe(['a,b,c,d,e', `"'=HYPERLINK(""x"")","say ""hi""",,"{""x"":1}",`, ',,,,2', ''].join('\r\n'));
  });
});
