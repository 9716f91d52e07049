import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { png } from '../support/png';
import { expect, test, waitForHydration } from './fixtures';
import { DEMO_PASSWORD, ROOT, signInAsOperator } from './support';

// An app's review in two browsers: the demo partner (Northstar Labs, partner@waypoint.test)
// drafts an app and submits it; the operator asks for changes; the partner fixes it, answers
// in the thread and submits again; the operator ticks the checklist and approves; the partner
// publishes it.

async function signedIn(browser: Browser, area: 'partner' | 'operator'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (area === 'operator') {
    await signInAsOperator(page);
    return page;
  }
  await page.goto(`${ROOT}/${area}/signin`);
  await waitForHydration(page);
  await page.getByLabel('Email').fill(`${area}@waypoint.test`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/${area}`, { timeout: 30_000 });
  return page;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${ROOT}${path}`);
  await waitForHydration(page);
}

test('a partner drafts and submits an app; the operator requests changes; the partner fixes it; the operator approves; the partner publishes', async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `Trail Notes ${randomBytes(3).toString('hex')}`;
  const partner = await signedIn(browser, 'partner');
  const operator = await signedIn(browser, 'operator');

  // The partner creates the app: its secrets are shown once.
  await open(partner, '/partner/apps');
  await partner.getByRole('link', { name: 'New app' }).click();
  await partner.waitForURL('**/partner/apps/new');
  await waitForHydration(partner);
  const create = partner.getByRole('form', { name: 'New app' });
  await create.getByLabel('App name').fill(name);
  await create.getByLabel('Category').selectOption({ label: 'Productivity' });
  await create.getByRole('button', { name: 'Create app' }).click();
  await expect(partner.getByTestId('client-secret')).toHaveText(/^wps_/);
  await partner.getByRole('link', { name: `Continue to ${name}` }).click();
  await partner.waitForURL(/\/partner\/apps\/app_/);
  await waitForHydration(partner);
  const appUrl = new URL(partner.url()).pathname;
  await expect(partner.getByTestId('version-status')).toHaveText('Version 1: Draft');

  // Submitting an empty draft names what is missing.
  await partner.getByRole('button', { name: 'Submit for review' }).click();
  await expect(partner.getByTestId('submit-problems')).toContainText('privacy policy');

  // The listing, the OAuth needs and a logo.
  const editor = partner.getByRole('form', { name: 'Edit the version' });
  await editor.getByLabel('Tagline').fill('Notes from every run, next to your goals');
  await editor.getByLabel('Description (Markdown)').fill('Trail Notes keeps a short note for every run and ride, and shows it next to the goals and habits it moved forward.\n\n- Notes by date\n- Shared with your team');
  await editor.getByLabel('Privacy policy').fill('https://trail-notes.example.com/privacy');
  await editor.getByLabel('Redirect URIs (one per line)').fill('https://trail-notes.example.com/oauth/callback');
  await editor.getByRole('checkbox', { name: /read:goals/ }).check();
  await editor.getByLabel('Why the app needs read:goals').fill('To show which goals each note belongs to.');
  await editor.getByRole('button', { name: 'Save version' }).click();
  await expect(editor.getByRole('status')).toHaveText('Saved.');
  await partner.getByTestId('logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(256, 256) });
  await expect(partner.getByRole('img', { name: 'App logo' })).toBeVisible();

  await partner.getByRole('button', { name: 'Run checks' }).click();
  await expect(partner.getByTestId('submission-checks')).not.toContainText('failed');
  await partner.getByLabel('Note for the reviewer (optional)').fill('Our first app, thanks for looking.');
  await partner.getByRole('button', { name: 'Submit for review' }).click();
  await expect(partner.getByTestId('version-status')).toHaveText('Version 1: Submitted');

  // The operator finds it in the queue and asks for a change.
  await open(operator, '/operator/apps');
  await operator.getByTestId('review-queue').getByRole('link', { name }).click();
  await operator.waitForURL(/\/operator\/apps\/app_/);
  await waitForHydration(operator);
  await expect(operator.getByTestId('review-thread')).toContainText('Our first app, thanks for looking.');
  const decision = operator.getByRole('form', { name: 'Decision' });
  await decision.getByRole('button', { name: 'Request changes' }).click();
  await expect(decision.getByText(/at least 5 characters/)).toBeVisible();
  await decision.getByLabel('Reason or message to the partner').fill('Please link your documentation.');
  await decision.getByRole('button', { name: 'Request changes' }).click();
  await expect(operator.getByTestId('version-status')).toHaveText('Version 1: Changes requested');

  // The partner sees why, fixes it, answers and submits again.
  await open(partner, appUrl);
  await expect(partner.getByTestId('changes-requested')).toContainText('Please link your documentation.');
  await partner.getByRole('form', { name: 'Edit the version' }).getByLabel('Documentation').fill('https://trail-notes.example.com/docs');
  await partner.getByRole('form', { name: 'Edit the version' }).getByRole('button', { name: 'Save version' }).click();
  await expect(partner.getByRole('form', { name: 'Edit the version' }).getByRole('status')).toHaveText('Saved.');
  const reply = partner.getByRole('form', { name: 'Reply to the reviewer' });
  await reply.getByLabel('Reply to the reviewer').fill('Added the documentation link.');
  await reply.getByRole('button', { name: 'Send comment' }).click();
  await expect(partner.getByTestId('review-thread')).toContainText('Added the documentation link.');
  await partner.getByRole('button', { name: 'Submit again' }).click();
  await expect(partner.getByTestId('version-status')).toHaveText('Version 1: Submitted');

  // The operator ticks the checklist and approves.
  await operator.reload();
  await waitForHydration(operator);
  await expect(operator.getByTestId('review-thread')).toContainText('Added the documentation link.');
  const checklist = operator.getByRole('form', { name: 'Review checklist' });
  for (const box of await checklist.getByRole('checkbox').all()) await box.check();
  await checklist.getByRole('button', { name: 'Save checklist' }).click();
  await expect(checklist.getByRole('status')).toHaveText('Checklist saved.');
  await operator.getByRole('form', { name: 'Decision' }).getByRole('button', { name: 'Approve' }).click();
  await expect(operator.getByTestId('version-status')).toHaveText('Version 1: Approved');

  // The partner publishes it.
  await open(partner, appUrl);
  await partner.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(partner.getByTestId('app-status')).toHaveText('Published');
  await expect(partner.getByText('Version 1 is live')).toBeVisible();

  await partner.context().close();
  await operator.context().close();
});
