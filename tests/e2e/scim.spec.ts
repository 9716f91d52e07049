import type { APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { expect, test } from './fixtures.ts';
import { createWorkspace, PORT, signIn, tenantUrl } from './support.ts';

// Directory sync end to end: an admin adds a directory in the settings and sees its token
// once; an identity provider (this test process, speaking SCIM over HTTP to the running app)
// provisions a person, who appears on the members page, and deactivates them, who disappears;
// rotating the token ends the old one.

test.afterAll(async () => {
  await disconnectDb();
});

/** A SCIM request to the workspace's host (Node cannot resolve *.localhost: 127.0.0.1 with a Host header). */
function scim(request: APIRequestContext, slug: string, method: 'GET' | 'POST' | 'PATCH', url: string, token: string, body?: unknown) {
  const { pathname, search } = new URL(url);
  return request.fetch(`http://127.0.0.1:${PORT}${pathname}${search}`, {
    method,
    headers: { host: `${slug}.localhost:${PORT}`, authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }) },
    data: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
  });
}

test('an admin adds a directory, and an identity provider provisions and deprovisions a member through SCIM', async ({ page, request }) => {
  const workspace = await createWorkspace('scim');
  const domain = `${workspace.slug}.test`;
  // Directory sync comes with the enterprise plans, and provisions only verified email domains.
  const tenant = await db.tenant.update({ where: { slug: workspace.slug }, data: { plan: 'enterprise' } });
  await db.ssoDomain.create({ data: { tenantId: tenant.id, domain, verificationToken: randomBytes(8).toString('hex'), verifiedAt: new Date() } });

  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/settings'));
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Directory sync' }).click();
  await page.waitForURL(tenantUrl(workspace.slug, '/settings/directory'));
  await expect(page.getByRole('heading', { name: 'Directory sync (SCIM)', level: 1 })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a directory' });
  await form.getByLabel('Name').fill('Okta production');
  await form.getByLabel('Identity provider').selectOption('okta');
  const created = page.waitForResponse((response) => response.url().endsWith('/api/app/scim/directories') && response.request().method() === 'POST');
  await form.getByRole('button', { name: 'Add directory' }).click();
  expect((await created).status()).toBe(201);

  await expect(page.getByText("Copy this token now. You won't see it again.")).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bearer token for Okta production' })).toBeFocused();
  const token = (await page.getByTestId('scim-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^wp_scim_[0-9A-Za-z]{43}$/);
  const baseUrl = (await page.getByTestId('scim-base-url').textContent())?.trim() ?? '';
  expect(baseUrl).toMatch(new RegExp(`^http://${workspace.slug}\\.localhost:${PORT}/api/scim/v2\\.0/dir_[0-9A-Za-z]{20}$`));

  // Once dismissed, the token is gone for good.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('scim-token')).toHaveCount(0);
  await page.reload();
  expect(await page.content()).not.toContain(token);
  const item = page.getByTestId('scim-directory-item').filter({ hasText: 'Okta production' });
  await expect(item).toContainText(`…${token.slice(-4)}`);

  // The identity provider at work: look up, create (Okta's shape), then find the person.
  const email = `ada.lovelace@${domain}`;
  const lookup = await scim(request, workspace.slug, 'GET', `${baseUrl}/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`, token);
  expect(lookup.status()).toBe(200);
  expect(lookup.headers()['content-type']).toMatch(/^application\/scim\+json/);
  expect((await lookup.json()).totalResults).toBe(0);
  const user = await scim(request, workspace.slug, 'POST', `${baseUrl}/Users`, token, {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: email,
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [{ primary: true, value: email, type: 'work' }],
    displayName: 'Ada Lovelace',
    active: true,
  });
  expect(user.status()).toBe(201);
  const userId = (await user.json()).id as string;

  await page.goto(tenantUrl(workspace.slug, '/settings/members'));
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();
  await expect(page.getByTestId(`member-${email}`)).toContainText('Ada Lovelace');

  await page.goto(tenantUrl(workspace.slug, '/settings/directory'));
  await expect(item.getByTestId('scim-user-count')).toHaveText('1 active of 1');
  await item.getByText('Synced users and groups').click();
  await expect(item.getByText(email)).toBeVisible();

  // Okta deactivates: the membership goes.
  const off = await scim(request, workspace.slug, 'PATCH', `${baseUrl}/Users/${userId}`, token, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', value: { active: false } }],
  });
  expect(off.status()).toBe(200);
  await page.goto(tenantUrl(workspace.slug, '/settings/members'));
  await expect(page.getByTestId(`member-${email}`)).toHaveCount(0);

  // Rotating shows a new token once; the old one is refused at once.
  await page.goto(tenantUrl(workspace.slug, '/settings/directory'));
  page.once('dialog', (dialog) => dialog.accept());
  await item.getByRole('button', { name: 'Rotate token' }).click();
  await expect(page.getByTestId('scim-token')).toBeVisible();
  const rotated = (await page.getByTestId('scim-token').textContent())?.trim() ?? '';
  expect(rotated).not.toBe(token);
  const refused = await scim(request, workspace.slug, 'GET', `${baseUrl}/Users`, token);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  expect((await scim(request, workspace.slug, 'GET', `${baseUrl}/Users`, rotated)).status()).toBe(200);

  // Another workspace's host does not serve this directory.
  const elsewhere = await request.fetch(`http://127.0.0.1:${PORT}${new URL(baseUrl).pathname}/Users`, { headers: { host: `acme.localhost:${PORT}`, authorization: `Bearer ${rotated}` } });
  expect(elsewhere.status()).toBe(404);
});
