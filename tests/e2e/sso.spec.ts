import { randomBytes } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { notifyTenantChanged } from '../../lib/tenancy/tenant-cache.ts';
import { autoPostForm, createTestIdp, readAuthnRequest, samlResponse, type TestIdp } from '../support/saml-idp.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { ROOT, createWorkspace, expectSignedIn, signIn, tenantUrl } from './support.ts';

// SAML SSO in a real browser. The test process plays the identity provider: the IdP's sign-in
// URL (http://<name>.idp.test/sso) is intercepted, the AuthnRequest Jackson built is read from
// it, and the answer is an auto-submitting form that posts a response signed by the test IdP's
// key to Waypoint's ACS, as Okta or Entra would after the person signs in there.

test.afterAll(async () => {
  await disconnectDb();
});

interface Person {
  email: string;
  firstName: string;
  groups?: string[];
}

/** Answers the IdP's sign-in URL in this browser context as `who()` signing in. */
async function actAsIdp(context: BrowserContext, idp: TestIdp, who: () => Person): Promise<void> {
  await context.route(`${idp.ssoUrl}**`, async (route) => {
    const request = await readAuthnRequest(route.request().url());
    const person = who();
    const response = await samlResponse(idp, {
      acsUrl: request.acsUrl,
      audience: request.issuer,
      inResponseTo: request.id,
      email: person.email,
      firstName: person.firstName,
      lastName: 'Tester',
      attributes: person.groups ? { groups: person.groups } : {},
    });
    await route.fulfill({ status: 200, contentType: 'text/html', body: autoPostForm(request.acsUrl, response, request.relayState) });
  });
}

test('an admin configures a SAML connection and people sign in through it', async ({ page, browser }) => {
  const workspace = await createWorkspace('sso');
  // SSO needs a plan that includes it (Enterprise; sign-ups start on free); NOTIFY clears the server's cache.
  await db.$transaction(async (tx) => {
    await tx.tenant.update({ where: { slug: workspace.slug }, data: { plan: 'enterprise' } });
    await notifyTenantChanged(tx);
  });
  const domain = `${workspace.slug}-${randomBytes(3).toString('hex')}.example`;
  const idp = createTestIdp(workspace.slug, { secure: false });

  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/settings/sso'));
  await expect(page.getByRole('heading', { name: 'Single sign-on' })).toBeVisible();
  await expect(page.getByTestId('sp-acs-url')).toHaveText(`${ROOT}/api/sso/acs`);
  await expect(page.getByTestId('sp-entity-id')).toHaveText(`${ROOT}/api/sso/metadata`);

  // The SSO domain: added here; its DNS proof is covered by the integration tests, so the
  // record is marked verified directly (no DNS stub port to share with other specs).
  await page.getByLabel('Email domain').fill(domain);
  await page.getByRole('button', { name: 'Add domain' }).click();
  const domainRow = page.getByTestId(`sso-domain-${domain}`);
  await expect(domainRow.getByTestId('sso-domain-status')).toHaveText('Pending verification');
  await expect(domainRow.getByTestId('sso-domain-txt')).toContainText('waypoint-verify=');
  await db.ssoDomain.updateMany({ where: { domain }, data: { verifiedAt: new Date() } });

  // The connection, from the IdP's metadata pasted as XML.
  await page.getByLabel('Connection name').fill('Test IdP');
  await page.getByLabel('Metadata XML').fill(idp.metadataXml);
  await page.getByRole('button', { name: 'Add connection' }).click();
  const connection = page.getByTestId('sso-connection-Test IdP');
  await expect(connection.getByTestId('sso-connection-entity-id')).toHaveText(idp.entityId);

  // IdP group "wp-admins" → admin.
  await page.getByRole('button', { name: 'Add mapping' }).click();
  await page.getByLabel('Value').fill('wp-admins');
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: 'Save' }).click();
  // Exactly "Saved.": the connection form's "Connection saved." is still on the page.
  await expect(page.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();

  // "Test connection": a real SP-initiated sign-in; the IdP answers for an IT admin in the
  // domain, who is created on the spot as an admin (mapped) and lands back on this page.
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByTestId(`sso-domain-${domain}`).getByTestId('sso-domain-status')).toHaveText('Verified');
  const itAdmin = `it-admin@${domain}`;
  await actAsIdp(page.context(), idp, () => ({ email: itAdmin, firstName: 'Ita', groups: ['staff', 'wp-admins'] }));
  await page.getByRole('button', { name: 'Test Test IdP' }).click();
  await page.waitForURL(/\/settings\/sso\?tested=/);
  await expect(page.getByTestId('sso-test-result')).toContainText(`signed in through it as ${itAdmin}`);

  // Someone else, in their own browser: email on the sign-in page → "Continue with SSO" → IdP → in.
  const context = await browser.newContext();
  try {
    const person = await context.newPage();
    const email = `jane@${domain}`;
    await actAsIdp(context, idp, () => ({ email, firstName: 'Jane' }));
    await person.goto(tenantUrl(workspace.slug, '/signin'));
    await waitForHydration(person);
    await person.getByLabel('Email').fill(email);
    await person.getByRole('button', { name: 'Continue with SSO' }).click();
    await person.waitForURL(tenantUrl(workspace.slug));
    await waitForHydration(person);
    await expectSignedIn(person, 'member');

    const member = await db.membership.findFirstOrThrow({ where: { tenant: { slug: workspace.slug }, user: { email } }, include: { user: true } });
    expect(member).toMatchObject({ role: 'member', user: { name: 'Jane Tester' } });
    expect(await db.membership.findFirst({ where: { tenant: { slug: workspace.slug }, user: { email: itAdmin } } })).toMatchObject({ role: 'admin' });
  } finally {
    await context.close();
  }
});

test('a refused response shows a clear page, not an error', async ({ page }) => {
  const response = await page.request.post(`${ROOT}/api/sso/acs`, { form: { SAMLResponse: Buffer.from('<html>not saml</html>').toString('base64'), RelayState: '' } });
  expect(response.status()).toBe(400);
  expect(response.headers()['content-type']).toContain('text/html');
  expect(await response.text()).toContain('not a SAML response');
});
