import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { db } from '../../lib/db/client.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import { createMarketplaceApp, type TestApp } from '../support/marketplace.ts';
import { install } from '../support/marketplace-fixtures.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { createWorkspace, DEMO_PASSWORD, ROOT, signIn, tenantUrl } from './support.ts';

// The support desk in a real browser, on a phone-sized screen: a workspace's owner opens a
// ticket (with a log file) from an installed app's support page, the partner answers it in the
// portal, and the owner sees the answer, with the ticket now waiting on them.

const PHONE = { width: 390, height: 844 };
const id = randomBytes(3).toString('hex');
const appName = `Helpdesk Sync ${id}`;
const subject = `Goals stop syncing ${id}`;
let app: TestApp;

async function partnerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${ROOT}/partner/signin`);
  await waitForHydration(page);
  await page.getByLabel('Email').fill('partner@waypoint.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/partner');
  return page;
}

const noOverflow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

test.beforeAll(async () => {
  const northstar = await db.partner.findFirstOrThrow({ where: { users: { some: { user: { email: 'partner@waypoint.test' } } } }, select: { id: true, name: true } });
  const sandbox = await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: northstar.id }, select: { id: true } });
  app = await createMarketplaceApp({ partner: { id: northstar.id, name: northstar.name, sandbox: (await loadTenantById(sandbox.id))! }, name: appName });
});

test.afterAll(async () => {
  await db.supportTicket.deleteMany({ where: { subject } }).catch(() => undefined);
  if (app) {
    await db.marketplaceApp.delete({ where: { id: app.id } }).catch(() => undefined);
    await db.oAuthApp.delete({ where: { id: app.oauthAppId } }).catch(() => undefined);
  }
});

test('a workspace owner opens a ticket for an installed app, the partner answers in the portal, the owner sees the answer (390 px)', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const workspace = await createWorkspace('support');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: workspace.ownerEmail }, select: { id: true } });
  await install({ ...app, name: appName }, tenant.id, owner.id);

  await page.setViewportSize(PHONE);
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug, '/'));
  await page.goto(tenantUrl(workspace.slug, '/settings/installed-apps'));
  await page.getByRole('link', { name: `Support for ${appName}` }).click();
  await page.waitForURL(/\/settings\/installed-apps\/ins_[^/]+\/support$/);
  await expect(page.getByRole('heading', { name: `Support for ${appName}` })).toBeVisible();
  await waitForHydration(page);
  await noOverflow(page);

  // Missing fields are named; then the ticket goes out with a log file.
  const form = page.getByTestId('new-ticket-form');
  await form.getByRole('button', { name: 'Open ticket' }).click();
  await expect(form.getByText('Write a subject of at least 3 characters.')).toBeVisible();
  await form.getByLabel('Subject').fill(subject);
  await form.getByLabel('Description').fill('Since this morning no goal progress arrives from the app.');
  await form.getByLabel('Priority').selectOption('high');
  await form.getByLabel(/Attachments/).setInputFiles({ name: 'sync.log', mimeType: 'text/plain', buffer: Buffer.from('09:00 sync failed: 401\n') });
  await form.getByRole('button', { name: 'Open ticket' }).click();
  await page.waitForURL(/\/settings\/support\/tkt_[A-Za-z0-9_-]+$/);
  const ticketId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { name: new RegExp(subject) })).toBeVisible();
  await expect(page.getByTestId('ticket-comments')).toContainText('no goal progress arrives');
  await expect(page.getByRole('link', { name: /attachment-1\.txt/ })).toBeVisible();
  await expect(page.getByTestId('ticket-targets')).toContainText('First response due in');
  await noOverflow(page);

  // The partner was emailed, and answers in the portal.
  await expect.poll(() => db.emailMessage.count({ where: { to: 'partner@waypoint.test', kind: 'support_ticket_opened', subject: { contains: subject } } })).toBe(1);
  const partner = await partnerPage(browser);
  await partner.goto(`${ROOT}/partner/support?status=open`);
  await partner.getByRole('link', { name: new RegExp(subject) }).click();
  await partner.waitForURL(`**/partner/support/${ticketId}`);
  await waitForHydration(partner);
  await expect(partner.getByTestId('ticket-comments')).toContainText('no goal progress arrives');
  await partner.getByLabel('Your reply').fill('We rotated a key by mistake; it works again. Can you confirm?');
  await partner.getByRole('button', { name: 'Send reply' }).click();
  await expect(partner.getByTestId('ticket-comments').getByTestId('ticket-comment')).toHaveCount(2);
  await expect(partner.getByText('pending · awaiting reply')).toBeVisible();
  await noOverflow(partner);
  await partner.context().close();

  // The owner sees the answer; the ticket waits on them.
  await page.reload();
  await expect(page.getByTestId('ticket-comments')).toContainText('it works again');
  await expect(page.getByText('pending · your move')).toBeVisible();
  await expect(page.getByTestId('ticket-targets')).toContainText('First response in');
  await noOverflow(page);
  await page.goto(tenantUrl(workspace.slug, '/settings/support'));
  await expect(page.getByTestId('ticket-list')).toContainText(subject);
});
