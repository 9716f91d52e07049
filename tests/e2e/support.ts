import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { roleLabel } from '../../lib/members/role-labels.ts';
import { waitForHydration } from './fixtures.ts';

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const ROOT = `http://localhost:${PORT}`;
export const DEMO_PASSWORD = 'waypoint-demo';

export function tenantUrl(slug: string, path = '/'): string {
  return `http://${slug}.localhost:${PORT}${path}`;
}

export async function signIn(page: Page, slug: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(tenantUrl(slug, '/signin'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const DEMO_OPERATOR_EMAIL = 'operator@waypoint.test';

/**
 * Signs a member of the platform's staff in on /operator/signin, as a person would: password,
 * then the second factor the console requires (a recovery code made for this sign-in: the
 * tests' staff have 2FA on with a secret nobody keeps, tests/support/staff-two-factor.ts).
 */
export async function signInAsOperator(page: Page, { email = DEMO_OPERATOR_EMAIL, landing = '**/operator' }: { email?: string; landing?: string } = {}): Promise<void> {
  const { db } = await import('../../lib/db/client.ts');
  const { addRecoveryCode, enableTwoFactor } = await import('../support/staff-two-factor.ts');
  const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  await enableTwoFactor(id);
  const code = await addRecoveryCode(id);
  await page.goto(`${ROOT}/operator/signin`);
  await waitForHydration(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.waitForURL(landing);
  await waitForHydration(page);
}

/** Signs out through the user menu in the header (the avatar and name at the top right). */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}

export async function cssVariable(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
}

export async function expectSignedIn(page: Page, role: string): Promise<void> {
  await expect(page.getByTestId('member-role')).toHaveText(roleLabel(role));
}

/**
 * An HTTP request "to" a tenant host from the test process. Node cannot resolve
 * *.localhost (Chromium can), so it goes to 127.0.0.1 with the Host header set. A POST carries
 * that host's Origin, as a browser's would (state-changing routes check it).
 */
export function hostRequest(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  host: string,
  path: string,
  options: { data?: Buffer; headers?: Record<string, string> } = {},
): Promise<APIResponse> {
  const origin: Record<string, string> = method === 'GET' ? {} : { origin: `http://${host}:${PORT}` };
  return request.fetch(`http://127.0.0.1:${PORT}${path}`, { method, data: options.data, headers: { ...origin, ...options.headers, host: `${host}:${PORT}` } });
}

/**
 * A fresh workspace with its owner (password DEMO_PASSWORD), made through the sign-up service:
 * the form, then the link from the email it sends. Sign-up starts its trial; unless `plan` is
 * 'trial' (keep the trial as sign-up made it), it is moved to `plan` (enterprise unless a test
 * asks for another) before its host is first visited, since most tests use features plans gate.
 */
export async function createWorkspace(prefix = 'e2e', options: { plan?: string } = {}): Promise<{ slug: string; ownerEmail: string; name: string }> {
  const { randomBytes } = await import('node:crypto');
  const { completeSignup, startSignup } = await import('../../lib/signup/sign-up.ts');
  const { backgroundTasksSettled } = await import('../../lib/http/after-response.ts');
  const { db } = await import('../../lib/db/client.ts');
  const id = randomBytes(4).toString('hex');
  const slug = `${prefix}-${id}`;
  const ownerEmail = `owner-${id}@example.test`;
  const name = `Workspace ${id}`;
  await startSignup({ name: 'Owner Person', email: ownerEmail, password: DEMO_PASSWORD, workspaceName: name, slug }, null);
  await backgroundTasksSettled();
  const email = await db.emailMessage.findFirstOrThrow({ where: { to: ownerEmail, kind: 'signup' }, orderBy: { createdAt: 'desc' } });
  await completeSignup(signupToken(email.text), {}, null);
  const plan = options.plan ?? 'enterprise';
  if (plan !== 'trial') {
    // A plan set for the test, as the operator would: no trial (lib/billing/trials.ts).
    const { notifyTenantChanged } = await import('../../lib/tenancy/tenant-cache.ts');
    await db.tenant.update({ where: { slug }, data: { plan, status: 'active' } });
    await notifyTenantChanged(db);
  }
  return { slug, ownerEmail, name };
}

/** A new person with this role in the workspace (password DEMO_PASSWORD); answers their email. */
export async function addMember(slug: string, role: 'admin' | 'member' | 'viewer' = 'member'): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  const { hashPassword } = await import('../../lib/auth/password.ts');
  const { db } = await import('../../lib/db/client.ts');
  const email = `${role}-${randomBytes(4).toString('hex')}@example.test`;
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await db.user.create({ data: { email, name: `${role} ${email.slice(role.length + 1, role.length + 5)}`, passwordHash: await hashPassword(DEMO_PASSWORD), emailVerifiedAt: new Date(), memberships: { create: { tenantId: tenant.id, role } } } });
  return email;
}

/**
 * Opens the newest message to this address in the root domain's development outbox. Some mail
 * (password reset, magic link, sign-up) is sent after the response on purpose, so under load it
 * may land a moment after the page that asked for it: reload the outbox until it shows.
 */
export async function openLatestMessage(page: Page, address: string, subject: RegExp): Promise<void> {
  const message = page.getByRole('link', { name: subject }).first();
  await expect(async () => {
    await page.goto(`${ROOT}/dev/outbox?to=${encodeURIComponent(address)}`);
    await expect(page.getByRole('heading', { name: 'Development outbox' })).toBeVisible();
    await expect(message).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await message.click();
  await expect(page.getByTitle('Email preview')).toBeVisible();
}

/** The token of the sign-up link in an email's text. */
export function signupToken(text: string): string {
  const match = text.match(/\/signup\/confirm\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error('no sign-up link in the email');
  return match[1];
}

/** fetch() from inside the page, so it carries the page's host and session cookie. */
export async function browserFetch(page: Page, path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: string; contentType: string }> {
  return page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(path, {
        method: init.method ?? 'GET',
        headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      });
      return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
    },
    { path, init },
  );
}
