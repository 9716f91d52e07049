import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { addMember, createWorkspace, signIn, tenantUrl } from './support.ts';

// Two members of one team discuss a team goal: one comments and mentions the other through
// the autocomplete (keyboard only), the other sees the comment live (no reload) with the
// mention as a name; each may edit and
// delete only their own. A member outside the team gets the goal's 404.

test.afterAll(async () => {
  await disconnectDb();
});

async function memberPage(browser: Browser, slug: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, slug, email);
  await page.waitForURL(tenantUrl(slug));
  await waitForHydration(page);
  return page;
}

/** Serious or critical axe findings on the page as it is (WCAG 2.x A/AA). */
async function axeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openGoal(page: Page, slug: string, goalId: string): Promise<void> {
  await page.goto(tenantUrl(slug, `/goals/${goalId}`));
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: /^Comments/ })).toBeVisible();
}

test('two teammates comment on a goal with a mention; each edits and deletes only their own', async ({ browser }) => {
  test.setTimeout(120_000);
  const { slug } = await createWorkspace('cmt');
  const [annEmail, bobEmail, outsiderEmail] = [await addMember(slug), await addMember(slug), await addMember(slug)];
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const [ann, bob] = await Promise.all([annEmail, bobEmail].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } })));
  await db.user.update({ where: { id: ann.id }, data: { name: 'Ann Archer' } });
  await db.user.update({ where: { id: bob.id }, data: { name: 'Bob Baker' } });
  const team = await db.team.create({ data: { tenantId: tenant.id, name: 'Runners', members: { create: [{ tenantId: tenant.id, userId: ann.id, role: 'lead' }, { tenantId: tenant.id, userId: bob.id, role: 'member' }] } } });
  const goal = await db.goal.create({ data: { tenantId: tenant.id, ownerId: ann.id, teamId: team.id, title: 'Spring relay', milestones: { create: [{ tenantId: tenant.id, title: 'Pick the route', position: 0 }] } } });

  const annPage = await memberPage(browser, slug, annEmail);
  const bobPage = await memberPage(browser, slug, bobEmail);
  await openGoal(annPage, slug, goal.id);
  // Bob's page opens the workspace's live stream (SSE, or its polling fallback): the comment must arrive without a reload.
  const bobLive = bobPage.waitForRequest(/\/api\/app\/live/, { timeout: 8_000 }).then(
    () => true,
    () => false,
  );
  await openGoal(bobPage, slug, goal.id);
  await expect(bobPage.getByText('No comments yet.', { exact: false })).toBeVisible();

  // Ann writes, mentioning Bob with the keyboard: "@bo", ↓ is not needed (first match active), Enter picks.
  const box = annPage.getByRole('textbox', { name: 'Add a comment' });
  await box.click();
  await box.pressSequentially('Great start **team**, @Bo');
  const suggestions = annPage.getByRole('listbox', { name: 'Members to mention' });
  await expect(suggestions.getByRole('option', { name: 'Bob Baker' })).toBeVisible();
  await expect(box).toHaveAttribute('aria-activedescendant', /option-0$/);
  // The open autocomplete passes axe at 390 px, and the arrow keys move through it.
  expect(await axeFindings(annPage)).toEqual([]);
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', /option-0$/);
  await box.press('Enter');
  await expect(suggestions).toBeHidden();
  await expect(box).toHaveValue('Great start **team**, @Bob Baker ');
  await box.pressSequentially('can you pick the route?');
  await annPage.getByLabel('About').selectOption({ label: 'Milestone: Pick the route' });
  await annPage.getByRole('button', { name: 'Comment', exact: true }).click();
  const annComment = annPage.getByTestId('comment').filter({ hasText: 'can you pick the route?' });
  await expect(annComment).toBeVisible();
  await expect(annComment.locator('strong')).toHaveText('team');
  await expect(annComment.locator('.mention')).toHaveText('@Bob Baker');
  await expect(annComment).toContainText('Milestone: Pick the route');
  await expect(box).toHaveValue('');

  const stored = await db.comment.findFirstOrThrow({ where: { goalId: goal.id } });
  expect(stored.mentionIds).toEqual([bob.id]);

  // Bob sees it live, without a reload.
  expect(await bobLive).toBe(true);
  const seenByBob = bobPage.getByTestId('comment').filter({ hasText: 'can you pick the route?' });
  await expect(seenByBob).toBeVisible();
  await expect(seenByBob.locator('.mention')).toHaveText('@Bob Baker');
  await expect(seenByBob.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(seenByBob.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  // Bob answers, then edits and deletes his own answer.
  await bobPage.getByRole('textbox', { name: 'Add a comment' }).fill('On it, I will map it tonight.');
  await bobPage.getByRole('button', { name: 'Comment', exact: true }).click();
  const bobComment = bobPage.getByTestId('comment').filter({ hasText: 'On it' });
  await expect(bobComment).toBeVisible();
  await bobComment.getByRole('button', { name: 'Edit' }).click();
  const editBox = bobComment.getByRole('textbox', { name: 'Edit your comment' });
  await expect(editBox).toHaveValue('On it, I will map it tonight.');
  await editBox.fill('On it, mapped: [route](https://maps.example/relay) and [bad](javascript:alert(1))');
  await bobComment.getByRole('button', { name: 'Save' }).click();
  const edited = bobPage.getByTestId('comment').filter({ hasText: 'mapped' });
  await expect(edited).toContainText('(edited)');
  await expect(edited.getByRole('link', { name: 'route' })).toHaveAttribute('href', 'https://maps.example/relay');
  await expect(edited.getByRole('link', { name: 'route' })).toHaveAttribute('rel', 'nofollow noopener ugc');
  await expect(edited.locator('a', { hasText: 'bad' })).not.toHaveAttribute('href', /.*/);

  // Ann sees Bob's answer but may not edit or delete it.
  await openGoal(annPage, slug, goal.id);
  const bobsForAnn = annPage.getByTestId('comment').filter({ hasText: 'mapped' });
  await expect(bobsForAnn).toBeVisible();
  await expect(bobsForAnn.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(bobsForAnn.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  await edited.getByRole('button', { name: 'Delete' }).click();
  await bobPage.getByRole('alertdialog').getByRole('button', { name: 'Delete comment' }).click();
  await expect(bobPage.getByText('This comment was deleted.')).toBeVisible();
  // Ann's open page follows the deletion live.
  await expect(annPage.getByText('This comment was deleted.')).toBeVisible();
  await expect(annPage.getByTestId('comment').filter({ hasText: 'mapped' })).toHaveCount(0);
  await expect(bobPage.getByTestId('comment').filter({ hasText: 'mapped' })).toHaveCount(0);
  expect(await db.comment.count({ where: { goalId: goal.id, deletedAt: { not: null }, body: '' } })).toBe(1);

  // Someone outside the team: the goal (and so its thread) does not exist for them.
  const outsiderPage = await memberPage(browser, slug, outsiderEmail);
  const response = await outsiderPage.goto(tenantUrl(slug, `/goals/${goal.id}`));
  expect(response?.status()).toBe(404);
  const api = await outsiderPage.evaluate(async (id) => (await fetch(`/api/app/goals/${id}/comments`)).status, goal.id);
  expect(api).toBe(404);

  // 390 px: the thread (comments, placeholder, form) passes axe and does not overflow the viewport.
  expect(await axeFindings(bobPage)).toEqual([]);
  const overflow = await bobPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  for (const page of [annPage, bobPage, outsiderPage]) await page.context().close();
});
