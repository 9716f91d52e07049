import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_PASSWORD, browserFetch } from './support';

// The partner's payouts page on a phone (390 px): balance, monthly statements, a month's
// printable statement and its CSV, for the demo partner's owner (Northstar Labs); a developer
// of the same partner sees no money. The revenue is credited through the money service on
// acme's invoice for a Northstar app, in a month of its own (so the figures are exact).

test.use({ viewport: { width: 390, height: 844 } });

async function signInAsPartner(page: Page, email: string) {
  await page.goto('/partner/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/partner');
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

/** A sale of a Northstar app to acme in a random month of the 2010s, then a refund of part of it. */
async function revenueInAMonthOfItsOwn() {
  const { db } = await import('../../lib/db/client.ts');
  const { creditCommissionsForInvoice } = await import('../../lib/earnings/credit-invoice.ts');
  const { reverseCommissionsForRefund } = await import('../../lib/earnings/reverse-refund.ts');
  const partner = await db.partner.findUniqueOrThrow({ where: { slug: 'northstar-labs' }, select: { id: true, apps: { orderBy: { createdAt: 'asc' }, take: 1, select: { id: true } } } });
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } });
  const year = 2010 + Math.floor(Math.random() * 10);
  const monthIndex = Math.floor(Math.random() * 12);
  const month = `${year}-${String(monthIndex + 1).padStart(2, '0')}`;
  const invoiceId = `in_e2e_${randomBytes(6).toString('hex')}`;
  await creditCommissionsForInvoice({ tenantId: acme.id, invoiceId, amountCents: 12_345, paidAt: new Date(Date.UTC(year, monthIndex, 15, 12)), lines: [{ amountCents: 12_345, appId: partner.apps[0].id }] });
  await reverseCommissionsForRefund({ invoiceId, refundId: `re_${invoiceId}`, amountCents: 2345, at: new Date(Date.UTC(year, monthIndex, 20, 12)) });
  const rows = await db.commission.findMany({ where: { invoiceId } });
  const net = rows.reduce((sum, row) => sum + row.amountCents, 0);
  return { month, invoiceId, net, share: rows.find((row) => row.kind === 'sale')!.amountCents, partnerId: partner.id };
}

test("a partner's owner sees the balance and a month's statement on a phone, prints it and downloads it as CSV", async ({ page }) => {
  const { month, invoiceId, net, share } = await revenueInAMonthOfItsOwn();
  const { formatCents } = await import('../../lib/resellers/money.ts');
  const { centsText } = await import('../../lib/payouts/cents-text.ts');

  await signInAsPartner(page, 'partner@waypoint.test');
  await page.goto('/partner/payouts');
  await expect(page.getByRole('heading', { name: 'Balance' })).toBeVisible();
  await expect(page.getByTestId('balance-pending')).toContainText('$');
  const statements = page.getByTestId('partner-statements');
  await expect(statements).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The month's row links to its statement and its CSV.
  const view = page.locator(`a[href="/partner/payouts/${month}"]`);
  await expect(page.locator(`a[href="/api/partner/statements/${month}"]`)).toHaveAttribute('download', '');
  await view.scrollIntoViewIfNeeded();
  await view.click();
  await page.waitForURL(`**/partner/payouts/${month}`);
  const statement = page.getByTestId('partner-statement');
  await expect(statement.getByTestId('statement-net')).toHaveText(formatCents(net));
  await expect(statement).toContainText(formatCents(share));
  await expect(statement).toContainText('Refund');
  await expectNoHorizontalScroll(page);

  // Printed: only the statement (no site header, navigation or buttons).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.locator('header').first()).toBeHidden();
  await expect(statement).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const csv = await browserFetch(page, `/api/partner/statements/${month}`);
  expect(csv.status).toBe(200);
  expect(csv.contentType).toContain('text/csv');
  const lines = csv.body.trimEnd().split('\r\n');
  expect(lines[0]).toBe('date,kind,app,workspace,invoice,source,currency,invoice_paid,app_part,share_percent,amount,status,payout');
  expect(lines).toHaveLength(4); // header, the sale, the refund, the total
  expect(lines[1]).toContain(`,sale,`);
  expect(lines[1]).toContain(`,Acme Coaching,${invoiceId},${invoiceId},USD,123.45,123.45,`);
  expect(lines[2]).toContain(`,reversal,`);
  expect(lines[3]).toBe(`total,,,,,,USD,,123.45,,${centsText(net)},,`);
});

test("a developer of the partner sees no money: the page says who can, the CSV is 403", async ({ page }) => {
  const { month, partnerId } = await revenueInAMonthOfItsOwn();
  const { db } = await import('../../lib/db/client.ts');
  const { hashPassword } = await import('../../lib/auth/password.ts');
  const email = `dev-${randomBytes(4).toString('hex')}@northstar.test`;
  const user = await db.user.create({ data: { email, name: 'Dev Eloper', passwordHash: await hashPassword(DEMO_PASSWORD), emailVerifiedAt: new Date() } });
  await db.partnerUser.create({ data: { partnerId, userId: user.id, role: 'developer' } });

  await signInAsPartner(page, email);
  await page.goto('/partner/payouts');
  await expect(page.getByText('Revenue, payouts and statements are for owners and billing contacts')).toBeVisible();
  await expect(page.getByTestId('partner-statements')).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  const csv = await browserFetch(page, `/api/partner/statements/${month}`);
  expect(csv.status).toBe(403);
  expect(csv.contentType).toContain('application/problem+json');
});
