import { expect, test, waitForHydration } from './fixtures.ts';
import { disconnectDb } from '../../lib/db/client.ts';
import { startDnsStub } from '../support/dns-stub-server.ts';
import { DEMO_PASSWORD, PORT, addMember, browserFetch, createWorkspace, cssVariable, signIn, tenantUrl } from './support.ts';

const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 5399);

test.afterAll(() => disconnectDb());

test('a member cannot reach admin pages or admin APIs', async ({ page }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  for (const path of ['/settings', '/settings/branding', '/settings/members', '/settings/audit']) {
    const response = await page.goto(tenantUrl('acme', path));
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  }
  const api = await browserFetch(page, '/api/app/settings/branding', { method: 'PATCH', json: {} });
  expect(api.status).toBe(403);
  expect(api.contentType).toContain('application/problem+json');
});

test('an admin signs a member out everywhere from the members page, audited', async ({ page, browser }) => {
  const workspace = await createWorkspace('signout');
  const email = await addMember(workspace.slug);
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await memberPage.goto(tenantUrl(workspace.slug, '/signin'));
  await waitForHydration(memberPage);
  await memberPage.getByLabel('Email').fill(email);
  await memberPage.getByLabel('Password').fill(DEMO_PASSWORD);
  await memberPage.getByRole('button', { name: 'Sign in' }).click();
  await memberPage.waitForURL(tenantUrl(workspace.slug));
  await expect(memberPage.getByTestId('member-role')).toHaveText('Member');

  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/settings/members'));
  const row = page.getByTestId(`member-${email}`);
  // Row actions sit in a menu, one small button per row (it stays on screen at 390 px).
  await row.getByRole('button', { name: /^Actions for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await expect(page.getByText('is signed out everywhere (1 session ended).')).toBeVisible();

  await memberPage.reload();
  await expect(memberPage.getByTestId('member-role')).toHaveCount(0);
  await memberContext.close();
  await page.goto(tenantUrl(workspace.slug, '/settings/audit'));
  await expect(page.getByRole('cell', { name: 'member.signed_out' })).toBeVisible();
});

test('an admin renames terminology and changes the brand color, and sees both live', async ({ page }) => {
  const workspace = await createWorkspace('brand');
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/settings/branding'));

  // Editing previews on the whole page before saving.
  await page.getByLabel('Primary color', { exact: true }).fill('#0ea5e9');
  expect(await cssVariable(page, '--brand-primary')).toBe('#0ea5e9');
  await page.getByLabel('Goals (many)').fill('objectives');
  await page.getByLabel('Goal (one)').fill('objective');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Branding saved.' })).toBeVisible();

  await page.goto(tenantUrl(workspace.slug));
  expect(await cssVariable(page, '--brand-primary')).toBe('#0ea5e9');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Objectives' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' })).toHaveCount(0);

  // Uploading a logo shows it in the header; a non-image is refused with a clear message.
  await page.goto(tenantUrl(workspace.slug, '/settings/branding'));
  // A 1×1 image is refused with its size; a 64×64 one is taken (the server reads the PNG's header).
  const tiny = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await page.getByLabel('Logo').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: tiny });
  await expect(page.getByRole('alert').filter({ hasText: 'The logo is 1×1 px: it must be at least 64 px' })).toBeVisible();
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000040000000400806000000', 'hex');
  await page.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('tenant-logo')).toHaveAttribute('src', /^\/api\/assets\//);
  await page.getByLabel('Favicon').setInputFiles({ name: 'evil.png', mimeType: 'image/png', buffer: Buffer.from('<script>alert(1)</script>') });
  await expect(page.getByRole('alert').filter({ hasText: 'must be a' })).toBeVisible();

  // Every change is in the audit log, and the CSV export has it too.
  await page.goto(tenantUrl(workspace.slug, '/settings/audit'));
  await expect(page.getByRole('cell', { name: 'settings.branding_updated' })).toBeVisible();
  const csv = await browserFetch(page, '/api/app/audit/export?action=settings.');
  expect(csv.contentType).toContain('text/csv');
  expect(csv.body).toContain('settings.branding_updated');
  expect(csv.body).toContain('settings.logo_uploaded');
});

test('an admin verifies a custom domain through DNS, and then it serves the workspace', async ({ page }) => {
  // The server resolves TXT records through DNS_SERVERS, which points at this stub.
  const dns = await startDnsStub(DNS_PORT);
  try {
    const workspace = await createWorkspace('dom');
    const hostname = `coach.${workspace.slug}.test`;
    await signIn(page, workspace.slug, workspace.ownerEmail);
    await page.waitForURL(tenantUrl(workspace.slug));
    await page.goto(tenantUrl(workspace.slug, '/settings/domains'));
    await page.getByLabel('Hostname').fill(hostname);
    await page.getByRole('button', { name: 'Add domain' }).click();
    const row = page.getByTestId(`domain-${hostname}`);
    await expect(row.getByTestId('domain-status')).toHaveText('Pending verification');

    expect((await page.request.fetch(`http://127.0.0.1:${PORT}/`, { headers: { host: `${hostname}:${PORT}` } })).status()).toBe(404);

    // Verification before the record exists fails politely.
    await row.getByRole('button', { name: `Verify ${hostname}` }).click();
    await expect(row.getByRole('status')).toContainText('not found yet');

    const value = (await row.getByTestId('record-TXT').textContent())!.trim();
    dns.txt.set(`_waypoint-verify.${hostname}`, [value]);
    await row.getByRole('button', { name: `Verify ${hostname}` }).click();
    await expect(row.getByTestId('domain-status')).toHaveText('Verified');

    await page.goto(`http://${hostname}:${PORT}/`);
    await expect(page.getByTestId('tenant-name')).toHaveText(workspace.name);
  } finally {
    await dns.close();
  }
});
