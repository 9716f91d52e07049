import * as oauth from 'oauth4webapi';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { flushRequestLog } from '../../lib/api/request-log.ts';
import { db } from '../../lib/db/client.ts';
import { stopJobs } from '../../lib/jobs/queue.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { endInstallation, installApp, prepareInstall, uninstallApp } from '../../lib/marketplace/installations.ts';
import { prepareAuthorization } from '../../lib/oauth/authorize.ts';
import { listAuthorizedApps } from '../../lib/oauth/grants.ts';
import { issuerFor } from '../../lib/oauth/issuer.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { attemptDelivery } from '../../lib/webhooks/attempt-delivery.ts';
import { createEndpoint, listEndpoints } from '../../lib/webhooks/endpoints.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { fanOutEvent } from '../../lib/webhooks/fan-out.ts';
import { uniqueSlug } from '../support/factories.ts';
import { holdRowLock, waitForBlockedBackend } from '../support/table-lock.ts';
import { addVersion, createMarketplaceApp, createPartner, SETUP_URL, type TestApp } from '../support/marketplace.ts';
import { authorizationRequest, callApi, clientOptions, discover, oauthFailure, registerApp } from '../support/oauth-client.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// A workspace admin installs a partner's marketplace app: one consent for the workspace makes an
// installation grant, a code sent to the app's setup URL, the app's webhook endpoint and the
// app.installed event. The app's side is played by oauth4webapi (code exchange at the
// workspace's /oauth/token, client secret) and a standardwebhooks receiver. Uninstalling stops
// its tokens at once and still tells its endpoint.

process.env.WEBHOOKS_ALLOW_LOCALHOST = 'true';

let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await stopJobs();
  await receiver.close();
});

interface Installed {
  installationId: string;
  tokens: oauth.TokenEndpointResponse;
  landing: URL;
}

/** The app's side of an install: read the landing URL, exchange the code with its secret. */
async function completeInstall(tenant: TenantContext, app: TestApp, redirectTo: string): Promise<Installed> {
  const landing = new URL(redirectTo);
  const as = await discover(tenant);
  const callback = oauth.validateAuthResponse(as, app.client, landing, oauth.expectNoState);
  const response = await oauth.authorizationCodeGrantRequest(as, app.client, app.auth, callback, SETUP_URL, oauth.nopkce, clientOptions);
  const tokens = await oauth.processAuthorizationCodeResponse(as, app.client, response);
  return { installationId: landing.searchParams.get('installation_id')!, tokens, landing };
}

async function install(tenant: TenantContext, admin: Member, app: TestApp): Promise<Installed> {
  const prompt = await prepareInstall(tenant, admin, app.slug);
  const { redirectTo } = await installApp(tenant, admin, app.slug, { versionId: prompt.version.id });
  return completeInstall(tenant, app, redirectTo);
}

/** Runs an event's fan-out and sends its delivery to `endpointId` (whatever worker gets there first). */
async function deliver(eventType: string, tenantId: string, endpointId: string): Promise<void> {
  const event = await db.domainEvent.findFirstOrThrow({ where: { tenantId, type: eventType }, orderBy: { occurredAt: 'desc' } });
  await fanOutEvent(event.id);
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { endpointId_eventId: { endpointId, eventId: event.id } } });
  await attemptDelivery({ deliveryId: delivery.id, attempt: 1 });
}

describe('installing a marketplace app', () => {
  let tenant: TenantContext;
  let owner: Member;
  let admin: Member;
  let member: Member;
  let app: TestApp;
  let appPath: string;

  beforeAll(async () => {
    tenant = await workspace();
    [owner, admin, member] = await Promise.all([memberIn(tenant, 'owner'), memberIn(tenant, 'admin'), memberIn(tenant, 'member')]);
    appPath = `/${uniqueSlug('pulse')}`;
    app = await createMarketplaceApp({ webhookUrl: receiver.url(appPath), webhookEvents: ['goal.created'] });
  });

  it('shows the consent: scopes in plain words with the partner’s reasons, events, where it goes', async () => {
    const prompt = await prepareInstall(tenant, admin, app.slug);
    expect(prompt).toMatchObject({
      app: { slug: app.slug, name: 'Pulse Sync', partnerName: app.partner.name },
      version: { id: app.versionId, number: 1 },
      scopes: [
        { scope: 'read:goals', description: 'See goals', justification: 'To show your goals in Pulse.' },
        { scope: 'write:goals', description: 'Create, change and delete goals', justification: 'To record workouts as goal progress.' },
        { scope: 'read:users', justification: 'To match people to their Pulse accounts.' },
      ],
      events: ['goal.created', 'app.installed', 'app.uninstalled'],
      landingHost: 'pulse.example.test',
      installation: null,
      sandbox: false,
    });
    expect((await failure(prepareInstall(tenant, member, app.slug))).status).toBe(403);
    expect((await failure(installApp(tenant, member, app.slug, { versionId: app.versionId }))).status).toBe(403);
  });

  it('the app completes the flow with oauth4webapi, calls /api/v1 as itself, is counted, and hears app.installed signed', async () => {
    const ownHook = await createEndpoint(tenant, admin, { url: receiver.url(`${appPath}-workspace`), eventTypes: ['app.installed', 'app.uninstalled'] });
    const { installationId, tokens, landing } = await install(tenant, admin, app);
    expect(landing.origin + landing.pathname).toBe(SETUP_URL);
    expect(Object.fromEntries(landing.searchParams)).toMatchObject({ installation_id: expect.stringMatching(/^ins_/), workspace: tenant.slug, iss: issuerFor(tenant), code: expect.stringMatching(/^wpac_/) });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'read:goals write:goals read:users', access_token: expect.stringMatching(/^wpat_/), refresh_token: expect.stringMatching(/^wprt_/) });
    expect(tokens.id_token).toBeUndefined();

    const installation = await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } });
    expect(installation).toMatchObject({ tenantId: tenant.id, appId: app.id, versionId: app.versionId, installedById: admin.userId, uninstalledAt: null });
    const grant = await db.oAuthGrant.findUniqueOrThrow({ where: { id: installation.grantId } });
    expect(grant).toMatchObject({ kind: 'installation', userId: admin.userId, tenantId: tenant.id, appId: app.oauthAppId });

    const goals = await callApi(tenant, '/api/v1/goals', tokens.access_token);
    expect(goals.status, JSON.stringify(goals.body)).toBe(200);
    const me = await callApi(tenant, '/api/v1/users/me', tokens.access_token);
    expect(me.body).toMatchObject({ email: admin.email, role: 'admin' });
    await flushRequestLog();
    expect(await db.apiRequestLog.count({ where: { tenantId: tenant.id, marketplaceAppId: app.id } })).toBe(2);
    expect((await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).lastActivityAt).not.toBeNull();

    // The app's endpoint is the installation's: not among the workspace's own.
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { appInstallationId: installationId } });
    expect(endpoint).toMatchObject({ url: receiver.url(appPath), eventTypes: ['goal.created', 'app.installed', 'app.uninstalled'], enabled: true });
    expect((await listEndpoints(tenant, admin)).map((e) => e.id)).toEqual([ownHook.endpoint.id]);

    await deliver('app.installed', tenant.id, endpoint.id);
    await receiver.waitFor(() => receiver.on(appPath, { ok: true }).length >= 1);
    const [received] = receiver.on(appPath, { ok: true });
    const payload = new Webhook(app.webhookSecret).verify(received.body, received.headers) as Record<string, unknown>;
    expect(payload).toMatchObject({ type: 'app.installed', tenant_id: tenant.id, data: { installationId, appId: app.id, appSlug: app.slug, scopes: ['read:goals', 'write:goals', 'read:users'], installedById: admin.userId, reconsent: false } });
    // The workspace's own endpoint gets it too, signed with its own secret.
    await attemptDelivery({ deliveryId: (await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: ownHook.endpoint.id, eventType: 'app.installed' } })).id, attempt: 1 });
    await receiver.waitFor(() => receiver.on(`${appPath}-workspace`, { ok: true }).length >= 1);
    const [own] = receiver.on(`${appPath}-workspace`, { ok: true });
    expect(new Webhook(ownHook.secret).verify(own.body, own.headers)).toMatchObject({ type: 'app.installed' });

    // The installation is not a member's connection: the authorized-apps list leaves it out.
    expect((await listAuthorizedApps(tenant, admin)).map((a) => a.grantId)).not.toContain(grant.id);
  });

  it('reads as a workspace-wide principal: every team’s goals, but no member’s personal goals', async () => {
    const other = await createMarketplaceApp({ partner: app.partner });
    const team = await createTeam(tenant, owner, { name: `Crew ${uniqueSlug('t')}` });
    const teamGoal = await createGoal(tenant, owner, { title: `Team goal ${uniqueSlug('g')}`, teamId: team.id });
    const privateGoal = await createGoal(tenant, member, { title: `Private goal ${uniqueSlug('g')}` });
    const { tokens } = await install(tenant, admin, other);

    // The installing admin is in no team: the app still sees the team's goal, not the member's own.
    const goals = await callApi(tenant, '/api/v1/goals?limit=100', tokens.access_token);
    expect(goals.status, JSON.stringify(goals.body)).toBe(200);
    const ids = JSON.stringify(goals.body);
    expect(ids).toContain(teamGoal.id);
    expect(ids).not.toContain(privateGoal.id);
  });

  it('works on after the installer leaves, as the earliest owner; uninstall stops it at once and tells the app', async () => {
    const other = await createMarketplaceApp({ partner: app.partner, webhookUrl: receiver.url(`${appPath}-2`) });
    const installer = await memberIn(tenant, 'admin');
    const { installationId, tokens } = await install(tenant, installer, other);
    await db.membership.delete({ where: { id: installer.membershipId } });
    const me = await callApi(tenant, '/api/v1/users/me', tokens.access_token);
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body).toMatchObject({ email: owner.email });

    // Only this workspace's admins can uninstall it.
    const elsewhere = await workspace();
    expect((await failure(uninstallApp(elsewhere, await memberIn(elsewhere, 'admin'), installationId))).status).toBe(404);
    expect((await failure(uninstallApp(tenant, member, installationId))).status).toBe(403);

    await uninstallApp(tenant, admin, installationId);
    const after = await callApi(tenant, '/api/v1/goals', tokens.access_token);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'token_revoked' });
    const as = await discover(tenant);
    expect(await oauthFailure(oauth.refreshTokenGrantRequest(as, other.client, other.auth, tokens.refresh_token!, clientOptions).then((r) => oauth.processRefreshTokenResponse(as, other.client, r)))).toMatchObject({ error: 'invalid_grant' });

    const installation = await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } });
    expect(installation).toMatchObject({ endedReason: 'uninstalled', uninstalledById: admin.userId });
    expect(await db.oAuthToken.count({ where: { grantId: installation.grantId, revokedAt: null } })).toBe(0);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { appInstallationId: installationId } });
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: 'The app was uninstalled.' });

    // The switched-off endpoint still gets app.uninstalled, and nothing after it.
    const farewell = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, eventType: 'app.uninstalled' } });
    await attemptDelivery({ deliveryId: farewell.id, attempt: 1 });
    await receiver.waitFor(() => receiver.on(`${appPath}-2`, { ok: true }).some((r) => r.body.includes('app.uninstalled')));
    const last = receiver.on(`${appPath}-2`, { ok: true }).at(-1)!;
    expect(new Webhook(other.webhookSecret).verify(last.body, last.headers)).toMatchObject({ type: 'app.uninstalled', data: { installationId, reason: 'uninstalled', uninstalledById: admin.userId } });

    expect((await failure(uninstallApp(tenant, admin, installationId))).status).toBe(404);
    expect(await db.$transaction((tx) => endInstallation(tx, installationId, 'app_removed'))).toBeNull();
    const audit = await db.auditLog.findFirst({ where: { tenantId: tenant.id, action: 'app.uninstalled', targetId: installationId } });
    expect(audit).toMatchObject({ actorId: admin.userId });
  });

  /** A fresh app installed in the workspace, with one API call of its waiting in the request log's buffer. */
  async function installedAppWithOneCallBuffered() {
    const racer = await createMarketplaceApp({ partner: app.partner });
    const { installationId, tokens } = await install(tenant, admin, racer);
    const { grantId } = await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } });
    await flushRequestLog();
    expect((await callApi(tenant, '/api/v1/goals', tokens.access_token)).status).toBe(200);
    return { racer, installationId, grantId };
  }

  it("an uninstall racing the request log's write of the app's last activity: both commit, nothing lost", async () => {
    // Seen in CI: the uninstall locks the installation then the grant; the request log's batch
    // locked the grant then the installation, and Postgres broke the deadlock by aborting one.
    const { racer, installationId, grantId } = await installedAppWithOneCallBuffered();

    // Line them up: the batch reaches the grant first, the uninstall second, then the grant frees.
    const holder = await holdRowLock('OAuthGrant', grantId);
    const flushed = flushRequestLog();
    const batch = await waitForBlockedBackend([holder.pid]);
    const uninstalled = uninstallApp(tenant, admin, installationId).then(() => 'ok', (error: unknown) => error);
    await waitForBlockedBackend([holder.pid, batch], [batch]);
    await holder.release();
    await flushed;

    expect(await uninstalled).toBe('ok');
    expect(await db.apiRequestLog.count({ where: { tenantId: tenant.id, marketplaceAppId: racer.id } })).toBe(1);
    const installation = await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } });
    expect(installation.endedReason).toBe('uninstalled');
    expect(installation.lastActivityAt).not.toBeNull();
  });

  it('a request log batch undone by a deadlock is written again, not dropped', async () => {
    const { racer, installationId, grantId } = await installedAppWithOneCallBuffered();

    // A writer that locks the grant, then the installation, against the batch's opposite order:
    // the batch waits first, so its deadlock check fires first and Postgres aborts it.
    const holder = await holdRowLock('OAuthGrant', grantId);
    const flushed = flushRequestLog();
    await waitForBlockedBackend([holder.pid]);
    await holder.lockToo('AppInstallation', installationId);
    await holder.release();
    await flushed;

    expect(await db.apiRequestLog.count({ where: { tenantId: tenant.id, marketplaceAppId: racer.id } })).toBe(1);
    expect((await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).lastActivityAt).not.toBeNull();
  });

  it('asks again when the live version wants more scopes (re-consent keeps the installation)', async () => {
    const wider = await createMarketplaceApp({ partner: app.partner, scopes: [{ scope: 'read:goals', justification: 'Show goals.' }] });
    const first = await install(tenant, admin, wider);
    expect(first.tokens.scope).toBe('read:goals');
    await addVersion(wider.id, { publish: true, scopes: [{ scope: 'read:goals', justification: 'Show goals.' }, { scope: 'read:habits', justification: 'Show habits.' }] });
    const prompt = await prepareInstall(tenant, admin, wider.slug);
    expect(prompt).toMatchObject({ version: { number: 2 }, installation: { id: first.installationId, scopes: ['read:goals'] }, newScopes: ['read:habits'] });
    // A consent for the version the page no longer shows installs nothing.
    expect(await failure(installApp(tenant, admin, wider.slug, { versionId: wider.versionId }))).toMatchObject({ status: 409, fields: { versionId: expect.any(String) } });
    const again = await installApp(tenant, admin, wider.slug, { versionId: prompt.version.id });
    expect(again).toMatchObject({ installationId: first.installationId, reconsent: true });
    const second = await completeInstall(tenant, wider, again.redirectTo);
    expect(second.tokens.scope).toBe('read:goals read:habits');
    expect(await db.appInstallation.count({ where: { tenantId: tenant.id, appId: wider.id } })).toBe(1);
    expect((await callApi(tenant, '/api/v1/habits', second.tokens.access_token)).status).toBe(200);
  });

  it("a member connecting a marketplace app's client for themselves sees the partner as its maker", async () => {
    const attempt = await authorizationRequest({ client: app.client } as Parameters<typeof authorizationRequest>[0], 'read:goals', { redirect_uri: 'https://pulse.example.test/oauth/callback' });
    expect(await prepareAuthorization(tenant, member, attempt.params)).toMatchObject({ kind: 'consent', app: { name: 'Pulse Sync', ownerWorkspace: app.partner.name } });
  });

  it("members may connect apps: when turned off, only admins pass /oauth/authorize", async () => {
    const registered = await registerApp({ tenant: app.partner.sandbox, admin: await memberIn(app.partner.sandbox, 'admin') });
    await db.tenant.update({ where: { id: tenant.id }, data: { membersMayConnectApps: false } });
    try {
      const attempt = await authorizationRequest(registered, 'read:goals');
      const denied = await prepareAuthorization(tenant, member, attempt.params);
      expect(denied.kind).toBe('redirect');
      expect(new URL((denied as { to: string }).to).searchParams.get('error')).toBe('access_denied');
      expect((await prepareAuthorization(tenant, admin, attempt.params)).kind).toBe('consent');
    } finally {
      await db.tenant.update({ where: { id: tenant.id }, data: { membersMayConnectApps: true } });
    }
  });
});

describe('who may install what', () => {
  it("a partner's unpublished app installs only in its sandbox, where loopback setup URLs work", async () => {
    const partner = await createPartner();
    const draft = await createMarketplaceApp({ partner, status: 'draft', setupUrl: 'http://127.0.0.1:4321/setup' });
    const sandboxAdmin = await memberIn(partner.sandbox, 'admin');
    const prompt = await prepareInstall(partner.sandbox, sandboxAdmin, draft.slug);
    expect(prompt).toMatchObject({ sandbox: true, landingHost: '127.0.0.1:4321' });
    const { installationId } = await installApp(partner.sandbox, sandboxAdmin, draft.slug, { versionId: prompt.version.id });
    expect(installationId).toMatch(/^ins_/);

    const other = await workspace();
    const otherAdmin = await memberIn(other, 'admin');
    expect((await failure(prepareInstall(other, otherAdmin, draft.slug))).status).toBe(404);
    // Another partner's sandbox does not see it either.
    const rival = await createPartner();
    expect((await failure(prepareInstall(rival.sandbox, await memberIn(rival.sandbox, 'admin'), draft.slug))).status).toBe(404);
  });

  it('allow-list and hidden marketplaces; deprecated apps take no new installs', async () => {
    const [listed, unlisted, deprecated] = await Promise.all([createMarketplaceApp(), createMarketplaceApp(), createMarketplaceApp({ status: 'deprecated' })]);
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    await db.tenant.update({ where: { id: tenant.id }, data: { marketplaceMode: 'allow_list', marketplaceAllowList: [listed.id] } });
    expect((await prepareInstall(tenant, admin, listed.slug)).app.id).toBe(listed.id);
    expect((await failure(prepareInstall(tenant, admin, unlisted.slug))).status).toBe(404);
    await db.tenant.update({ where: { id: tenant.id }, data: { marketplaceMode: 'hidden' } });
    expect((await failure(prepareInstall(tenant, admin, listed.slug))).status).toBe(404);
    await db.tenant.update({ where: { id: tenant.id }, data: { marketplaceMode: 'all' } });
    expect((await failure(prepareInstall(tenant, admin, deprecated.slug))).status).toBe(404);
  });
});
