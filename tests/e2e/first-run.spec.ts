import { expect, test } from './fixtures.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { addMember, createWorkspace, signIn, tenantUrl } from './support.ts';

// First run in the browser: a new workspace's owner sees the setup checklist, a step ticks
// itself once the thing exists, and hiding it sticks; a member who joined sees a welcome.

test.afterAll(async () => {
  await disconnectDb();
});

test('a new owner follows the setup checklist, sees a step done, and hides it', async ({ page }) => {
  // Several page loads and a new workspace: on a loaded CI machine this outgrows the default timeout.
  test.slow();
  const workspace = await createWorkspace('first');
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));

  const checklist = page.getByTestId('setup-checklist');
  await expect(checklist.getByRole('heading', { name: `Set up ${workspace.name}` })).toBeVisible();
  await expect(checklist).toContainText('0 of 5 done');
  const steps = checklist.getByRole('list', { name: 'Set-up steps' }).getByRole('listitem');
  await expect(steps).toHaveText([/Brand your workspace/, /Invite your people/, /Set a first goal/, /Start a first habit/, /Connect your domain/]);

  // "New goal" leads to the goals page with the new-goal sheet already open.
  await checklist.getByRole('link', { name: 'New goal' }).click();
  await page.waitForURL(/\/goals\?new=1/);
  const form = page.getByRole('dialog', { name: 'New goal' }).getByRole('form', { name: 'New goal' });
  await form.getByLabel('Title').fill('Onboard the first ten people');
  await form.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('list', { name: 'Goals list' }).getByRole('link', { name: 'Onboard the first ten people' })).toBeVisible();

  await page.goto(tenantUrl(workspace.slug));
  await expect(checklist).toContainText('1 of 5 done');
  await expect(steps.filter({ hasText: 'Set a first goal' })).toHaveAttribute('data-done', 'true');
  await expect(steps.filter({ hasText: 'Set a first goal' })).toContainText('(done)');
  await expect(checklist.getByRole('progressbar', { name: 'Set-up progress' })).toHaveAttribute('aria-valuenow', '1');

  await checklist.getByRole('button', { name: 'Hide checklist' }).click();
  await expect(checklist).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  await expect(page.getByTestId('setup-checklist')).toHaveCount(0);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug } });
  expect(tenant.setupChecklistDismissedAt).not.toBeNull();
});

test('a member who joined gets a welcome with first steps, and can close it', async ({ page }) => {
  // Several page loads and a new workspace: on a loaded CI machine this outgrows the default timeout.
  test.slow();
  const workspace = await createWorkspace('welcome');
  const email = await addMember(workspace.slug, 'member');
  await signIn(page, workspace.slug, email);
  await page.waitForURL(tenantUrl(workspace.slug));

  const welcome = page.getByTestId('welcome-card');
  await expect(welcome.getByRole('heading', { name: `Welcome to ${workspace.name}` })).toBeVisible();
  await expect(welcome.getByRole('list', { name: 'First steps' }).getByRole('listitem')).toHaveText([/Join a team/, /Set your first goal/, /Start a habit/]);
  await expect(page.getByTestId('setup-checklist')).toHaveCount(0);

  await welcome.getByRole('button', { name: 'Close the welcome' }).click();
  await expect(welcome).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  await expect(page.getByTestId('welcome-card')).toHaveCount(0);
});
