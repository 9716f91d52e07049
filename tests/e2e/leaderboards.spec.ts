import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures.ts';
import { addMember, browserFetch, createWorkspace, signIn, tenantUrl } from './support.ts';

// Leaderboards in the browser, each test on a fresh workspace whose figures it writes itself:
// the workspace board by period and metric, opting out, the admin switch, a team's
// statistics and board, and live updates from another member's change.

const DAY = 86_400_000;

async function seed() {
  const { db } = await import('../../lib/db/client.ts');
  return db;
}

async function userId(email: string): Promise<string> {
  const db = await seed();
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function tenantId(slug: string): Promise<string> {
  const db = await seed();
  return (await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

async function completedGoals(slug: string, email: string, count: number, at: Date, teamId: string | null = null): Promise<void> {
  const db = await seed();
  const [tenant, user] = [await tenantId(slug), await userId(email)];
  for (let i = 0; i < count; i += 1) {
    await db.goal.create({ data: { tenantId: tenant, ownerId: user, teamId, title: `Done ${i}`, status: 'completed', progress: 100, completedAt: at, completedById: user } });
  }
}

async function setName(email: string, name: string): Promise<void> {
  const db = await seed();
  await db.user.update({ where: { email }, data: { name } });
}

async function signedIn(page: Page, slug: string, email: string): Promise<void> {
  await signIn(page, slug, email);
  await page.waitForURL(tenantUrl(slug));
}

/** Rows as [rank, name, value] texts. */
async function rows(page: Page): Promise<string[][]> {
  const table = page.getByTestId('leaderboard-table');
  await expect(table).toBeVisible();
  return table.getByTestId('leaderboard-row').evaluateAll((trs) =>
    trs.map((tr) => {
      const [rank, name, value] = Array.from(tr.children) as HTMLElement[];
      return [rank.dataset.rank || '—', (name.querySelector('span')?.textContent ?? '').trim(), value.innerText.trim()];
    }),
  );
}

/** axe's WCAG 2.2 AA rules, as every-route.spec.ts runs them, on what the page shows now. */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('a member ranks the workspace by period and metric, ties share a rank, and the board fits 390 px', async ({ page }) => {
  const { slug, ownerEmail } = await createWorkspace('lb');
  const ana = await addMember(slug);
  const ben = await addMember(slug);
  await setName(ana, 'Ana Board');
  await setName(ben, 'Ben Board');
  await setName(ownerEmail, 'Olga Owner');
  const now = new Date();
  await completedGoals(slug, ana, 2, now);
  await completedGoals(slug, ben, 2, now);
  await completedGoals(slug, ben, 3, new Date(now.getTime() - 45 * DAY));
  // Ana keeps a daily habit made three days ago, logged the last two days: 2 of 2 (today still open).
  const db = await seed();
  const habit = await db.habit.create({ data: { tenantId: await tenantId(slug), userId: await userId(ana), name: 'Morning pages', createdAt: new Date(now.getTime() - 2 * DAY) } });
  for (const back of [1, 2]) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - back * DAY);
    await db.habitLog.create({ data: { tenantId: habit.tenantId, habitId: habit.id, userId: habit.userId, date } });
  }

  await signedIn(page, slug, ana);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboards' }).click();
  await page.waitForURL(tenantUrl(slug, '/leaderboards'));
  await expect(page.getByRole('heading', { level: 1, name: 'Leaderboards' })).toBeVisible();

  // This week: Ana and Ben tie on 2 (listed by name), the owner is third with 0.
  await expect(page.getByRole('button', { name: 'This week' })).toHaveAttribute('aria-pressed', 'true');
  expect(await rows(page)).toEqual([
    ['1', 'Ana Board', '2'],
    ['1', 'Ben Board', '2'],
    ['3', 'Olga Owner', '0'],
  ]);
  await expect(page.getByRole('table', { name: /Goals completed, this week/ })).toBeVisible();

  await page.getByRole('button', { name: 'All time' }).click();
  await expect(page.getByRole('table', { name: /Goals completed, all time/ })).toBeVisible();
  await expect.poll(() => rows(page)).toEqual([
    ['1', 'Ben Board', '5'],
    ['2', 'Ana Board', '2'],
    ['3', 'Olga Owner', '0'],
  ]);

  await page.getByLabel('Rank by').selectOption({ label: 'Habit consistency' });
  await expect.poll(() => rows(page)).toEqual([
    ['1', 'Ana Board', '100%'],
    ['—', 'Ben Board', '—'],
    ['—', 'Olga Owner', '—'],
  ]);
  await page.getByLabel('Rank by').selectOption({ label: 'Longest current streak' });
  await expect(page.getByTestId('leaderboard-row').first()).toContainText('Morning pages');
  await expect(page.getByTestId('leaderboard-row').first().getByTestId('leaderboard-value')).toHaveText('2 days');

  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByTestId('leaderboard-table')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // With unranked rows (the sr-only "Not ranked") and a named streak on show.
  await expectAccessible(page);
});

test("an opted-out member vanishes from others' boards but sees their own row; admins turn leaderboards off", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { slug, ownerEmail } = await createWorkspace('lb');
  const ana = await addMember(slug);
  const ben = await addMember(slug);
  await setName(ana, 'Ana Opt');
  await setName(ben, 'Ben Opt');
  await completedGoals(slug, ben, 3, new Date());

  await signedIn(page, slug, ben);
  await page.goto(tenantUrl(slug, '/account'));
  await page.getByLabel('Keep me out of leaderboards').check();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.goto(tenantUrl(slug, '/leaderboards'));
  await expect(page.getByTestId('opted-out-note')).toBeVisible();
  const own = page.getByTestId('leaderboard-row').filter({ hasText: 'Ben Opt' });
  await expect(own).toContainText('Only you see this row');
  await expect(own.getByTestId('leaderboard-value')).toHaveText('3');

  const anas = await newPage(browser);
  await signIn(anas, slug, ana);
  await anas.waitForURL(tenantUrl(slug));
  await anas.goto(tenantUrl(slug, '/leaderboards'));
  await waitForHydration(anas);
  await expect(anas.getByTestId('leaderboard-table')).toBeVisible();
  await expect(anas.getByTestId('leaderboard-row')).toHaveCount(2);
  await expect(anas.getByTestId('leaderboard-table')).not.toContainText('Ben Opt');
  expect(await browserFetch(anas, '/api/app/leaderboards?period=all').then((r) => r.body)).not.toContain('Ben Opt');

  // The owner turns leaderboards off: the nav item and the boards go, for everyone.
  const owner = await newPage(browser);
  await signIn(owner, slug, ownerEmail);
  await owner.waitForURL(tenantUrl(slug));
  await owner.goto(tenantUrl(slug, '/settings'));
  await waitForHydration(owner);
  await owner.getByLabel('Show leaderboards').uncheck();
  await expect(owner.getByText('Saved.')).toBeVisible();
  await expect(owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboards' })).toHaveCount(0);
  await anas.goto(tenantUrl(slug, '/leaderboards'));
  await waitForHydration(anas);
  await expect(anas.getByTestId('leaderboards-off')).toBeVisible();
  await expect(anas.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboards' })).toHaveCount(0);
  const refused = await browserFetch(anas, '/api/app/leaderboards');
  expect(refused.status).toBe(403);
  expect(JSON.parse(refused.body).code).toBe('leaderboards_disabled');
  await owner.goto(tenantUrl(slug, '/settings/audit'));
  await expect(owner.getByText('leaderboards.disabled').first()).toBeVisible();
});

test("a team page shows its statistics and links to its board; a private team's board stays hidden from outsiders", async ({ page }) => {
  const { slug } = await createWorkspace('lb');
  const ana = await addMember(slug);
  const outsider = await addMember(slug);
  await setName(ana, 'Ana Team');
  const db = await seed();
  const tenant = await tenantId(slug);
  const team = await db.team.create({ data: { tenantId: tenant, name: 'Secret squad', visibility: 'private', members: { create: { tenantId: tenant, userId: await userId(ana), role: 'lead' } } } });
  await completedGoals(slug, ana, 1, new Date(), team.id);
  await db.goal.create({ data: { tenantId: tenant, ownerId: await userId(ana), teamId: team.id, title: 'Still going' } });

  await signedIn(page, slug, ana);
  await page.goto(tenantUrl(slug, `/teams/${team.id}`));
  const stats = page.getByTestId('team-stats');
  await expect(stats.getByTestId('stat-members')).toHaveText('1');
  await expect(stats.getByTestId('stat-active')).toHaveText('1');
  await expect(stats.getByTestId('stat-completed')).toHaveText('1');
  await expect(stats.getByTestId('stat-rate')).toHaveText('50%');
  await expect(page.getByTestId('team-completion-chart')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByTestId('team-completion-chart')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await stats.getByRole('link', { name: 'Leaderboard' }).click();
  await page.waitForURL(tenantUrl(slug, `/leaderboards?team=${team.id}`));
  await expect(page.getByRole('table', { name: /Team: Secret squad/ })).toBeVisible();
  // The rows are read on the all-time board: the default (this week's) board is empty when the
  // run crosses Monday 00:00 UTC between completing the goal and reading it.
  await page.goto(tenantUrl(slug, `/leaderboards?team=${team.id}&period=all`));
  await expect(page.getByRole('table', { name: /Team: Secret squad/ })).toBeVisible();
  expect(await rows(page)).toEqual([['1', 'Ana Team', '1']]);

  await page.context().clearCookies();
  await signedIn(page, slug, outsider);
  expect((await browserFetch(page, `/api/app/leaderboards?teamId=${team.id}`)).status).toBe(404);
  expect((await browserFetch(page, `/api/app/teams/${team.id}/stats`)).status).toBe(404);
  await page.goto(tenantUrl(slug, `/leaderboards?team=${team.id}`));
  await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible();
  // On the workspace board the outsider has no team to pick, and the private team is named nowhere.
  await page.goto(tenantUrl(slug, '/leaderboards'));
  await expect(page.getByTestId('leaderboard-table')).toBeVisible();
  await expect(page.getByLabel('Board')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Secret squad');
});

test("another member's completion moves the board live, without a reload", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { slug } = await createWorkspace('lb');
  const ana = await addMember(slug);
  const ben = await addMember(slug);
  await setName(ana, 'Ana Live');
  await setName(ben, 'Ben Live');
  const db = await seed();
  const tenant = await tenantId(slug);
  const team = await db.team.create({ data: { tenantId: tenant, name: 'Live crew', members: { create: [{ tenantId: tenant, userId: await userId(ana) }, { tenantId: tenant, userId: await userId(ben), role: 'lead' }] } } });
  const goal = await db.goal.create({ data: { tenantId: tenant, ownerId: await userId(ben), teamId: team.id, title: 'Ship it' } });
  await completedGoals(slug, ana, 1, new Date());

  await signedIn(page, slug, ana);
  await page.goto(tenantUrl(slug, '/leaderboards'));
  expect((await rows(page))[0]).toEqual(['1', 'Ana Live', '1']);
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));

  const bens = await newPage(browser);
  await signIn(bens, slug, ben);
  await bens.waitForURL(tenantUrl(slug));
  expect((await browserFetch(bens, `/api/app/goals/${goal.id}/complete`, { method: 'POST' })).status).toBe(200);

  // Ana's page (not reloaded: the marker survives) shows the tie within seconds.
  await expect.poll(() => rows(page), { timeout: 10_000 }).toEqual([
    ['1', 'Ana Live', '1'],
    ['1', 'Ben Live', '1'],
    ['3', expect.any(String), '0'],
  ]);
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
});
