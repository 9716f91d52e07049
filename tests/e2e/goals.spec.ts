import { expect, test } from './fixtures.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { createWorkspace, signIn, tenantUrl } from './support.ts';

test.afterAll(async () => {
  await disconnectDb();
});

test('a member creates a goal, updates its progress and completes it', async ({ page }) => {
  const title = `Run a 10k ${Date.now().toString(36)}`;
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await page.goto(tenantUrl('acme', '/goals'));

  const form = page.getByRole('form', { name: 'New goal' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Target date (optional)').fill('2031-06-30');
  await form.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created “${title}”.` })).toBeVisible();

  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('goal-status')).toHaveText('Active');

  await page.getByRole('spinbutton', { name: 'Progress (%)' }).fill('40');
  await page.getByLabel('Note (optional)').fill('First long run');
  await page.getByRole('button', { name: 'Update progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Progress saved: 40%.' })).toBeVisible();
  await expect(page.getByTestId('goal-progress')).toHaveText('40%');
  await expect(page.getByRole('row', { name: /Member at Acme Coaching/ })).toContainText('+40 pts');

  await page.getByRole('button', { name: 'Complete goal' }).click();
  await expect(page.getByTestId('goal-status')).toHaveText('Completed');
  await expect(page.getByTestId('goal-progress')).toHaveText('100%');
  await expect(page.getByRole('button', { name: 'Reopen goal' })).toBeVisible();

  // What the server stored, not only what the page guessed.
  await page.reload();
  await expect(page.getByTestId('goal-status')).toHaveText('Completed');
  await expect(page.getByTestId('goal-completed')).toContainText('Member at Acme Coaching');
  await page.goto(tenantUrl('acme', '/goals?status=completed'));
  await expect(page.getByRole('list', { name: 'Completed goals' }).getByRole('link', { name: title })).toBeVisible();
});

test('goal and team labels follow the workspace terminology', async ({ page }) => {
  const workspace = await createWorkspace('terms');
  // Set before the first request to the new host, so no instance has it cached yet.
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true } });
  await db.branding.update({ where: { tenantId: tenant.id }, data: { terminology: { goal: 'objective', goals: 'objectives', team: 'squad', teams: 'squads' } } });

  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));

  await page.goto(tenantUrl(workspace.slug, '/teams'));
  await expect(page.getByRole('heading', { level: 1, name: 'Squads' })).toBeVisible();
  const teamForm = page.getByRole('form', { name: 'New squad' });
  await teamForm.getByLabel('Name').fill('Alpha');
  await teamForm.getByLabel('Lead').selectOption({ label: 'Owner Person' });
  await teamForm.getByRole('button', { name: 'Create squad' }).click();
  await expect(page.getByRole('list', { name: 'Your squads' }).getByRole('link', { name: 'Alpha' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Leave squad' })).toBeVisible();

  await page.goto(tenantUrl(workspace.slug, '/goals'));
  await expect(page.getByRole('heading', { level: 1, name: 'Objectives' })).toBeVisible();
  const goalForm = page.getByRole('form', { name: 'New objective' });
  await goalForm.getByLabel('Title').fill('Ship the beta');
  await goalForm.getByLabel('Squad').selectOption({ label: 'Alpha' });
  await goalForm.getByRole('button', { name: 'Create objective' }).click();
  await page.getByRole('link', { name: 'Ship the beta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ship the beta' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Complete objective' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Complete goal' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Assignees' })).toContainText('Owner Person');
});
