import { createHash } from 'node:crypto';
import { calculatePKCECodeChallenge, generateRandomCodeVerifier, generateRandomState } from 'oauth4webapi';
import { recordAudit } from '../audit/record-audit.ts';
import type { Member } from '../auth/session.ts';
import { decryptSecret, encryptSecret } from '../crypto/encrypt-secret.ts';
import { db } from '../db/client.ts';
import type { IntegrationConnection } from '../db/generated/client.ts';
import { AppError, forbidden } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import { logger } from '../observability/logger.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { saveConnection } from './connections.ts';
import { assertConfigured, requireInstallation } from './installations.ts';
import { logIntegration } from './log.ts';
import { ProviderError } from './provider-error.ts';
import { integrationFor, redirectUri } from './registry.ts';
import { requestSync } from './sync-runner.ts';
import type { IntegrationId, IntegrationModule } from './types.ts';

// The OAuth 2.0 client flow to a provider (authorization code, state, PKCE S256 where the
// provider takes it). One redirect URI per provider, on the platform's root domain, so an
// operator registers it once for every workspace:
//   1. the member's workspace page asks startConnect → the provider's consent page;
//   2. the provider returns to <root>/api/integrations/<id>/callback, which only relays code and
//      state to the workspace host the flow started on (relayCallback);
//   3. there, /api/app/integrations/<id>/finish (with the member's session) consumes the state,
//      which must have been started by the same member in the same workspace, exchanges the
//      code with the verifier kept server-side, and stores the connection.
// So a code can only be redeemed by the browser session that asked for it.

const STATE_TTL_MS = 10 * 60_000;

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

function oauthOf(integration: IntegrationModule) {
  if (!integration.oauth) throw new AppError(400, 'bad_request', `${integration.manifest.name} does not connect to an account.`);
  return integration.oauth;
}

function oauthFailed(message: string): AppError {
  return new AppError(400, 'integration_oauth_failed', message);
}

export interface StartConnectInput {
  tenant: TenantContext;
  member: Member;
  provider: IntegrationId;
  /** The workspace origin the member is on (its subdomain or custom domain), where the flow ends. */
  origin: string;
  /** A path on that origin to come back to. */
  returnPath?: string;
}

/** Starts an authorization: stores state and verifier, returns the provider's consent URL. */
export async function startConnect({ tenant, member, provider, origin, returnPath }: StartConnectInput): Promise<string> {
  const integration = integrationFor(provider);
  assertConfigured(provider);
  const oauth = oauthOf(integration);
  await requireInstallation(tenant.id, provider);
  if (integration.manifest.connects === 'workspace' && !can(member.role, 'integrations.manage')) throw forbidden(`Only admins connect ${integration.manifest.name} for the workspace.`);
  const path = returnPath && /^\/(?![/\\])/.test(returnPath) ? returnPath : `/integrations/${provider}`;
  const state = generateRandomState();
  const codeVerifier = generateRandomCodeVerifier();
  const redirect = redirectUri(integration)!;
  await db.integrationOAuthState.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await db.integrationOAuthState.create({
    data: {
      stateHash: hashState(state),
      tenantId: tenant.id,
      userId: member.userId,
      provider,
      codeVerifierEncrypted: encryptSecret(codeVerifier),
      redirectUri: redirect,
      returnTo: new URL(path, origin).toString(),
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    },
  });
  return oauth.authorizationUrl({ state, codeChallenge: await calculatePKCECodeChallenge(codeVerifier), redirectUri: redirect, scopes: integration.manifest.providerScopes });
}

/**
 * The root-domain callback: where the flow started (the state says), with code and state (or
 * the provider's error) to finish there. An unknown or expired state ends here.
 */
export async function relayCallback(provider: IntegrationId, query: URLSearchParams): Promise<string> {
  integrationFor(provider);
  const state = query.get('state');
  if (!state) throw oauthFailed('The provider returned without a state: start connecting again from Waypoint.');
  const row = await db.integrationOAuthState.findUnique({ where: { stateHash: hashState(state) } });
  if (!row || row.provider !== provider || row.expiresAt < new Date()) throw oauthFailed('This sign-in expired or was already used: start connecting again from Waypoint.');
  const finish = new URL(`/api/app/integrations/${provider}/finish`, row.returnTo);
  for (const name of ['code', 'state', 'error', 'error_description']) {
    const value = query.get(name);
    if (value) finish.searchParams.set(name, value.slice(0, 2048));
  }
  return finish.toString();
}

export interface FinishConnectInput {
  tenant: TenantContext;
  member: Member;
  provider: IntegrationId;
  query: URLSearchParams;
}

/**
 * Finishes on the workspace host: consumes the state (it must be this member's, in this
 * workspace, unexpired), exchanges the code, saves the connection and starts its first sync.
 * Returns where to send the browser: the page the flow started from, with ?connected= or ?error=.
 */
export async function finishConnect({ tenant, member, provider, query }: FinishConnectInput): Promise<{ redirectTo: string; connection: IntegrationConnection | null }> {
  const integration = integrationFor(provider);
  const oauth = oauthOf(integration);
  const state = query.get('state') ?? '';
  const stateHash = hashState(state);
  const row = await db.integrationOAuthState.findUnique({ where: { stateHash } });
  // Consumed only by the member who started it, here, in time: anyone else's attempt leaves it alone.
  const { count } = row
    ? await db.integrationOAuthState.deleteMany({ where: { stateHash, tenantId: tenant.id, userId: member.userId, provider, expiresAt: { gt: new Date() } } })
    : { count: 0 };
  if (!row || count === 0) throw oauthFailed('This sign-in expired, was already used, or was started by someone else: start connecting again.');
  const back = new URL(row.returnTo);
  const providerError = query.get('error');
  if (providerError) {
    back.searchParams.set('error', providerError === 'access_denied' ? 'access_denied' : 'provider_error');
    return { redirectTo: back.toString(), connection: null };
  }
  const code = query.get('code');
  if (!code) throw oauthFailed('The provider returned without an authorization code.');
  const installation = await requireInstallation(tenant.id, provider);
  let connected;
  try {
    connected = await oauth.exchangeCode({ code, codeVerifier: decryptSecret(row.codeVerifierEncrypted), redirectUri: row.redirectUri });
  } catch (error) {
    logger().warn({ err: error, provider, tenantId: tenant.id }, 'integrations: code exchange failed');
    if (error instanceof ProviderError && error.retryable) throw new AppError(503, 'service_unavailable', `${integration.manifest.name} did not answer: try connecting again in a minute.`);
    throw oauthFailed(`${integration.manifest.name} refused the authorization: start connecting again.`);
  }
  const userId = integration.manifest.connects === 'workspace' ? null : member.userId;
  const connection = await saveConnection({ tenantId: tenant.id, installationId: installation.id, provider, userId, connected });
  await recordAudit(db, {
    tenantId: tenant.id,
    actor: { id: member.userId, email: member.email },
    action: 'integration.connected',
    target: { type: 'integration_connection', id: connection.id },
    metadata: { provider, account: connection.externalAccountName ?? connection.externalAccountId },
  });
  await logIntegration({ tenantId: tenant.id, installationId: installation.id, connectionId: connection.id, level: 'info', kind: 'connection', message: `Connected ${connection.externalAccountName ?? connection.externalAccountId}.` });
  if (integration.sync) await requestSync(connection.id, 'connected');
  back.searchParams.set('connected', provider);
  return { redirectTo: back.toString(), connection };
}
