import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { addMember, createWorkspace, signIn, tenantUrl } from './support.ts';

// Activity feeds in a browser: the workspace feed (nav item), kudos given and taken back from
// one member's browser and seen from the celebrated member's, the type filter, the team, goal
// and member feeds, a personal goal that never shows to others, and the feed at 390 px.

// The first test makes the workspace (sign-up, members, a team, goals) inside its own time.
test.describe.configure({ timeout: 180_000 });

test.afterAll(async () => {
  await disconnectDb();
});

interface World {
  slug: string;
  sam: { email: string; userId: string };
  ana: { email: string; userId: string };
  teamId: string;
  goalId: string;
}

let world: Promise<World> | undefined;

/** A fresh workspace: Sam and Ana in the Crew team, Sam's team goal (completed) and his personal goal. */
async function makeWorld(): Promise<World> {
  const { contextOf, memberOf } = await import('../support/factories.ts');
  const { createTeam } = await import('../../lib/teams/teams.ts');
  const { addTeamMember } = await import('../../lib/teams/team-membership.ts');
  const { createGoal } = await import('../../lib/goals/goals.ts');
  const { completeGoal } = await import('../../lib/goals/goal-status.ts');
  const { slug, ownerEmail } = await createWorkspace('activity');
  const samEmail = await addMember(slug);
  const anaEmail = await addMember(slug);
  const tenantRow = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const tenant = await contextOf(tenantRow.id);
  const userId = async (email: string, name: string) => (await db.user.update({ where: { email }, data: { name }, select: { id: true } })).id;
  const samId = await userId(samEmail, 'Sam Rivers');
  const anaId = await userId(anaEmail, 'Ana Lima');
  const owner = await memberOf(tenant.id, (await db.user.findUniqueOrThrow({ where: { email: ownerEmail } })).id);
  const sam = await memberOf(tenant.id, samId);
  const team = await createTeam(tenant, owner, { name: 'Crew', leadUserId: samId });
  await addTeamMember(tenant, owner, team.id, { userId: anaId });
  const goal = await createGoal(tenant, sam, { title: 'Launch the spring program', teamId: team.id });
  const diary = await createGoal(tenant, sam, { title: 'Sam secret diary' });
  await completeGoal(tenant, sam, diary.id);
  await completeGoal(tenant, sam, goal.id);
  return { slug, sam: { email: samEmail, userId: samId }, ana: { email: anaEmail, userId: anaId }, teamId: team.id, goalId: goal.id };
}

async function signedIn(browser: Browser, slug: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, slug, email);
  await page.waitForURL(tenantUrl(slug));
  return page;
}

const item = (page: Page, text: string | RegExp) => page.getByTestId('activity-item').filter({ hasText: text });

test('a teammate sees a completion in the feed, gives kudos the celebrated member sees, and never sees a personal goal', async ({ page, browser }) => {
  world ??= makeWorld();
  const { slug, sam, ana, teamId, goalId } = await world;
  await signIn(page, slug, ana.email);
  await page.waitForURL(tenantUrl(slug));

  await page.getByRole('navigation').getByRole('link', { name: 'Activity' }).first().click();
  await page.waitForURL(tenantUrl(slug, '/activity'));
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  const completed = item(page, 'Sam Rivers completed Launch the spring program');
  await expect(completed).toBeVisible();
  await expect(item(page, 'Sam Rivers created the goal Launch the spring program in Crew')).toBeVisible();
  await expect(page.getByText('Sam secret diary')).toHaveCount(0);

  const kudos = completed.getByTestId('kudos-button');
  await expect(kudos).toHaveAttribute('aria-pressed', 'false');
  // The button shows the kudos at once (optimistic); the reload waits for the server's answer,
  // or it could cancel the request before it is sent (CI saw "Kudos" after the reload).
  const given = page.waitForResponse((response) => response.url().includes('/kudos') && response.request().method() === 'PUT');
  await kudos.click();
  await expect(kudos).toHaveAttribute('aria-pressed', 'true');
  await expect(kudos).toHaveText('Kudos · 1');
  expect((await given).status()).toBe(200);
  await page.reload();
  await expect(item(page, 'Sam Rivers completed Launch the spring program').getByTestId('kudos-button')).toHaveText('Kudos · 1');

  // Sam, in his own browser: his completion on the goal page carries Ana's kudos (no button: it is his).
  const samPage = await signedIn(browser, slug, sam.email);
  await samPage.goto(tenantUrl(slug, `/goals/${goalId}`));
  const own = item(samPage, 'Sam Rivers completed Launch the spring program');
  await expect(own.getByTestId('kudos-count')).toHaveText('1 kudos');
  await expect(own.getByTestId('kudos-button')).toHaveCount(0);
  // His own feed has his personal goal; Ana's view of his member page does not.
  await samPage.goto(tenantUrl(slug, '/members/me'));
  await expect(item(samPage, 'Sam Rivers completed Sam secret diary')).toBeVisible();
  await samPage.context().close();

  // Ana takes her kudos back.
  const again = item(page, 'Sam Rivers completed Launch the spring program').getByTestId('kudos-button');
  await again.click();
  await expect(again).toHaveAttribute('aria-pressed', 'false');
  await expect(again).toHaveText('Kudos');

  // The filter: habits only, then everything again.
  await page.getByTestId('activity-filter').selectOption('habits');
  await expect(page.getByText('Nothing has happened here yet.').or(page.getByText(/No activity yet/))).toBeVisible();
  await page.getByTestId('activity-filter').selectOption('celebrations');
  await expect(item(page, 'completed Launch the spring program')).toBeVisible();
  await expect(item(page, 'created the goal')).toHaveCount(0);

  // The team's feed on its page, and Sam's member page (linked from his name).
  await page.goto(tenantUrl(slug, `/teams/${teamId}`));
  await expect(page.getByRole('heading', { name: 'Team activity' })).toBeVisible();
  await expect(item(page, 'Sam Rivers completed Launch the spring program')).toBeVisible();
  await item(page, 'Sam Rivers completed Launch the spring program').getByRole('link', { name: 'Sam Rivers' }).click();
  await page.waitForURL(tenantUrl(slug, `/members/${sam.userId}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Rivers' })).toBeVisible();
  await expect(item(page, 'Sam Rivers completed Launch the spring program')).toBeVisible();
  await expect(page.getByText('Sam secret diary')).toHaveCount(0);
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the feed fits a phone and its kudos button is on screen', async ({ page }) => {
    world ??= makeWorld();
    const { slug, ana } = await world;
    await signIn(page, slug, ana.email);
    await page.waitForURL(tenantUrl(slug));
    await page.goto(tenantUrl(slug, '/activity'));
    const completed = item(page, 'Sam Rivers completed Launch the spring program');
    await expect(completed).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const box = await completed.getByTestId('kudos-button').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // No serious accessibility problem on the feed (kudos buttons, filter, links).
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="activity-feed"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});

test('the feed is live: a teammate’s progress shows up, and kudos given elsewhere update the count, without a reload', async ({ page }) => {
  world ??= makeWorld();
  const { slug, sam, ana, teamId } = await world;
  const { contextOf, memberOf } = await import('../support/factories.ts');
  const { createGoal } = await import('../../lib/goals/goals.ts');
  const { setGoalProgress } = await import('../../lib/goals/goal-progress.ts');
  const { giveKudos } = await import('../../lib/activity/kudos.ts');
  const tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  const tenant = await contextOf(tenantId);

  await signIn(page, slug, sam.email);
  await page.waitForURL(tenantUrl(slug));
  await page.goto(tenantUrl(slug, '/activity'));
  await expect(page.locator('html[data-live-state="open"]')).toBeAttached({ timeout: 20_000 });
  const own = item(page, 'Sam Rivers completed Launch the spring program');
  await expect(own).toBeVisible();

  const title = `Live feed ${Date.now().toString(36)}`;
  const anaMember = await memberOf(tenantId, ana.userId);
  // Ana, elsewhere, makes a team goal (she is its lead assignee) and moves it.
  const goal = await createGoal(tenant, anaMember, { title, teamId });
  await setGoalProgress(tenant, anaMember, goal.id, { progress: 60 });
  await expect(item(page, `Ana Lima moved ${title} to 60%`)).toBeVisible({ timeout: 10_000 });

  const completed = await db.domainEvent.findFirstOrThrow({ where: { tenantId, type: 'goal.completed', actorId: sam.userId, payload: { path: ['title'], equals: 'Launch the spring program' } } });
  await db.kudos.deleteMany({ where: { eventId: completed.id } });
  await giveKudos(tenant, anaMember, completed.id);
  await expect(own.getByTestId('kudos-count')).toHaveText('1 kudos', { timeout: 10_000 });
});
