import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import * as oauth from 'oauth4webapi';
import { Webhook } from 'standardwebhooks';
import { png } from '../support/png.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { expect, test, waitForHydration } from './fixtures';
import { DEMO_PASSWORD, PORT, ROOT, signIn, tenantUrl, signInAsOperator } from './support';

// Issue 16's journey in a real browser, as the three people who make it happen:
// - a company applies on the public page; the operator approves it; the applicant follows the
//   emailed link, becomes the partner's owner, accepts the agreement, creates an app, meets the
//   submission checks on a bad draft, fixes it, submits; the operator asks for changes, they
//   talk in the review thread, the partner resubmits, the operator approves, the partner publishes;
// - acme's admin finds the app by search, reads the consent, installs it; the browser lands on
//   the app's setup URL, a tiny HTTP server in this test that exchanges the code with
//   oauth4webapi and calls /api/v1 with the workspace grant; the app's receiver verifies
//   app.installed with standardwebhooks;
// - the admin uninstalls it: the app's token is refused at once and app.uninstalled arrives.

const PARTNER_PASSWORD = 'tidepool-e2e-password';

/** A page in its own browser context (its own cookies), waiting for hydration after each navigation like the fixture's. */
async function personPage(browser: Browser, baseURL = ROOT): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<typeof goto>) => {
    const response = await goto(...args);
    if (response?.headers()['content-type']?.includes('text/html')) await waitForHydration(page);
    return response;
  };
  return page;
}

async function latestEmail(to: string, kind: string) {
  const { db } = await import('../../lib/db/client.ts');
  return db.emailMessage.findFirstOrThrow({ where: { to, kind }, orderBy: { createdAt: 'desc' } });
}

/**
 * fetch for the app's server side: Node does not resolve *.localhost, so requests go to
 * 127.0.0.1 on the URL's port with the workspace's Host header, as a DNS entry would make them.
 */
function localFetch(url: string, init: { method?: string; headers?: HeadersInit; body?: unknown } = {}): Promise<Response> {
  const target = new URL(url);
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const body = init.body === undefined || init.body === null ? undefined : String(init.body);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: target.port, path: `${target.pathname}${target.search}`, method: init.method ?? 'GET', headers: { ...headers, host: target.host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const status = response.statusCode ?? 500;
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
      });
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

const clientOptions = { [oauth.customFetch]: localFetch as unknown as typeof fetch, [oauth.allowInsecureRequests]: true };

interface TidepoolApp {
  setupUrl: string;
  /** The client's credentials, pasted in from the partner portal once the app exists. */
  configure(clientId: string, clientSecret: string): void;
  /** The last installation's access token and its workspace's issuer. */
  installed: { accessToken: string; issuer: string; installationId: string } | null;
  close(): Promise<void>;
}

/** The app's own server: its setup URL takes the code, swaps it at the workspace's /oauth/token and reads /api/v1. */
async function startTidepool(): Promise<TidepoolApp> {
  let client: oauth.Client | null = null;
  let auth: oauth.ClientAuth | null = null;
  const app: TidepoolApp = {
    setupUrl: '',
    configure(clientId, clientSecret) {
      client = { client_id: clientId };
      auth = oauth.ClientSecretBasic(clientSecret);
    },
    installed: null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  async function setup(url: URL): Promise<string> {
    if (!client || !auth) throw new Error('the app has no client credentials yet');
    const issuer = new URL(url.searchParams.get('iss') ?? '');
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, clientOptions));
    const callback = oauth.validateAuthResponse(as, client, url, oauth.expectNoState);
    const response = await oauth.authorizationCodeGrantRequest(as, client, auth, callback, `${url.origin}${url.pathname}`, oauth.nopkce, clientOptions);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    app.installed = { accessToken: tokens.access_token, issuer: issuer.href.replace(/\/$/, ''), installationId: url.searchParams.get('installation_id') ?? '' };
    const goals = await localFetch(`${app.installed.issuer}/api/v1/goals`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    const body = (await goals.json()) as { data?: unknown[] };
    const workspace = url.searchParams.get('workspace') ?? '';
    return `<!doctype html><html lang="en"><head><title>Tidepool</title></head><body><main><h1>Tidepool is connected to ${workspace}</h1><p data-testid="api-answer">GET /api/v1/goals: ${goals.status}, ${body.data?.length ?? 0} goals</p><p data-testid="granted-scopes">${tokens.scope ?? ''}</p></main></body></html>`;
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', app.setupUrl);
    if (url.pathname !== '/setup') {
      res.writeHead(404).end();
      return;
    }
    setup(url).then(
      (html) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`setup failed: ${String(error)}`),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.setupUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/setup`;
  return app;
}

let tidepool: TidepoolApp;
let receiver: WebhookReceiver;

test.beforeAll(async () => {
  [tidepool, receiver] = await Promise.all([startTidepool(), startWebhookReceiver()]);
});

test.afterAll(async () => {
  await Promise.all([tidepool?.close(), receiver?.close()]);
});

test('a partner applies, builds, passes review and publishes an app; acme’s admin finds, installs and uninstalls it', async ({ page, browser }) => {
  test.setTimeout(360_000);
  const id = randomBytes(4).toString('hex');
  const marker = `tidepool${id}`;
  const company = `Tidepool Labs ${id}`;
  const email = `tess-${id}@tidepool.test`;
  const appName = `Tidepool ${id}`;
  const hookPath = `/hooks-${id}`;
  let appId = '';
  let clientSecret = '';
  let webhookSecret = '';

  await test.step('the company applies on the public page', async () => {
    await page.goto('/partners/apply');
    const form = page.getByRole('form', { name: 'Become a partner' });
    await form.getByLabel('Company name').fill(company);
    await form.getByLabel('Company website').fill('https://tidepool.example.com');
    await form.getByLabel('Your name').fill('Tess Tide');
    await form.getByLabel('Work email').fill(email);
    await form.getByLabel('What do you plan to build?').fill('We turn paddling sessions into Waypoint habit check-ins.');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('application-sent')).toContainText('Check your email');
  });

  const operator = await personPage(browser);
  await test.step('the operator approves the application', async () => {
    await signInAsOperator(operator);
    await operator.goto('/operator/partners');
    await operator.getByTestId('partner-applications').getByRole('button', { name: `Approve ${company}` }).click();
    const dialog = operator.getByRole('dialog', { name: `Approve ${company}?` });
    await dialog.getByLabel('Note to the partner (optional)').fill('Welcome, paddlers.');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect(dialog).toBeHidden();
    await expect(operator.getByTestId('partner-list').getByText(company)).toBeVisible();
  });

  await test.step('the applicant follows the emailed link, becomes the owner and accepts the agreement', async () => {
    const approval = await latestEmail(email, 'partner_approved');
    expect(approval.text).toContain('Reason: Welcome, paddlers.');
    const link = approval.text.match(/\/partner\/welcome\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(link, 'the approval email carries the set-up link').toBeTruthy();
    await page.goto(link!);
    await expect(page.getByRole('heading', { name: `Join ${company}` })).toBeVisible();
    await page.getByLabel('Your name').fill('Tess Tide');
    await page.getByLabel('Choose a password').fill(PARTNER_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/partner$/);
    await expect(page.getByTestId('partner-name')).toHaveText(company);

    await page.goto('/partner/agreement');
    const accept = page.getByRole('form', { name: 'Accept the partner agreement' });
    await accept.getByRole('checkbox').check();
    await accept.getByRole('button', { name: 'Accept the agreement' }).click();
    await expect(page.getByTestId('agreement-accepted')).toBeVisible();
  });

  await test.step('the partner creates the app: the client secret is shown once', async () => {
    await page.goto('/partner/apps');
    await page.getByRole('link', { name: 'New app' }).first().click();
    await page.waitForURL('**/partner/apps/new');
    await waitForHydration(page);
    const form = page.getByRole('form', { name: 'New app' });
    await form.getByLabel('App name').fill(appName);
    await form.getByLabel('Category').selectOption('fitness');
    await form.getByLabel('Tagline').fill('Paddling sessions as habit check-ins');
    await form.getByRole('button', { name: 'Create app' }).click();
    const created = page.getByTestId('app-created');
    await expect(created).toBeVisible();
    clientSecret = (await created.getByTestId('client-secret').textContent())!.trim();
    webhookSecret = (await created.getByTestId('webhook-secret').textContent())!.trim();
    tidepool.configure((await created.getByTestId('client-id').textContent())!.trim(), clientSecret);
    expect(clientSecret).toMatch(/^wps_/);
    await created.getByRole('link', { name: `Continue to ${appName}` }).click();
    await page.waitForURL(/\/partner\/apps\/app_/);
    await waitForHydration(page);
    appId = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByTestId('app-name')).toHaveText(appName);
    await expect(page.getByText(clientSecret)).toHaveCount(0);
  });

  const editor = page.getByRole('form', { name: 'Edit the version' });
  const save = async () => {
    const saved = page.waitForResponse((response) => response.url().endsWith('/version') && response.request().method() === 'PATCH');
    await editor.getByRole('button', { name: 'Save version' }).click();
    expect((await saved).status()).toBe(200);
    await expect(editor.getByText('Saved.')).toBeVisible();
  };

  await test.step('the submission checks fail on a bad draft', async () => {
    await editor.getByLabel('Description (Markdown)').fill(`Tidepool (${marker}) logs your kayak, canoe and paddleboard sessions as habit check-ins, and moves your paddling goals forward.`);
    await editor.getByLabel('Privacy policy').fill('https://tidepool.example.com/privacy');
    await editor.getByLabel('Setup URL').fill(tidepool.setupUrl);
    await editor.getByLabel('Redirect URIs (one per line)').fill('http://localhost:4000/callback');
    await editor.getByRole('checkbox', { name: /read:goals/ }).check();
    await editor.getByLabel('Why the app needs read:goals').fill('To show your paddling goals next to each session.');
    await editor.getByRole('checkbox', { name: /write:goals/ }).check();
    await editor.getByLabel('Why the app needs write:goals').fill('Needed.');
    await editor.getByLabel('Webhook URL').fill('http://169.254.169.254/latest/meta-data');
    await editor.getByRole('checkbox', { name: 'goal.created', exact: true }).check();
    await save();

    // A wildcard redirect URI never gets into the draft.
    await editor.getByLabel('Redirect URIs (one per line)').fill('https://*.tidepool.example.com/callback');
    await editor.getByRole('button', { name: 'Save version' }).click();
    await expect(editor.getByText(/Wildcards are not allowed/)).toBeVisible();
    await editor.getByLabel('Redirect URIs (one per line)').fill('http://localhost:4000/callback');
    await save();

    await page.getByRole('button', { name: 'Run checks' }).click();
    const checks = page.getByTestId('submission-checks');
    await expect(checks).toContainText('only in your sandbox');
    await expect(checks).toContainText('write:goals');
    await expect(checks).toContainText('169.254.169.254');
    await expect(checks).toContainText('Upload a logo');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByTestId('submit-problems')).toBeVisible();
  });

  await test.step('fixed, the checks pass; the partner submits with a note', async () => {
    await editor.getByLabel('Redirect URIs (one per line)').fill('https://tidepool.example.com/oauth/callback');
    await editor.getByLabel('Why the app needs write:goals').fill('To record each paddling session as progress on a goal.');
    await editor.getByLabel('Webhook URL').fill(receiver.url(hookPath));
    await save();
    await page.getByTestId('logo-input').setInputFiles({ name: 'tidepool.png', mimeType: 'image/png', buffer: png(256, 256) });
    await expect(page.getByText('Logo uploaded.')).toBeVisible();
    await page.getByRole('button', { name: 'Run checks' }).click();
    await expect(page.getByTestId('submission-checks').getByText(': failed')).toHaveCount(0);
    // Every check of lib/marketplace/submission-checks.ts passes, the paid-app links one too (a free app has none to give).
    await expect(page.getByTestId('submission-checks').getByText(': passed')).toHaveCount(8);
    const submit = page.getByRole('form', { name: 'Submit for review' });
    await submit.getByLabel('Note for the reviewer (optional)').fill('Our first version: paddling sessions into goals.');
    await submit.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByTestId('version-status')).toHaveText('Version 1: Submitted');
  });

  await test.step('the operator starts the review and asks for changes; a comment goes each way', async () => {
    await operator.goto('/operator/apps');
    await operator.getByTestId('review-queue').getByRole('link', { name: appName }).click();
    await operator.waitForURL(/\/operator\/apps\/app_/);
    await waitForHydration(operator);
    await expect(operator.getByTestId('review-checks').getByText(': failed')).toHaveCount(0);
    const decision = operator.getByRole('form', { name: 'Decision' });
    await decision.getByRole('button', { name: 'Start review' }).click();
    await expect(operator.getByTestId('version-status')).toHaveText('Version 1: In review');
    await decision.getByLabel('Reason or message to the partner').fill('Say which paddling trackers Tidepool reads from.');
    await decision.getByRole('button', { name: 'Request changes' }).click();
    await expect(operator.getByTestId('version-status')).toHaveText('Version 1: Changes requested');
    const write = operator.getByRole('form', { name: 'Write to the partner' });
    await write.getByRole('textbox', { name: 'Write to the partner' }).fill('The rest looks good.');
    await write.getByRole('button', { name: 'Send comment' }).click();
    await expect(operator.getByTestId('review-thread')).toContainText('The rest looks good.');
  });

  await test.step('the partner reads the request, answers, fixes the description and submits again', async () => {
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByTestId('changes-requested')).toContainText('Say which paddling trackers Tidepool reads from.');
    await expect(page.getByTestId('review-thread')).toContainText('The rest looks good.');
    const reply = page.getByRole('form', { name: 'Reply to the reviewer' });
    await reply.getByRole('textbox', { name: 'Reply to the reviewer' }).fill('Added Garmin and Apple Health to the description.');
    await reply.getByRole('button', { name: 'Send comment' }).click();
    await expect(page.getByTestId('review-thread')).toContainText('Added Garmin and Apple Health');
    await editor.getByLabel('Description (Markdown)').fill(`Tidepool (${marker}) logs your kayak, canoe and paddleboard sessions from Garmin and Apple Health as habit check-ins, and moves your paddling goals forward.`);
    await save();
    await page.getByRole('form', { name: 'Submit for review' }).getByRole('button', { name: 'Submit again' }).click();
    await expect(page.getByTestId('version-status')).toHaveText('Version 1: Submitted');
  });

  await test.step('the operator ticks the checklist and approves', async () => {
    await operator.reload();
    await waitForHydration(operator);
    await expect(operator.getByTestId('review-thread')).toContainText('Added Garmin and Apple Health');
    const decision = operator.getByRole('form', { name: 'Decision' });
    await decision.getByRole('button', { name: 'Start review' }).click();
    await expect(operator.getByTestId('version-status')).toHaveText('Version 1: In review');
    const checklist = operator.getByRole('form', { name: 'Review checklist' });
    for (const box of await checklist.getByRole('checkbox').all()) await box.check();
    await checklist.getByRole('button', { name: 'Save checklist' }).click();
    await expect(checklist.getByText('Checklist saved.')).toBeVisible();
    await decision.getByLabel('Reason or message to the partner').fill('Clear scopes, clear listing.');
    await decision.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(operator.getByTestId('version-status')).toHaveText('Version 1: Approved');
  });

  const admin = await personPage(browser, tenantUrl('acme'));
  const searchAcme = async (q: string) => {
    await admin.goto(tenantUrl('acme', '/apps'));
    const search = admin.getByRole('search', { name: 'Search apps' });
    await search.getByLabel('Search apps').fill(q);
    await search.getByRole('button', { name: 'Search' }).click();
    await admin.waitForURL(/\/apps\?q=/);
    await waitForHydration(admin);
  };
  await test.step('approved is not published: acme cannot find it yet, and another partner cannot open it', async () => {
    await signIn(admin, 'acme', 'admin@acme.test');
    await admin.waitForURL(tenantUrl('acme'));
    await waitForHydration(admin);
    await searchAcme(marker);
    await expect(admin.getByTestId('results-title')).toHaveText(`0 apps for “${marker}”`);

    const other = await personPage(browser);
    await other.goto('/partner/signin');
    await other.getByLabel('Email').fill('partner@waypoint.test');
    await other.getByLabel('Password').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.waitForURL(/\/partner$/);
    await other.goto(`/partner/apps/${appId}`);
    await expect(other.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(other.getByText(appName)).toHaveCount(0);
    await other.context().close();
  });

  await test.step('the partner publishes', async () => {
    await page.reload();
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(page.getByTestId('app-status')).toHaveText('Published');
  });

  await test.step('acme’s admin finds the app by search and reads the consent', async () => {
    await searchAcme(`${marker} paddleboard`);
    await expect(admin.getByTestId('results-title')).toHaveText(`1 app for “${marker} paddleboard”`);
    await admin.getByTestId('app-card').getByRole('link', { name: new RegExp(appName) }).click();
    await admin.waitForURL(/\/apps\/tidepool-/);
    await waitForHydration(admin);
    await expect(admin.getByTestId('app-name')).toHaveText(appName);
    await admin.getByTestId('install-app').click();
    await admin.waitForURL(/\/install$/);
    const consent = admin.getByTestId('install-consent');
    await expect(consent.getByTestId('install-app-name')).toHaveText(appName);
    await expect(consent.getByTestId('install-scopes')).toContainText('To show your paddling goals next to each session.');
    await expect(consent.getByTestId('install-scopes')).toContainText('To record each paddling session as progress on a goal.');
    await expect(consent).toContainText(`by ${company}`);
    await expect(consent).toContainText('127.0.0.1');
  });

  await test.step('installs: the app exchanges the code, calls the API and hears app.installed', async () => {
    await admin.getByTestId('install-confirm').click();
    await admin.waitForURL((url) => url.href.startsWith(tidepool.setupUrl));
    await expect(admin.getByRole('heading', { name: 'Tidepool is connected to acme' })).toBeVisible();
    await expect(admin.getByTestId('api-answer')).toContainText('GET /api/v1/goals: 200');
    await expect(admin.getByTestId('granted-scopes')).toHaveText('read:goals write:goals');
    expect(tidepool.installed?.issuer).toBe(`http://acme.localhost:${PORT}`);

    await receiver.waitFor(() => receiver.on(hookPath, { ok: true }).some((r) => r.body.includes('"app.installed"')), 30_000);
    const hook = receiver.on(hookPath, { ok: true }).find((r) => r.body.includes('"app.installed"'))!;
    expect(new Webhook(webhookSecret).verify(hook.body, hook.headers)).toMatchObject({ type: 'app.installed', data: { installationId: tidepool.installed!.installationId, scopes: ['read:goals', 'write:goals'] } });
  });

  await test.step('the admin uninstalls it: the token stops at once and app.uninstalled arrives', async () => {
    await admin.goto(tenantUrl('acme', '/settings/installed-apps'));
    const row = admin.getByTestId('installed-app').filter({ hasText: appName });
    await expect(row).toContainText('read:goals, write:goals');
    await row.getByRole('button', { name: `Uninstall ${appName}` }).click();
    await admin.getByRole('alertdialog', { name: `Uninstall ${appName}?` }).getByRole('button', { name: 'Uninstall' }).click();
    await expect(admin.getByTestId('installed-app').filter({ hasText: appName })).toHaveCount(0);

    const after = await localFetch(`${tidepool.installed!.issuer}/api/v1/goals`, { headers: { authorization: `Bearer ${tidepool.installed!.accessToken}` } });
    expect(after.status).toBe(401);
    await receiver.waitFor(() => receiver.on(hookPath, { ok: true }).some((r) => r.body.includes('"app.uninstalled"')), 30_000);
    const farewell = receiver.on(hookPath, { ok: true }).find((r) => r.body.includes('"app.uninstalled"'))!;
    expect(new Webhook(webhookSecret).verify(farewell.body, farewell.headers)).toMatchObject({ type: 'app.uninstalled', data: { reason: 'uninstalled' } });
  });

  await Promise.all([operator.context().close(), admin.context().close()]);
});
