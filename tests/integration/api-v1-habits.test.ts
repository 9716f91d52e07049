import { beforeAll, describe, expect, it } from 'vitest';
import * as analyticsRoute from '../../app/api/v1/analytics/overview/route.ts';
import * as goalRoute from '../../app/api/v1/goals/[id]/route.ts';
import * as logsRoute from '../../app/api/v1/habits/[id]/logs/route.ts';
import * as habitRoute from '../../app/api/v1/habits/[id]/route.ts';
import * as habitsRoute from '../../app/api/v1/habits/route.ts';
import { flushRequestLog } from '../../lib/api/request-log.ts';
import { API_REQUESTS, usageAt } from '../../lib/billing/usage.ts';
import { db } from '../../lib/db/client.ts';
import { archiveGoal, completeGoal } from '../../lib/goals/goal-status.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { logHabit } from '../../lib/habits/habit-logs.ts';
import { createHabitSchema } from '../../lib/habits/habit-schema.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { addDays, localDateIn } from '../../lib/habits/local-date.ts';
import { apiWorkspace, type ApiWorkspace, expectProblem, ids, goalPath, habitPath, logsPath, OVER_ONE_MB, walk } from '../support/api-v1-client.ts';
import { memberIn } from '../support/workspace.ts';

describe('habits and their logs', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  let othersHabitId: string;
  let today: string;

  beforeAll(async () => {
    [ws, other] = await Promise.all([apiWorkspace(), apiWorkspace()]);
    othersHabitId = (await createHabit(other.tenant, other.member, createHabitSchema.parse({ name: 'Not yours' }))).id;
    await logHabit(other.tenant, other.member, othersHabitId, {});
    today = localDateIn(ws.tenant.timeZone);
  });

  it('creates, reads (with an ETag), changes and deletes a habit', async () => {
    const created = await ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body: { name: 'Stretch', schedule: 'weekly_days', scheduleDays: [5, 1, 3] } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: 'Stretch', schedule: 'weekly_days', scheduleDays: [1, 3, 5], timesPerWeek: null, archived: false, streak: { current: 0, longest: 0, unit: 'occurrences' } });
    const id = created.body.id as string;

    const read = await ws.call(habitRoute.GET, habitPath(id), { id });
    expect(read.body).toEqual(created.body);
    const etag = read.headers.get('etag') ?? '';
    expect((await ws.call(habitRoute.GET, habitPath(id), { id }, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const archived = await ws.call(habitRoute.PATCH, habitPath(id), { id }, { method: 'PATCH', body: { archived: true, name: 'Stretch more' } });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.body).toMatchObject({ name: 'Stretch more', archived: true });
    expect((await ws.call(habitRoute.GET, habitPath(id), { id }, { headers: { 'if-none-match': etag } })).status).toBe(200);

    expect((await ws.call(habitRoute.DELETE, habitPath(id), { id }, { method: 'DELETE' })).status).toBe(204);
    expectProblem(await ws.call(habitRoute.GET, habitPath(id), { id }), 404, 'not_found');
  });

  it('pages through every habit exactly once and filters archived ones', async () => {
    const paging = await apiWorkspace();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await createHabit(paging.tenant, paging.member, createHabitSchema.parse({ name: `Habit ${i}` }))).id);
    await createHabit(paging.tenant, await memberIn(paging.tenant), createHabitSchema.parse({ name: 'A colleague’s' }));
    await paging.call(habitRoute.PATCH, habitPath(made[0]), { id: made[0] }, { method: 'PATCH', body: { archived: true } });

    const { pages, keys } = await walk(paging, habitsRoute.GET, '/api/v1/habits', 'limit=2');
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(keys).toEqual([...made].reverse());
    expect(ids(await paging.call(habitsRoute.GET, '/api/v1/habits?archived=true', {}))).toEqual([made[0]]);
    expect(ids(await paging.call(habitsRoute.GET, '/api/v1/habits?archived=false', {}))).toEqual(made.slice(1).reverse());
    const invalid = await paging.call(habitsRoute.GET, '/api/v1/habits?archived=yes', {});
    expectProblem(invalid, 422, 'validation_failed');
    expect(invalid.body.errors).toHaveProperty('archived');
  });

  it('is 422 for invalid and unknown fields, 413 over 1 MB, 400 for malformed JSON', async () => {
    const post = (body: unknown) => ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body });
    const noDays = await post({ name: 'Gym', schedule: 'weekly_days' });
    expectProblem(noDays, 422, 'validation_failed');
    expect(noDays.body.errors).toEqual({ scheduleDays: 'Pick at least one day.' });
    const unknown = await post({ name: 'Gym', colour: 'red' });
    expect(Object.keys(unknown.body.errors ?? {})).toEqual(['colour']);
    expectProblem(await post(OVER_ONE_MB), 413, 'payload_too_large');
    expectProblem(await post('{'), 400, 'bad_request');

    const id = (await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Edit me' }))).id;
    const patch = (body: unknown) => ws.call(habitRoute.PATCH, habitPath(id), { id }, { method: 'PATCH', body });
    expect((await patch({ schedule: 'times_per_week' })).body.errors).toEqual({ timesPerWeek: 'Enter how many times a week, 1 to 7.' });
    expect(Object.keys((await patch({ archived: true, deleted: true })).body.errors ?? {})).toEqual(['deleted']);
    expectProblem(await patch(OVER_ONE_MB), 413, 'payload_too_large');
    expect((await ws.call(habitRoute.GET, habitPath(id), { id })).body).toMatchObject({ name: 'Edit me', archived: false });
  });

  it("is 404 for unknown ids, a colleague's habits and other workspaces' habits, which stay as they were", async () => {
    const colleague = await memberIn(ws.tenant);
    const colleaguesHabit = await createHabit(ws.tenant, colleague, createHabitSchema.parse({ name: 'Private' }));
    for (const id of ['no-such-habit', othersHabitId, colleaguesHabit.id]) {
      expectProblem(await ws.call(habitRoute.GET, habitPath(id), { id }), 404, 'not_found');
      expectProblem(await ws.call(habitRoute.PATCH, habitPath(id), { id }, { method: 'PATCH', body: { name: 'Hijacked' } }), 404, 'not_found');
      expectProblem(await ws.call(habitRoute.DELETE, habitPath(id), { id }, { method: 'DELETE' }), 404, 'not_found');
      expectProblem(await ws.call(logsRoute.GET, logsPath(id), { id }), 404, 'not_found');
      expectProblem(await ws.call(logsRoute.POST, logsPath(id), { id }, { method: 'POST', body: {} }), 404, 'not_found');
    }
    expect(await db.habit.findUnique({ where: { id: othersHabitId }, select: { name: true, tenantId: true, archivedAt: true } })).toEqual({ name: 'Not yours', tenantId: other.tenant.id, archivedAt: null });
    expect(await db.habitLog.count({ where: { habitId: othersHabitId } })).toBe(1);
    expect((await db.habit.findUniqueOrThrow({ where: { id: colleaguesHabit.id } })).name).toBe('Private');
  });

  it('logs a day (201), refuses the same day twice (409), and replays a retried log', async () => {
    const id = (await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Meditate' }))).id;
    const log = (body: unknown, headers: Record<string, string> = {}) => ws.call(logsRoute.POST, logsPath(id), { id }, { method: 'POST', body, headers });

    const first = await log({ note: 'calm' }, { 'idempotency-key': `log-${id}` });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ log: { habitId: id, date: today, note: 'calm' }, habit: { id, streak: { current: 1 }, today: { done: true } }, milestonesReached: [] });

    const replay = await log({ note: 'calm' }, { 'idempotency-key': `log-${id}` });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const twice = await log({ note: 'calm' });
    expectProblem(twice, 409, 'conflict');
    expect(twice.body.errors).toHaveProperty('date');
    expectProblem(await log({ note: 'other' }, { 'idempotency-key': `log-${id}` }), 409, 'idempotency_key_reused');
    expect(await db.habitLog.count({ where: { habitId: id } })).toBe(1);

    const future = await log({ date: addDays(today, 1) });
    expectProblem(future, 422, 'validation_failed');
    expect(future.body.errors).toHaveProperty('date');
    expect(Object.keys((await log({ day: today })).body.errors ?? {})).toEqual(['day']);
    expectProblem(await log(OVER_ONE_MB), 413, 'payload_too_large');
  });

  it('pages logs by date, latest first, with from/to filters', async () => {
    const id = (await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Walk' }))).id;
    const days = Array.from({ length: 7 }, (_, i) => addDays(today, -i));
    for (const date of days) await logHabit(ws.tenant, ws.member, id, { date, note: `on ${date}` });

    const { pages, keys } = await walk(ws, logsRoute.GET, logsPath(id), 'limit=3', { id });
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(keys).toEqual(days);

    const page = await ws.call(logsRoute.GET, `${logsPath(id)}?from=${days[4]}&to=${days[1]}`, { id });
    expect(page.body.data).toEqual(days.slice(1, 5).map((date) => ({ habitId: id, date, note: `on ${date}` })));
    expect(page.body.next_cursor).toBeNull();

    for (const [query, field] of [['from=15-01-2026', 'from'], [`from=${today}&to=${days[3]}`, 'to'], ['limit=-1', 'limit'], ['cursor=WyJnb2FscyJd', 'cursor']]) {
      const answer = await ws.call(logsRoute.GET, `${logsPath(id)}?${query}`, { id });
      expectProblem(answer, 422, 'validation_failed');
      expect(Object.keys(answer.body.errors ?? {})).toEqual([field]);
    }
  });

  it('creates a habit once for concurrent requests with one Idempotency-Key', async () => {
    const key = `habit-race-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body: { name: key }, headers: { 'idempotency-key': key } })),
    );
    expect(await db.habit.count({ where: { tenantId: ws.tenant.id, name: key } })).toBe(1);
    expect(answers.some((answer) => answer.status === 201)).toBe(true);
    for (const answer of answers.filter((a) => a.status !== 201)) expectProblem(answer, 409, 'idempotency_key_in_progress');
    expectProblem(await ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body: { name: 'different' }, headers: { 'idempotency-key': key } }), 409, 'idempotency_key_reused');
  });
});

describe('GET /api/v1/analytics/overview', () => {
  it("counts the key creator's goals and habits", async () => {
    const ws = await apiWorkspace();
    const [a, b] = [await createGoal(ws.tenant, ws.member, { title: 'A' }), await createGoal(ws.tenant, ws.member, { title: 'B' })];
    await createGoal(ws.tenant, ws.member, { title: 'C' });
    await completeGoal(ws.tenant, ws.member, a.id);
    await archiveGoal(ws.tenant, ws.member, b.id);
    await createGoal(ws.tenant, await memberIn(ws.tenant), { title: 'Not counted' });
    const habit = await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Read' }));
    const today = localDateIn(ws.tenant.timeZone);
    for (const days of [0, 1, 2, 6]) await logHabit(ws.tenant, ws.member, habit.id, { date: addDays(today, -days) });

    const answer = await ws.call(analyticsRoute.GET, '/api/v1/analytics/overview', {});
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.goals).toMatchObject({ total: 3, byStatus: { active: 1, completed: 1, archived: 1 }, averageProgress: 0 });
    expect(answer.body.habits).toMatchObject({ total: 1, active: 1, archived: 0, logsLast7Days: 4, logsLast30Days: 4, currentStreaks: [{ habitId: habit.id, name: 'Read', current: 3, unit: 'days' }] });
    const goals = answer.body.goals as { completedByWeek: { count: number }[] };
    const habits = answer.body.habits as { completedByWeek: { count: number }[] };
    expect(goals.completedByWeek).toHaveLength(12);
    expect(goals.completedByWeek.at(-1)?.count).toBe(1);
    expect(habits.completedByWeek.reduce((sum, week) => sum + week.count, 0)).toBe(4);
  });
});

describe('the request log', () => {
  it('records each request with its route pattern, status and size, and counts it for the tenant', async () => {
    const ws = await apiWorkspace();
    const goal = await createGoal(ws.tenant, ws.member, { title: 'Logged' });
    const read = await ws.call(goalRoute.GET, goalPath(goal.id), { id: goal.id });
    await ws.call(goalRoute.GET, goalPath('missing'), { id: 'missing' });
    await flushRequestLog();

    const rows = await db.apiRequestLog.findMany({ where: { tenantId: ws.tenant.id }, orderBy: { status: 'asc' } });
    expect(rows.map((row) => [row.method, row.route, row.status, row.apiKeyId])).toEqual([
      ['GET', '/api/v1/goals/{id}', 200, ws.keyId],
      ['GET', '/api/v1/goals/{id}', 404, ws.keyId],
    ]);
    expect(rows[0].bytes).toBe(Buffer.byteLength(read.text));
    expect((await usageAt(ws.tenant.id, API_REQUESTS)).value).toBe(2);
  });
});
