import { expect, test } from './fixtures.ts';
import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { contextOf, memberOf } from '../support/factories.ts';
import { createWorkspace, hostRequest, signIn, tenantUrl } from './support.ts';

test.afterAll(async () => {
  await disconnectDb();
});

test('a member creates a goal, updates its progress and completes it', async ({ page }) => {
  const title = `Run a 10k ${Date.now().toString(36)}`;
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await page.goto(tenantUrl('acme', '/goals'));

  // The new-goal form lives in a side sheet opened from the page header.
  await expect(page.getByRole('form', { name: 'New goal' })).toHaveCount(0);
  await page.getByRole('button', { name: 'New goal' }).click();
  const sheet = page.getByRole('dialog', { name: 'New goal' });
  const form = sheet.getByRole('form', { name: 'New goal' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Target date (optional)').fill('2031-06-30');
  await form.getByRole('button', { name: 'Create goal' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByText(`Created “${title}”.`)).toBeVisible();
  // Acme's member has many goals from earlier runs: find this one by searching.
  await page.getByRole('searchbox', { name: 'Search goals' }).fill(title);
  // As a person would: wait for the search to apply (it rewrites the address after a pause)
  // before opening the goal, or the search's navigation would land after the click's.
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByRole('list', { name: 'Goals list' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('list', { name: 'Goals list' }).getByRole('link', { name: title }).click();
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
  await page.goto(tenantUrl('acme', `/goals?status=completed&q=${encodeURIComponent(title)}`));
  await expect(page.getByLabel('Status')).toHaveValue('completed');
  await expect(page.getByRole('list', { name: 'Goals list' }).getByRole('link', { name: title })).toBeVisible();
});

test('a measurable goal shows what an app measured toward it: "42.5 of 100 km"', async ({ page, request }) => {
  const title = `Run 100 km ${Date.now().toString(36)}`;
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await page.goto(tenantUrl('acme', '/goals'));
  await page.getByRole('button', { name: 'New goal' }).click();
  const sheet = page.getByRole('dialog', { name: 'New goal' });
  const form = sheet.getByRole('form', { name: 'New goal' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Target value (optional)').fill('100');
  await form.getByLabel('Unit (optional)').fill('km');
  await form.getByRole('button', { name: 'Create goal' }).click();
  await expect(sheet).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search goals' }).fill(title);
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole('list', { name: 'Goals list' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('goal-measured')).toHaveText('0 of 100 km');
  const goalId = new URL(page.url()).pathname.split('/').pop()!;

  // A fitness app records a run through the public API with the member's key.
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  const user = await db.user.findUniqueOrThrow({ where: { email: 'member@acme.test' } });
  const { secret } = await createApiKey(await contextOf(acme.id), await memberOf(acme.id, user.id), { name: 'e2e fitness app', scopes: ['write:analytics'] });
  const run = Buffer.from(JSON.stringify({ goalId, value: 42.5, unit: 'km', note: 'Long run', clientId: `run-${goalId}` }));
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
  const recorded = await hostRequest(request, 'POST', 'acme.localhost', '/api/v1/metrics', { data: run, headers });
  expect(recorded.status(), await recorded.text()).toBe(201);
  expect((await hostRequest(request, 'POST', 'acme.localhost', '/api/v1/metrics', { data: run, headers })).status()).toBe(200);

  // The open page follows (live updates), and the stored goal says the same after a reload.
  await expect(page.getByTestId('goal-measured')).toHaveText('42.5 of 100 km');
  await expect(page.getByTestId('goal-progress')).toHaveText('42%');
  await page.reload();
  await expect(page.getByTestId('goal-measured')).toHaveText('42.5 of 100 km');
  await expect(page.getByTestId('goal-progress')).toHaveText('42%');
  await expect(page.getByText('Long run')).toBeVisible();

  // Editing the target moves the progress to what the measurements reach.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('form', { name: 'Edit goal' });
  await expect(edit.getByLabel('Target value (optional)')).toHaveValue('100');
  await edit.getByLabel('Target value (optional)').fill('50');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('goal-measured')).toHaveText('42.5 of 50 km');
  await expect(page.getByTestId('goal-progress')).toHaveText('85%');
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
  await page.getByRole('button', { name: 'New objective' }).click();
  const goalForm = page.getByRole('dialog', { name: 'New objective' }).getByRole('form', { name: 'New objective' });
  await goalForm.getByLabel('Title').fill('Ship the beta');
  await goalForm.getByLabel('Squad').selectOption({ label: 'Alpha' });
  await goalForm.getByRole('button', { name: 'Create objective' }).click();
  await page.getByRole('list', { name: 'Objectives list' }).getByRole('link', { name: 'Ship the beta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ship the beta' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Complete objective' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Complete goal' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Assignees' })).toContainText('Owner Person');
});

test('the goals list searches and filters, and keeps its filters in the address', async ({ page }) => {
  // Several page loads and a new workspace: on a loaded CI machine this outgrows the default timeout.
  test.slow();
  const workspace = await createWorkspace('glist');
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/goals'));

  // An empty list says what would be here and offers one action, which opens the sheet.
  await expect(page.getByRole('heading', { name: 'No goals yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Create your first goal' }).click();
  const form = page.getByRole('dialog', { name: 'New goal' }).getByRole('form', { name: 'New goal' });
  await form.getByLabel('Title').fill('Write the handbook');
  await form.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('dialog', { name: 'New goal' })).toBeHidden();
  const list = page.getByRole('list', { name: 'Goals list' });
  await expect(list.getByRole('link', { name: 'Write the handbook' })).toBeVisible();

  // Two more, straight into the database (the sheet is covered above).
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: workspace.ownerEmail }, select: { id: true } });
  await db.goal.createMany({
    data: [
      { tenantId: tenant.id, ownerId: owner.id, title: 'Hire a designer', targetDate: new Date('2020-01-15T00:00:00Z') },
      { tenantId: tenant.id, ownerId: owner.id, title: 'Open the Lisbon office' },
    ],
  });
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(3);

  await page.getByRole('searchbox', { name: 'Search goals' }).fill('lisbon');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('link', { name: 'Open the Lisbon office' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=lisbon/);
  // The filters live in the address: a reload shows the same list.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search goals' })).toHaveValue('lisbon');
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await page.getByRole('searchbox', { name: 'Search goals' }).fill('');
  await page.getByLabel('Due').selectOption('overdue');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('link', { name: 'Hire a designer' })).toBeVisible();
  await page.getByLabel('Due').selectOption('none');
  await page.getByLabel('Sort by').selectOption('title');
  await expect(list.getByRole('link')).toHaveText(['Open the Lisbon office', 'Write the handbook']);
  await page.getByRole('searchbox', { name: 'Search goals' }).fill('nothing like this');
  await expect(page.getByRole('heading', { name: 'No goals match' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
});

test('deleting a goal is quiet and asks first; Cancel keeps it', async ({ page }) => {
  // Several page loads and a new workspace: on a loaded CI machine this outgrows the default timeout.
  test.slow();
  const workspace = await createWorkspace('gdel');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: workspace.ownerEmail }, select: { id: true } });
  const goal = await db.goal.create({ data: { tenantId: tenant.id, ownerId: owner.id, title: 'Hire a designer' } });
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, `/goals/${goal.id}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Hire a designer' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete goal' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Hire a designer”?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await db.goal.count({ where: { id: goal.id } })).toBe(1);

  await page.getByRole('button', { name: 'Delete goal' }).click();
  await confirm.getByRole('button', { name: 'Yes, delete goal' }).click();
  await page.waitForURL(tenantUrl(workspace.slug, '/goals'));
  await expect(page.getByRole('heading', { name: 'No goals yet' })).toBeVisible();
  expect(await db.goal.count({ where: { id: goal.id } })).toBe(0);
});
