import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures';
import { ROOT, signInAsOperator } from './support';

// The partner program in a real browser: a company applies on the public page and confirms
// by the emailed link, the operator approves it (and rejects another with a reason, which is
// emailed), and the partner signs in at /partner: its portal, the agreement, the profile and
// a developer invited.

const PARTNER_PASSWORD = 'partner-e2e-password';

async function latestEmail(to: string, kind: string) {
  const { db } = await import('../../lib/db/client.ts');
  return db.emailMessage.findFirstOrThrow({ where: { to, kind }, orderBy: { createdAt: 'desc' } });
}

function partnerLink(text: string): string {
  const match = text.match(/\/partner\/welcome\/[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error('no partner link in the email');
  return match[0];
}

async function operatorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: ROOT });
  const page = await context.newPage();
  await signInAsOperator(page);
  return page;
}

test('apply → operator approves → the partner signs in, accepts the agreement, edits its profile and invites a developer', async ({ page, browser }) => {
  test.slow();
  const id = randomBytes(4).toString('hex');
  const company = `Lumen Apps ${id}`;
  const email = `lena-${id}@lumen.test`;

  // The public page: field errors first, then the application.
  await page.goto('/partners/apply');
  await expect(page.getByRole('heading', { name: 'Become a partner', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Become a partner' });
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByText('Enter the company name.')).toBeVisible();
  await form.getByLabel('Company name').fill(company);
  await form.getByLabel('Company website').fill('https://lumen.example.com');
  await form.getByLabel('Your name').fill('Lena Lumen');
  await form.getByLabel('Work email').fill(email);
  await form.getByLabel('What do you plan to build?').fill('A light-therapy lamp that logs a habit each morning.');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('application-sent')).toContainText('Check your email');

  // The emailed link: the applicant sets up the account and lands in the portal, under review.
  const application = await latestEmail(email, 'partner_application');
  await page.goto(partnerLink(application.text));
  await expect(page.getByRole('heading', { name: `Join ${company}` })).toBeVisible();
  await page.getByLabel('Your name').fill('Lena Lumen');
  await page.getByLabel('Choose a password').fill(PARTNER_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/partner');
  await expect(page.getByTestId('partner-name')).toHaveText(company);
  await expect(page.getByRole('status').filter({ hasText: 'waiting for review' })).toBeVisible();

  // The operator: another application is rejected with a reason (emailed), this one approved.
  const { applyForPartnership } = await import('../../lib/partners/partners.ts');
  const rejectedEmail = `rex-${id}@nope.test`;
  const rejectedName = `Nope Apps ${id}`;
  await applyForPartnership({ companyName: rejectedName, website: 'https://nope.example.com', contactName: 'Rex', email: rejectedEmail, note: 'We would like to resell workspace data to advertisers.' }, null);
  const operator = await operatorPage(browser);
  await operator.goto('/operator/partners');
  const queue = operator.getByTestId('partner-applications');
  await queue.getByRole('button', { name: `Reject ${rejectedName}` }).click();
  const rejectDialog = operator.getByRole('dialog', { name: `Reject ${rejectedName}?` });
  await rejectDialog.getByRole('button', { name: 'Reject application' }).click();
  await expect(rejectDialog.getByText(/Say why/)).toBeVisible();
  await rejectDialog.getByLabel('Reason (emailed to the applicant)').fill('Selling workspace data is not allowed on Waypoint.');
  await rejectDialog.getByRole('button', { name: 'Reject application' }).click();
  await expect(rejectDialog).toBeHidden();
  await expect(queue.getByText(rejectedName)).toHaveCount(0);
  const rejection = await latestEmail(rejectedEmail, 'partner_rejected');
  expect(rejection.text).toContain('Reason: Selling workspace data is not allowed on Waypoint.');

  await queue.getByRole('button', { name: `Approve ${company}` }).click();
  await operator.getByRole('dialog', { name: `Approve ${company}?` }).getByRole('button', { name: 'Approve' }).click();
  await expect(operator.getByTestId('partner-list').getByText(company)).toBeVisible();
  expect((await latestEmail(email, 'partner_approved')).text).toContain('/partner/signin');
  await operator.goto('/operator/audit?action=partner.');
  await expect(operator.getByTestId('audit-row').filter({ hasText: 'Selling workspace data is not allowed on Waypoint.' }).first()).toContainText('partner.rejected');
  await operator.context().close();

  // The partner signs in at /partner in a fresh browser.
  const context = await browser.newContext({ baseURL: ROOT });
  const partner = await context.newPage();
  await partner.goto('/partner');
  await partner.waitForURL('**/partner/signin');
  await waitForHydration(partner);
  await partner.getByLabel('Email').fill(email);
  await partner.getByLabel('Password').fill(PARTNER_PASSWORD);
  await partner.getByRole('button', { name: 'Sign in' }).click();
  await partner.waitForURL(/\/partner$/);
  await waitForHydration(partner);
  await expect(partner.getByTestId('partner-name')).toHaveText(company);
  await expect(partner.getByTestId('sandbox-link')).toContainText(`${company} sandbox`);
  await expect(partner.getByRole('status').filter({ hasText: 'Accept the partner agreement' })).toBeVisible();

  // The agreement.
  await partner.getByRole('link', { name: 'Read and accept it' }).click();
  await partner.waitForURL('**/partner/agreement');
  await waitForHydration(partner);
  const accept = partner.getByRole('form', { name: 'Accept the partner agreement' });
  await expect(accept.getByRole('button', { name: 'Accept the agreement' })).toBeDisabled();
  await accept.getByRole('checkbox').check();
  await accept.getByRole('button', { name: 'Accept the agreement' }).click();
  await expect(partner.getByTestId('agreement-accepted')).toBeVisible();

  // The profile: a bad address is a field error, a good one saves.
  await partner.goto('/partner/profile');
  await waitForHydration(partner);
  const profile = partner.getByRole('form', { name: 'Partner profile' });
  await profile.getByLabel('Support email').fill('not-an-email');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByText('Enter a valid email address.')).toBeVisible();
  await profile.getByLabel('Support email').fill(`help-${id}@lumen.test`);
  await profile.getByLabel('Privacy policy URL').fill('https://lumen.example.com/privacy');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Profile saved.');

  // The team: a developer invited by email.
  await partner.goto('/partner/team');
  await waitForHydration(partner);
  const devEmail = `dev-${id}@lumen.test`;
  const invite = partner.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('Email').fill(devEmail);
  await invite.getByLabel('Role').selectOption('developer');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(invite.getByRole('status')).toHaveText(`Invitation sent to ${devEmail}.`);
  await expect(partner.getByTestId('partner-people')).toContainText(devEmail);
  expect((await latestEmail(devEmail, 'partner_invitation')).text).toMatch(/\/partner\/welcome\//);
  await context.close();
});
