import { expect, test, waitForHydration } from './fixtures.ts';
import { addMember, browserFetch, createWorkspace, PORT, signIn, tenantUrl } from './support.ts';

// The built-in integrations in a real browser, against the providers' fakes that Playwright
// starts (tests/support/fakes/serve.ts): a member connects Google Calendar through the fake's
// consent page and watches the first sync finish; an admin adds Slack and maps its channels;
// Outlook, whose credentials this installation lacks, says how to set it up.

test('a member connects Google Calendar through the provider’s consent page and sees the sync status', async ({ page, browser }) => {
  const workspace = await createWorkspace('gcal');
  const memberEmail = await addMember(workspace.slug, 'member');

  // An admin installs it for the workspace.
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/integrations/google-calendar'));
  await expect(page.getByTestId('integration-not-configured')).toHaveCount(0);
  await page.getByTestId('integration-install').click();
  await expect(page.getByTestId('integration-uninstall')).toBeVisible();

  // A member with a dated goal finds it under Integrations and connects their own account.
  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, workspace.slug, memberEmail);
  await member.waitForURL(tenantUrl(workspace.slug));
  await waitForHydration(member);
  const goal = await browserFetch(member, '/api/app/goals', { method: 'POST', json: { title: 'Run a half marathon', targetDate: '2027-03-14' } });
  expect(goal.status).toBe(201);
  await member.goto(tenantUrl(workspace.slug, '/integrations'));
  await waitForHydration(member);
  await member.getByRole('list', { name: 'Installed' }).getByRole('link', { name: /Google Calendar/ }).click();
  await member.waitForURL(tenantUrl(workspace.slug, '/integrations/google-calendar'));
  await waitForHydration(member);
  await member.getByRole('button', { name: 'Connect Google Calendar' }).click();

  // The provider's own consent page (the fake's), then back through the root domain's callback.
  await expect(member.getByRole('heading', { name: 'Fake Google' })).toBeVisible();
  expect(new URL(member.url()).port).not.toBe(String(PORT));
  await member.getByRole('button', { name: 'Allow' }).click();
  await member.waitForURL(/\/integrations\/google-calendar\?connected=google-calendar$/);
  await waitForHydration(member);
  await expect(member.getByTestId('integration-connected')).toContainText('Google Calendar is connected.');
  await expect(member.getByTestId('integration-account')).toContainText('@gmail.test');

  // The first sync runs in the background; the card follows it to the end.
  await expect(member.getByTestId('integration-last-sync')).toContainText('succeeded', { timeout: 30_000 });
  await expect(member.getByTestId('integration-sync-summary')).toContainText('1 sent');
  await member.getByRole('combobox', { name: 'Sync' }).selectOption('hourly');
  await expect(member.getByText('Google Calendar syncs every hour.')).toBeVisible();
  await member.getByRole('button', { name: 'Sync now' }).click();
  await expect(member.getByText('Sync started.')).toBeVisible();
  await member.reload();
  await waitForHydration(member);
  await expect(member.getByRole('combobox', { name: 'Sync' })).toHaveValue('hourly');
  await expect(member.getByTestId('integration-log')).toContainText('Connected');

  // The admin sees one member connected, and disconnecting is the member's own.
  await page.goto(tenantUrl(workspace.slug, '/settings/installed-apps'));
  await expect(page.getByTestId('installed-integration').filter({ hasText: 'Google Calendar' })).toContainText('1 member has connected an account.');
  await member.getByRole('button', { name: 'Disconnect' }).click();
  await member.getByRole('alertdialog').getByRole('button', { name: 'Disconnect' }).click();
  await expect(member.getByRole('button', { name: 'Connect Google Calendar' })).toBeVisible();
  await context.close();
});

test('an admin adds Slack to the workspace and chooses the channels its notifications go to', async ({ page }) => {
  const workspace = await createWorkspace('slack');
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  // Found in the marketplace, under its reserved address.
  await page.goto(tenantUrl(workspace.slug, '/apps?q=slack'));
  await page.getByTestId('app-card').filter({ hasText: 'Slack' }).getByRole('link').click();
  await page.waitForURL(tenantUrl(workspace.slug, '/integrations/slack'));
  await page.getByTestId('integration-install').click();
  await page.getByRole('button', { name: 'Connect Slack' }).click();
  await page.getByRole('button', { name: /Allow/ }).click();
  await page.waitForURL(/\/integrations\/slack\?connected=slack$/);
  await waitForHydration(page);
  await expect(page.getByTestId('integration-account')).not.toBeEmpty();

  // The channel list comes from the fake's conversations.list.
  const panel = page.getByTestId('slack-panel');
  await panel.getByRole('combobox', { name: 'Notification' }).selectOption({ label: 'Team goals completed' });
  await panel.getByRole('combobox', { name: 'Channel' }).selectOption({ label: '#general' });
  await panel.getByRole('button', { name: 'Add mapping' }).click();
  const mappings = panel.getByRole('list', { name: 'Slack channel mappings' });
  await expect(mappings.getByRole('listitem')).toHaveCount(1);
  await expect(mappings).toContainText('#general');
  await expect(mappings).toContainText('Team goals completed');
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByRole('list', { name: 'Slack channel mappings' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('integration-log')).toContainText('Connected');
});

test('an integration this installation has no credentials for says how to set it up', async ({ page }) => {
  await signIn(page, 'acme', 'admin@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  // /apps/<its id> is the integration's page.
  await page.goto(tenantUrl('acme', '/apps/outlook-calendar'));
  await page.waitForURL(tenantUrl('acme', '/integrations/outlook-calendar'));
  const card = page.getByTestId('integration-not-configured');
  await expect(card.getByRole('heading', { name: 'Not configured on this installation' })).toBeVisible();
  await expect(card).toContainText('MICROSOFT_CLIENT_ID (not set)');
  await expect(card).toContainText('Calendars.ReadWrite');
  await expect(page.getByTestId('integration-redirect-uri')).toHaveText(`http://localhost:${PORT}/api/integrations/outlook-calendar/callback`);
  await expect(page.getByTestId('integration-install')).toHaveCount(0);
  await page.goto(tenantUrl('acme', '/integrations'));
  await expect(page.getByRole('list', { name: 'Not configured' }).getByRole('link')).toHaveText([/Outlook Calendar/]);
});
