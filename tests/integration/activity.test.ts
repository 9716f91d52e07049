import { beforeAll, describe, expect, it } from 'vitest';
import * as activityRoute from '../../app/api/app/activity/route.ts';
import * as kudosRoute from '../../app/api/app/activity/[eventId]/kudos/route.ts';
import { activityFeed } from '../../lib/activity/feed.ts';
import { giveKudos, takeBackKudos } from '../../lib/activity/kudos.ts';
import type { ActivityItem, ActivityScope } from '../../lib/activity/activity-schema.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { completeGoal } from '../../lib/goals/goal-status.ts';
import { setGoalProgress } from '../../lib/goals/goal-progress.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { logHabit } from '../../lib/habits/habit-logs.ts';
import { createHabitSchema, logHabitSchema } from '../../lib/habits/habit-schema.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { addDays, localDateIn } from '../../lib/habits/local-date.ts';
import { goalAudience } from '../../lib/realtime/audience.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute, type RouteHandlerFn } from '../support/app-client.ts';
import { contextOf } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Activity feeds on the real database: who sees what (personal goals, private teams, private
// habits, other workspaces), sentences, grouping, pagination by seq, and kudos.

let tenant: TenantContext;
let admin: Member;
let sam: Member;
let ana: Member;
let bob: Member;
let crewId: string;
let secretId: string;

async function named(member: Member, name: string): Promise<Member> {
  await db.user.update({ where: { id: member.userId }, data: { name } });
  return { ...member, name };
}

async function feed(member: Member, scope: ActivityScope = { kind: 'workspace' }, query: Parameters<typeof activityFeed>[3] = {}): Promise<ActivityItem[]> {
  return (await activityFeed(tenant, member, scope, { limit: 100, ...query })).items;
}

const texts = (items: ActivityItem[]) => items.map((i) => i.text);
const mentions = (items: ActivityItem[], word: string) => items.some((i) => i.text.includes(word));

function today(): string {
  return localDateIn(tenant.timeZone, new Date());
}

beforeAll(async () => {
  tenant = await workspace();
  admin = await named(await memberIn(tenant, 'admin'), 'Ada');
  sam = await named(await memberIn(tenant), 'Sam');
  ana = await named(await memberIn(tenant), 'Ana');
  bob = await named(await memberIn(tenant), 'Bob');
  crewId = (await createTeam(tenant, admin, { name: 'Crew', leadUserId: sam.userId })).id;
  await addTeamMember(tenant, admin, crewId, { userId: ana.userId });
  secretId = (await createTeam(tenant, admin, { name: 'Secret', visibility: 'private', leadUserId: ana.userId })).id;
});

describe('visibility', () => {
  it("keeps another member's personal goal out of everyone's feed but its owner's (admins included)", async () => {
    const goal = await createGoal(tenant, ana, { title: 'Ana personal plan' });
    await completeGoal(tenant, ana, goal.id);
    expect(mentions(await feed(ana), 'Ana personal plan')).toBe(true);
    for (const other of [sam, bob, admin]) expect(mentions(await feed(other), 'Ana personal plan')).toBe(false);
    expect((await failure(feed(sam, { kind: 'goal', goalId: goal.id }))).status).toBe(404);
    expect((await failure(feed(admin, { kind: 'goal', goalId: goal.id }))).status).toBe(404);
    expect(mentions(await feed(sam, { kind: 'member', userId: ana.userId }), 'Ana personal plan')).toBe(false);
  });

  it("shows a team goal to the team's members and admins, never to others", async () => {
    const goal = await createGoal(tenant, sam, { title: 'Crew launch', teamId: crewId });
    await completeGoal(tenant, sam, goal.id);
    expect(texts(await feed(ana))).toContain('Sam completed Crew launch');
    expect(texts(await feed(admin))).toContain('Sam completed Crew launch');
    expect(mentions(await feed(bob), 'Crew launch')).toBe(false);
    expect(mentions(await feed(bob, { kind: 'member', userId: sam.userId }), 'Crew launch')).toBe(false);
    expect(texts(await feed(ana, { kind: 'team', teamId: crewId }))).toContain('Sam completed Crew launch');
    expect(texts(await feed(ana, { kind: 'goal', goalId: goal.id }))).toContain('Sam completed Crew launch');
  });

  it("keeps a private team's goals and news to its members and admins; its feed is 404 to others", async () => {
    const goal = await createGoal(tenant, ana, { title: 'Secret merger', teamId: secretId });
    await setGoalProgress(tenant, ana, goal.id, { progress: 40 });
    for (const other of [sam, bob]) {
      expect(mentions(await feed(other), 'Secret')).toBe(false);
      expect((await failure(feed(other, { kind: 'team', teamId: secretId }))).status).toBe(404);
    }
    expect(texts(await feed(ana, { kind: 'team', teamId: secretId }))).toContain('Ana moved Secret merger to 40%');
    expect(texts(await feed(admin, { kind: 'team', teamId: secretId }))).toContain('Ana moved Secret merger to 40%');
  });

  it("shows a habit to its owner's teammates, a private habit to nobody else, and hides older logs once a habit turns private", async () => {
    const open = await createHabit(tenant, sam, createHabitSchema.parse({ name: 'Morning run' }));
    const closed = await createHabit(tenant, sam, createHabitSchema.parse({ name: 'Therapy journal' }));
    await db.habit.update({ where: { id: closed.id }, data: { private: true } });
    await logHabit(tenant, sam, open.id, logHabitSchema.parse({ date: addDays(today(), -1) }));
    await logHabit(tenant, sam, closed.id, logHabitSchema.parse({}));
    const anaSees = texts(await feed(ana, { kind: 'workspace' }, { type: 'habits' }));
    expect(anaSees.some((t) => t.startsWith('Sam logged Morning run'))).toBe(true);
    expect(anaSees.join('\n')).not.toContain('Therapy journal');
    expect(mentions(await feed(bob), 'Morning run')).toBe(false);
    expect(mentions(await feed(admin), 'Therapy journal')).toBe(false);
    expect(mentions(await feed(sam), 'Therapy journal')).toBe(true);

    await db.habit.update({ where: { id: open.id }, data: { private: true } });
    expect(mentions(await feed(ana), 'Morning run')).toBe(false);
    expect(mentions(await feed(sam), 'Morning run')).toBe(true);
    await db.habit.update({ where: { id: open.id }, data: { private: false } });
  });

  it("never shows another workspace's events, and its ids are 404", async () => {
    const other = await workspace();
    const stranger = await memberIn(other, 'admin');
    const goal = await createGoal(other, stranger, { title: 'Elsewhere goal' });
    await completeGoal(other, stranger, goal.id);
    for (const m of [sam, admin]) expect(mentions(await feed(m), 'Elsewhere goal')).toBe(false);
    expect((await failure(feed(admin, { kind: 'goal', goalId: goal.id }))).status).toBe(404);
    expect((await failure(feed(admin, { kind: 'member', userId: stranger.userId }))).status).toBe(404);
    const event = await db.domainEvent.findFirstOrThrow({ where: { tenantId: other.id, type: 'goal.completed' } });
    expect((await failure(giveKudos(tenant, admin, event.id))).status).toBe(404);
  });
});

describe('sentences and grouping', () => {
  it("speaks the workspace's terminology", async () => {
    const ws = await workspace();
    const lead = await named(await memberIn(ws, 'admin'), 'Lee');
    await db.branding.update({ where: { tenantId: ws.id }, data: { terminology: { goal: 'objective', habit: 'ritual' } } });
    const worded = await contextOf(ws.id);
    await createGoal(worded, lead, { title: 'Grow the pipeline' });
    await createHabit(worded, lead, createHabitSchema.parse({ name: 'Inbox zero' }));
    const page = await activityFeed(worded, lead, { kind: 'workspace' });
    expect(texts(page.items)).toEqual(['Lee started the ritual Inbox zero', 'Lee created the objective Grow the pipeline']);
    expect(page.items[1]!.parts).toEqual([
      { text: 'Lee', href: `/members/${lead.userId}` },
      { text: ' created the objective ' },
      { text: 'Grow the pipeline', href: expect.stringMatching(/^\/goals\//) },
    ]);
  });

  it('folds consecutive progress updates on one goal and habit logs into one item, and keeps completions apart', async () => {
    const goal = await createGoal(tenant, sam, { title: 'Fold me', teamId: crewId });
    for (const progress of [10, 20, 30]) await setGoalProgress(tenant, sam, goal.id, { progress });
    await completeGoal(tenant, sam, goal.id);
    const items = await feed(ana, { kind: 'goal', goalId: goal.id });
    expect(texts(items)).toEqual(['Sam completed Fold me', 'Sam moved Fold me to 30% (3 updates)', 'Sam created the goal Fold me in Crew']);
    expect(items[1]!.count).toBe(3);
    expect(items[0]!.kudos).toEqual({ count: 0, given: false, canGive: true });
    expect(items[1]!.kudos).toBeNull();

    const ws = await workspace();
    const solo = await named(await memberIn(ws), 'Solo');
    const run = await createHabit(ws, solo, createHabitSchema.parse({ name: 'Run' }));
    const read = await createHabit(ws, solo, createHabitSchema.parse({ name: 'Read' }));
    const day = localDateIn(ws.timeZone, new Date());
    await logHabit(ws, solo, run.id, logHabitSchema.parse({ date: addDays(day, -1) }));
    await logHabit(ws, solo, run.id, logHabitSchema.parse({ date: day }));
    await logHabit(ws, solo, read.id, logHabitSchema.parse({}));
    const logs = (await activityFeed(ws, solo, { kind: 'workspace' }, { type: 'habits' })).items;
    expect(logs[0]).toMatchObject({ text: 'Solo logged Read and Run', count: 3 });
    // A page of one item has the whole group.
    const single = (await activityFeed(ws, solo, { kind: 'workspace' }, { type: 'habits', limit: 1 })).items;
    expect(single.map((i) => [i.text, i.count])).toEqual([['Solo logged Read and Run', 3]]);
    // Without the Read log, the group is about Run alone.
    await db.domainEvent.deleteMany({ where: { tenantId: ws.id, type: 'habit.logged', payload: { path: ['habitId'], equals: read.id } } });
    const runs = (await activityFeed(ws, solo, { kind: 'workspace' }, { type: 'habits', limit: 1 })).items;
    expect(texts(runs)).toEqual(['Solo logged Run 2 times']);
    // Logged hours apart, each log is an item, and the latest names its streak.
    const older = await db.domainEvent.findFirstOrThrow({ where: { tenantId: ws.id, type: 'habit.logged' }, orderBy: { seq: 'asc' } });
    await db.domainEvent.update({ where: { id: older.id }, data: { occurredAt: new Date(older.occurredAt.getTime() - 7 * 3_600_000) } });
    const streak = (await activityFeed(ws, solo, { kind: 'workspace' }, { type: 'habits', limit: 1 })).items;
    expect(texts(streak)).toEqual(['Solo logged Run (2-day streak)']);
  });
});

describe('pagination and filters', () => {
  it('pages by seq through every visible event once, skipping hidden ones, newest first', async () => {
    const ws = await workspace();
    const lead = await named(await memberIn(ws, 'admin'), 'Pat');
    const team = await createTeam(ws, lead, { name: 'Pagers', leadUserId: lead.userId });
    const goal = await createGoal(ws, lead, { title: 'Paged', teamId: team.id });
    const hidden = await createGoal(ws, await memberIn(ws), { title: 'Hidden' });
    const hiddenGoal = await db.goal.findUniqueOrThrow({ where: { id: hidden.id } });
    for (let i = 0; i < 70; i++) {
      await db.$transaction(async (tx) => {
        await emitEvent(tx, ws.id, 'goal.completed', { goalId: goal.id, title: 'Paged', completedById: lead.userId, completedAt: new Date().toISOString() }, lead.userId, goalAudience({ teamId: team.id, ownerId: lead.userId }));
        await emitEvent(tx, ws.id, 'goal.completed', { goalId: hidden.id, title: 'Hidden', completedById: hiddenGoal.ownerId, completedAt: new Date().toISOString() }, hiddenGoal.ownerId, goalAudience(hiddenGoal));
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    for (let page = 0; page < 10; page++) {
      const result = await activityFeed(ws, lead, { kind: 'workspace' }, { type: 'celebrations', cursor, limit: 30 });
      sizes.push(result.items.length);
      seen.push(...result.items.map((i) => i.seq));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(sizes).toEqual([30, 30, 10]);
    expect(new Set(seen).size).toBe(70);
    const numbers = seen.map(BigInt);
    expect(numbers.every((n, i) => i === 0 || n < numbers[i - 1]!)).toBe(true);
    const everything = await activityFeed(ws, lead, { kind: 'workspace' }, { limit: 100 });
    expect(everything.items.every((i) => !i.text.includes('Hidden'))).toBe(true);
  });

  it('counts items, not events, and never splits a group between pages', async () => {
    const ws = await workspace();
    const solo = await named(await memberIn(ws), 'Solo');
    await createGoal(ws, solo, { title: 'Before the run' });
    const run = await createHabit(ws, solo, createHabitSchema.parse({ name: 'Run' }));
    const day = localDateIn(ws.timeZone, new Date());
    for (const back of [3, 2, 1, 0]) await logHabit(ws, solo, run.id, logHabitSchema.parse({ date: addDays(day, -back) }));
    const first = await activityFeed(ws, solo, { kind: 'workspace' }, { limit: 1 });
    expect(first.items.map((i) => [i.type, i.count])).toEqual([['habit.logged', 4]]);
    const second = await activityFeed(ws, solo, { kind: 'workspace' }, { limit: 1, cursor: first.nextCursor! });
    expect(texts(second.items)).toEqual(['Solo started the habit Run']);
    const third = await activityFeed(ws, solo, { kind: 'workspace' }, { limit: 5, cursor: second.nextCursor! });
    expect(texts(third.items)).toEqual(['Solo created the goal Before the run']);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by type', async () => {
    const habits = await feed(sam, { kind: 'workspace' }, { type: 'habits' });
    expect(habits.length).toBeGreaterThan(0);
    expect(habits.every((i) => i.type.startsWith('habit.'))).toBe(true);
    const teams = await feed(ana, { kind: 'workspace' }, { type: 'teams' });
    expect(texts(teams)).toContain('Ada added Ana to Crew');
    expect(teams.every((i) => i.type.startsWith('team.'))).toBe(true);
  });
});

describe('kudos', () => {
  async function completion(title: string): Promise<string> {
    const goal = await createGoal(tenant, sam, { title, teamId: crewId });
    await completeGoal(tenant, sam, goal.id);
    return (await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, type: 'goal.completed', payload: { path: ['goalId'], equals: goal.id } } })).id;
  }
  const kudosEvents = (eventId: string) => db.domainEvent.findMany({ where: { tenantId: tenant.id, type: 'kudos.given', payload: { path: ['eventId'], equals: eventId } } });

  it('is one per giver, idempotent, and emits kudos.given once with the audience of the event celebrated', async () => {
    const eventId = await completion('Kudos once');
    expect(await giveKudos(tenant, ana, eventId)).toEqual({ count: 1, given: true, canGive: true });
    expect(await giveKudos(tenant, ana, eventId)).toEqual({ count: 1, given: true, canGive: true });
    expect(await giveKudos(tenant, admin, eventId)).toMatchObject({ count: 2, given: true });
    const events = await kudosEvents(eventId);
    expect(events).toHaveLength(2);
    const celebrated = await db.domainEvent.findUniqueOrThrow({ where: { id: eventId } });
    for (const event of events) {
      expect({ audience: event.audience, audienceTeamId: event.audienceTeamId }).toEqual({ audience: celebrated.audience, audienceTeamId: celebrated.audienceTeamId });
      expect(event.payload).toMatchObject({ eventId, recipientId: sam.userId, subjectType: 'goal' });
    }
    const item = (await feed(ana, { kind: 'team', teamId: crewId })).find((i) => i.id === eventId)!;
    expect(item.kudos).toEqual({ count: 2, given: true, canGive: true });
    const samItem = (await feed(sam, { kind: 'team', teamId: crewId })).find((i) => i.id === eventId)!;
    expect(samItem.kudos).toEqual({ count: 2, given: false, canGive: false });

    expect(await takeBackKudos(tenant, ana, eventId)).toEqual({ count: 1, given: false, canGive: true });
    expect(await takeBackKudos(tenant, ana, eventId)).toEqual({ count: 1, given: false, canGive: true });
    // Taken back once, announced once (other viewers' counts follow it live; webhooks hear it).
    const removed = await db.domainEvent.findMany({ where: { tenantId: tenant.id, type: 'kudos.removed', payload: { path: ['eventId'], equals: eventId } } });
    expect(removed).toHaveLength(1);
    const anas = events.map((e) => e.payload as { kudosId: string; giverId: string; subjectId: string }).find((p) => p.giverId === ana.userId)!;
    expect(removed[0]!.payload).toEqual({ kudosId: anas.kudosId, eventId, giverId: ana.userId, recipientId: sam.userId, subjectType: 'goal', subjectId: anas.subjectId });
    expect({ audience: removed[0]!.audience, audienceTeamId: removed[0]!.audienceTeamId }).toEqual({ audience: celebrated.audience, audienceTeamId: celebrated.audienceTeamId });
  });

  it('taken back by several requests at once is announced once', async () => {
    const eventId = await completion('Kudos back race');
    await giveKudos(tenant, ana, eventId);
    await Promise.all(Array.from({ length: 8 }, () => takeBackKudos(tenant, ana, eventId)));
    expect(await db.kudos.count({ where: { eventId } })).toBe(0);
    expect(await db.domainEvent.count({ where: { tenantId: tenant.id, type: 'kudos.removed', payload: { path: ['eventId'], equals: eventId } } })).toBe(1);
  });

  it('survives a burst of concurrent gives from one member: one row, one event', async () => {
    const eventId = await completion('Kudos race');
    const results = await Promise.all(Array.from({ length: 12 }, () => giveKudos(tenant, ana, eventId)));
    expect(results.every((r) => r.given)).toBe(true);
    expect(await db.kudos.count({ where: { eventId } })).toBe(1);
    expect(await kudosEvents(eventId)).toHaveLength(1);
  });

  it('refuses kudos to oneself, from a viewer, on what one cannot see, and on events that celebrate nothing', async () => {
    const eventId = await completion('Kudos rules');
    expect((await failure(giveKudos(tenant, sam, eventId))).status).toBe(403);
    const viewer = await memberIn(tenant, 'viewer');
    await addTeamMember(tenant, admin, crewId, { userId: viewer.userId });
    expect((await failure(giveKudos(tenant, viewer, eventId))).status).toBe(403);
    expect((await failure(giveKudos(tenant, bob, eventId))).status).toBe(404);
    const created = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, type: 'goal.created' } });
    expect((await failure(giveKudos(tenant, ana, created.id))).status).toBe(404);
    expect(await db.kudos.count({ where: { eventId } })).toBe(0);
  });
});

describe('routes', () => {
  const get = async (member: Member | null, query: string) =>
    callRoute(activityRoute.GET as RouteHandlerFn, { path: `/api/app/activity${query}`, tenantId: tenant.id, cookie: member ? await sessionCookie(member.userId, tenant.id) : null });

  it('answers a page, and 4xx for bad input, hidden scopes and no session', async () => {
    const ok = await get(ana, '?type=goals&limit=5');
    expect(ok.status).toBe(200);
    expect(Array.isArray(ok.body.items)).toBe(true);
    expect((ok.body.items as ActivityItem[]).length).toBeLessThanOrEqual(5);
    expect((await get(ana, '?type=everything')).status).toBe(422);
    expect((await get(ana, '?cursor=abc')).status).toBe(422);
    expect((await get(ana, '?limit=1000')).status).toBe(422);
    expect((await get(ana, `?teamId=${crewId}&userId=${sam.userId}`)).status).toBe(422);
    expect((await get(sam, `?teamId=${secretId}`)).status).toBe(404);
    expect((await get(ana, '?goalId=nope')).status).toBe(404);
    expect((await get(null, '')).status).toBe(401);
  });

  it('gives and takes back kudos; 404 for an unknown event', async () => {
    const goal = await createGoal(tenant, sam, { title: 'Route kudos', teamId: crewId });
    await completeGoal(tenant, sam, goal.id);
    const event = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, type: 'goal.completed', payload: { path: ['goalId'], equals: goal.id } } });
    const cookie = await sessionCookie(ana.userId, tenant.id);
    const call = (method: string, eventId: string) =>
      callRoute((method === 'PUT' ? kudosRoute.PUT : kudosRoute.DELETE) as RouteHandlerFn, { method, path: `/api/app/activity/${eventId}/kudos`, params: { eventId }, tenantId: tenant.id, cookie });
    const given = await call('PUT', event.id);
    expect(given.status).toBe(200);
    expect(given.body).toEqual({ count: 1, given: true, canGive: true });
    expect((await call('DELETE', event.id)).body).toEqual({ count: 0, given: false, canGive: true });
    expect((await call('PUT', 'evt_missing')).status).toBe(404);
    expect((await call('PUT', 'bad id!')).status).toBe(404);
  });
});
