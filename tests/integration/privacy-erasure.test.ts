import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { giveKudos } from '../../lib/activity/kudos.ts';
import { recordAudit } from '../../lib/audit/record-audit.ts';
import type { Member } from '../../lib/auth/session.ts';
import { createComment } from '../../lib/comments/comments.ts';
import { db } from '../../lib/db/client.ts';
import { completeGoal } from '../../lib/goals/goal-status.ts';
import { recordMeasurement } from '../../lib/goals/goal-measurements.ts';
import { setGoalProgress } from '../../lib/goals/goal-progress.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { logHabit } from '../../lib/habits/habit-logs.ts';
import { createHabitSchema, logHabitSchema } from '../../lib/habits/habit-schema.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { eraseUser, FORMER_MEMBER } from '../../lib/privacy/erase-user.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { callRoute } from '../support/app-client.ts';
import { scanDatabase } from '../support/scan-database.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Erasure leaves no personal data: after a person with a bit of everything (goals, progress
// on a team goal, habits and logs, a comment, kudos, notifications, sessions, audit entries,
// outbox events, emails) is erased, no text or JSON column of any table holds their address
// or name, and the team goal's total is what it was.

async function named(member: Member, name: string): Promise<Member> {
  await db.user.update({ where: { id: member.userId }, data: { name } });
  return { ...member, name };
}

describe('erasure', () => {
  it('leaves no personal data in any table and keeps the team goal’s total', async () => {
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const tag = randomBytes(4).toString('hex');
    const zelda = await named(await memberIn(tenant), `Zelda Quux${tag}`);
    const teammate = await named(await memberIn(tenant), `Tom ${tag}`);
    const zeldaEmail = zelda.email;
    const teamId = (await createTeam(tenant, admin, { name: `Crew ${tag}`, leadUserId: teammate.userId })).id;
    await addTeamMember(tenant, admin, teamId, { userId: zelda.userId });

    const shared = await createGoal(tenant, zelda, { title: 'Ship the launch', teamId, targetValue: 10, unit: 'km' });
    await setGoalProgress(tenant, zelda, shared.id, { progress: 40, note: `Zelda Quux${tag} did the copy` });
    await setGoalProgress(tenant, teammate, shared.id, { progress: 70 });
    await recordMeasurement(tenant, zelda, 'key_fitness', { goalId: shared.id, value: 9, note: `Zelda Quux${tag} ran`, clientId: `run-${tag}` });
    const mine = await createGoal(tenant, zelda, { title: `Zelda Quux${tag} personal plan` });
    await createComment(tenant, zelda, shared.id, { body: `Notes from Zelda Quux${tag}` });
    await createComment(tenant, teammate, shared.id, { body: 'Thanks!' });
    const habit = await createHabit(tenant, zelda, createHabitSchema.parse({ name: 'Morning run' }));
    await logHabit(tenant, zelda, habit.id, logHabitSchema.parse({}));
    await completeGoal(tenant, zelda, shared.id);
    const celebrated = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, type: 'goal.completed' } });
    await giveKudos(tenant, teammate, celebrated.id);
    await sessionCookie(zelda.userId, tenant.id);
    await recordAudit(db, { tenantId: tenant.id, actor: { id: admin.userId, email: admin.email }, action: 'member.role_changed', target: { type: 'user', id: zelda.userId }, metadata: { email: zeldaEmail, name: zelda.name } });
    await db.emailMessage.create({ data: { tenantId: tenant.id, to: zeldaEmail, from: 'x@example.test', subject: 'Hi', html: `Hello Zelda Quux${tag}`, text: `Hello Zelda Quux${tag}`, kind: 'test', transport: 'outbox' } });
    const notice = { tenantId: tenant.id, type: 'comment', subjectType: 'goal', subjectId: shared.id };
    await db.notification.create({ data: { ...notice, userId: zelda.userId, actorId: teammate.userId, data: { title: 'Ship the launch' }, dedupeKey: `a-${tag}` } });
    await db.notification.create({ data: { ...notice, userId: teammate.userId, actorId: zelda.userId, data: { actorName: zelda.name }, dedupeKey: `b-${tag}` } });

    const entriesBefore = await db.goalProgressEntry.findMany({ where: { goalId: shared.id }, select: { userId: true, delta: true } });
    const goalBefore = await db.goal.findUniqueOrThrow({ where: { id: shared.id }, select: { progress: true, status: true } });
    expect(await scanDatabase(zeldaEmail)).not.toEqual([]);

    await eraseUser(zelda.userId, { kind: 'self', actor: null });

    expect(await scanDatabase(zeldaEmail)).toEqual([]);
    expect(await scanDatabase(`Quux${tag}`)).toEqual([]);
    expect(await db.user.count({ where: { id: zelda.userId } })).toBe(0);
    // The team goal, its progress and its other contributor are untouched; Zelda's share is the Former member's.
    const after = await db.goalProgressEntry.findMany({ where: { goalId: shared.id }, include: { user: { select: { name: true } } } });
    const byName = (name: string) => after.filter((entry) => entry.user.name === name).map((entry) => entry.delta);
    expect(after.reduce((sum, entry) => sum + entry.delta, 0)).toBe(entriesBefore.reduce((sum, entry) => sum + entry.delta, 0));
    expect(byName(FORMER_MEMBER.name)).toEqual(entriesBefore.filter((entry) => entry.userId === zelda.userId).map((entry) => entry.delta));
    expect(byName(`Tom ${tag}`)).toEqual(entriesBefore.filter((entry) => entry.userId === teammate.userId).map((entry) => entry.delta));
    expect(after).toHaveLength(entriesBefore.length);
    expect(await db.goal.findUniqueOrThrow({ where: { id: shared.id }, select: { progress: true, status: true } })).toEqual(goalBefore);
    // Her measurement stays in the goal's total, as the Former member's, without its note.
    const measurements = await db.goalMeasurement.findMany({ where: { goalId: shared.id }, select: { value: true, note: true, user: { select: { name: true } } } });
    expect(measurements).toEqual([{ value: 9, note: null, user: { name: FORMER_MEMBER.name } }]);
    expect((await db.goal.findUniqueOrThrow({ where: { id: shared.id } })).currentValue).toBe(9);
    expect(await db.goal.count({ where: { id: mine.id } })).toBe(0);
    expect(await db.comment.count({ where: { goalId: shared.id } })).toBe(1);
    expect(await db.platformAuditLog.count({ where: { targetId: zelda.userId, action: 'user.erased' } })).toBe(1);
    // What others were told about her stays, without her: the teammate's notice names the Former member.
    expect(await db.notification.findFirstOrThrow({ where: { userId: teammate.userId, dedupeKey: `b-${tag}` } })).toMatchObject({ data: { actorName: FORMER_MEMBER.name } });
  });

  it('is refused while the person is a workspace’s last owner, and for platform staff', async () => {
    const tenant = await workspace();
    const owners = await db.membership.findMany({ where: { tenantId: tenant.id, role: 'owner' } });
    const owner = owners[0] ? { userId: owners[0].userId } : await memberIn(tenant, 'owner');
    if ((await db.membership.count({ where: { tenantId: tenant.id, role: 'owner' } })) > 1) throw new Error('expected one owner');
    expect((await failure(eraseUser(owner.userId, { kind: 'self', actor: null }))).status).toBe(409);
    const second = await memberIn(tenant, 'owner');
    await eraseUser(owner.userId, { kind: 'self', actor: null });
    expect(await db.membership.count({ where: { tenantId: tenant.id, userId: second.userId } })).toBe(1);
    const staff = await db.user.create({ data: { email: `staff-${randomBytes(3).toString('hex')}@example.test`, platformRole: 'support' } });
    expect((await failure(eraseUser(staff.id, { kind: 'operator', actor: null }))).status).toBe(409);
  });
});

describe('deleting one’s own account', () => {
  it('asks for the password and the phrase, refuses the last owner, then erases', async () => {
    const { POST } = await import('../../app/api/app/account/delete/route.ts');
    const { TEST_PASSWORD } = await import('../support/factories.ts');
    const tenant = await workspace();
    const me = await memberIn(tenant);
    const host = `${tenant.slug}.localhost:3100`;
    const cookie = await sessionCookie(me.userId, tenant.id);
    const call = (json: unknown, who = cookie) => callRoute(POST, { method: 'POST', host, tenantId: tenant.id, path: '/api/app/account/delete', cookie: who, json });

    expect((await call({ password: 'wrong-password', confirm: 'delete my account' })).status).toBe(422);
    expect((await call({ password: TEST_PASSWORD, confirm: 'yes' })).status).toBe(422);
    const owner = await memberIn(tenant, 'owner');
    expect(await db.membership.count({ where: { tenantId: tenant.id, role: 'owner' } })).toBe(1);
    const lastOwner = await call({ password: TEST_PASSWORD, confirm: 'delete my account' }, await sessionCookie(owner.userId, tenant.id));
    expect([lastOwner.status, lastOwner.body.detail]).toEqual([409, expect.stringContaining('last owner')]);

    const done = await call({ password: TEST_PASSWORD, confirm: 'delete my account' });
    expect(done.status).toBe(200);
    expect(await db.user.count({ where: { id: me.userId } })).toBe(0);
    // The session went with the account.
    expect((await call({ password: TEST_PASSWORD, confirm: 'delete my account' })).status).toBe(401);
  });
});
