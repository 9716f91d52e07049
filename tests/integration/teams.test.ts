import { beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { addAssignee } from '../../lib/goals/goal-assignees.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { cancelJoinRequest, decideJoinRequest, listJoinRequests } from '../../lib/teams/join-requests.ts';
import { addCandidates, leadCandidates } from '../../lib/teams/team-candidates.ts';
import { addTeamMember, changeTeamMemberRole, joinTeam, leaveTeam, removeTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam, deleteTeam, getTeam, listGoalTeams, listTeams, updateTeam } from '../../lib/teams/teams.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

function teamEvents(tenant: TenantContext, teamId: string) {
  return db.domainEvent
    .findMany({ where: { tenantId: tenant.id, type: { startsWith: 'team.' } }, orderBy: { occurredAt: 'asc' } })
    .then((rows) => rows.filter((e) => (e.payload as { teamId: string }).teamId === teamId).map((e) => ({ type: e.type, payload: e.payload, actorId: e.actorId })));
}

function audits(tenant: TenantContext, teamId: string) {
  return db.auditLog.findMany({ where: { tenantId: tenant.id, targetType: 'team', targetId: teamId }, orderBy: { createdAt: 'asc' } });
}

let a: TenantContext;
let b: TenantContext;
let admin: Member;
let lead: Member;
let ann: Member;
let bob: Member;
let viewer: Member;
let stranger: Member;
let n = 0;
const uniqueName = (base: string) => `${base} ${++n}`;

beforeAll(async () => {
  a = await workspace();
  b = await workspace();
  [admin, lead, ann, bob, viewer] = await Promise.all([memberIn(a, 'admin'), memberIn(a), memberIn(a), memberIn(a), memberIn(a, 'viewer')]);
  stranger = await memberIn(b, 'admin');
});

describe('creating and editing teams', () => {
  it('is for admins; audits team.created and the lead added; emits team.member_added', async () => {
    expect((await failure(createTeam(a, ann, { name: 'Rogue' }))).status).toBe(403);
    const team = await createTeam(a, admin, { name: '  Coaches ', description: 'Runs sessions', leadUserId: lead.userId }, '198.51.100.7');
    expect(team).toMatchObject({ name: 'Coaches', description: 'Runs sessions', visibility: 'public', joinApprovalRequired: false, memberCanInvite: false, memberCount: 1, myRole: null });
    expect(team.members).toEqual([expect.objectContaining({ userId: lead.userId, role: 'lead' })]);
    expect(await teamEvents(a, team.id)).toEqual([{ type: 'team.member_added', payload: { teamId: team.id, userId: lead.userId, role: 'lead' }, actorId: admin.userId }]);
    const entries = await audits(a, team.id);
    expect(entries.map((e) => [e.action, e.actorId, e.ip])).toEqual([
      ['team.created', admin.userId, '198.51.100.7'],
      ['team.member_added', admin.userId, '198.51.100.7'],
    ]);
    expect(entries[0].metadata).toMatchObject({ name: 'Coaches', leadUserId: lead.userId });
  });

  it('refuses a duplicate name (any case), a viewer or stranger as lead, and bad input', async () => {
    await createTeam(a, admin, { name: 'Design' });
    const duplicate = await failure(createTeam(a, admin, { name: 'design' }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.fields?.name).toMatch(/already has this name/);
    // Case is ignored, but % and _ are characters, not wildcards.
    await createTeam(a, admin, { name: 'D%' });
    await createTeam(a, admin, { name: 'De_ign' });
    expect((await failure(createTeam(a, admin, { name: uniqueName('T'), leadUserId: viewer.userId }))).fields?.leadUserId).toMatch(/Viewers/);
    expect((await failure(createTeam(a, admin, { name: uniqueName('T'), leadUserId: stranger.userId }))).fields?.leadUserId).toMatch(/member of this workspace/);
    const bad = await failure(createTeam(a, admin, { name: '', visibility: 'secret' }));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['name', 'visibility']);
    // A team with the same name in another workspace is fine.
    expect((await createTeam(b, stranger, { name: 'Design' })).name).toBe('Design');
  });

  it('updates with an audit of the changes, and deletes with its goals', async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Ops'), leadUserId: lead.userId });
    const updated = await updateTeam(a, admin, team.id, { description: 'Keeps the lights on', joinApprovalRequired: true });
    expect(updated).toMatchObject({ description: 'Keeps the lights on', joinApprovalRequired: true });
    expect((await failure(updateTeam(a, lead, team.id, { name: 'Lead cannot' }))).status).toBe(403);
    const audit = (await audits(a, team.id)).find((e) => e.action === 'team.updated');
    expect(audit?.metadata).toMatchObject({ changes: { description: { from: null, to: 'Keeps the lights on' }, joinApprovalRequired: { from: false, to: true } } });

    const goal = await createGoal(a, lead, { title: 'Ops goal', teamId: team.id });
    await deleteTeam(a, admin, team.id);
    expect(await db.team.findUnique({ where: { id: team.id } })).toBeNull();
    expect(await db.goal.findUnique({ where: { id: goal.id } })).toBeNull();
    expect((await teamEvents(a, team.id)).at(-1)).toEqual({ type: 'team.member_removed', payload: { teamId: team.id, userId: lead.userId }, actorId: admin.userId });
    expect(await db.domainEvent.count({ where: { tenantId: a.id, type: 'goal.deleted', payload: { path: ['goalId'], equals: goal.id } } })).toBe(1);
    expect((await audits(a, team.id)).at(-1)?.action).toBe('team.deleted');
  });
});

describe('joining and leaving', () => {
  it('joins a public team directly, with team.member_added and no audit entry', async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Runners') });
    expect((await listTeams(a, ann)).find((t) => t.id === team.id)?.access.joinAction).toBe('join');
    const result = await joinTeam(a, ann, team.id);
    expect(result.status).toBe('joined');
    expect(result.team.myRole).toBe('member');
    expect((await failure(joinTeam(a, ann, team.id))).status).toBe(409);
    expect((await failure(joinTeam(a, viewer, team.id))).status).toBe(403);
    expect(await teamEvents(a, team.id)).toEqual([{ type: 'team.member_added', payload: { teamId: team.id, userId: ann.userId, role: 'member' }, actorId: ann.userId }]);
    expect((await audits(a, team.id)).map((e) => e.action)).toEqual(['team.created']);

    await leaveTeam(a, ann, team.id);
    expect((await getTeam(a, ann, team.id)).myRole).toBeNull();
    expect((await teamEvents(a, team.id)).at(-1)).toEqual({ type: 'team.member_removed', payload: { teamId: team.id, userId: ann.userId }, actorId: ann.userId });
    expect((await failure(leaveTeam(a, ann, team.id))).status).toBe(409);
  });

  it('turns a join into a request when approval is required; a lead approves', async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Leadership'), joinApprovalRequired: true, leadUserId: lead.userId });
    const asked = await joinTeam(a, ann, team.id);
    expect(asked.status).toBe('requested');
    expect(asked.team.myRole).toBeNull();
    expect(asked.team.myPendingRequestId).not.toBeNull();
    expect(asked.team.access.joinAction).toBeNull();
    expect((await failure(joinTeam(a, ann, team.id))).message).toMatch(/already asked/);
    expect((await failure(listJoinRequests(a, bob, team.id))).status).toBe(403);
    expect((await getTeam(a, bob, team.id)).pendingRequests).toEqual([]);

    const requests = await listJoinRequests(a, lead, team.id);
    expect(requests).toEqual([expect.objectContaining({ userId: ann.userId, email: ann.email })]);
    expect((await failure(decideJoinRequest(a, bob, team.id, requests[0].id, { status: 'approved' }))).status).toBe(403);
    expect((await failure(decideJoinRequest(a, lead, team.id, requests[0].id, { status: 'maybe' }))).status).toBe(422);
    const after = await decideJoinRequest(a, lead, team.id, requests[0].id, { status: 'approved' }, '203.0.113.5');
    expect(after.members.map((m) => m.userId)).toContain(ann.userId);
    expect(after.pendingRequests).toEqual([]);
    expect((await failure(decideJoinRequest(a, lead, team.id, requests[0].id, { status: 'rejected' }))).status).toBe(409);
    const request = await db.teamJoinRequest.findUniqueOrThrow({ where: { id: requests[0].id } });
    expect(request).toMatchObject({ status: 'approved', decidedById: lead.userId });
    expect((await teamEvents(a, team.id)).at(-1)).toEqual({ type: 'team.member_added', payload: { teamId: team.id, userId: ann.userId, role: 'member' }, actorId: lead.userId });
    const audit = (await audits(a, team.id)).at(-1);
    expect(audit).toMatchObject({ action: 'team.join_request_approved', actorId: lead.userId, ip: '203.0.113.5' });
    expect(audit?.metadata).toMatchObject({ userId: ann.userId, email: ann.email });

    // Admins join directly; a rejected request adds nobody; the asker may withdraw.
    expect((await joinTeam(a, admin, team.id)).status).toBe('joined');
    const bobAsk = await joinTeam(a, bob, team.id);
    await decideJoinRequest(a, admin, team.id, bobAsk.team.myPendingRequestId as string, { status: 'rejected' });
    expect((await getTeam(a, bob, team.id)).myRole).toBeNull();
    expect((await audits(a, team.id)).at(-1)?.action).toBe('team.join_request_rejected');
    const again = await joinTeam(a, bob, team.id);
    await cancelJoinRequest(a, bob, team.id, again.team.myPendingRequestId as string);
    expect((await getTeam(a, bob, team.id)).myPendingRequestId).toBeNull();
  });

  it('keeps one pending request per person even when they click twice at once', async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Busy'), joinApprovalRequired: true });
    const results = await Promise.allSettled([joinTeam(a, bob, team.id), joinTeam(a, bob, team.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.teamJoinRequest.count({ where: { teamId: team.id, userId: bob.userId, status: 'pending' } })).toBe(1);
  });

  it('hides private teams (404) from non-members and never lets them join', async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Board'), visibility: 'private', leadUserId: lead.userId });
    expect((await listTeams(a, ann)).map((t) => t.id)).not.toContain(team.id);
    expect((await listTeams(a, lead)).map((t) => t.id)).toContain(team.id);
    expect((await listTeams(a, admin)).map((t) => t.id)).toContain(team.id);
    expect((await failure(getTeam(a, ann, team.id))).status).toBe(404);
    expect((await failure(joinTeam(a, ann, team.id))).status).toBe(404);
    expect((await failure(leaveTeam(a, ann, team.id))).status).toBe(404);
    expect((await failure(createGoal(a, ann, { title: 'x', teamId: team.id }))).status).toBe(404);
    // Visible to admins, yet still joined only by being added.
    expect((await getTeam(a, admin, team.id)).access.joinAction).toBeNull();
    expect((await failure(joinTeam(a, admin, team.id))).status).toBe(403);
    const added = await addTeamMember(a, lead, team.id, { userId: ann.userId });
    expect(added.members.map((m) => m.userId)).toContain(ann.userId);
    expect((await getTeam(a, ann, team.id)).myRole).toBe('member');
  });

  it('does not let the last lead leave while others remain (409)', async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Crew'), leadUserId: lead.userId });
    await joinTeam(a, ann, team.id);
    const error = await failure(leaveTeam(a, lead, team.id));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/last lead/);
    expect((await failure(removeTeamMember(a, admin, team.id, lead.userId))).status).toBe(409);
    expect((await failure(changeTeamMemberRole(a, lead, team.id, lead.userId, { role: 'member' }))).status).toBe(409);

    await changeTeamMemberRole(a, lead, team.id, ann.userId, { role: 'lead' }, '192.0.2.1');
    expect((await audits(a, team.id)).at(-1)).toMatchObject({ action: 'team.member_role_changed', metadata: expect.objectContaining({ from: 'member', to: 'lead' }) });
    await leaveTeam(a, lead, team.id);
    // The last member may leave, lead or not.
    await leaveTeam(a, ann, team.id);
    expect((await getTeam(a, admin, team.id)).members).toEqual([]);
  });
});

describe('managing members', () => {
  it('lets leads and admins add and remove; audits changes made to someone else', async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Writers'), leadUserId: lead.userId });
    expect((await failure(addTeamMember(a, ann, team.id, { userId: bob.userId }))).status).toBe(403);
    const added = await addTeamMember(a, lead, team.id, { userId: bob.userId }, '192.0.2.9');
    expect(added.members.map((m) => [m.userId, m.role])).toContainEqual([bob.userId, 'member']);
    expect((await failure(addTeamMember(a, lead, team.id, { userId: bob.userId }))).status).toBe(409);
    expect((await failure(addTeamMember(a, lead, team.id, { userId: stranger.userId }))).fields?.userId).toMatch(/member of this workspace/);
    expect((await failure(addTeamMember(a, lead, team.id, { userId: viewer.userId, role: 'lead' }))).fields?.role).toMatch(/Viewers/);
    await addTeamMember(a, lead, team.id, { userId: viewer.userId });

    const goal = await createGoal(a, lead, { title: 'Anthology', teamId: team.id });
    await addAssignee(a, lead, goal.id, { userId: bob.userId });
    expect((await failure(removeTeamMember(a, bob, team.id, viewer.userId))).status).toBe(403);
    await removeTeamMember(a, admin, team.id, bob.userId, '192.0.2.10');
    expect(await db.goalAssignee.count({ where: { goalId: goal.id, userId: bob.userId } })).toBe(0);

    const actions = (await audits(a, team.id)).map((e) => [e.action, (e.metadata as { userId?: string }).userId ?? null]);
    expect(actions).toEqual([
      ['team.created', null],
      ['team.member_added', lead.userId],
      ['team.member_added', bob.userId],
      ['team.member_added', viewer.userId],
      ['team.member_removed', bob.userId],
    ]);
    expect((await teamEvents(a, team.id)).map((e) => [e.type, (e.payload as { userId: string }).userId])).toEqual([
      ['team.member_added', lead.userId],
      ['team.member_added', bob.userId],
      ['team.member_added', viewer.userId],
      ['team.member_removed', bob.userId],
    ]);
  });

  it('lets members add others when the team allows it, as members only', async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Open'), memberCanInvite: true });
    await joinTeam(a, ann, team.id);
    expect((await getTeam(a, ann, team.id)).access).toMatchObject({ canAddMembers: true, canManageMembers: false });
    expect((await addCandidates(a, ann, team.id)).map((c) => c.userId)).toContain(bob.userId);
    expect(await addCandidates(a, bob, team.id)).toEqual([]);
    expect((await failure(addTeamMember(a, ann, team.id, { userId: bob.userId, role: 'lead' }))).status).toBe(403);
    await addTeamMember(a, ann, team.id, { userId: bob.userId });
    expect((await failure(removeTeamMember(a, ann, team.id, bob.userId))).status).toBe(403);
    expect((await leadCandidates(a)).map((c) => c.userId)).not.toContain(viewer.userId);
  });

  it("the goals page's teams are exactly those whose goals one may see: one's own; admins, all", async () => {
    const open = await createTeam(a, admin, { name: uniqueName('Open goals') });
    const closed = await createTeam(a, admin, { name: uniqueName('Closed goals'), visibility: 'private', leadUserId: lead.userId });
    for (const viewerOf of [ann, lead, admin]) {
      const expected = (await listTeams(a, viewerOf)).filter((t) => t.access.canSeeGoals).map((t) => ({ id: t.id, name: t.name }));
      expect(await listGoalTeams(a, viewerOf)).toEqual(expected);
    }
    expect((await listGoalTeams(a, lead)).map((t) => t.id)).toContain(closed.id);
    expect((await listGoalTeams(a, ann)).map((t) => t.id)).not.toContain(open.id);
    expect((await listGoalTeams(a, admin)).map((t) => t.id)).toEqual(expect.arrayContaining([open.id, closed.id]));
    const elsewhere = (await listGoalTeams(b, stranger)).map((t) => t.id);
    expect(elsewhere).not.toContain(open.id);
    expect(elsewhere).not.toContain(closed.id);
  });
});

describe('another workspace', () => {
  it("cannot see, join, change or delete A's teams by id (404)", async () => {
    const team = await createTeam(a, admin, { name: uniqueName('Secret sauce'), leadUserId: lead.userId });
    expect((await listTeams(b, stranger)).map((t) => t.id)).not.toContain(team.id);
    expect((await failure(getTeam(b, stranger, team.id))).status).toBe(404);
    expect((await failure(joinTeam(b, stranger, team.id))).status).toBe(404);
    expect((await failure(updateTeam(b, stranger, team.id, { name: 'Taken over' }))).status).toBe(404);
    expect((await failure(addTeamMember(b, stranger, team.id, { userId: stranger.userId }))).status).toBe(404);
    expect((await failure(removeTeamMember(b, stranger, team.id, lead.userId))).status).toBe(404);
    expect((await failure(deleteTeam(b, stranger, team.id))).status).toBe(404);
    const asked = await createTeam(a, admin, { name: uniqueName('Approval'), joinApprovalRequired: true });
    const request = await joinTeam(a, ann, asked.id);
    expect((await failure(decideJoinRequest(b, stranger, asked.id, request.team.myPendingRequestId as string, { status: 'approved' }))).status).toBe(404);
    const stored = await db.team.findUniqueOrThrow({ where: { id: team.id }, include: { members: true } });
    expect(stored.name).toBe(team.name);
    expect(stored.members.map((m) => m.userId)).toEqual([lead.userId]);
  });
});
