import type { Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures.ts';
import { randomBytes } from 'node:crypto';
import { expectSignedIn, openLatestMessage, signIn, tenantUrl } from './support.ts';

function uniqueAddress(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

async function inviteFromSettings(page: Page, address: string, role: string): Promise<void> {
  await page.goto(tenantUrl('acme', '/settings/members'));
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Email', { exact: true }).fill(address);
  await form.getByLabel('Role', { exact: true }).selectOption(role);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('button', { name: `Revoke invitation to ${address}` })).toBeVisible();
}

test('an owner invites someone, who follows the emailed link and joins acme as a member', async ({ page, browser }) => {
  const address = uniqueAddress('invitee');
  await signIn(page, 'acme', 'owner@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await inviteFromSettings(page, address, 'member');

  // The invitee is someone else: a browser with no session anywhere.
  const context = await browser.newContext();
  try {
    const invitee = await context.newPage();
    await openLatestMessage(invitee, address, /invited you to join Acme Coaching/);
    const link = invitee.getByRole('link', { name: /\/invite\// });
    const inviteUrl = await link.getAttribute('href');
    expect(inviteUrl).toMatch(/^http:\/\/acme\.localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
    await link.click();
    await invitee.waitForURL(/\/invite\//);
    await waitForHydration(invitee);

    await expect(invitee.getByRole('heading', { name: 'Join Acme Coaching' })).toBeVisible();
    await expect(invitee.getByTestId('invitation-summary')).toContainText(`${address} to join Acme Coaching as a member`);
    await invitee.getByLabel('Your name').fill('Ivy Invitee');
    await invitee.getByLabel('Password').fill('a-long-password');
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();

    await invitee.waitForURL(tenantUrl('acme'));
    await expectSignedIn(invitee, 'member');
    await expect(invitee.getByTestId('signed-in-as')).toHaveText('Ivy Invitee');

    // The link is spent.
    await invitee.goto(inviteUrl!);
    await expect(invitee.getByRole('heading', { name: 'This invitation was already used' })).toBeVisible();
  } finally {
    await context.close();
  }

  await page.reload();
  await expect(page.getByRole('button', { name: `Revoke invitation to ${address}` })).toHaveCount(0);
});

test('a revoked invitation disappears from the list and its link stops working', async ({ page }) => {
  const address = uniqueAddress('revoked');
  await signIn(page, 'acme', 'admin@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await inviteFromSettings(page, address, 'viewer');
  await page.getByRole('button', { name: `Revoke invitation to ${address}` }).click();
  await expect(page.getByText(`Invitation to ${address} revoked.`)).toBeVisible();
  await expect(page.getByRole('button', { name: `Revoke invitation to ${address}` })).toHaveCount(0);

  await openLatestMessage(page, address, /invited you to join Acme Coaching/);
  await page.getByRole('link', { name: /\/invite\// }).click();
  await expect(page.getByRole('heading', { name: 'This invitation was withdrawn' })).toBeVisible();
});

test('a member signs in with a link sent by email', async ({ page }) => {
  await page.goto(tenantUrl('acme', '/signin'));
  await page.getByRole('button', { name: 'Email me a link instead' }).click();
  await page.getByLabel('Email', { exact: true }).fill('viewer@acme.test');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check your email for a sign-in link.' })).toBeVisible();

  await openLatestMessage(page, 'viewer@acme.test', /Sign in to Acme Coaching/);
  await page.getByRole('link', { name: /\/api\/auth\/callback\/email/ }).click();
  await page.waitForURL(tenantUrl('acme'));
  await expectSignedIn(page, 'viewer');
});
