import { beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { toDbDate } from '../../lib/habits/local-date.ts';
import { getLeaderboard, type Leaderboard } from '../../lib/leaderboards/leaderboards.ts';
import type { Metric } from '../../lib/leaderboards/ranking.ts';
import { setLeaderboardOptOut, setLeaderboardsEnabled } from '../../lib/leaderboards/settings.ts';
import { getTeamStats } from '../../lib/leaderboards/team-stats.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createTenant } from '../support/factories.ts';
import { failure, memberIn } from '../support/workspace.ts';

// Leaderboards on the real database: periods in the workspace's zone, what each board
// counts, who sees which board, opt-out and the admin switch.

// Wednesday 17 June 2026, 12:00 UTC = 14:00 in Berlin (UTC+2). This week began on Monday 15
// June at 00:00 Berlin = 14 June 22:00 UTC; this month on 1 June 00:00 Berlin = 31 May 22:00 UTC.
const NOW = new Date('2026-06-17T12:00:00Z');

async function tenantIn(timeZone: string): Promise<TenantContext> {
  const row = await createTenant();
  await db.tenant.update({ where: { id: row.id }, data: { timeZone } });
  return contextOf(row.id);
}

async function team(tenant: TenantContext, members: Member[], visibility: 'public' | 'private' = 'public') {
  const row = await db.team.create({ data: { tenantId: tenant.id, name: `Team ${Math.random().toString(36).slice(2, 8)}`, visibility } });
  for (const m of members) await db.teamMember.create({ data: { tenantId: tenant.id, teamId: row.id, userId: m.userId } });
  return row;
}

async function completedGoal(tenant: TenantContext, by: Member, at: string, teamId: string | null = null) {
  return db.goal.create({ data: { tenantId: tenant.id, ownerId: by.userId, teamId, title: 'Done', status: 'completed', progress: 100, completedAt: new Date(at), completedById: by.userId } });
}

function row(board: Leaderboard, metric: Metric, userId: string) {
  return board.boards[metric].rows.find((r) => r.userId === userId);
}

const boardOf = (tenant: TenantContext, viewer: Member, period: 'week' | 'month' | 'all', teamId?: string) => getLeaderboard(tenant, viewer, { period, teamId }, NOW);

describe('periods in the workspace time zone', () => {
  let tenant: TenantContext;
  let ana: Member;
  let utcTenant: TenantContext;
  let sam: Member;

  beforeAll(async () => {
    tenant = await tenantIn('Europe/Berlin');
    ana = await memberIn(tenant);
    await completedGoal(tenant, ana, '2026-06-14T22:30:00Z'); // Monday 00:30 in Berlin: this week
    await completedGoal(tenant, ana, '2026-06-14T21:30:00Z'); // Sunday 23:30 in Berlin: last week, this month
    await completedGoal(tenant, ana, '2026-05-31T22:30:00Z'); // 1 June 00:30 in Berlin: this month
    await completedGoal(tenant, ana, '2026-05-31T21:30:00Z'); // 31 May 23:30 in Berlin: earlier
    // The same instants in a UTC workspace fall on other sides of the boundaries.
    utcTenant = await tenantIn('UTC');
    sam = await memberIn(utcTenant);
    for (const at of ['2026-06-14T22:30:00Z', '2026-06-14T21:30:00Z', '2026-05-31T22:30:00Z', '2026-05-31T21:30:00Z']) await completedGoal(utcTenant, sam, at);
  });

  it('counts goals completed this week, this month and all time by the local calendar', async () => {
    expect(row(await boardOf(tenant, ana, 'week'), 'goalsCompleted', ana.userId)?.goalsCompleted).toBe(1);
    expect(row(await boardOf(tenant, ana, 'month'), 'goalsCompleted', ana.userId)?.goalsCompleted).toBe(3);
    expect(row(await boardOf(tenant, ana, 'all'), 'goalsCompleted', ana.userId)?.goalsCompleted).toBe(4);
    const week = await boardOf(tenant, ana, 'week');
    expect(week.from).toBe('2026-06-15');
    expect(week.today).toBe('2026-06-17');
  });

  it('puts the same instants elsewhere in a UTC workspace', async () => {
    // UTC: 14 June (a Sunday) is last week, so this week holds none; June holds the first three.
    expect(row(await boardOf(utcTenant, sam, 'week'), 'goalsCompleted', sam.userId)?.goalsCompleted).toBe(0);
    expect(row(await boardOf(utcTenant, sam, 'month'), 'goalsCompleted', sam.userId)?.goalsCompleted).toBe(2);
  });

  it('starts the period on the local day after midnight in a zone ahead of UTC', async () => {
    // 23:30 UTC on Sunday 14 June is already Monday 11:30 in Auckland (UTC+12).
    const auckland = await tenantIn('Pacific/Auckland');
    const kai = await memberIn(auckland);
    await completedGoal(auckland, kai, '2026-06-14T11:30:00Z'); // Sunday 23:30 Auckland
    await completedGoal(auckland, kai, '2026-06-14T12:30:00Z'); // Monday 00:30 Auckland
    expect(row(await boardOf(auckland, kai, 'week'), 'goalsCompleted', kai.userId)?.goalsCompleted).toBe(1);
  });
});

describe('what a board counts', () => {
  let tenant: TenantContext;
  let ana: Member;
  let ben: Member;
  let cleo: Member;
  let outsider: Member;
  let teamId: string;
  let otherTeamId: string;

  beforeAll(async () => {
    tenant = await tenantIn('UTC');
    [ana, ben, cleo, outsider] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant), await memberIn(tenant)];
    teamId = (await team(tenant, [ana, ben, cleo])).id;
    otherTeamId = (await team(tenant, [ana, outsider])).id;
    const goal = await db.goal.create({ data: { tenantId: tenant.id, ownerId: ana.userId, teamId, title: 'Team goal' } });
    const other = await db.goal.create({ data: { tenantId: tenant.id, ownerId: ana.userId, teamId: otherTeamId, title: 'Other team goal' } });
    const personal = await db.goal.create({ data: { tenantId: tenant.id, ownerId: ben.userId, title: 'Personal goal' } });
    const entry = (goalId: string, m: Member, delta: number, at: string) => db.goalProgressEntry.create({ data: { tenantId: tenant.id, goalId, userId: m.userId, delta, createdAt: new Date(at) } });
    await entry(goal.id, ana, 30, '2026-06-16T10:00:00Z');
    await entry(goal.id, ana, -10, '2026-06-16T11:00:00Z');
    await entry(goal.id, ben, 40, '2026-06-16T12:00:00Z');
    await entry(goal.id, ben, 25, '2026-05-01T12:00:00Z'); // earlier month
    await entry(other.id, ana, 50, '2026-06-16T12:00:00Z');
    await entry(personal.id, ben, 90, '2026-06-16T12:00:00Z'); // personal: no team contribution
    await completedGoal(tenant, cleo, '2026-06-16T12:00:00Z', teamId);
    await completedGoal(tenant, cleo, '2026-06-16T12:00:00Z', otherTeamId); // not her team's board
    await completedGoal(tenant, cleo, '2026-06-16T12:00:00Z'); // personal
  });

  it('sums team-goal progress deltas per member, net of reversals, personal goals left out', async () => {
    const week = await boardOf(tenant, ana, 'week');
    expect(row(week, 'contribution', ana.userId)?.contribution).toBe(70);
    expect(row(week, 'contribution', ben.userId)?.contribution).toBe(40);
    expect(row(await boardOf(tenant, ana, 'all'), 'contribution', ben.userId)?.contribution).toBe(65);
    expect(week.boards.contribution.rows.map((r) => [r.userId, r.rank]).slice(0, 2)).toEqual([
      [ana.userId, 1],
      [ben.userId, 2],
    ]);
  });

  it("counts only the team's goals on a team board, and every goal on the workspace's", async () => {
    const teamBoard = await boardOf(tenant, ana, 'week', teamId);
    expect(teamBoard.scope).toMatchObject({ kind: 'team', teamId });
    expect(row(teamBoard, 'contribution', ana.userId)?.contribution).toBe(20);
    expect(row(teamBoard, 'goalsCompleted', cleo.userId)?.goalsCompleted).toBe(1);
    expect(row(await boardOf(tenant, ana, 'week'), 'goalsCompleted', cleo.userId)?.goalsCompleted).toBe(3);
    // Only the team's members are on its board.
    expect(teamBoard.boards.goalsCompleted.rows.map((r) => r.userId).sort()).toEqual([ana.userId, ben.userId, cleo.userId].sort());
  });

  it('measures habit consistency over scheduled days since the habit was made, and the best current streak', async () => {
    // Made on Monday 15 June; logged Monday and Tuesday; Wednesday (today) still open.
    const daily = await db.habit.create({ data: { tenantId: tenant.id, userId: ben.userId, name: 'Morning run', createdAt: new Date('2026-06-15T08:00:00Z') } });
    for (const date of ['2026-06-15', '2026-06-16']) await db.habitLog.create({ data: { tenantId: tenant.id, habitId: daily.id, userId: ben.userId, date: toDbDate(date) } });
    // Private, Mondays and Wednesdays since 1 June: scheduled 1, 3, 8, 10, 15 June (17th open); logged 3 of them.
    const secret = await db.habit.create({ data: { tenantId: tenant.id, userId: ben.userId, name: 'Therapy homework', private: true, schedule: 'weekly_days', scheduleDays: [1, 3], createdAt: new Date('2026-06-01T08:00:00Z') } });
    for (const date of ['2026-06-08', '2026-06-10', '2026-06-15']) await db.habitLog.create({ data: { tenantId: tenant.id, habitId: secret.id, userId: ben.userId, date: toDbDate(date) } });

    const week = await boardOf(tenant, ana, 'week');
    // This week: daily 2/2, private 1/1 (Monday) -> 3/3.
    expect(row(week, 'consistency', ben.userId)?.consistency).toBe(1);
    const month = await boardOf(tenant, ana, 'month');
    // This month: daily 2/2 + private 3/5 = 5/7.
    expect(row(month, 'consistency', ben.userId)?.consistency).toBeCloseTo(5 / 7, 10);
    // Members without habits are not ranked on consistency.
    expect(row(month, 'consistency', cleo.userId)?.rank).toBeNull();
    // Streaks: the private habit's is 3 occurrences (8, 10, 15 June), the daily one's 2 days.
    const streak = row(month, 'streak', ben.userId)?.streak;
    expect(streak).toEqual({ current: 3, unit: 'occurrences', habitName: null });
    expect(JSON.stringify(month)).not.toContain('Therapy homework');
  });

  it('names a habit only to its owner and their teammates, a private one never', async () => {
    const habit = await db.habit.create({ data: { tenantId: tenant.id, userId: outsider.userId, name: 'Guitar practice', createdAt: new Date('2026-06-10T08:00:00Z') } });
    for (const date of ['2026-06-14', '2026-06-15', '2026-06-16']) await db.habitLog.create({ data: { tenantId: tenant.id, habitId: habit.id, userId: outsider.userId, date: toDbDate(date) } });
    // Ana shares a team with the outsider; Ben does not.
    expect(row(await boardOf(tenant, ana, 'week'), 'streak', outsider.userId)?.streak?.habitName).toBe('Guitar practice');
    expect(row(await boardOf(tenant, outsider, 'week'), 'streak', outsider.userId)?.streak?.habitName).toBe('Guitar practice');
    const bens = await boardOf(tenant, ben, 'week');
    expect(row(bens, 'streak', outsider.userId)?.streak).toEqual({ current: 3, unit: 'days', habitName: null });
  });
});

describe('who sees which board', () => {
  let tenant: TenantContext;
  let lead: Member;
  let stranger: Member;
  let admin: Member;
  let privateTeamId: string;

  beforeAll(async () => {
    tenant = await tenantIn('UTC');
    [lead, stranger, admin] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant, 'admin')];
    privateTeamId = (await team(tenant, [lead], 'private')).id;
  });

  it("hides a private team's board from non-members (404) but not from its members and admins", async () => {
    expect((await failure(boardOf(tenant, stranger, 'week', privateTeamId))).status).toBe(404);
    expect((await boardOf(tenant, lead, 'week', privateTeamId)).scope.kind).toBe('team');
    expect((await boardOf(tenant, admin, 'week', privateTeamId)).scope.kind).toBe('team');
    expect((await failure(getTeamStats(tenant, stranger, privateTeamId, 12, NOW))).status).toBe(404);
  });

  it("never shows another workspace's team or members", async () => {
    const other = await tenantIn('UTC');
    const theirs = await memberIn(other);
    const theirTeam = await team(other, [theirs]);
    await completedGoal(other, theirs, '2026-06-16T12:00:00Z');
    expect((await failure(boardOf(tenant, lead, 'week', theirTeam.id))).status).toBe(404);
    const board = await boardOf(tenant, lead, 'week');
    expect(board.boards.goalsCompleted.rows.map((r) => r.userId)).not.toContain(theirs.userId);
    expect(board.memberCount).toBe(3);
  });
});

describe('opting out and turning leaderboards off', () => {
  let tenant: TenantContext;
  let ana: Member;
  let ben: Member;
  let admin: Member;

  beforeAll(async () => {
    tenant = await tenantIn('UTC');
    [ana, ben, admin] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant, 'admin')];
    await completedGoal(tenant, ben, '2026-06-16T12:00:00Z');
    await completedGoal(tenant, ben, '2026-06-16T13:00:00Z');
    await completedGoal(tenant, ana, '2026-06-16T12:00:00Z');
  });

  it("takes an opted-out member off everyone else's boards and leaves them their own figures", async () => {
    await setLeaderboardOptOut(tenant, ben, { optOut: true });
    const anas = await boardOf(tenant, ana, 'week');
    expect(anas.boards.goalsCompleted.rows.map((r) => r.userId)).not.toContain(ben.userId);
    expect(row(anas, 'goalsCompleted', ana.userId)?.rank).toBe(1);
    const bens = await boardOf(tenant, ben, 'week');
    expect(bens.viewerOptedOut).toBe(true);
    expect(row(bens, 'goalsCompleted', ben.userId)).toMatchObject({ goalsCompleted: 2, rank: null, isViewer: true });
    await setLeaderboardOptOut(tenant, ben, { optOut: false });
    expect(row(await boardOf(tenant, ana, 'week'), 'goalsCompleted', ben.userId)?.rank).toBe(1);
  });

  it('lets admins turn leaderboards off (audited), after which nobody gets a board', async () => {
    expect((await failure(setLeaderboardsEnabled(tenant, ana, { enabled: false }))).status).toBe(403);
    await setLeaderboardsEnabled(tenant, admin, { enabled: false }, '203.0.113.9');
    const refused = await failure(boardOf(tenant, ana, 'week'));
    expect([refused.status, refused.code]).toEqual([403, 'leaderboards_disabled']);
    const audit = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: { startsWith: 'leaderboards.' } } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'leaderboards.disabled', actorId: admin.userId, ip: '203.0.113.9' });
    // Team statistics stay.
    const teamRow = await team(tenant, [ana]);
    expect((await getTeamStats(tenant, ana, teamRow.id, 12, NOW)).memberCount).toBe(1);
    await setLeaderboardsEnabled(tenant, admin, { enabled: true });
    expect((await boardOf(tenant, ana, 'week')).boards.goalsCompleted.rows.length).toBe(3);
  });
});

describe('team statistics', () => {
  it('counts members and goals and gives the completion rate week by week in the workspace zone', async () => {
    const tenant = await tenantIn('Europe/Berlin');
    const [ana, ben, stranger] = [await memberIn(tenant), await memberIn(tenant), await memberIn(tenant)];
    const t = await team(tenant, [ana, ben]);
    const goal = (createdAt: string, completedAt: string | null, status: 'active' | 'completed' | 'archived' = completedAt ? 'completed' : 'active') =>
      db.goal.create({ data: { tenantId: tenant.id, ownerId: ana.userId, teamId: t.id, title: 'G', status, createdAt: new Date(createdAt), completedAt: completedAt ? new Date(completedAt) : null, completedById: completedAt ? ana.userId : null } });
    await goal('2026-06-01T10:00:00Z', '2026-06-14T21:30:00Z'); // completed Sunday 23:30 Berlin: the week of 8 June
    await goal('2026-06-01T10:00:00Z', '2026-06-15T08:00:00Z'); // completed this week
    await goal('2026-06-09T10:00:00Z', null);
    await goal('2026-06-16T10:00:00Z', null);
    await goal('2026-06-01T10:00:00Z', null, 'archived');

    const stats = await getTeamStats(tenant, ana, t.id, 3, NOW);
    expect(stats.memberCount).toBe(2);
    expect(stats.goals).toMatchObject({ active: 2, completed: 2 });
    expect(stats.goals!.weeks).toEqual([
      { weekStart: '2026-06-01', completed: 0, total: 2, completedTotal: 0, rate: 0 },
      { weekStart: '2026-06-08', completed: 1, total: 3, completedTotal: 1, rate: 1 / 3 },
      { weekStart: '2026-06-15', completed: 1, total: 4, completedTotal: 2, rate: 0.5 },
    ]);
    // A member of the workspace who is not in the (public) team sees the member count only.
    expect(await getTeamStats(tenant, stranger, t.id, 3, NOW)).toEqual({ teamId: t.id, memberCount: 2, goals: null });
  });
});
