import { disconnectDb, db } from '../../lib/db/client.ts';
import { expect, test } from './fixtures.ts';
import { browserFetch, signIn, tenantUrl } from './support.ts';

test.afterAll(() => disconnectDb());

// Ids of globex's rows, used by an acme admin through acme's own API: every request must
// answer 404 (never another tenant's data) and change nothing.
test("another workspace's goals, habits, teams and members are out of reach by id", async ({ page }) => {
  const globex = await db.tenant.findUniqueOrThrow({ where: { slug: 'globex' } });
  const goal = await db.goal.findFirstOrThrow({ where: { tenantId: globex.id, teamId: { not: null } } });
  const habit = await db.habit.findFirstOrThrow({ where: { tenantId: globex.id } });
  const team = await db.team.findFirstOrThrow({ where: { tenantId: globex.id } });
  const membership = await db.membership.findFirstOrThrow({ where: { tenantId: globex.id, role: 'member' } });

  await signIn(page, 'acme', 'owner@acme.test');
  await page.waitForURL(tenantUrl('acme'));

  const attempts: [string, string, unknown?][] = [
    ['GET', `/api/app/goals/${goal.id}`],
    ['PATCH', `/api/app/goals/${goal.id}`, { title: 'Taken over' }],
    ['POST', `/api/app/goals/${goal.id}/progress`, { progress: 99 }],
    ['POST', `/api/app/goals/${goal.id}/complete`],
    ['DELETE', `/api/app/goals/${goal.id}`],
    ['GET', `/api/app/habits/${habit.id}`],
    ['POST', `/api/app/habits/${habit.id}/logs`, {}],
    ['DELETE', `/api/app/habits/${habit.id}`],
    ['GET', `/api/app/teams/${team.id}`],
    ['POST', `/api/app/teams/${team.id}/join`],
    ['DELETE', `/api/app/teams/${team.id}`],
    ['PATCH', `/api/app/members/${membership.id}`, { role: 'viewer' }],
    ['DELETE', `/api/app/members/${membership.id}`],
  ];
  for (const [method, path, json] of attempts) {
    const response = await browserFetch(page, path, { method, json: json ?? (method === 'GET' || method === 'DELETE' ? undefined : {}) });
    expect(response.status, `${method} ${path}: ${response.body}`).toBe(404);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).not.toContain(globex.id);
  }
  for (const path of [`/goals/${goal.id}`, `/habits/${habit.id}`, `/teams/${team.id}`]) {
    expect((await page.goto(tenantUrl('acme', path)))?.status(), path).toBe(404);
  }

  const after = await db.goal.findUniqueOrThrow({ where: { id: goal.id } });
  expect(after).toMatchObject({ title: goal.title, progress: goal.progress, status: goal.status });
  expect(await db.habit.count({ where: { id: habit.id } })).toBe(1);
  expect(await db.team.count({ where: { id: team.id } })).toBe(1);
  expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe('member');
});
