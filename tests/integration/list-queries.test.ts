import { beforeAll, describe, expect, it } from 'vitest';
import * as goalsRoute from '../../app/api/app/goals/route.ts';
import * as habitsRoute from '../../app/api/app/habits/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { addAssignee } from '../../lib/goals/goal-assignees.ts';
import { archiveGoal, completeGoal } from '../../lib/goals/goal-status.ts';
import { setGoalProgress } from '../../lib/goals/goal-progress.ts';
import { createGoal, searchGoals } from '../../lib/goals/goals.ts';
import { archiveHabit, createHabit, searchHabits } from '../../lib/habits/habits.ts';
import { logHabit } from '../../lib/habits/habit-logs.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute } from '../support/app-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// The goals and habits pages' list queries: search, filters, sort and pages, run by the
// services and through GET /api/app/goals and /api/app/habits. Bad params are the route
// builder's validation problem (422 validation_failed naming the parameter), never a 500.

const NOW = new Date('2030-03-10T12:00:00Z');

let a: TenantContext;
let b: TenantContext;
let owner: Member;
let mia: Member;
let outsider: Member;
let stranger: Member;
let teamId: string;
const ids: Record<string, string> = {};

const titles = (page: { goals: { title: string }[] }) => page.goals.map((g) => g.title);

beforeAll(async () => {
  a = await workspace();
  b = await workspace();
  [owner, mia, outsider] = await Promise.all([memberIn(a, 'owner'), memberIn(a), memberIn(a)]);
  stranger = await memberIn(b, 'owner');
  const team = await createTeam(a, owner, { name: 'Runners', leadUserId: owner.userId });
  teamId = team.id;
  await addTeamMember(a, owner, teamId, { userId: mia.userId });

  // Mia's personal goals, with target dates around NOW (2030-03-10).
  for (const [title, targetDate, description] of [
    ['Run a marathon', '2030-03-08', 'Forty-two kilometres'],
    ['Read twelve books', '2030-03-14', null],
    ['Learn Spanish', '2030-04-01', 'Hablar con amigos'],
    ['Tidy the garage', null, null],
  ] as const) {
    ids[title] = (await createGoal(a, mia, { title, targetDate, description })).id;
  }
  // A team goal Mia is assigned to, one she is not, and the owner's personal one (hidden from Mia).
  ids['Team relay'] = (await createGoal(a, owner, { title: 'Team relay', teamId, targetDate: '2030-03-12' })).id;
  await addAssignee(a, owner, ids['Team relay'], { userId: mia.userId, role: 'contributor' });
  ids['Team picnic'] = (await createGoal(a, owner, { title: 'Team picnic', teamId })).id;
  ids['Owner secret'] = (await createGoal(a, owner, { title: 'Owner secret marathon' })).id;
  await setGoalProgress(a, mia, ids['Learn Spanish'], { progress: 60 });
  await completeGoal(a, mia, ids['Tidy the garage']);
  await archiveGoal(a, mia, ids['Read twelve books']);
  // Workspace B has a goal with the same words: never listed in A.
  await createGoal(b, stranger, { title: 'Run a marathon too' });
});

describe('searchGoals', () => {
  it('lists what the member can see, by target date, active by default when asked', async () => {
    const all = await searchGoals(a, mia, {}, NOW);
    expect(all.total).toBe(6);
    expect(titles(all)).not.toContain('Owner secret marathon');
    expect(titles(await searchGoals(a, mia, { status: 'active' }, NOW))).toEqual(['Run a marathon', 'Team relay', 'Learn Spanish', 'Team picnic']);
  });

  it('searches title and description in any case, within the tenant only', async () => {
    expect(titles(await searchGoals(a, mia, { q: 'MARATHON' }, NOW))).toEqual(['Run a marathon']);
    expect(titles(await searchGoals(a, mia, { q: 'amigos' }, NOW))).toEqual(['Learn Spanish']);
    expect(titles(await searchGoals(a, owner, { q: 'marathon' }, NOW))).toEqual(['Owner secret marathon']);
    expect(titles(await searchGoals(b, stranger, { q: 'marathon' }, NOW))).toEqual(['Run a marathon too']);
    expect((await searchGoals(a, outsider, { q: 'marathon' }, NOW)).total).toBe(0);
  });

  it('filters by status, team, scope, assignee and due window', async () => {
    expect(titles(await searchGoals(a, mia, { status: 'completed' }, NOW))).toEqual(['Tidy the garage']);
    expect(titles(await searchGoals(a, mia, { status: 'archived' }, NOW))).toEqual(['Read twelve books']);
    expect(titles(await searchGoals(a, mia, { teamId, sort: 'title' }, NOW))).toEqual(['Team picnic', 'Team relay']);
    expect((await searchGoals(a, mia, { scope: 'personal' }, NOW)).total).toBe(4);
    expect(titles(await searchGoals(a, mia, { assignee: 'me', status: 'active', sort: 'title' }, NOW))).toEqual(['Learn Spanish', 'Run a marathon', 'Team relay']);
    expect(titles(await searchGoals(a, owner, { assignee: mia.userId, teamId }, NOW))).toEqual(['Team relay']);
    expect(titles(await searchGoals(a, mia, { due: 'overdue' }, NOW))).toEqual(['Run a marathon']);
    expect(titles(await searchGoals(a, mia, { due: 'week' }, NOW))).toEqual(['Team relay', 'Read twelve books']);
    expect(titles(await searchGoals(a, mia, { due: 'month', status: 'active' }, NOW))).toEqual(['Team relay', 'Learn Spanish']);
    expect(titles(await searchGoals(a, mia, { due: 'none', sort: 'title' }, NOW))).toEqual(['Team picnic', 'Tidy the garage']);
    // Another team's goals stay closed to someone outside it.
    expect((await failure(searchGoals(a, outsider, { teamId }, NOW))).status).toBe(403);
  });

  it('sorts and pages with a stable order', async () => {
    expect(titles(await searchGoals(a, mia, { sort: 'progress', pageSize: 2 }, NOW))).toEqual(['Tidy the garage', 'Learn Spanish']);
    const byTitle = await searchGoals(a, mia, { sort: 'title', pageSize: 4 }, NOW);
    expect(byTitle).toMatchObject({ total: 6, page: 1, pageSize: 4, pageCount: 2 });
    const second = await searchGoals(a, mia, { sort: 'title', pageSize: 4, page: '2' }, NOW);
    expect(titles(byTitle).concat(titles(second))).toEqual(['Learn Spanish', 'Read twelve books', 'Run a marathon', 'Team picnic', 'Team relay', 'Tidy the garage']);
    expect((await searchGoals(a, mia, { page: 9 }, NOW)).goals).toEqual([]);
    const newest = titles(await searchGoals(a, mia, { sort: 'newest' }, NOW));
    expect(newest).toEqual([...titles(await searchGoals(a, mia, { sort: 'oldest' }, NOW))].reverse());
  });

  it('answers bad params with 422 from the service', async () => {
    for (const bad of [{ sort: 'random' }, { due: 'soon' }, { page: 0 }, { pageSize: 101 }, { page: 'two' }, { q: 'x'.repeat(201) }]) {
      expect((await failure(searchGoals(a, mia, bad, NOW))).status, JSON.stringify(bad)).toBe(422);
    }
  });
});

describe('GET /api/app/goals', () => {
  const get = async (tenant: TenantContext, member: Member, query: string) =>
    callRoute(goalsRoute.GET, { path: `/api/app/goals${query}`, tenantId: tenant.id, host: `${tenant.slug}.localhost:3100`, cookie: await sessionCookie(member.userId, tenant.id) });

  it('returns one page with its total, scoped to the tenant', async () => {
    const answer = await get(a, mia, '?q=marathon&status=active');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: 1, page: 1, pageSize: 20, pageCount: 1 });
    expect((answer.body.goals as { id: string }[]).map((g) => g.id)).toEqual([ids['Run a marathon']]);
    // Workspace B's session on B's host never sees A's goals, whatever the ids.
    const other = await get(b, stranger, `?teamId=${teamId}`);
    expect(other.status).toBe(404);
  });

  it('answers bad query params with a 4xx problem naming the parameter', async () => {
    for (const query of ['?sort=random', '?status=done', '?due=soon', '?page=0', '?page=abc', '?pageSize=500', '?scope=everyone']) {
      const answer = await get(a, mia, query);
      expect(answer.status, query).toBe(422);
      expect(answer.headers.get('content-type'), query).toContain('application/problem+json');
      expect(answer.body.code, query).toBe('validation_failed');
      expect(answer.text, query).toContain(query.slice(1).split('=')[0]);
    }
  });
});

describe('searchHabits and GET /api/app/habits', () => {
  let h: TenantContext;
  let ann: Member;
  let bo: Member;

  beforeAll(async () => {
    h = await workspace();
    [ann, bo] = await Promise.all([memberIn(h), memberIn(h)]);
    const dayBefore = new Date(NOW.getTime() - 86_400_000);
    const water = await createHabit(h, ann, { name: 'Drink water', description: 'Eight glasses', schedule: 'daily', scheduleDays: [], timesPerWeek: null }, dayBefore);
    const stretch = await createHabit(h, ann, { name: 'Stretch', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null }, dayBefore);
    const journal = await createHabit(h, ann, { name: 'Journal', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null }, dayBefore);
    await createHabit(h, bo, { name: 'Drink tea', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null }, dayBefore);
    await logHabit(h, ann, water.id, { date: '2030-03-09' }, NOW);
    await logHabit(h, ann, water.id, { date: '2030-03-10' }, NOW);
    await logHabit(h, ann, stretch.id, { date: '2030-03-10' }, NOW);
    await archiveHabit(h, ann, journal.id, NOW);
  });

  const names = (page: { habits: { name: string }[] }) => page.habits.map((x) => x.name);

  it('lists only the member’s own, active by default, and searches', async () => {
    expect(names(await searchHabits(h, ann, {}, NOW))).toEqual(['Drink water', 'Stretch']);
    expect(names(await searchHabits(h, ann, { status: 'archived' }, NOW))).toEqual(['Journal']);
    expect(names(await searchHabits(h, ann, { status: 'all', sort: 'name' }, NOW))).toEqual(['Drink water', 'Journal', 'Stretch']);
    expect(names(await searchHabits(h, ann, { q: 'drink' }, NOW))).toEqual(['Drink water']);
    expect(names(await searchHabits(h, ann, { q: 'glasses' }, NOW))).toEqual(['Drink water']);
    expect(names(await searchHabits(h, bo, { q: 'drink' }, NOW))).toEqual(['Drink tea']);
    expect((await searchHabits(a, mia, { q: 'drink', status: 'all' }, NOW)).total).toBe(0);
  });

  it('filters by today, sorts by streak, and pages', async () => {
    expect(names(await searchHabits(h, ann, { today: 'done', sort: 'streak' }, NOW))).toEqual(['Drink water', 'Stretch']);
    await db.habitLog.deleteMany({ where: { tenantId: h.id, date: new Date('2030-03-10T00:00:00Z'), habit: { name: 'Stretch' } } });
    expect(names(await searchHabits(h, ann, { today: 'due' }, NOW))).toEqual(['Stretch']);
    const first = await searchHabits(h, ann, { pageSize: 1, sort: 'name' }, NOW);
    expect(first).toMatchObject({ total: 2, pageCount: 2 });
    expect(names(first).concat(names(await searchHabits(h, ann, { pageSize: 1, page: 2, sort: 'name' }, NOW)))).toEqual(['Drink water', 'Stretch']);
  });

  it('the route returns a page, and a 422 problem for bad params', async () => {
    const cookie = await sessionCookie(ann.userId, h.id);
    const call = (query: string) => callRoute(habitsRoute.GET, { path: `/api/app/habits${query}`, tenantId: h.id, host: `${h.slug}.localhost:3100`, cookie });
    const ok = await call('?q=water');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ total: 1, page: 1 });
    for (const query of ['?status=gone', '?sort=random', '?today=maybe', '?page=-1', '?pageSize=0']) expect((await call(query)).status, query).toBe(422);
  });
});

describe('audit log query (settings/audit and GET /api/app/audit)', () => {
  let w: TenantContext;
  let other: TenantContext;
  let admin: Member;

  beforeAll(async () => {
    [w, other] = await Promise.all([workspace(), workspace()]);
    admin = await memberIn(w, 'admin');
    const day = (d: number) => new Date(Date.UTC(2030, 0, d, 12));
    await db.auditLog.createMany({
      data: [
        ...Array.from({ length: 5 }, (_, i) => ({ tenantId: w.id, actorEmail: 'ann@example.test', action: 'member.role_changed', createdAt: day(10 + i) })),
        { tenantId: w.id, actorEmail: 'bob@example.test', action: 'settings.branding_updated', createdAt: day(20) },
        { tenantId: w.id, actorEmail: null, action: 'domain.verified', createdAt: day(21) },
        { tenantId: other.id, actorEmail: 'ann@example.test', action: 'member.role_changed', createdAt: day(12) },
      ],
    });
  });

  it('filters by actor, action prefix and date range, newest first, in this tenant only', async () => {
    const { auditQuerySchema, queryAudit, auditActions } = await import('../../lib/audit/audit-query.ts');
    const q = (input: Record<string, string>) => queryAudit(w.id, auditQuerySchema.parse(input));
    expect((await q({})).rows.map((r) => r.action)).toEqual(['domain.verified', 'settings.branding_updated', ...Array(5).fill('member.role_changed')]);
    expect((await q({ actor: 'BOB' })).rows.map((r) => r.actorEmail)).toEqual(['bob@example.test']);
    expect((await q({ action: 'member.' })).rows).toHaveLength(5);
    expect((await q({ from: '2030-01-11', to: '2030-01-12' })).rows.map((r) => r.createdAt.slice(0, 10))).toEqual(['2030-01-12', '2030-01-11']);
    expect(await auditActions(w.id)).toEqual(['domain.verified', 'member.role_changed', 'settings.branding_updated']);
    expect((await queryAudit(other.id, auditQuerySchema.parse({}))).rows).toHaveLength(1);
  });

  it('pages with a cursor until the end', async () => {
    const { auditQuerySchema, queryAudit } = await import('../../lib/audit/audit-query.ts');
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await queryAudit(w.id, auditQuerySchema.parse({ limit: '3', ...(cursor ? { cursor } : {}) }));
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('pages through entries made at the same instant one by one, and nowhere from another workspace’s cursor', async () => {
    const { auditQuerySchema, queryAudit } = await import('../../lib/audit/audit-query.ts');
    const same = await workspace();
    const at = new Date(Date.UTC(2030, 1, 1, 12));
    await db.auditLog.createMany({ data: Array.from({ length: 7 }, (_, i) => ({ tenantId: same.id, action: `burst.${i}`, createdAt: at })) });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await queryAudit(same.id, auditQuerySchema.parse({ limit: '2', ...(cursor ? { cursor } : {}) }));
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const all = await db.auditLog.findMany({ where: { tenantId: same.id }, orderBy: { id: 'desc' }, select: { id: true } });
    expect(seen).toEqual(all.map((row) => row.id));
    const foreign = (await queryAudit(w.id, auditQuerySchema.parse({}))).rows[0].id;
    expect(await queryAudit(same.id, auditQuerySchema.parse({ cursor: foreign }))).toEqual({ rows: [], nextCursor: null });
  });

  it('answers bad filters through the route with a 422 problem', async () => {
    const auditRoute = await import('../../app/api/app/audit/route.ts');
    const cookie = await sessionCookie(admin.userId, w.id);
    const call = (query: string) => callRoute(auditRoute.GET, { path: `/api/app/audit${query}`, tenantId: w.id, host: `${w.slug}.localhost:3100`, cookie });
    expect((await call('?action=settings.')).body).toMatchObject({ rows: [{ action: 'settings.branding_updated' }] });
    for (const query of ['?from=yesterday', '?limit=0', '?limit=1000']) expect((await call(query)).status, query).toBe(422);
  });
});
