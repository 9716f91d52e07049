import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { addMember, createWorkspace, signIn, tenantUrl } from './support.ts';

// The lists at 390 px (issue 15 saw the members list at 553 px with Remove off-screen, the
// audit log at 849 px, and "Add milestone" poking out of its card).

test.use({ viewport: { width: 390, height: 844 } });

test.afterAll(async () => {
  await disconnectDb();
});

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(innerWidth);
}

test('members, audit log, goals and habits fit 390 px, and each member’s actions are on screen', async ({ page }) => {
  // Several page loads and a new workspace: on a loaded CI machine this outgrows the default timeout.
  test.slow();
  const workspace = await createWorkspace('narrow');
  const email = await addMember(workspace.slug);
  // A long address, the kind that widened the table before.
  await addMember(workspace.slug, 'viewer');
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));

  await page.goto(tenantUrl(workspace.slug, '/settings/members'));
  await expectNoHorizontalScroll(page);
  const menu = page.getByTestId(`member-${email}`).getByRole('button', { name: /^Actions for / });
  // On screen across: the table box did not have to scroll sideways to reach it (it is below the fold, so only x counts).
  const box = await menu.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(await page.getByTestId(`member-${email}`).evaluate((row) => row.closest('div.overflow-x-auto')?.scrollLeft ?? 0)).toBe(0);
  await menu.click();
  const remove = page.getByRole('menuitem', { name: 'Remove from workspace' });
  await expect(remove).toBeInViewport();
  await remove.click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId(`member-${email}`)).toHaveCount(0);

  // Sending an invitation keeps the button's size: the result is a toast.
  const form = page.getByRole('form', { name: 'Invite someone' });
  const send = form.getByRole('button', { name: 'Send invitation' });
  const before = await send.boundingBox();
  await form.getByLabel('Email', { exact: true }).fill(`someone-${Date.now()}@example.test`);
  await send.click();
  await expect(page.getByText(/Invitation (to .* sent|sent to)/)).toBeVisible();
  expect((await send.boundingBox())?.width).toBe(before?.width);
  await expectNoHorizontalScroll(page);

  await page.goto(tenantUrl(workspace.slug, '/settings/audit'));
  await expect(page.getByRole('cell', { name: 'member.removed' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  for (const path of ['/goals', '/habits', '/teams']) {
    await page.goto(tenantUrl(workspace.slug, path));
    await expectNoHorizontalScroll(page);
  }
});

test('"Add milestone" stays inside its card at 390 px', async ({ page }) => {
  // Several page loads and a new workspace: on a loaded CI machine this outgrows the default timeout.
  test.slow();
  const workspace = await createWorkspace('milestone');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: workspace.ownerEmail }, select: { id: true } });
  const goal = await db.goal.create({ data: { tenantId: tenant.id, ownerId: owner.id, title: 'Ship it' } });
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, `/goals/${goal.id}`));
  const form = page.getByRole('form', { name: 'Add milestone' });
  const button = form.getByRole('button', { name: 'Add milestone' });
  const [formBox, buttonBox, dateBox] = await Promise.all([form.boundingBox(), button.boundingBox(), form.getByLabel('Due date (optional)').boundingBox()]);
  expect(buttonBox!.x + buttonBox!.width).toBeLessThanOrEqual(formBox!.x + formBox!.width + 0.5);
  expect(dateBox!.x + dateBox!.width).toBeLessThanOrEqual(formBox!.x + formBox!.width + 0.5);
  await expectNoHorizontalScroll(page);
});
