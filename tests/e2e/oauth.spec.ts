import type { APIRequestContext, Page } from '@playwright/test';
import * as oauth from 'oauth4webapi';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { browserFetch, cssVariable, DEMO_PASSWORD, hostRequest, PORT, signIn, tenantUrl } from './support.ts';

// OAuth apps end to end: an acme admin registers an app; a globex member connects it on
// globex's own consent screen; the app (oauth4webapi, a strict client) swaps the code for a
// token and calls the API as them; a globex admin revokes it. The "app" is the test process:
// its redirect URI is a local HTTP server that records where the browser was sent.

const GLOBEX = 'globex';
const MEMBER = 'member@globex.test';
const STATE = 'xyz';
// /api/v1/users/me needs read:users; read:goals is the scope people see in plain words.
const SCOPES = ['read:goals', 'read:users'];

/**
 * oauth4webapi's requests "to" globex.localhost: Node cannot resolve *.localhost (Chromium
 * can) and its fetch drops a Host header, so they go through Playwright's request context
 * to 127.0.0.1 with the Host header set, like hostRequest.
 */
function fetchVia(request: APIRequestContext) {
  return async (url: string, init: { method: string; headers: Record<string, string>; body?: unknown }): Promise<Response> => {
    const target = new URL(url);
    const body = init.body instanceof URLSearchParams ? init.body.toString() : (init.body as string | undefined);
    const answer = await request.fetch(`http://127.0.0.1:${PORT}${target.pathname}${target.search}`, {
      method: init.method,
      headers: { ...init.headers, host: target.host },
      data: body,
      maxRedirects: 0,
    });
    const status = answer.status();
    return new Response([204, 304].includes(status) ? null : await answer.text(), { status, headers: answer.headers() });
  };
}

function clientOptions(request: APIRequestContext) {
  return { [oauth.customFetch]: fetchVia(request), [oauth.allowInsecureRequests]: true };
}

/** globex's authorization server metadata (RFC 8414), as a client discovers it. */
async function discoverGlobex(request: APIRequestContext): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(tenantUrl(GLOBEX, '/'));
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...clientOptions(request) });
  return oauth.processDiscoveryResponse(issuer, response);
}

async function pkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
}

function authorizeUrl(clientId: string, redirectUri: string, challenge: string, scope = SCOPES.join(' ')): string {
  const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope, state: STATE, code_challenge: challenge, code_challenge_method: 'S256' });
  return tenantUrl(GLOBEX, `/oauth/authorize?${query}`);
}

/** The callback's query, once the browser has been sent to it. */
async function callbackQuery(receiver: WebhookReceiver): Promise<URLSearchParams> {
  const isCallback = (path: string) => path.startsWith('/callback?');
  const all = await receiver.waitFor((received) => received.some((r) => isCallback(r.path)));
  const hit = all.find((r) => isCallback(r.path));
  if (!hit) throw new Error('the callback was not called');
  return new URL(hit.path, receiver.url('/')).searchParams;
}

/** An app registered by acme's admin through the JSON route (the page must be on acme, signed in as them). */
async function registerApp(page: Page, name: string, redirectUri: string): Promise<{ id: string; clientId: string }> {
  const created = await browserFetch(page, '/api/app/oauth-apps', { method: 'POST', json: { name, redirectUris: [redirectUri], clientType: 'public', allowedScopes: SCOPES } });
  expect(created.status, created.body).toBe(201);
  const { app, clientSecret } = JSON.parse(created.body) as { app: { id: string; clientId: string }; clientSecret: string | null };
  expect(clientSecret).toBeNull();
  return app;
}

async function deleteApp(page: Page, appId: string): Promise<void> {
  await page.goto(tenantUrl('acme', '/developers/apps'));
  const deleted = await browserFetch(page, `/api/app/oauth-apps/${appId}`, { method: 'DELETE' });
  expect(deleted.status, deleted.body).toBe(204);
}

/** The code from an "Allow", exchanged by oauth4webapi for an access token. */
async function exchangeCode(request: APIRequestContext, clientId: string, redirectUri: string, verifier: string, callback: URLSearchParams): Promise<string> {
  const as = await discoverGlobex(request);
  const client: oauth.Client = { client_id: clientId, token_endpoint_auth_method: 'none' };
  const params = oauth.validateAuthResponse(as, client, callback, STATE);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, verifier, clientOptions(request));
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  expect(tokens.token_type.toLowerCase()).toBe('bearer');
  // RFC 6749 §5.1: scope may be left out when it is what was asked for.
  if (tokens.scope !== undefined) expect(tokens.scope.split(' ').sort()).toEqual([...SCOPES].sort());
  return tokens.access_token;
}

async function me(request: APIRequestContext, accessToken: string) {
  return hostRequest(request, 'GET', `${GLOBEX}.localhost`, '/api/v1/users/me', { headers: { authorization: `Bearer ${accessToken}` } });
}

test('an acme admin registers a public app; a globex member signs in, allows it, and the app calls the API as them', async ({ page, request }) => {
  const receiver = await startWebhookReceiver();
  const redirectUri = receiver.url('/callback');
  const name = `E2E Planner ${Date.now()}`;
  let appId: string | null = null;
  try {
    // Registered in the developer portal: the client id is shown, and no secret (public app).
    await signIn(page, 'acme', 'admin@acme.test');
    await page.waitForURL(tenantUrl('acme'));
    await page.goto(tenantUrl('acme', '/developers'));
    await page.getByRole('navigation', { name: 'Developers' }).getByRole('link', { name: 'OAuth apps' }).click();
    await page.waitForURL(tenantUrl('acme', '/developers/apps'));
    await expect(page.getByRole('heading', { name: 'OAuth apps', level: 1 })).toBeVisible();

    const form = page.getByRole('form', { name: 'Register an app' });
    await form.getByLabel('App name', { exact: true }).fill(name);
    await form.getByLabel('Description (optional)').fill('Plans your week from your goals.');
    await form.getByLabel('Redirect URI 1', { exact: true }).fill(redirectUri);
    await form.getByRole('radio', { name: 'Public' }).check();
    for (const scope of SCOPES) await form.getByRole('checkbox', { name: scope, exact: true }).check();
    const created = page.waitForResponse((response) => response.url().endsWith('/api/app/oauth-apps') && response.request().method() === 'POST');
    await form.getByRole('button', { name: 'Register app' }).click();
    const createdResponse = await created;
    expect(createdResponse.status()).toBe(201);
    appId = ((await createdResponse.json()) as { app: { id: string } }).app.id;

    await expect(page.getByRole('heading', { name: `“${name}” is registered` })).toBeFocused();
    const clientId = (await page.getByTestId('oauth-client-id').textContent())?.trim() ?? '';
    expect(clientId.length).toBeGreaterThan(10);
    await expect(page.getByTestId('oauth-client-secret')).toHaveCount(0);
    const item = page.getByTestId('oauth-app-item').filter({ hasText: name });
    await expect(item).toContainText(clientId);
    await expect(item.getByTestId('oauth-client-type')).toHaveText('Public');

    // The app's page lists the endpoints on this host.
    await item.getByRole('link', { name }).click();
    await page.waitForURL(/\/developers\/apps\/[^/]+$/);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByTestId('oauth-endpoints')).toContainText(tenantUrl('acme', '/oauth/token'));

    // A globex member follows the app's link: signs in on globex first, then comes back to it.
    const { verifier, challenge } = await pkce();
    await page.goto(authorizeUrl(clientId, redirectUri, challenge));
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Foauth%2Fauthorize/);
    await page.getByLabel('Email').fill(MEMBER);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/^http:\/\/globex\.localhost:\d+\/oauth\/authorize\?/);

    // globex's consent screen, in globex's brand: who asks, for what, as whom.
    const consent = page.getByTestId('oauth-consent');
    await expect(consent.getByRole('heading', { level: 1 })).toContainText(name);
    await expect(consent).toContainText('by Acme Coaching');
    await expect(consent.getByRole('heading', { name: `${name} wants to:` })).toBeVisible();
    // In globex's own words: it calls goals "objectives".
    await expect(page.getByTestId('oauth-consent-scopes')).toContainText('See objectives');
    await expect(page.getByTestId('oauth-consent-scopes')).not.toContainText(/goal/i);
    await expect(page.getByTestId('oauth-consent-user')).toHaveText(MEMBER);
    expect(await cssVariable(page, '--brand-primary')).toBe('#059669');
    await expect(page.getByTestId('tenant-name')).toHaveText('Globex Wellness');

    await page.getByRole('button', { name: 'Allow', exact: true }).click();
    const callback = await callbackQuery(receiver);
    expect(callback.get('state')).toBe(STATE);
    expect(callback.get('code')).toBeTruthy();
    expect(callback.get('error')).toBeNull();
    await expect(page).toHaveURL(new RegExp(`^${redirectUri.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\?`));

    // The app swaps the code (with its PKCE verifier) for a token and calls the API as the member.
    const accessToken = await exchangeCode(request, clientId, redirectUri, verifier, callback);
    const profile = await me(request, accessToken);
    expect(profile.status(), await profile.text()).toBe(200);
    expect(await profile.json()).toMatchObject({ email: MEMBER, workspace: { slug: GLOBEX } });
  } finally {
    if (appId) await deleteApp(page, appId);
    await receiver.close();
  }
});

test('Deny sends the person back to the app with access_denied and the state untouched', async ({ page }) => {
  const receiver = await startWebhookReceiver();
  const redirectUri = receiver.url('/callback');
  let appId: string | null = null;
  try {
    await signIn(page, 'acme', 'admin@acme.test');
    await page.waitForURL(tenantUrl('acme'));
    const app = await registerApp(page, `E2E Denied ${Date.now()}`, redirectUri);
    appId = app.id;

    await signIn(page, GLOBEX, MEMBER);
    await page.waitForURL(tenantUrl(GLOBEX));
    const response = await page.goto(authorizeUrl(app.clientId, redirectUri, (await pkce()).challenge));
    // The consent screen never renders inside another site's frame.
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

    await page.getByRole('button', { name: 'Deny', exact: true }).click();
    const callback = await callbackQuery(receiver);
    expect(callback.get('error')).toBe('access_denied');
    expect(callback.get('state')).toBe(STATE);
    expect(callback.get('code')).toBeNull();
  } finally {
    if (appId) await deleteApp(page, appId);
    await receiver.close();
  }
});

test("a globex admin sees the app under Settings → Authorized apps and revokes it; the app's token stops working", async ({ page, request, browser }) => {
  const receiver = await startWebhookReceiver();
  const redirectUri = receiver.url('/callback');
  const name = `E2E Revoked ${Date.now()}`;
  let appId: string | null = null;
  const adminContext = await browser.newContext();
  try {
    await signIn(page, 'acme', 'admin@acme.test');
    await page.waitForURL(tenantUrl('acme'));
    const app = await registerApp(page, name, redirectUri);
    appId = app.id;

    // The member connects the app, and the app gets a working token.
    await signIn(page, GLOBEX, MEMBER);
    await page.waitForURL(tenantUrl(GLOBEX));
    const { verifier, challenge } = await pkce();
    await page.goto(authorizeUrl(app.clientId, redirectUri, challenge));
    await page.getByRole('button', { name: 'Allow', exact: true }).click();
    const accessToken = await exchangeCode(request, app.clientId, redirectUri, verifier, await callbackQuery(receiver));
    expect((await me(request, accessToken)).status()).toBe(200);

    // globex's admin, in a browser of their own.
    const admin = await adminContext.newPage();
    await admin.goto(tenantUrl(GLOBEX, '/signin'));
    await waitForHydration(admin);
    await admin.getByLabel('Email').fill('admin@globex.test');
    await admin.getByLabel('Password').fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(tenantUrl(GLOBEX));
    await admin.goto(tenantUrl(GLOBEX, '/settings'));
    await waitForHydration(admin);
    await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Authorized apps' }).click();
    await admin.waitForURL(tenantUrl(GLOBEX, '/settings/authorized-apps'));
    await waitForHydration(admin);
    await expect(admin.getByRole('heading', { name: 'Authorized apps', level: 1 })).toBeVisible();

    const row = admin.getByTestId('authorized-app-row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('by Acme Coaching');
    await expect(row).toContainText(MEMBER);
    await expect(row).toContainText('read:goals');

    admin.once('dialog', (dialog) => dialog.accept());
    const revoked = admin.waitForResponse((response) => /\/api\/app\/authorized-apps\/[^/]+$/.test(response.url()) && response.request().method() === 'DELETE');
    await row.getByRole('button', { name: /^Revoke/ }).click();
    expect((await revoked).status()).toBe(204);
    await expect(row).toHaveCount(0);
    await admin.reload();
    await waitForHydration(admin);
    await expect(admin.getByTestId('authorized-app-row').filter({ hasText: name })).toHaveCount(0);

    const after = await me(request, accessToken);
    expect(after.status()).toBe(401);
  } finally {
    await adminContext.close();
    if (appId) await deleteApp(page, appId);
    await receiver.close();
  }
});

test('a globex member sees the app under their account and disconnects it; its token stops working', async ({ page, request }) => {
  const receiver = await startWebhookReceiver();
  const redirectUri = receiver.url('/callback');
  const name = `E2E Disconnected ${Date.now()}`;
  let appId: string | null = null;
  try {
    await signIn(page, 'acme', 'admin@acme.test');
    await page.waitForURL(tenantUrl('acme'));
    const app = await registerApp(page, name, redirectUri);
    appId = app.id;

    await signIn(page, GLOBEX, MEMBER);
    await page.waitForURL(tenantUrl(GLOBEX));
    const { verifier, challenge } = await pkce();
    await page.goto(authorizeUrl(app.clientId, redirectUri, challenge));
    await page.getByRole('button', { name: 'Allow', exact: true }).click();
    const accessToken = await exchangeCode(request, app.clientId, redirectUri, verifier, await callbackQuery(receiver));
    expect((await me(request, accessToken)).status()).toBe(200);

    await page.goto(tenantUrl(GLOBEX, '/account/security'));
    const item = page.getByTestId('connected-app').filter({ hasText: name });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('by Acme Coaching');

    page.once('dialog', (dialog) => dialog.accept());
    const disconnected = page.waitForResponse((response) => /\/api\/app\/account\/apps\/[^/]+$/.test(response.url()) && response.request().method() === 'DELETE');
    await item.getByRole('button', { name: `Disconnect ${name}` }).click();
    expect((await disconnected).status()).toBe(204);
    await expect(item).toHaveCount(0);
    expect((await me(request, accessToken)).status()).toBe(401);
  } finally {
    if (appId) await deleteApp(page, appId);
    await receiver.close();
  }
});

test('a redirect URI that is not registered is explained on the page, and the browser is not sent anywhere', async ({ page }) => {
  const receiver = await startWebhookReceiver();
  let appId: string | null = null;
  try {
    await signIn(page, 'acme', 'admin@acme.test');
    await page.waitForURL(tenantUrl('acme'));
    const app = await registerApp(page, `E2E Mismatch ${Date.now()}`, receiver.url('/callback'));
    appId = app.id;

    await signIn(page, GLOBEX, MEMBER);
    await page.waitForURL(tenantUrl(GLOBEX));
    const url = authorizeUrl(app.clientId, receiver.url('/elsewhere'), (await pkce()).challenge);
    const response = await page.goto(url);
    // A malformed authorization request is a 400, even though a person reads it as a page.
    expect(response?.status()).toBe(400);

    await expect(page.getByTestId('oauth-error')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'This app cannot connect to Globex Wellness', level: 1 })).toBeVisible();
    await expect(page.getByTestId('oauth-error-description')).toContainText(/redirect/i);
    await expect(page.getByRole('button', { name: 'Allow' })).toHaveCount(0);
    // Still on globex's authorize page: nothing was sent to either address.
    expect(new URL(page.url()).host).toBe(`${GLOBEX}.localhost:${PORT}`);
    expect(new URL(page.url()).pathname).toBe('/oauth/authorize');
    expect(receiver.received).toHaveLength(0);
  } finally {
    if (appId) await deleteApp(page, appId);
    await receiver.close();
  }
});

test("a workspace's OpenID Connect discovery and keys are served on its own host, through the proxy", async ({ request }) => {
  // oauth4webapi checks that the document's issuer is exactly the workspace's origin.
  const issuer = new URL(tenantUrl(GLOBEX, '/').replace(/\/$/, ''));
  const server = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...clientOptions(request) }));
  expect(server.userinfo_endpoint).toBe(`${issuer.origin}/oauth/userinfo`);
  expect(server.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
  const jwks = await (await fetchVia(request)(server.jwks_uri!, { method: 'GET', headers: {} })).json();
  expect(jwks.keys.length).toBeGreaterThan(0);
  for (const key of jwks.keys) {
    expect(key).toMatchObject({ kty: 'RSA', use: 'sig', kid: expect.any(String) });
    expect(key).not.toHaveProperty('d');
  }
  // Userinfo without a token is a Bearer challenge, not a page.
  const userinfo = await fetchVia(request)(server.userinfo_endpoint!, { method: 'GET', headers: {} });
  expect(userinfo.status).toBe(401);
  expect(userinfo.headers.get('www-authenticate')).toMatch(/^Bearer/);
});
