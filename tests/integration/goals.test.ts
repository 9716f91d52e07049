import { beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { addAssignee, changeAssigneeRole, removeAssignee } from '../../lib/goals/goal-assignees.ts';
import { activeGoalsFor, goalCompletionsByWeek } from '../../lib/goals/goal-dashboard.ts';
import { goalContributions, setGoalProgress } from '../../lib/goals/goal-progress.ts';
import { archiveGoal, completeGoal, reopenGoal, unarchiveGoal } from '../../lib/goals/goal-status.ts';
import { createGoal, deleteGoal, getGoal, listGoals, updateGoal } from '../../lib/goals/goals.ts';
import { addMilestone, removeMilestone, reorderMilestones, updateMilestone } from '../../lib/goals/milestones.ts';
import { addTeamMember, leaveTeam } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

function events(tenant: TenantContext, type: string) {
  return db.domainEvent.findMany({ where: { tenantId: tenant.id, type }, orderBy: { occurredAt: 'asc' } });
}

async function entriesSum(goalId: string): Promise<number> {
  const { _sum } = await db.goalProgressEntry.aggregate({ where: { goalId }, _sum: { delta: true } });
  return _sum.delta ?? 0;
}

// Acme-like workspace A: a team with a lead, two assigned members and one who is not
// assigned; an admin outside the team; a viewer in the team; a member outside it.
// Workspace B is the stranger whose ids must never work on A's goals.
let a: TenantContext;
let b: TenantContext;
let owner: Member;
let admin: Member;
let lead: Member;
let ann: Member;
let bob: Member;
let cy: Member;
let viewer: Member;
let outsider: Member;
let stranger: Member;
let teamId: string;

beforeAll(async () => {
  a = await workspace();
  b = await workspace();
  [owner, admin, lead, ann, bob, cy, viewer, outsider] = await Promise.all([
    memberIn(a, 'owner'),
    memberIn(a, 'admin'),
    memberIn(a),
    memberIn(a),
    memberIn(a),
    memberIn(a),
    memberIn(a, 'viewer'),
    memberIn(a),
  ]);
  stranger = await memberIn(b, 'owner');
  const team = await createTeam(a, admin, { name: 'Coaches', leadUserId: lead.userId });
  teamId = team.id;
  for (const m of [ann, bob, cy, viewer]) await addTeamMember(a, lead, teamId, { userId: m.userId });
});

async function teamGoal(title = 'Launch the program') {
  const goal = await createGoal(a, lead, { title, teamId });
  await addAssignee(a, lead, goal.id, { userId: ann.userId, role: 'contributor' });
  return addAssignee(a, lead, goal.id, { userId: bob.userId, role: 'contributor' });
}

describe('personal goals', () => {
  it('creates a goal with its calendar date and writes goal.created', async () => {
    const goal = await createGoal(a, ann, { title: '  Run a marathon ', description: 'Sub four hours', targetDate: '2031-10-12' });
    expect(goal).toMatchObject({ title: 'Run a marathon', description: 'Sub four hours', targetDate: '2031-10-12', status: 'active', progress: 0, teamId: null, ownerId: ann.userId });
    expect(goal.access).toEqual({ canEdit: true, canLogProgress: true });
    const stored = await db.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect(stored.targetDate?.toISOString()).toBe('2031-10-12T00:00:00.000Z');
    const created = (await events(a, 'goal.created')).find((e) => (e.payload as { goalId: string }).goalId === goal.id);
    expect(created?.payload).toEqual({ goalId: goal.id, title: 'Run a marathon', ownerId: ann.userId, teamId: null });
    expect(created?.actorId).toBe(ann.userId);
  });

  it('refuses bad input with field errors', async () => {
    const error = await failure(createGoal(a, ann, { title: '', targetDate: '2031-02-30' }));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['targetDate', 'title']);
    const goal = await createGoal(a, ann, { title: 'Read' });
    expect((await failure(setGoalProgress(a, ann, goal.id, { progress: 101 }))).fields?.progress).toMatch(/0 to 100/);
    expect((await failure(setGoalProgress(a, ann, goal.id, { progress: 'lots' }))).status).toBe(422);
    expect((await failure(updateGoal(a, ann, goal.id, {}))).status).toBe(422);
  });

  it('edits with goal.updated carrying only the changed fields', async () => {
    const goal = await createGoal(a, ann, { title: 'Learn Spanish', targetDate: '2031-01-01' });
    const updated = await updateGoal(a, ann, goal.id, { title: 'Learn Spanish', description: 'B2 level', targetDate: '' });
    expect(updated).toMatchObject({ title: 'Learn Spanish', description: 'B2 level', targetDate: null });
    const mine = (await events(a, 'goal.updated')).filter((e) => (e.payload as { goalId: string }).goalId === goal.id);
    expect(mine.map((e) => e.payload)).toEqual([{ goalId: goal.id, changes: { description: { from: null, to: 'B2 level' }, targetDate: { from: '2031-01-01', to: null } } }]);
    await updateGoal(a, ann, goal.id, { description: 'B2 level' });
    expect((await events(a, 'goal.updated')).filter((e) => (e.payload as { goalId: string }).goalId === goal.id)).toHaveLength(1);
  });

  it('completes with progress 100, the rest counted as the completer’s, and reopens', async () => {
    const goal = await createGoal(a, ann, { title: 'Write a book' });
    await setGoalProgress(a, ann, goal.id, { progress: 40, note: 'Three chapters' });
    const done = await completeGoal(a, ann, goal.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, completedById: ann.userId });
    expect(done.completedAt).not.toBeNull();
    expect(done.contributions).toEqual([{ userId: ann.userId, name: ann.name, contribution: 100, share: 1, sharePercent: 100 }]);
    expect(await entriesSum(goal.id)).toBe(100);
    const completed = (await events(a, 'goal.completed')).find((e) => (e.payload as { goalId: string }).goalId === goal.id);
    expect(completed?.payload).toEqual({ goalId: goal.id, title: 'Write a book', completedById: ann.userId, completedAt: done.completedAt });

    expect((await failure(completeGoal(a, ann, goal.id))).status).toBe(409);
    expect((await failure(setGoalProgress(a, ann, goal.id, { progress: 90 }))).status).toBe(409);

    const reopened = await reopenGoal(a, ann, goal.id);
    expect(reopened).toMatchObject({ status: 'active', progress: 100, completedAt: null, completedById: null });
    await setGoalProgress(a, ann, goal.id, { progress: 90 });
    expect(await entriesSum(goal.id)).toBe(90);
  });

  it('archives read-only and unarchives back to the status it had', async () => {
    const goal = await createGoal(a, ann, { title: 'Tidy the garage' });
    const archived = await archiveGoal(a, ann, goal.id);
    expect(archived.status).toBe('archived');
    expect((await failure(updateGoal(a, ann, goal.id, { title: 'x' }))).status).toBe(409);
    expect((await failure(setGoalProgress(a, ann, goal.id, { progress: 5 }))).status).toBe(409);
    expect((await unarchiveGoal(a, ann, goal.id)).status).toBe('active');

    await completeGoal(a, ann, goal.id);
    await archiveGoal(a, ann, goal.id);
    expect((await unarchiveGoal(a, ann, goal.id)).status).toBe('completed');
    const statusEvents = (await events(a, 'goal.updated')).filter((e) => (e.payload as { goalId: string }).goalId === goal.id);
    expect(statusEvents.map((e) => (e.payload as { changes: unknown }).changes)).toEqual([
      { status: { from: 'active', to: 'archived' } },
      { status: { from: 'archived', to: 'active' } },
      { status: { from: 'completed', to: 'archived' } },
      { status: { from: 'archived', to: 'completed' } },
    ]);
  });

  it('deletes with goal.deleted and takes the history with it', async () => {
    const goal = await createGoal(a, ann, { title: 'Throwaway' });
    await setGoalProgress(a, ann, goal.id, { progress: 10 });
    await deleteGoal(a, ann, goal.id);
    expect(await db.goal.findUnique({ where: { id: goal.id } })).toBeNull();
    expect(await db.goalProgressEntry.count({ where: { goalId: goal.id } })).toBe(0);
    const deleted = (await events(a, 'goal.deleted')).find((e) => (e.payload as { goalId: string }).goalId === goal.id);
    expect(deleted?.payload).toEqual({ goalId: goal.id, title: 'Throwaway' });
    expect((await failure(getGoal(a, ann, goal.id))).status).toBe(404);
  });

  it('is invisible (404) to everyone but its owner, admins included', async () => {
    const goal = await createGoal(a, ann, { title: 'Private plan' });
    for (const other of [bob, admin, owner]) {
      expect((await failure(getGoal(a, other, goal.id))).status).toBe(404);
      expect((await failure(updateGoal(a, other, goal.id, { title: 'Mine now' }))).status).toBe(404);
      expect((await failure(setGoalProgress(a, other, goal.id, { progress: 50 }))).status).toBe(404);
      expect((await failure(completeGoal(a, other, goal.id))).status).toBe(404);
      expect((await failure(deleteGoal(a, other, goal.id))).status).toBe(404);
      expect((await listGoals(a, other)).map((g) => g.id)).not.toContain(goal.id);
    }
    expect((await db.goal.findUniqueOrThrow({ where: { id: goal.id } })).title).toBe('Private plan');
  });

  it('lets viewers write nothing (403)', async () => {
    expect((await failure(createGoal(a, viewer, { title: 'Nope' }))).status).toBe(403);
    const goal = await teamGoal('Viewer can read this');
    expect((await getGoal(a, viewer, goal.id)).access).toEqual({ canEdit: false, canLogProgress: false });
    expect((await failure(updateGoal(a, viewer, goal.id, { title: 'x' }))).status).toBe(403);
    expect((await failure(setGoalProgress(a, viewer, goal.id, { progress: 1 }))).status).toBe(403);
    expect((await failure(deleteGoal(a, viewer, goal.id))).status).toBe(403);
  });
});

describe('another workspace', () => {
  it("cannot read, change, log progress on or delete A's goals by id (404)", async () => {
    const personal = await createGoal(a, ann, { title: 'A personal' });
    const team = await teamGoal('A team goal');
    for (const id of [personal.id, team.id]) {
      expect((await failure(getGoal(b, stranger, id))).status).toBe(404);
      expect((await failure(updateGoal(b, stranger, id, { title: 'Stolen' }))).status).toBe(404);
      expect((await failure(setGoalProgress(b, stranger, id, { progress: 99 }))).status).toBe(404);
      expect((await failure(completeGoal(b, stranger, id))).status).toBe(404);
      expect((await failure(addMilestone(b, stranger, id, { title: 'x' }))).status).toBe(404);
      expect((await failure(deleteGoal(b, stranger, id))).status).toBe(404);
    }
    expect(await listGoals(b, stranger)).toEqual([]);
    expect((await failure(createGoal(b, stranger, { title: 'Into A', teamId }))).status).toBe(404);
    expect(await db.goal.count({ where: { id: { in: [personal.id, team.id] }, title: { in: ['A personal', 'A team goal'] }, progress: 0 } })).toBe(2);
  });
});

describe('team goals', () => {
  it('makes the creator its lead assignee and is visible to the team and admins only', async () => {
    const goal = await createGoal(a, ann, { title: 'Team newsletter', teamId });
    expect(goal.assignees).toEqual([{ userId: ann.userId, name: ann.name, role: 'lead' }]);
    expect(goal.access).toEqual({ canEdit: true, canLogProgress: true });
    expect(goal.teamName).toBe('Coaches');
    expect((await getGoal(a, cy, goal.id)).access).toEqual({ canEdit: false, canLogProgress: false });
    expect((await getGoal(a, admin, goal.id)).access).toEqual({ canEdit: true, canLogProgress: false });
    expect((await getGoal(a, lead, goal.id)).access).toEqual({ canEdit: true, canLogProgress: true });
    expect((await failure(getGoal(a, outsider, goal.id))).status).toBe(404);
    expect((await failure(createGoal(a, outsider, { title: 'Sneak in', teamId }))).status).toBe(403);
    expect((await listGoals(a, cy, { teamId })).map((g) => g.id)).toContain(goal.id);
    expect((await failure(listGoals(a, outsider, { teamId }))).status).toBe(403);
  });

  it('lets assignees and team leads log progress, and nobody else (403)', async () => {
    const goal = await teamGoal();
    expect((await failure(setGoalProgress(a, cy, goal.id, { progress: 10 }))).status).toBe(403);
    expect((await failure(setGoalProgress(a, admin, goal.id, { progress: 10 }))).status).toBe(403);
    await setGoalProgress(a, ann, goal.id, { progress: 20 });
    await setGoalProgress(a, lead, goal.id, { progress: 30 });
    expect((await failure(updateGoal(a, bob, goal.id, { title: 'Contributors do not edit' }))).status).toBe(403);
    expect((await updateGoal(a, admin, goal.id, { title: 'Admins do' })).title).toBe('Admins do');
  });

  it('splits progress into contributions, corrections down included', async () => {
    const goal = await teamGoal();
    await setGoalProgress(a, ann, goal.id, { progress: 50, note: 'Venue booked' });
    await setGoalProgress(a, bob, goal.id, { progress: 80 });
    await setGoalProgress(a, ann, goal.id, { progress: 70, note: 'Miscounted' });
    const detail = await getGoal(a, cy, goal.id);
    expect(detail.progress).toBe(70);
    expect(await entriesSum(goal.id)).toBe(70);
    expect(detail.contributions).toEqual([
      { userId: ann.userId, name: ann.name, contribution: 40, share: 40 / 70, sharePercent: 57 },
      { userId: bob.userId, name: bob.name, contribution: 30, share: 30 / 70, sharePercent: 43 },
    ]);
    expect(detail.recentProgress.map((e) => [e.name, e.delta, e.note])).toEqual([
      [ann.name, -10, 'Miscounted'],
      [bob.name, 30, null],
      [ann.name, 50, 'Venue booked'],
    ]);
    expect(await goalContributions(a, cy, goal.id)).toEqual(detail.contributions);
    // The progress chart: 0 at creation, then the progress after each change, oldest first.
    expect(detail.progressHistory.map((p) => p.progress)).toEqual([0, 50, 80, 70]);
    expect(detail.progressHistory[0].at).toBe(detail.createdAt);
    expect(detail.progressHistory.map((p) => p.at)).toEqual([...detail.progressHistory.map((p) => p.at)].sort());

    // Progress dated before the goal's own row (imported history, the demo seed) still starts
    // the chart at 0 before the first change, oldest first (the chart once drew a line back from today).
    const first = await db.goalProgressEntry.findFirstOrThrow({ where: { goalId: goal.id }, orderBy: { createdAt: 'asc' } });
    const earlier = new Date(new Date(detail.createdAt).getTime() - 20 * 86_400_000);
    await db.goalProgressEntry.update({ where: { id: first.id }, data: { createdAt: earlier } });
    const backdated = await getGoal(a, cy, goal.id);
    expect(backdated.progressHistory.map((p) => p.progress)).toEqual([0, 50, 80, 70]);
    expect(backdated.progressHistory[0].at).toBe(earlier.toISOString());
    expect(backdated.progressHistory.map((p) => p.at)).toEqual([...backdated.progressHistory.map((p) => p.at)].sort());

    const done = await completeGoal(a, lead, goal.id);
    // Bob and the lead tie at 30 (the lead's is the rest of the way to 100); ties go by name.
    expect(done.contributions[0]).toMatchObject({ userId: ann.userId, contribution: 40 });
    expect(done.contributions.slice(1).map((c) => [c.userId, c.contribution])).toEqual(
      expect.arrayContaining([
        [bob.userId, 30],
        [lead.userId, 30],
      ]),
    );
    expect(done.contributions.reduce((sum, c) => sum + c.sharePercent, 0)).toBe(100);

    const progressEvents = (await events(a, 'goal.updated')).filter((e) => (e.payload as { goalId: string }).goalId === goal.id && 'progress' in (e.payload as { changes: object }).changes);
    expect(progressEvents.map((e) => [(e.payload as { changes: unknown }).changes, e.actorId])).toEqual([
      [{ progress: { from: 0, to: 50 } }, ann.userId],
      [{ progress: { from: 50, to: 80 } }, bob.userId],
      [{ progress: { from: 80, to: 70 } }, ann.userId],
    ]);
  });

  it('loses no write when two members update progress at the same time', async () => {
    const goal = await teamGoal('Concurrent');
    await Promise.all([setGoalProgress(a, ann, goal.id, { progress: 30 }), setGoalProgress(a, bob, goal.id, { progress: 50 })]);
    const after = await db.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect([30, 50]).toContain(after.progress);
    expect(await entriesSum(goal.id)).toBe(after.progress);
    const entries = await db.goalProgressEntry.findMany({ where: { goalId: goal.id }, orderBy: { createdAt: 'asc' } });
    expect(entries).toHaveLength(2);
    // Whoever went second saw the first one's value, not the stale 0.
    const [first, second] = entries;
    expect(first.delta).toBe(first.userId === ann.userId ? 30 : 50);
    expect(second.delta).toBe(after.progress - first.delta);

    // Many at once: the invariant still holds.
    await Promise.all([10, 60, 20, 90, 40, 70].map((progress, i) => setGoalProgress(a, i % 2 ? ann : bob, goal.id, { progress })));
    const final = await db.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect(await entriesSum(goal.id)).toBe(final.progress);
    const detail = await getGoal(a, ann, goal.id);
    expect(detail.contributions.reduce((sum, c) => sum + c.contribution, 0)).toBe(final.progress);
  });

  it('manages assignees: team members only, roles, self-unassign', async () => {
    const goal = await createGoal(a, lead, { title: 'Assignees', teamId });
    expect(goal.assignees.map((x) => [x.userId, x.role])).toEqual([[lead.userId, 'lead']]);
    expect(goal.assignableMembers.map((m) => m.userId).sort()).toEqual([ann.userId, bob.userId, cy.userId, viewer.userId].sort());
    expect((await failure(addAssignee(a, lead, goal.id, { userId: outsider.userId }))).fields?.userId).toMatch(/member of this team/);
    await addAssignee(a, lead, goal.id, { userId: cy.userId });
    expect((await failure(addAssignee(a, lead, goal.id, { userId: cy.userId }))).status).toBe(409);
    expect((await failure(addAssignee(a, cy, goal.id, { userId: bob.userId }))).status).toBe(403);
    await changeAssigneeRole(a, lead, goal.id, cy.userId, { role: 'lead' });
    expect((await addAssignee(a, cy, goal.id, { userId: bob.userId })).assignees.map((x) => x.userId)).toContain(bob.userId);
    expect((await removeAssignee(a, bob, goal.id, bob.userId)).assignees.map((x) => x.userId)).not.toContain(bob.userId);
    const personal = await createGoal(a, ann, { title: 'Solo' });
    expect((await failure(addAssignee(a, ann, personal.id, { userId: bob.userId }))).status).toBe(409);

    // Leaving the team ends the person's assignments on its goals.
    await leaveTeam(a, cy, teamId);
    expect((await getGoal(a, lead, goal.id)).assignees.map((x) => x.userId)).not.toContain(cy.userId);
    await addTeamMember(a, lead, teamId, { userId: cy.userId });
  });
});

describe('milestones', () => {
  it('adds, ticks off, renames, reorders and removes; progress is untouched', async () => {
    const goal = await teamGoal('With milestones');
    await addMilestone(a, lead, goal.id, { title: 'Book venue', dueDate: '2031-03-01' });
    await addMilestone(a, lead, goal.id, { title: 'Design sessions' });
    let detail = await addMilestone(a, lead, goal.id, { title: 'Open registration' });
    const [venue, design, open] = detail.milestoneList;
    expect(detail.milestoneList.map((m) => [m.title, m.position, m.dueDate])).toEqual([
      ['Book venue', 0, '2031-03-01'],
      ['Design sessions', 1, null],
      ['Open registration', 2, null],
    ]);

    detail = await updateMilestone(a, ann, goal.id, venue.id, { completed: true });
    expect(detail.milestones).toEqual({ completed: 1, total: 3 });
    expect(detail.progress).toBe(0);
    expect((await failure(updateMilestone(a, ann, goal.id, venue.id, { title: 'Contributors do not rename' }))).status).toBe(403);
    expect((await failure(updateMilestone(a, cy, goal.id, design.id, { completed: true }))).status).toBe(403);
    detail = await updateMilestone(a, lead, goal.id, venue.id, { completed: false, title: 'Book the venue' });
    expect(detail.milestoneList[0]).toMatchObject({ title: 'Book the venue', completedAt: null });

    detail = await reorderMilestones(a, lead, goal.id, { ids: [open.id, venue.id, design.id] });
    expect(detail.milestoneList.map((m) => m.id)).toEqual([open.id, venue.id, design.id]);
    expect((await failure(reorderMilestones(a, lead, goal.id, { ids: [open.id, venue.id] }))).fields?.ids).toMatch(/exactly once/);
    expect((await failure(reorderMilestones(a, lead, goal.id, { ids: [open.id, open.id, venue.id] }))).status).toBe(422);

    detail = await removeMilestone(a, lead, goal.id, design.id);
    expect(detail.milestoneList.map((m) => m.id)).toEqual([open.id, venue.id]);
    expect((await failure(removeMilestone(a, lead, goal.id, design.id))).status).toBe(404);

    const other = await createGoal(a, ann, { title: 'Other goal' });
    expect((await failure(updateMilestone(a, ann, other.id, open.id, { completed: true }))).status).toBe(404);
  });
});

describe('dashboard', () => {
  it('lists the member’s active goals: personal, their teams’, nearest target first', async () => {
    const m = await memberIn(a);
    await addTeamMember(a, lead, teamId, { userId: m.userId });
    const soon = await createGoal(a, m, { title: 'Soon', targetDate: '2030-01-01' });
    const later = await createGoal(a, m, { title: 'Later', targetDate: '2030-06-01' });
    const team = await createGoal(a, lead, { title: 'Team, undated', teamId });
    await addMilestone(a, lead, team.id, { title: 'One' });
    const done = await createGoal(a, m, { title: 'Done' });
    await completeGoal(a, m, done.id);
    const someoneElses = await createGoal(a, bob, { title: 'Bob only' });

    const goals = await activeGoalsFor(a, m, 100);
    const ids = goals.map((g) => g.id);
    expect(ids.indexOf(soon.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids).toContain(team.id);
    expect(ids).not.toContain(done.id);
    expect(ids).not.toContain(someoneElses.id);
    expect(goals.find((g) => g.id === team.id)).toMatchObject({ teamName: 'Coaches', milestones: { completed: 0, total: 1 }, progress: 0, targetDate: null });
    expect(await activeGoalsFor(a, m, 1)).toHaveLength(1);
  });

  it('lists the team goals the member is assigned on outside their teams, not the others there', async () => {
    const m = await memberIn(a);
    const assigned = await createGoal(a, lead, { title: 'Assigned from outside', teamId });
    const unassigned = await createGoal(a, lead, { title: 'Not assigned', teamId });
    // Assigned without being in the team, as someone who left it since.
    await db.goalAssignee.create({ data: { tenantId: a.id, goalId: assigned.id, userId: m.userId } });
    const ids = (await activeGoalsFor(a, m, 100)).map((g) => g.id);
    expect(ids).toContain(assigned.id);
    expect(ids).not.toContain(unassigned.id);
  });

  it('counts the member’s completions per ISO week (UTC), oldest first', async () => {
    const m = await memberIn(a);
    const now = new Date('2030-05-15T10:00:00Z'); // a Wednesday; its week starts 2030-05-13
    const at = async (iso: string, by: Member = m) => {
      const goal = await createGoal(a, by, { title: `Done ${iso}` });
      await completeGoal(a, by, goal.id);
      await db.goal.update({ where: { id: goal.id }, data: { completedAt: new Date(iso) } });
      return goal;
    };
    await at('2030-05-13T00:00:00Z'); // Monday 00:00: this week
    await at('2030-05-12T23:59:59Z'); // Sunday: last week
    await at('2030-05-06T08:00:00Z'); // last week
    await at('2030-02-18T08:00:00Z'); // 12 weeks back: just outside
    await at('2030-05-14T08:00:00Z', ann); // someone else's
    const reopened = await at('2030-05-14T09:00:00Z');
    await reopenGoal(a, m, reopened.id);

    const weeks = await goalCompletionsByWeek(a, m, 12, now);
    expect(weeks).toHaveLength(12);
    expect(weeks[0].weekStart).toBe('2030-02-25');
    expect(weeks.at(-1)).toEqual({ weekStart: '2030-05-13', count: 1 });
    expect(weeks.at(-2)).toEqual({ weekStart: '2030-05-06', count: 2 });
    expect(weeks.reduce((sum, w) => sum + w.count, 0)).toBe(3);
    expect(weeks.every((w) => new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect((await goalCompletionsByWeek(a, m, 13, now))[0]).toEqual({ weekStart: '2030-02-18', count: 1 });
  });
});

describe('listGoals', () => {
  it('shows my goals and my teams’ goals, filtered by status', async () => {
    const m = await memberIn(a);
    const mine = await createGoal(a, m, { title: 'Mine' });
    const done = await createGoal(a, m, { title: 'Mine, done' });
    await completeGoal(a, m, done.id);
    const all = (await listGoals(a, m)).map((g) => g.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, done.id]));
    expect((await listGoals(a, m, { status: 'completed' })).map((g) => g.id)).toEqual([done.id]);
    expect((await listGoals(a, m, { scope: 'team' })).map((g) => g.id)).toEqual([]);
    expect((await failure(listGoals(a, m, { status: 'nope' }))).status).toBe(422);
  });
});
