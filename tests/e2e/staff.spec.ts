import { randomBytes } from 'node:crypto';
import { totpCode } from '../../lib/auth/totp.ts';
import { db } from '../../lib/db/client.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { DEMO_PASSWORD, ROOT, signInAsOperator } from './support.ts';

// A platform owner invites a support engineer by email; they join from the link, are made to
// set up two-factor authentication before anything else, and then see the console their role
// allows (no Staff page). The owner then removes them, and their session stops working.

test('an owner invites a support engineer, who joins, sets up 2FA first, and is later removed', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `support-${randomBytes(4).toString('hex')}@staff.test`;

  await signInAsOperator(page);
  await page.goto(`${ROOT}/operator/staff`);
  const invite = page.getByRole('form', { name: 'Invite to the staff' });
  await invite.getByLabel('Email').fill(email);
  await invite.getByLabel('Role').selectOption('support');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByTestId(`staff-invitation-${email}`)).toContainText('as Support');

  // The invitee, in their own browser, from the link in the email.
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email, kind: 'staff_invitation' }, orderBy: { createdAt: 'desc' } });
  const link = /http:\/\/\S+\/operator\/join\/[A-Za-z0-9_-]{43}/.exec(message.text)![0];
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await waitForHydration(invitee);
  await expect(invitee.getByRole('heading', { name: 'Join the Waypoint staff' })).toBeVisible();
  const join = invitee.getByRole('form', { name: 'Join the staff' });
  await join.getByLabel('Your name').fill('Sam Support');
  await join.getByLabel('Choose a password').fill(DEMO_PASSWORD);
  await join.getByRole('button', { name: 'Join the staff' }).click();

  // Signed in, but nothing opens before two-factor authentication is on.
  await invitee.waitForURL('**/operator/account/security?enrol=required');
  await waitForHydration(invitee);
  await expect(invitee.getByRole('alert').filter({ hasText: 'requires two-factor authentication of all platform staff' })).toBeVisible();
  await invitee.goto(`${ROOT}/operator/audit`);
  await invitee.waitForURL('**/operator/account/security?enrol=required');
  await waitForHydration(invitee);
  await invitee.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = (await invitee.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  const confirm = invitee.getByRole('form', { name: 'Confirm two-factor authentication' });
  await confirm.getByLabel('Code from your app').fill(await totpCode(secret));
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(invitee.getByTestId('recovery-code')).toHaveCount(10);
  await invitee.getByRole('button', { name: 'I have saved them' }).click();
  await expect(invitee.getByTestId('two-factor-status')).toContainText('Recovery codes left: 10');
  // Staff cannot turn it off.
  await expect(invitee.getByRole('form', { name: 'Turn off two-factor authentication' })).toHaveCount(0);

  // Now the console opens, as far as the support role goes.
  await invitee.goto(`${ROOT}/operator/audit`);
  await expect(invitee.getByRole('heading', { name: 'Platform audit log', level: 1 })).toBeVisible();
  const header = invitee.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Staff' })).toHaveCount(0);
  await header.getByRole('button', { name: email }).click();
  await expect(invitee.getByRole('menu')).toContainText('Platform staff · Support');
  await invitee.keyboard.press('Escape');
  expect((await invitee.goto(`${ROOT}/operator/staff`))?.status()).toBe(403);
  await expect(invitee.getByRole('heading', { name: 'Your platform role does not allow this page' })).toBeVisible();

  // The owner sees them with 2FA on, and removes them.
  await page.reload();
  const row = page.getByTestId(`staff-row-${email}`);
  await expect(row).toContainText('Sam Support');
  await expect(row).toContainText('2FA on');
  await expect(page.getByTestId(`staff-invitation-${email}`)).toHaveCount(0);
  await row.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove from staff' }).click();
  await expect(row).toHaveCount(0);

  await invitee.goto(`${ROOT}/operator/audit`);
  await invitee.waitForURL('**/operator/signin**');
});
