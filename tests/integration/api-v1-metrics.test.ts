import { beforeAll, describe, expect, it } from 'vitest';
import * as measurementsRoute from '../../app/api/v1/goals/[id]/measurements/route.ts';
import * as goalRoute from '../../app/api/v1/goals/[id]/route.ts';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import * as metricsRoute from '../../app/api/v1/metrics/route.ts';
import { flushRequestLog } from '../../lib/api/request-log.ts';
import { MeasurementList, MeasurementResult } from '../../lib/api/v1/schemas/metric.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { addAssignee } from '../../lib/goals/goal-assignees.ts';
import { setGoalProgress } from '../../lib/goals/goal-progress.ts';
import { archiveGoal, completeGoal } from '../../lib/goals/goal-status.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { APP_SCOPES } from '../../lib/marketplace/app-schema.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { apiWorkspace, type ApiWorkspace, callV1, expectProblem, goalPath, MEMBER_SCOPES, OVER_ONE_MB, walk } from '../support/api-v1-client.ts';
import { registerApp, tokensFor } from '../support/oauth-client.ts';
import { memberIn } from '../support/workspace.ts';

// POST /api/v1/metrics and GET /api/v1/goals/{id}/measurements, through the route handlers:
// measurements move a measurable goal's progress once per clientId, whatever the retries and
// races, and only where the caller may move it.

const METRICS = '/api/v1/metrics';
const measurementsPath = (id: string) => `/api/v1/goals/${id}/measurements`;

describe('metrics', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  /** A key of ws's member with write:analytics. */
  let secret: string;
  let keyId: string;

  beforeAll(async () => {
    [ws, other] = await Promise.all([apiWorkspace(), apiWorkspace()]);
    ({ secret, keyId } = await ws.newKey({ scopes: [...MEMBER_SCOPES, 'write:analytics'] }));
  });

  const measurable = (targetValue = 100, unit: string | null = 'km', member: Member = ws.member) => createGoal(ws.tenant, member, { title: `Run ${targetValue} ${unit ?? ''}`, targetValue, unit });
  const send = (body: unknown, options: { secret?: string } = {}) => ws.call(metricsRoute.POST, METRICS, {}, { method: 'POST', body, secret: options.secret ?? secret });
  const goalRow = (id: string) => db.goal.findUniqueOrThrow({ where: { id }, select: { progress: true, currentValue: true, status: true } });
  const goalEvents = async (goalId: string) =>
    (await db.domainEvent.findMany({ where: { tenantId: ws.tenant.id, type: 'goal.updated' }, orderBy: { occurredAt: 'asc' } })).filter((e) => (e.payload as { goalId: string }).goalId === goalId);

  it('records a measurement: 201, the goal moves through a progress entry and goal.updated', async () => {
    const goal = await measurable(100, 'km');
    const answer = await send({ goalId: goal.id, value: 42.5, unit: 'km', measuredAt: '2026-06-15T07:30:00+02:00', note: 'Long run', clientId: 'run-1' });
    expect(answer.status, answer.text).toBe(201);
    const result = MeasurementResult.parse(answer.body);
    expect(result.measurement).toMatchObject({ goalId: goal.id, userId: ws.member.userId, value: 42.5, unit: 'km', note: 'Long run', measuredAt: '2026-06-15T05:30:00.000Z', clientId: 'run-1' });
    expect(result.goal).toMatchObject({ id: goal.id, targetValue: 100, unit: 'km', currentValue: 42.5, progress: 42 });

    const entries = await db.goalProgressEntry.findMany({ where: { goalId: goal.id } });
    expect(entries.map((e) => [e.userId, e.delta, e.note])).toEqual([[ws.member.userId, 42, 'Long run']]);
    expect((await goalEvents(goal.id)).map((e) => e.payload)).toEqual([{ goalId: goal.id, changes: { currentValue: { from: 0, to: 42.5 }, progress: { from: 0, to: 42 } } }]);
    expect(await db.goalMeasurement.findFirstOrThrow({ where: { goalId: goal.id }, select: { source: true } })).toEqual({ source: keyId });

    // The v1 goal resource says where it stands.
    const read = await ws.call(goalRoute.GET, goalPath(goal.id), { id: goal.id });
    expect(read.body).toMatchObject({ targetValue: 100, unit: 'km', currentValue: 42.5, progress: 42 });
  });

  it('answers a repeat of the same clientId with the first measurement (200) and moves nothing; other values are 409', async () => {
    const goal = await measurable(10, 'km');
    const body = { goalId: goal.id, value: 5, unit: 'km', measuredAt: '2026-06-15T07:30:00Z', clientId: 'run-repeat' };
    const first = await send(body);
    expect(first.status, first.text).toBe(201);
    const again = await send(body);
    expect(again.status, again.text).toBe(200);
    expect(again.body.measurement).toEqual(first.body.measurement);
    expect(again.body.goal).toMatchObject({ currentValue: 5, progress: 50 });
    // A retry that leaves out measuredAt (or the goal's unit) is the same measurement.
    expect((await send({ goalId: goal.id, value: 5, clientId: 'run-repeat' })).status).toBe(200);

    for (const changed of [{ value: 6 }, { measuredAt: '2026-06-16T07:30:00Z' }, { note: 'Another run' }, { goalId: (await measurable(10, 'km')).id }]) {
      expectProblem(await send({ ...body, ...changed }), 409, 'measurement_client_id_reused');
    }
    expect(await goalRow(goal.id)).toMatchObject({ currentValue: 5, progress: 50 });
    expect(await db.goalProgressEntry.count({ where: { goalId: goal.id } })).toBe(1);
    expect(await goalEvents(goal.id)).toHaveLength(1);

    // clientIds are per sender: another key's "run-repeat" is its own measurement.
    const otherKey = await ws.newKey({ scopes: ['write:analytics'] });
    expect((await send(body, { secret: otherKey.secret })).status).toBe(201);
    expect(await goalRow(goal.id)).toMatchObject({ currentValue: 10, progress: 100 });
  });

  it('records 10 concurrent identical requests once, and 10 concurrent different ones all, without a lost update', async () => {
    const goal = await measurable(50, 'km');
    const body = { goalId: goal.id, value: 5, unit: 'km', clientId: 'run-race' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => (a.body.measurement as { id: string }).id)).size).toBe(1);
    expect(await db.goalMeasurement.count({ where: { goalId: goal.id } })).toBe(1);
    expect(await db.goalProgressEntry.count({ where: { goalId: goal.id } })).toBe(1);
    expect(await goalRow(goal.id)).toMatchObject({ currentValue: 5, progress: 10 });

    const distinct = await Promise.all(Array.from({ length: 10 }, (_, i) => send({ goalId: goal.id, value: 4.5, clientId: `race-${i}` })));
    expect(distinct.map((a) => a.status), distinct.map((a) => a.text).join('\n')).toEqual(Array(10).fill(201));
    // 5 + 10 × 4.5 = 50: the target. Progress stops at 100 and the goal stays active: reaching
    // 100% completes nothing, as setting 100% by hand does not (completing is the editors' act).
    expect(await goalRow(goal.id)).toEqual({ currentValue: 50, progress: 100, status: 'active' });
    expect((await db.goalProgressEntry.aggregate({ where: { goalId: goal.id }, _sum: { delta: true } }))._sum.delta).toBe(100);
    const beyond = await send({ goalId: goal.id, value: 7, clientId: 'run-extra' });
    expect(beyond.body.goal).toMatchObject({ currentValue: 57, progress: 100, status: 'active' });
  });

  it('takes negative corrections, never below a total of 0', async () => {
    const goal = await measurable(20, 'km');
    await send({ goalId: goal.id, value: 10, clientId: 'fix-1' });
    const corrected = await send({ goalId: goal.id, value: -4, note: 'GPS glitch', clientId: 'fix-2' });
    expect(corrected.status, corrected.text).toBe(201);
    expect(corrected.body.goal).toMatchObject({ currentValue: 6, progress: 30 });
    const below = await send({ goalId: goal.id, value: -7, clientId: 'fix-3' });
    expectProblem(below, 422, 'validation_failed');
    expect(Object.keys(below.body.errors ?? {})).toEqual(['value']);
    expect(await db.goalMeasurement.count({ where: { goalId: goal.id } })).toBe(2);
  });

  it('refuses goals it may not move: 404 hidden or elsewhere, 403 not an assignee, 409 without a target or closed, 422 another unit', async () => {
    const othersGoal = await createGoal(other.tenant, other.member, { title: 'Not yours', targetValue: 10 });
    expectProblem(await send({ goalId: othersGoal.id, value: 1, clientId: 'x-tenant' }), 404, 'not_found');
    expectProblem(await send({ goalId: 'missing', value: 1, clientId: 'x-missing' }), 404, 'not_found');
    const colleague = await memberIn(ws.tenant);
    const colleaguesGoal = await measurable(10, 'km', colleague);
    expectProblem(await send({ goalId: colleaguesGoal.id, value: 1, clientId: 'x-private' }), 404, 'not_found');

    // A team goal the key's creator sees as a team member but is not assigned to.
    const admin = await memberIn(ws.tenant, 'admin');
    const team = await createTeam(ws.tenant, admin, { name: 'Runners', leadUserId: colleague.userId });
    await addTeamMember(ws.tenant, colleague, team.id, { userId: ws.member.userId });
    const teamGoal = await createGoal(ws.tenant, colleague, { title: 'Team 100 km', teamId: team.id, targetValue: 100, unit: 'km' });
    expectProblem(await send({ goalId: teamGoal.id, value: 1, clientId: 'x-team' }), 403, 'forbidden');
    await addAssignee(ws.tenant, colleague, teamGoal.id, { userId: ws.member.userId, role: 'contributor' });
    expect((await send({ goalId: teamGoal.id, value: 1, clientId: 'x-team' })).status).toBe(201);

    const manual = await createGoal(ws.tenant, ws.member, { title: 'Feel better' });
    expectProblem(await send({ goalId: manual.id, value: 1, clientId: 'x-manual' }), 409, 'goal_not_measurable');
    const wrongUnit = await send({ goalId: (await measurable(10, 'km')).id, value: 1, unit: 'mi', clientId: 'x-unit' });
    expectProblem(wrongUnit, 422, 'validation_failed');
    expect(wrongUnit.body.errors).toEqual({ unit: 'Use this goal\'s unit, "km" (values are not converted).' });
    const unitless = await send({ goalId: (await measurable(10, null)).id, value: 1, unit: 'km', clientId: 'x-unitless' });
    expect(Object.keys(unitless.body.errors ?? {})).toEqual(['unit']);

    const completed = await measurable(10, 'km');
    await completeGoal(ws.tenant, ws.member, completed.id);
    expectProblem(await send({ goalId: completed.id, value: 1, clientId: 'x-completed' }), 409, 'conflict');
    const archived = await measurable(10, 'km');
    await archiveGoal(ws.tenant, ws.member, archived.id);
    expectProblem(await send({ goalId: archived.id, value: 1, clientId: 'x-archived' }), 409, 'conflict');
    // None of the refusals left a measurement behind, and their clientIds stay free.
    expect(await db.goalMeasurement.count({ where: { tenantId: ws.tenant.id, clientId: { startsWith: 'x-' }, NOT: { clientId: 'x-team' } } })).toBe(0);
  });

  it('needs write:analytics: a key without it, and a viewer’s key, are 403', async () => {
    const goal = await measurable();
    expectProblem(await send({ goalId: goal.id, value: 1, clientId: 'scope-1' }, { secret: ws.secret }), 403, 'insufficient_scope');
    // A key made with write:analytics by a member who is a viewer now: the role caps the key's scopes.
    const demoted = await apiWorkspace();
    const demotedKey = await demoted.newKey({ scopes: ['read:goals', 'write:analytics'] });
    await db.membership.update({ where: { id: demoted.member.membershipId }, data: { role: 'viewer' } });
    const viewersGoal = await createGoal(demoted.tenant, { ...demoted.member, role: 'member' }, { title: 'Walk 10 km', targetValue: 10, unit: 'km' });
    const answer = await callV1(metricsRoute.POST, METRICS, {}, { method: 'POST', secret: demotedKey.secret, hostTenantId: demoted.tenant.id, body: { goalId: viewersGoal.id, value: 1, clientId: 'scope-2' } });
    expectProblem(answer, 403, 'insufficient_scope');
    expect(await db.goalMeasurement.count({ where: { goalId: viewersGoal.id } })).toBe(0);
  });

  it('answers malformed and oversized bodies with 4xx, never 500', async () => {
    const goal = await measurable();
    expectProblem(await send('{'), 400, 'bad_request');
    expectProblem(await send(OVER_ONE_MB), 413, 'payload_too_large');
    const cases: [unknown, string][] = [
      [{ goalId: goal.id, value: '5', clientId: 'b-1' }, 'value'],
      [{ goalId: goal.id, value: 0, clientId: 'b-2' }, 'value'],
      [{ goalId: goal.id, value: 2e9, clientId: 'b-3' }, 'value'],
      ['{"goalId":"' + goal.id + '","value":1e400,"clientId":"b-4"}', 'value'],
      [{ goalId: goal.id, value: 1 }, 'clientId'],
      [{ goalId: goal.id, value: 1, clientId: 'x'.repeat(256) }, 'clientId'],
      [{ goalId: goal.id, value: 1, clientId: 'has space' }, 'clientId'],
      [{ goalId: goal.id, value: 1, clientId: 'b-5', measuredAt: 'yesterday' }, 'measuredAt'],
      [{ goalId: goal.id, value: 1, clientId: 'b-6', measuredAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }, 'measuredAt'],
      [{ goalId: goal.id, value: 1, clientId: 'b-7', unit: 'k'.repeat(21) }, 'unit'],
      [{ goalId: goal.id, value: 1, clientId: 'b-8', note: 'n'.repeat(501) }, 'note'],
      [{ goalId: goal.id, value: 1, clientId: 'b-9', colour: 'red' }, 'colour'],
      [{ value: 1, clientId: 'b-10' }, 'goalId'],
      [[1, 2], ''],
    ];
    for (const [body, field] of cases) {
      const answer = await send(body);
      expectProblem(answer, 422, 'validation_failed');
      if (field) expect(Object.keys(answer.body.errors ?? {}), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    expect(await db.goalMeasurement.count({ where: { goalId: goal.id } })).toBe(0);
  });

  it('works with an OAuth access token that has write:analytics, and is 403 without it', async () => {
    expect(APP_SCOPES).toContain('write:analytics');
    const admin = await memberIn(ws.tenant, 'admin');
    const app = await registerApp({ tenant: ws.tenant, admin }, { allowedScopes: ['read:goals', 'write:analytics'] });
    const goal = await measurable(10, 'km');
    const body = { goalId: goal.id, value: 3, unit: 'km', clientId: 'strava-activity-1' };

    const withScope = await tokensFor(app, ws.tenant, ws.member, 'read:goals write:analytics');
    const answer = await send(body, { secret: withScope.access_token });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.goal).toMatchObject({ currentValue: 3, progress: 30 });
    expect(await db.goalMeasurement.findFirstOrThrow({ where: { goalId: goal.id }, select: { source: true, userId: true } })).toEqual({ source: app.view.clientId, userId: ws.member.userId });
    // The sender is the app, whichever of its tokens: a new grant repeating the clientId is a repeat.
    const again = await tokensFor(app, ws.tenant, ws.member, 'read:goals write:analytics');
    expect((await send(body, { secret: again.access_token })).status).toBe(200);

    const withoutScope = await tokensFor(app, ws.tenant, ws.member, 'read:goals');
    expectProblem(await send({ ...body, clientId: 'strava-activity-2' }, { secret: withoutScope.access_token }), 403, 'insufficient_scope');
    expect(await goalRow(goal.id)).toMatchObject({ currentValue: 3 });
  });

  it('lists a goal’s measurements a page at a time, latest measuredAt first; hidden goals are 404', async () => {
    const goal = await measurable(100, 'km');
    const days = ['2026-06-11', '2026-06-14', '2026-06-12', '2026-06-15', '2026-06-13'];
    for (const [i, day] of days.entries()) expect((await send({ goalId: goal.id, value: 1 + i, measuredAt: `${day}T06:00:00Z`, clientId: `list-${i}` })).status).toBe(201);
    const first = await ws.call(measurementsRoute.GET, `${measurementsPath(goal.id)}?limit=2`, { id: goal.id });
    expect(first.status, first.text).toBe(200);
    expect(MeasurementList.parse(first.body).data.map((m) => m.measuredAt.slice(0, 10))).toEqual(['2026-06-15', '2026-06-14']);
    const { pages, keys } = await walk(ws, measurementsRoute.GET, measurementsPath(goal.id), 'limit=2', { id: goal.id });
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(new Set(keys).size).toBe(5);
    expectProblem(await ws.call(measurementsRoute.GET, `${measurementsPath(goal.id)}?cursor=bogus`, { id: goal.id }), 422, 'validation_failed');

    const othersGoal = await createGoal(other.tenant, other.member, { title: 'Not yours', targetValue: 10 });
    expectProblem(await ws.call(measurementsRoute.GET, measurementsPath(othersGoal.id), { id: othersGoal.id }), 404, 'not_found');
  });

  it('counts each call as API usage, like every v1 call', async () => {
    const counted = await apiWorkspace();
    const key = await counted.newKey({ scopes: ['read:goals', 'write:analytics'] });
    const goal = await createGoal(counted.tenant, counted.member, { title: 'Swim 20 km', targetValue: 20, unit: 'km' });
    await counted.call(metricsRoute.POST, METRICS, {}, { method: 'POST', secret: key.secret, body: { goalId: goal.id, value: 1, clientId: 'swim-1' } });
    await counted.call(metricsRoute.POST, METRICS, {}, { method: 'POST', secret: key.secret, body: { goalId: goal.id, value: 1, clientId: 'swim-1' } });
    await counted.call(measurementsRoute.GET, measurementsPath(goal.id), { id: goal.id }, { secret: key.secret });
    await flushRequestLog();
    const rows = await db.apiRequestLog.findMany({ where: { tenantId: counted.tenant.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [row.method, row.route, row.status, row.apiKeyId])).toEqual([
      ['POST', METRICS, 201, key.keyId],
      ['POST', METRICS, 200, key.keyId],
      ['GET', '/api/v1/goals/{id}/measurements', 200, key.keyId],
    ]);
  });
});

describe('measurable goals through /api/v1/goals', () => {
  let ws: ApiWorkspace;
  beforeAll(async () => {
    ws = await apiWorkspace();
  });

  it('creates one with a target and unit, and a new target moves its progress to what the measurements reach', async () => {
    const created = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Read 12 books', targetValue: 12, unit: 'books' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ targetValue: 12, unit: 'books', currentValue: 0, progress: 0 });
    const id = created.body.id as string;
    const listed = await ws.call(goalsRoute.GET, '/api/v1/goals', {});
    expect(listed.body.data?.find((goal) => goal.id === id)).toEqual(created.body);

    await db.goal.update({ where: { id }, data: { currentValue: 3 } });
    const patch = (body: unknown) => ws.call(goalRoute.PATCH, goalPath(id), { id }, { method: 'PATCH', body });
    const retargeted = await patch({ targetValue: 6 });
    expect(retargeted.body).toMatchObject({ targetValue: 6, unit: 'books', progress: 50 });
    expect((await patch({ targetValue: 2 })).body).toMatchObject({ progress: 100 });
    // Cleared: a manual goal again, its progress as it was, its unit gone with the target.
    expect((await patch({ targetValue: null })).body).toMatchObject({ targetValue: null, unit: null, progress: 100 });
    const entries = await db.goalProgressEntry.findMany({ where: { goalId: id }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((e) => e.delta)).toEqual([50, 50]);

    for (const body of [{ targetValue: 0 }, { targetValue: -1 }, { targetValue: 'ten' }, { targetValue: 2e9 }, { unit: 'u'.repeat(21) }]) {
      expectProblem(await patch(body), 422, 'validation_failed');
    }
    expect((await patch({ unit: 'books' })).body.errors).toEqual({ unit: 'Set a target to give it a unit.' });
    const unitOnly = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'No target', unit: 'km' } });
    expectProblem(unitOnly, 422, 'validation_failed');
  });

  it('keeps a manual change of a measurable goal until the next measurement sets it from the total', async () => {
    const goal = await createGoal(ws.tenant, ws.member, { title: 'Cycle 200 km', targetValue: 200, unit: 'km' });
    await setGoalProgress(ws.tenant, ws.member, goal.id, { progress: 60 });
    const { secret } = await ws.newKey({ scopes: ['write:analytics'] });
    const answer = await ws.call(metricsRoute.POST, METRICS, {}, { method: 'POST', secret, body: { goalId: goal.id, value: 20, clientId: 'ride-1' } });
    expect(answer.body.goal).toMatchObject({ currentValue: 20, progress: 10 });
  });
});
