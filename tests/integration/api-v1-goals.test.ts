import { beforeAll, describe, expect, it } from 'vitest';
import * as goalRoute from '../../app/api/v1/goals/[id]/route.ts';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import * as habitsRoute from '../../app/api/v1/habits/route.ts';
import { db } from '../../lib/db/client.ts';
import { archiveGoal, completeGoal } from '../../lib/goals/goal-status.ts';
import { addAssignee } from '../../lib/goals/goal-assignees.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { addMilestone, updateMilestone } from '../../lib/goals/milestones.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { apiWorkspace, type ApiWorkspace, type V1Handler, expectProblem, ids, goalPath, OVER_ONE_MB, walk } from '../support/api-v1-client.ts';
import { memberIn } from '../support/workspace.ts';

describe('goals', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  let othersGoalId: string;

  beforeAll(async () => {
    [ws, other] = await Promise.all([apiWorkspace(), apiWorkspace()]);
    othersGoalId = (await createGoal(other.tenant, other.member, { title: 'Not yours' })).id;
  });

  it('creates, reads (with an ETag), changes and deletes a goal', async () => {
    const created = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Run a 10k', targetDate: '2030-05-01', description: 'Spring' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ title: 'Run a 10k', targetDate: '2030-05-01', description: 'Spring', status: 'active', progress: 0, teamId: null, ownerId: ws.member.userId });
    const id = created.body.id as string;

    const read = await ws.call(goalRoute.GET, goalPath(id), { id });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const etag = read.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);

    const unchanged = await ws.call(goalRoute.GET, goalPath(id), { id }, { headers: { 'if-none-match': etag ?? '' } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect((await ws.call(goalRoute.GET, goalPath(id), { id }, { headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);

    const patched = await ws.call(goalRoute.PATCH, goalPath(id), { id }, { method: 'PATCH', body: { title: 'Run a half marathon', description: '' } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ id, title: 'Run a half marathon', description: null });

    const changed = await ws.call(goalRoute.GET, goalPath(id), { id }, { headers: { 'if-none-match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);

    const deleted = await ws.call(goalRoute.DELETE, goalPath(id), { id }, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectProblem(await ws.call(goalRoute.GET, goalPath(id), { id }), 404, 'not_found');
  });

  it('pages through every visible goal exactly once, newest first', async () => {
    const paging = await apiWorkspace();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await createGoal(paging.tenant, paging.member, { title: `Goal ${i}` })).id);
    const colleague = await memberIn(paging.tenant);
    await createGoal(paging.tenant, colleague, { title: 'Someone else’s personal goal' });

    const { pages, keys } = await walk(paging, goalsRoute.GET, '/api/v1/goals', 'limit=3');
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(new Set(keys).size).toBe(7);
    expect([...keys].sort()).toEqual([...made].sort());
    expect(keys).toEqual([...made].reverse());

    const first = await paging.call(goalsRoute.GET, '/api/v1/goals', {});
    expect(first.body.data).toHaveLength(7);
    expect(first.body.next_cursor).toBeNull();
  });

  it('lists each goal as GET /goals/{id} shows it: text, dates, milestones, assignees and completion', async () => {
    const shown = await apiWorkspace('admin');
    const colleague = await memberIn(shown.tenant);
    const team = await createTeam(shown.tenant, shown.member, { name: 'Listed', leadUserId: shown.member.userId });
    await addTeamMember(shown.tenant, shown.member, team.id, { userId: colleague.userId });
    const teamGoal = await createGoal(shown.tenant, shown.member, { title: 'Ship "v2" \\ naïve ✓ 🚀', description: 'Line one\nline\ttwo', targetDate: '2031-02-03', teamId: team.id });
    await addAssignee(shown.tenant, shown.member, teamGoal.id, { userId: colleague.userId, role: 'contributor' });
    const withMilestones = await addMilestone(shown.tenant, shown.member, teamGoal.id, { title: 'Draft' });
    await addMilestone(shown.tenant, shown.member, teamGoal.id, { title: 'Review' });
    await updateMilestone(shown.tenant, shown.member, teamGoal.id, withMilestones.milestoneList[0].id, { completed: true });
    const done = await createGoal(shown.tenant, shown.member, { title: 'Done already' });
    await completeGoal(shown.tenant, shown.member, done.id);

    const listed = await shown.call(goalsRoute.GET, '/api/v1/goals', {});
    expect(listed.status, listed.text).toBe(200);
    const items = listed.body.data as { id: string; assignees: { userId: string; role: string }[]; completedAt: string }[];
    expect(items).toHaveLength(2);
    for (const item of items) {
      const single = await shown.call(goalRoute.GET, goalPath(item.id), { id: item.id });
      expect(item).toEqual(single.body);
    }
    const [doneItem, teamItem] = items;
    expect(teamItem).toMatchObject({ milestones: { completed: 1, total: 2 }, targetDate: '2031-02-03', teamId: team.id });
    // Its creator first (assigned on creation), then in the order they were added.
    expect(teamItem.assignees.map((a) => a.userId)).toEqual([shown.member.userId, colleague.userId]);
    expect(teamItem.assignees[1]).toEqual({ userId: colleague.userId, role: 'contributor' });
    expect(doneItem).toMatchObject({ status: 'completed', progress: 100, assignees: [], milestones: { completed: 0, total: 0 } });
    expect(doneItem.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('filters by status and by creation date (UTC days, both ends inclusive)', async () => {
    const filtering = await apiWorkspace();
    const [a, b, c] = [await createGoal(filtering.tenant, filtering.member, { title: 'A' }), await createGoal(filtering.tenant, filtering.member, { title: 'B' }), await createGoal(filtering.tenant, filtering.member, { title: 'C' })];
    await archiveGoal(filtering.tenant, filtering.member, a.id);
    await completeGoal(filtering.tenant, filtering.member, b.id);
    await db.goal.update({ where: { id: c.id }, data: { createdAt: new Date('2024-01-31T23:59:59.999Z') } });

    const list = (query: string) => filtering.call(goalsRoute.GET, `/api/v1/goals?${query}`, {});
    expect(ids(await list('status=archived'))).toEqual([a.id]);
    expect(ids(await list('status=completed'))).toEqual([b.id]);
    expect(ids(await list('from=2024-01-31&to=2024-01-31'))).toEqual([c.id]);
    expect(ids(await list('to=2024-01-30'))).toEqual([]);
    expect(ids(await list('from=2024-02-01')).sort()).toEqual([a.id, b.id].sort());
  });

  it('is 422 naming the query parameter', async () => {
    const habitCursor = (await ws.call(habitsRoute.GET, '/api/v1/habits?limit=1', {})).body.next_cursor;
    const cases: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['status=done', 'status'],
      ['from=2024-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2024-03-01&to=2024-02-01', 'to'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('["habits","2024-01-01T00:00:00.000Z","x"]').toString('base64url')}`, 'cursor'],
    ];
    if (habitCursor) cases.push([`cursor=${habitCursor}`, 'cursor']);
    for (const [query, field] of cases) {
      const answer = await ws.call(goalsRoute.GET, `/api/v1/goals?${query}`, {});
      expectProblem(answer, 422, 'validation_failed');
      expect(Object.keys(answer.body.errors ?? {}), query).toEqual([field]);
      expect(answer.body.detail).toContain(field);
    }
  });

  it('is 422 for an invalid or unknown body field, naming it', async () => {
    const post = (body: unknown) => ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body });
    const invalid = await post({ title: '' });
    expectProblem(invalid, 422, 'validation_failed');
    expect(invalid.body.errors).toEqual({ title: 'Enter a title.' });
    const unknown = await post({ title: 'Fine', titel: 'typo', progress: 50 });
    expectProblem(unknown, 422, 'validation_failed');
    expect(Object.keys(unknown.body.errors ?? {}).sort()).toEqual(['progress', 'titel']);
    expect(unknown.body.detail).toContain('titel');
    expectProblem(await post(['not', 'an', 'object']), 422, 'validation_failed');

    const id = (await createGoal(ws.tenant, ws.member, { title: 'Patch me' })).id;
    const patch = (body: unknown) => ws.call(goalRoute.PATCH, goalPath(id), { id }, { method: 'PATCH', body });
    expect((await patch({ status: 'completed' })).body.errors).toHaveProperty('status');
    expect((await patch({ targetDate: '2030-02-30' })).body.errors).toHaveProperty('targetDate');
    expectProblem(await patch({}), 422, 'validation_failed');
    expect((await ws.call(goalRoute.GET, goalPath(id), { id })).body.title).toBe('Patch me');
  });

  it('is 400 for malformed JSON, 415 for another media type and 413 over 1 MB', async () => {
    const id = (await createGoal(ws.tenant, ws.member, { title: 'Body limits' })).id;
    const requests: [V1Handler<{ id: string }>, string, 'POST' | 'PATCH'][] = [
      [goalsRoute.POST, '/api/v1/goals', 'POST'],
      [goalRoute.PATCH, goalPath(id), 'PATCH'],
    ];
    for (const [handler, path, method] of requests) {
      expectProblem(await ws.call(handler, path, { id }, { method, body: '{"title":' }), 400, 'bad_request');
      expectProblem(await ws.call(handler, path, { id }, { method, body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
      expectProblem(await ws.call(handler, path, { id }, { method, body: OVER_ONE_MB }), 413, 'payload_too_large');
    }
    expectProblem(await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: OVER_ONE_MB, headers: { 'idempotency-key': 'big-body' } }), 413, 'payload_too_large');
    const justUnder = JSON.stringify({ title: 'Just under', description: 'x'.repeat(4000) });
    expect((await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: justUnder })).status).toBe(201);
  });

  it("is 404 for unknown ids, other people's personal goals and other workspaces' goals, which stay as they were", async () => {
    const colleague = await memberIn(ws.tenant);
    const colleaguesGoal = await createGoal(ws.tenant, colleague, { title: 'Private' });
    for (const id of ['no-such-goal', othersGoalId, colleaguesGoal.id]) {
      expectProblem(await ws.call(goalRoute.GET, goalPath(id), { id }), 404, 'not_found');
      expectProblem(await ws.call(goalRoute.PATCH, goalPath(id), { id }, { method: 'PATCH', body: { title: 'Hijacked' } }), 404, 'not_found');
      expectProblem(await ws.call(goalRoute.DELETE, goalPath(id), { id }, { method: 'DELETE' }), 404, 'not_found');
    }
    expect(await db.goal.findUnique({ where: { id: othersGoalId }, select: { title: true, tenantId: true } })).toEqual({ title: 'Not yours', tenantId: other.tenant.id });
    expect((await db.goal.findUniqueOrThrow({ where: { id: colleaguesGoal.id } })).title).toBe('Private');
  });

  it('is 409 when changing an archived goal', async () => {
    const goal = await createGoal(ws.tenant, ws.member, { title: 'Shelved' });
    await archiveGoal(ws.tenant, ws.member, goal.id);
    expectProblem(await ws.call(goalRoute.PATCH, goalPath(goal.id), { id: goal.id }, { method: 'PATCH', body: { title: 'New' } }), 409, 'conflict');
  });

  it('replays a create with the same Idempotency-Key and body, and refuses the key with another body', async () => {
    const post = (body: unknown, key: string) => ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body, headers: { 'idempotency-key': key } });
    const key = `goal-${Date.now()}`;
    const first = await post({ title: 'Exactly once' }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post({ title: 'Exactly once' }, key);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await db.goal.count({ where: { tenantId: ws.tenant.id, title: 'Exactly once' } })).toBe(1);

    expectProblem(await post({ title: 'Something else' }, key), 409, 'idempotency_key_reused');
    expectProblem(await post({ title: 'Exactly once', description: 'x' }, key), 409, 'idempotency_key_reused');
    // The key belongs to the key holder: another key may use the same string.
    const { secret } = await ws.newKey();
    expect((await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', secret, body: { title: 'Exactly once' }, headers: { 'idempotency-key': key } })).headers.get('idempotent-replayed')).toBeNull();
  });

  it('is 422 for a malformed Idempotency-Key, and releases a key whose request failed', async () => {
    for (const key of ['', 'has space', 'ü', 'k'.repeat(256)]) {
      const answer = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Keyed' }, headers: { 'idempotency-key': key } });
      expectProblem(answer, 422, 'validation_failed');
      expect(Object.keys(answer.body.errors ?? {})).toEqual(['Idempotency-Key']);
    }
    expect((await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Max key' }, headers: { 'idempotency-key': 'k'.repeat(255) } })).status).toBe(201);

    const key = `retry-${Date.now()}`;
    expectProblem(await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: '' }, headers: { 'idempotency-key': key } }), 422, 'validation_failed');
    const fixed = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Fixed' }, headers: { 'idempotency-key': key } });
    expect(fixed.status).toBe(201);
    const stored = await db.idempotencyKey.findUniqueOrThrow({ where: { apiKeyId_key: { apiKeyId: ws.keyId, key } } });
    expect(stored).toMatchObject({ tenantId: ws.tenant.id, method: 'POST', path: '/api/v1/goals', status: 201, body: fixed.text });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
  });

  it('runs two concurrent creates with one Idempotency-Key once', async () => {
    const key = `race-${Date.now()}`;
    const title = `Raced ${key}`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title }, headers: { 'idempotency-key': key } })),
    );
    expect(await db.goal.count({ where: { tenantId: ws.tenant.id, title } })).toBe(1);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.text)).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) expectProblem(answer, 409, 'idempotency_key_in_progress');
    // Once it finished, everyone gets the replay.
    const later = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title }, headers: { 'idempotency-key': key } });
    expect(later.text).toBe(created[0].text);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
  });
});
