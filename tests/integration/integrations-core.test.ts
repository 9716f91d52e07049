import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import { accessTokenFor, connectionFor } from '../../lib/integrations/connections.ts';
import { disconnectConnection, installIntegration, uninstallIntegration } from '../../lib/integrations/installations.ts';
import { finishConnect, relayCallback, startConnect } from '../../lib/integrations/oauth-flow.ts';
import { ProviderError } from '../../lib/integrations/provider-error.ts';
import { dispatchToIntegrations } from '../../lib/integrations/dispatch.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { integrationView } from '../../lib/integrations/views.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import type { Member } from '../../lib/auth/session.ts';
import { startFakeMicrosoft, type FakeMicrosoft } from '../support/fakes/microsoft.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// The framework every integration shares (lib/integrations: installations, the OAuth client
// flow, token storage and refresh, needs-attention), driven through a real provider adapter
// (Outlook's, on the official Graph SDK) against the fake Microsoft server.

const PROVIDER = 'outlook-calendar' as const;
let fake: FakeMicrosoft;
let tenant: TenantContext;
let admin: Member;
let ada: Member;
let bob: Member;
const ORIGIN = 'http://acme.localhost:3100';

function configure(on: boolean): void {
  if (on) {
    process.env.MICROSOFT_CLIENT_ID = fake.clientId;
    process.env.MICROSOFT_CLIENT_SECRET = fake.clientSecret;
    process.env.MICROSOFT_API_BASE = fake.url;
  } else {
    delete process.env.MICROSOFT_CLIENT_ID;
    delete process.env.MICROSOFT_CLIENT_SECRET;
  }
}

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  tenant = await workspace();
  [admin, ada, bob] = await Promise.all([memberIn(tenant, 'admin'), memberIn(tenant), memberIn(tenant)]);
});

afterAll(async () => {
  configure(false);
  delete process.env.MICROSOFT_API_BASE;
  await fake.close();
});

/** Starts a connection as `member`, consents at the fake, and returns the finish query the root-domain callback relays. */
async function consentAs(member: Member, mail: string): Promise<URLSearchParams> {
  fake.signInAs({ mail, displayName: mail.split('@')[0] });
  const consentUrl = await startConnect({ tenant, member, provider: PROVIDER, origin: ORIGIN });
  const callback = await fake.consent(consentUrl);
  const finish = new URL(await relayCallback(PROVIDER, callback.searchParams));
  expect(`${finish.origin}${finish.pathname}`).toBe(`${ORIGIN}/api/app/integrations/${PROVIDER}/finish`);
  return finish.searchParams;
}

describe('installing an integration', () => {
  it('is refused while the provider is not configured on this installation, and for members who are not admins', async () => {
    configure(false);
    expect(await failure(installIntegration(tenant, admin, PROVIDER))).toMatchObject({ status: 409, code: 'integration_not_configured' });
    const view = await integrationView(tenant, admin, PROVIDER);
    expect(view).toMatchObject({ configured: false, missingEnv: ['MICROSOFT_CLIENT_ID', 'MICROSOFT_CLIENT_SECRET'], installation: null });
    expect(view.redirectUri).toMatch(/\/api\/integrations\/outlook-calendar\/callback$/);
    configure(true);
    expect(await failure(installIntegration(tenant, ada, PROVIDER))).toMatchObject({ status: 403 });
    expect(await failure(startConnect({ tenant, member: ada, provider: PROVIDER, origin: ORIGIN }))).toMatchObject({ status: 409, code: 'integration_not_installed' });
  });

  it('installs once for the workspace (a second install changes nothing) and is audited', async () => {
    configure(true);
    const first = await installIntegration(tenant, admin, PROVIDER);
    const again = await installIntegration(tenant, admin, PROVIDER);
    expect(again.id).toBe(first.id);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'integration.installed', targetId: PROVIDER } })).toBe(1);
  });
});

describe('connecting (OAuth with state and PKCE)', () => {
  it('stores the member’s connection with its tokens encrypted, and redirects back with ?connected', async () => {
    configure(true);
    const query = await consentAs(ada, 'ada.k@contoso.example');
    const { redirectTo, connection } = await finishConnect({ tenant, member: ada, provider: PROVIDER, query });
    expect(new URL(redirectTo).toString()).toBe(`${ORIGIN}/integrations/${PROVIDER}?connected=${PROVIDER}`);
    expect(connection).toMatchObject({ userId: ada.userId, status: 'active', externalAccountName: 'ada.k' });
    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection!.id } });
    // Nothing readable at rest: the stored values are ciphertexts of what the provider issued.
    expect(row.accessTokenEncrypted).toMatch(/^v1\./);
    expect(row.refreshTokenEncrypted).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(decryptSecret(row.accessTokenEncrypted!));
    const view = await integrationView(tenant, ada, PROVIDER);
    expect(view.connection).toMatchObject({ accountName: 'ada.k', status: 'active' });
    expect(JSON.stringify(view)).not.toContain(decryptSecret(row.accessTokenEncrypted!));
  });

  it('lets only the member who started it finish, once, within ten minutes', async () => {
    configure(true);
    const query = await consentAs(bob, 'bob@contoso.example');
    // Someone else in the workspace (sent the link) cannot redeem Bob's code, and does not burn it.
    expect(await failure(finishConnect({ tenant, member: ada, provider: PROVIDER, query }))).toMatchObject({ status: 400, code: 'integration_oauth_failed' });
    const other = await workspace();
    const stranger = await memberIn(other, 'admin');
    expect(await failure(finishConnect({ tenant: other, member: { ...stranger, userId: bob.userId }, provider: PROVIDER, query }))).toMatchObject({ code: 'integration_oauth_failed' });
    const { connection } = await finishConnect({ tenant, member: bob, provider: PROVIDER, query });
    expect(connection?.userId).toBe(bob.userId);
    // A replay of the same state is refused.
    expect(await failure(finishConnect({ tenant, member: bob, provider: PROVIDER, query }))).toMatchObject({ code: 'integration_oauth_failed' });
    expect(await failure(relayCallback(PROVIDER, query))).toMatchObject({ code: 'integration_oauth_failed' });

    const late = await consentAs(bob, 'bob@contoso.example');
    await db.integrationOAuthState.updateMany({ where: { userId: bob.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await failure(finishConnect({ tenant, member: bob, provider: PROVIDER, query: late }))).toMatchObject({ code: 'integration_oauth_failed' });
  });

  it('refuses a callback without a known state, and brings a refusal at the provider back as ?error', async () => {
    configure(true);
    expect(await failure(relayCallback(PROVIDER, new URLSearchParams({ code: 'x', state: 'forged' })))).toMatchObject({ status: 400, code: 'integration_oauth_failed' });
    expect(await failure(relayCallback(PROVIDER, new URLSearchParams({ code: 'x' })))).toMatchObject({ status: 400 });
    const consentUrl = await startConnect({ tenant, member: ada, provider: PROVIDER, origin: ORIGIN, returnPath: '//evil.example/x' });
    const state = new URL(consentUrl).searchParams.get('state')!;
    const finish = new URL(await relayCallback(PROVIDER, new URLSearchParams({ state, error: 'access_denied', error_description: 'The user declined.' })));
    // returnPath that is not a plain path falls back to the integration's page.
    expect(finish.origin).toBe(ORIGIN);
    const { redirectTo, connection } = await finishConnect({ tenant, member: ada, provider: PROVIDER, query: finish.searchParams });
    expect(connection).toBeNull();
    expect(redirectTo).toBe(`${ORIGIN}/integrations/${PROVIDER}?error=access_denied`);
  });
});

describe('tokens', () => {
  it('refreshes an expiring access token once, even when two callers ask at the same time', async () => {
    configure(true);
    const connection = (await connectionFor(tenant.id, PROVIDER, ada.userId))!;
    const before = decryptSecret(connection.accessTokenEncrypted!);
    await db.integrationConnection.update({ where: { id: connection.id }, data: { accessTokenExpiresAt: new Date(Date.now() + 60_000) } });
    const refreshesBefore = fake.requests.filter((request) => request.path.endsWith('/token') && (request.body as Record<string, string>)?.grant_type === 'refresh_token').length;
    const [one, two] = await Promise.all([accessTokenFor(connection), accessTokenFor(connection)]);
    expect(one).toBe(two);
    expect(one).not.toBe(before);
    const refreshes = fake.requests.filter((request) => request.path.endsWith('/token') && (request.body as Record<string, string>)?.grant_type === 'refresh_token').length;
    expect(refreshes - refreshesBefore).toBe(1);
    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it('marks a connection whose grant was revoked "needs attention" with the reason, and emails its owner once', async () => {
    configure(true);
    const connection = (await connectionFor(tenant.id, PROVIDER, bob.userId))!;
    fake.revokeGrants();
    await db.integrationConnection.update({ where: { id: connection.id }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
    const error = await accessTokenFor(connection).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('invalid_grant');
    await expect(accessTokenFor(connection)).rejects.toBeInstanceOf(ProviderError);
    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.status).toBe('needs_attention');
    expect(row.statusReason).toMatch(/Reconnect/);
    const bobEmail = (await db.user.findUniqueOrThrow({ where: { id: bob.userId } })).email;
    const mails = await db.emailMessage.findMany({ where: { to: bobEmail, kind: 'integration_needs_attention' } });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Outlook Calendar needs attention');
    expect((await integrationView(tenant, bob, PROVIDER)).log.map((entry) => entry.kind)).toContain('needs_attention');

    // Reconnecting clears it.
    const query = await consentAs(bob, 'bob@contoso.example');
    const { connection: again } = await finishConnect({ tenant, member: bob, provider: PROVIDER, query });
    expect(again).toMatchObject({ id: connection.id, status: 'active', statusReason: null, consecutiveFailures: 0 });
  });
});

describe('disconnecting and uninstalling', () => {
  it('lets a member disconnect only their own connection (admins any), deleting the tokens and auditing it', async () => {
    configure(true);
    const bobs = (await connectionFor(tenant.id, PROVIDER, bob.userId))!;
    expect(await failure(disconnectConnection(tenant, ada, bobs))).toMatchObject({ status: 403 });
    const other = await workspace();
    expect(await failure(disconnectConnection(other, await memberIn(other, 'admin'), bobs))).toMatchObject({ status: 404 });
    await disconnectConnection(tenant, bob, bobs);
    expect(await connectionFor(tenant.id, PROVIDER, bob.userId)).toBeNull();
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'integration.disconnected', targetId: bobs.id } })).toBe(1);
  });

  it('uninstalling ends every connection and records who did it', async () => {
    configure(true);
    expect(await failure(uninstallIntegration(tenant, ada, PROVIDER))).toMatchObject({ status: 403 });
    const { disconnected } = await uninstallIntegration(tenant, admin, PROVIDER);
    expect(disconnected).toBe(1);
    expect(await db.integrationConnection.count({ where: { tenantId: tenant.id } })).toBe(0);
    const installation = await db.integrationInstallation.findFirstOrThrow({ where: { tenantId: tenant.id, provider: PROVIDER } });
    expect(installation).toMatchObject({ uninstalledById: admin.userId });
    expect(await failure(uninstallIntegration(tenant, admin, PROVIDER))).toMatchObject({ status: 409, code: 'integration_not_installed' });
    // Installing again reuses the row.
    expect((await installIntegration(tenant, admin, PROVIDER)).id).toBe(installation.id);
  });

  it('disconnects a member who leaves the workspace (user.deleted), revoking nothing twice', async () => {
    configure(true);
    const query = await consentAs(ada, 'ada.k@contoso.example');
    await finishConnect({ tenant, member: ada, provider: PROVIDER, query });
    expect(await connectionFor(tenant.id, PROVIDER, ada.userId)).not.toBeNull();
    const eventId = await emitEvent(db, tenant.id, 'user.deleted', { userId: ada.userId, email: ada.email });
    await dispatchToIntegrations(eventId);
    await dispatchToIntegrations(eventId);
    expect(await connectionFor(tenant.id, PROVIDER, ada.userId)).toBeNull();
    const installation = await db.integrationInstallation.findFirstOrThrow({ where: { tenantId: tenant.id, provider: PROVIDER } });
    expect((await db.integrationLogEntry.findMany({ where: { installationId: installation.id, message: { contains: 'left the workspace' } } })).length).toBe(1);
  });
});
