import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { hashPassword } from '../../lib/auth/password.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { notifyTenantChanged } from '../../lib/tenancy/tenant-cache.ts';
import { startDnsStub, type DnsStub } from '../support/dns-stub-server.ts';
import { autoPostForm, createTestIdp, readAuthnRequest, samlResponse, type TestIdp } from '../support/saml-idp.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { DEMO_PASSWORD, ROOT, createWorkspace, expectSignedIn, signIn, tenantUrl } from './support.ts';

const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 5399);

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
  // Configuration and two SAML round trips: more than the default timeout on a busy machine.
  test.slow();
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
  await expect(domainRow.getByTestId('sso-domain-status')).toHaveText('Pending verification', { timeout: 30_000 });
  await expect(domainRow.getByTestId('sso-domain-txt')).toContainText('waypoint-verify=');
  await db.ssoDomain.updateMany({ where: { domain }, data: { verifiedAt: new Date() } });

  // The connection, from the IdP's metadata pasted as XML.
  await page.getByLabel('Connection name').fill('Test IdP');
  await page.getByLabel('Metadata XML').fill(idp.metadataXml);
  await page.getByRole('button', { name: 'Add connection' }).click();
  const connection = page.getByTestId('sso-connection-Test IdP');
  await expect(connection.getByTestId('sso-connection-entity-id')).toHaveText(idp.entityId, { timeout: 30_000 });

  // IdP group "wp-admins" → admin.
  await page.getByRole('button', { name: 'Add mapping' }).click();
  await page.getByLabel('Value').fill('wp-admins');
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: 'Save' }).click();
  // Exactly "Saved.": the connection form's "Connection saved." is still on the page.
  await expect(page.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible({ timeout: 30_000 });

  // "Test connection": a real SP-initiated sign-in; the IdP answers for an IT admin in the
  // domain, who is created on the spot as an admin (mapped) and lands back on this page.
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByTestId(`sso-domain-${domain}`).getByTestId('sso-domain-status')).toHaveText('Verified');
  const itAdmin = `it-admin@${domain}`;
  await actAsIdp(page.context(), idp, () => ({ email: itAdmin, firstName: 'Ita', groups: ['staff', 'wp-admins'] }));
  await page.getByRole('button', { name: 'Test connection Test IdP' }).click();
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

/** The server's DNS stub (DNS_SERVERS); other specs bind the same port for a moment, so wait for it. */
async function dnsStub(): Promise<DnsStub> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startDnsStub(DNS_PORT);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function expectFitsAndAccessible(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('on a phone, an admin binds each domain to its connection, requires SSO for one, and sees why a DNS check failed', async ({ page, browser }) => {
  // Two connections (Jackson parses and stores each), four DNS checks and three sign-ins.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const workspace = await createWorkspace('ssod');
  const okta = createTestIdp(`${workspace.slug}-okta`, { secure: false });
  const entra = createTestIdp(`${workspace.slug}-entra`, { secure: false });
  const strict = `${workspace.slug}-a.example`;
  const relaxed = `${workspace.slug}-b.example`;
  const dns = await dnsStub();
  try {
    await signIn(page, workspace.slug, workspace.ownerEmail);
    await page.waitForURL(tenantUrl(workspace.slug));
    await page.goto(tenantUrl(workspace.slug, '/settings/sso'));
    for (const [name, idp] of [['Okta', okta], ['Entra', entra]] as const) {
      await page.getByLabel('Connection name').fill(name);
      await page.getByLabel('Metadata XML').fill(idp.metadataXml);
      await page.getByRole('button', { name: 'Add connection' }).click();
      await expect(page.getByTestId(`sso-connection-${name}`).getByTestId('sso-connection-entity-id')).toHaveText(idp.entityId, { timeout: 30_000 });
    }

    for (const domain of [strict, relaxed]) {
      await page.getByLabel('Email domain').fill(domain);
      await page.getByRole('button', { name: 'Add domain' }).click();
      await expect(page.getByTestId(`sso-domain-${domain}`).getByTestId('sso-domain-status')).toHaveText('Pending verification', { timeout: 30_000 });
    }
    const row = page.getByTestId(`sso-domain-${strict}`);
    const record = `_waypoint-verify.${strict}`;
    // Each failed check says why: nothing at the name, then a record with another value.
    await row.getByRole('button', { name: `Verify ${strict}` }).click();
    await expect(row.getByTestId('sso-domain-check')).toContainText(`No TXT record found at ${record}`);
    dns.txt.set(record, ['waypoint-verify=from-another-workspace']);
    await row.getByRole('button', { name: `Verify ${strict}` }).click();
    await expect(row.getByTestId('sso-domain-check')).toContainText('different value: found "waypoint-verify=from-another-workspace"');
    await expectFitsAndAccessible(page);
    dns.txt.set(record, [(await row.getByTestId('sso-domain-txt').textContent())!.trim()]);
    await row.getByRole('button', { name: `Verify ${strict}` }).click();
    await expect(row.getByTestId('sso-domain-status')).toHaveText('Verified');
    const other = page.getByTestId(`sso-domain-${relaxed}`);
    dns.txt.set(`_waypoint-verify.${relaxed}`, [(await other.getByTestId('sso-domain-txt').textContent())!.trim()]);
    await other.getByRole('button', { name: `Verify ${relaxed}` }).click();
    await expect(other.getByTestId('sso-domain-status')).toHaveText('Verified');

    // Two connections: each domain's is the admin's choice; Require SSO only for the strict one.
    await expect(row.getByLabel('Require SSO')).toBeDisabled();
    await row.getByLabel('Signs in through').selectOption({ label: 'Entra' });
    await other.getByLabel('Signs in through').selectOption({ label: 'Okta' });
    await expect(page.getByTestId('sso-connection-Entra').getByTestId('sso-connection-domains')).toHaveText(strict);
    await expect(page.getByTestId('sso-connection-Okta').getByTestId('sso-connection-domains')).toHaveText(relaxed);
    await row.getByLabel('Require SSO').click();
    await expect(row.getByLabel('Require SSO')).toBeChecked();
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByTestId(`sso-domain-${strict}`).getByLabel('Require SSO')).toBeChecked();
    await expect(page.getByTestId(`sso-domain-${relaxed}`).getByLabel('Require SSO')).not.toBeChecked();
    await expectFitsAndAccessible(page);
  } finally {
    await dns.close();
  }

  // People of both domains, on their phones: the strict domain's password is refused and its
  // SSO goes to Entra; the relaxed domain's password still works.
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const email of [`pat@${strict}`, `sam@${relaxed}`]) {
    await db.user.create({ data: { email, name: email.split('@')[0], passwordHash, emailVerifiedAt: new Date(), memberships: { create: { tenantId: tenant.id, role: 'member' } } } });
  }
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const person = await context.newPage();
    await actAsIdp(context, entra, () => ({ email: `pat@${strict}`, firstName: 'Pat' }));
    await person.goto(tenantUrl(workspace.slug, '/signin'));
    await waitForHydration(person);
    await person.getByLabel('Email').fill(`pat@${strict}`);
    await person.getByLabel('Password').fill(DEMO_PASSWORD);
    await person.getByRole('button', { name: 'Sign in' }).click();
    await expect(person.getByRole('alert').filter({ hasText: 'requires single sign-on' })).toBeVisible();
    await person.getByRole('button', { name: 'Continue with SSO' }).click();
    await person.waitForURL(tenantUrl(workspace.slug));
    await waitForHydration(person);
    await expectSignedIn(person, 'member');

    const second = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const sam = await second.newPage();
      await sam.goto(tenantUrl(workspace.slug, '/signin'));
      await waitForHydration(sam);
      await sam.getByLabel('Email').fill(`sam@${relaxed}`);
      await sam.getByLabel('Password').fill(DEMO_PASSWORD);
      await sam.getByRole('button', { name: 'Sign in' }).click();
      await sam.waitForURL(tenantUrl(workspace.slug));
      await waitForHydration(sam);
      await expectSignedIn(sam, 'member');
    } finally {
      await second.close();
    }
  } finally {
    await context.close();
  }
});
