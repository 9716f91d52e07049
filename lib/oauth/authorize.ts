import OAuth2Server from '@node-oauth/oauth2-server';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import { AppError, badRequest } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { carriedParams, parseAuthorizationRequest, type ClientError, type ValidAuthorization } from './authorize-request.ts';
import { signConsent, verifyConsent } from './consent-token.ts';
import { lockGrant } from './grants.ts';
import { issuerFor } from './issuer.ts';
import { newGrantId } from './oauth-credentials.ts';
import { createAuthorizeModel, type GrantUser } from './oauth-model.ts';
import { capByRole, describeScopes } from './oauth-scopes.ts';
import { oauthServer } from './oauth-server.ts';

// /oauth/authorize on a workspace host: the signed-in member of that workspace sees the app and
// the scopes it asks for, and allows or denies. A grant is (app, workspace, user, scopes); a user
// who already allowed the same or more scopes is sent back with a code at once. The scopes a
// user can grant are capped by their role, like API key scopes. A workspace whose admins turned
// off "members may connect apps" (Tenant.membersMayConnectApps) answers access_denied to
// everyone but its admins.

export type AuthorizationPrompt =
  | { kind: 'error_page'; error: string; description: string }
  | { kind: 'redirect'; to: string }
  | {
      kind: 'consent';
      app: { name: string; logoUrl: string | null; homepageUrl: string | null; ownerWorkspace: string };
      scopes: { scope: string; description: string }[];
      /** Everything the decision POST must carry back (with `decision`: allow or deny). */
      hiddenFields: Record<string, string>;
    };

/** The app's redirect URI with the response parameters added (its own query is kept). */
function redirectTo(redirectUri: string, tenant: TenantContext, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  url.searchParams.set('iss', issuerFor(tenant));
  return url.toString();
}

function errorRedirect(tenant: TenantContext, error: Pick<ClientError, 'redirectUri' | 'error' | 'description' | 'state'> | { redirectUri: string; error: string; description: string; state: string | null }): string {
  return redirectTo(error.redirectUri, tenant, { error: error.error, error_description: error.description, state: error.state });
}

/** The scopes this member can grant, or the invalid_scope redirect when none. */
function grantable(tenant: TenantContext, member: Member, request: ValidAuthorization): string[] | { to: string } {
  const granted = capByRole(request.scopes, member.role);
  if (granted.length > 0) return granted;
  return { to: errorRedirect(tenant, { redirectUri: request.redirectUri, error: 'invalid_scope', description: `Your role (${member.role}) cannot grant any of the requested scopes.`, state: request.state }) };
}

/** The access_denied redirect when only admins may connect apps here and this member is not one. */
async function membersMayNotConnect(tenant: TenantContext, member: Member, request: ValidAuthorization): Promise<{ to: string } | null> {
  if (can(member.role, 'integrations.manage')) return null;
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { membersMayConnectApps: true } });
  if (row?.membersMayConnectApps !== false) return null;
  return { to: errorRedirect(tenant, { redirectUri: request.redirectUri, error: 'access_denied', description: 'In this workspace only admins can connect apps. Ask an admin.', state: request.state }) };
}

/** Who makes the app, as the consent screen names it: the partner of a marketplace app, else the workspace that registered it. */
const makerOf = (request: ValidAuthorization) => request.app.marketplaceApp?.partner.name ?? request.app.tenant.name;

function activeGrant(appId: string, tenantId: string, userId: string) {
  return db.oAuthGrant.findFirst({ where: { appId, tenantId, userId, kind: 'authorization_code', revokedAt: null }, orderBy: { createdAt: 'desc' }, select: { id: true, scopes: true } });
}

/** When the member signed in (the ID token's auth_time): their session's start. */
async function signedInAt(member: Member): Promise<Date> {
  const session = member.sessionId ? await db.userSession.findUnique({ where: { id: member.sessionId }, select: { createdAt: true } }) : null;
  return session?.createdAt ?? new Date();
}

/** Issues a code through the library (which stores it through the model) and returns the redirect. */
async function issueCode(tenant: TenantContext, member: Member, request: ValidAuthorization, scopes: string[], grantId: string): Promise<string> {
  const query: Record<string, string> = { response_type: 'code', client_id: request.app.clientId, redirect_uri: request.redirectUri, scope: scopes.join(' ') };
  if (request.state) query.state = request.state;
  if (request.codeChallenge) Object.assign(query, { code_challenge: request.codeChallenge, code_challenge_method: 'S256' });
  const user: GrantUser = {
    kind: 'authorization_code',
    userId: member.userId,
    tenantId: tenant.id,
    appId: request.app.id,
    role: member.role,
    grantId,
    redirectUriGiven: request.redirectUriGiven,
    nonce: request.nonce,
    authTime: await signedInAt(member),
  };
  const response = new OAuth2Server.Response();
  await oauthServer(tenant).authorize(new OAuth2Server.Request({ method: 'GET', headers: {}, query, body: {} }), response, {
    model: createAuthorizeModel(tenant),
    authenticateHandler: { handle: () => user },
  } as OAuth2Server.AuthorizeOptions);
  const url = new URL(String(response.get('location')));
  url.searchParams.set('iss', issuerFor(tenant));
  return url.toString();
}

/** What /oauth/authorize shows (or where it sends the browser) for this request and member. */
export async function prepareAuthorization(tenant: TenantContext, member: Member, params: URLSearchParams): Promise<AuthorizationPrompt> {
  const request = await parseAuthorizationRequest(params);
  if (request.kind === 'error_page') return request;
  if (request.kind === 'redirect_error') return { kind: 'redirect', to: errorRedirect(tenant, request) };
  const denied = await membersMayNotConnect(tenant, member, request);
  if (denied) return { kind: 'redirect', to: denied.to };
  const scopes = grantable(tenant, member, request);
  if (!Array.isArray(scopes)) return { kind: 'redirect', to: scopes.to };

  const grant = await activeGrant(request.app.id, tenant.id, member.userId);
  if (grant && scopes.every((scope) => grant.scopes.includes(scope))) {
    return { kind: 'redirect', to: await issueCode(tenant, member, request, scopes, grant.id) };
  }
  const carried = carriedParams(params);
  return {
    kind: 'consent',
    app: { name: request.app.name, logoUrl: request.app.logoUrl, homepageUrl: request.app.homepageUrl, ownerWorkspace: makerOf(request) },
    scopes: describeScopes(scopes, tenant.branding.terminology),
    hiddenFields: { ...carried, consent_token: signConsent(tenant.id, member.userId, carried) },
  };
}

/** Records the consent (widening an existing grant) in the workspace's audit log. */
async function recordConsent(tenant: TenantContext, member: Member, request: ValidAuthorization, scopes: string[], ip: string | null): Promise<string> {
  return db.$transaction(async (tx) => {
    await lockGrant(tx, request.app.id, tenant.id, member.userId, 'authorization_code');
    const existing = await tx.oAuthGrant.findFirst({ where: { appId: request.app.id, tenantId: tenant.id, userId: member.userId, kind: 'authorization_code', revokedAt: null }, select: { id: true, scopes: true } });
    const all = [...new Set([...(existing?.scopes ?? []), ...scopes])];
    const grantId = existing
      ? (await tx.oAuthGrant.update({ where: { id: existing.id }, data: { scopes: all }, select: { id: true } })).id
      : (await tx.oAuthGrant.create({ data: { id: newGrantId(), tenantId: tenant.id, appId: request.app.id, userId: member.userId, kind: 'authorization_code', scopes: all }, select: { id: true } })).id;
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: 'oauth.consent_granted',
      target: { type: 'oauth_grant', id: grantId },
      ip,
      metadata: { appId: request.app.id, appName: request.app.name, clientId: request.app.clientId, ownerWorkspace: makerOf(request), scopes, grantScopes: all },
    });
    return grantId;
  });
}

/**
 * The consent form's answer: `form` is the prompt's hiddenFields plus `decision` (allow or
 * deny). Everything is validated again; a form that is not this member's, was changed or has
 * expired (see consent-token.ts) is a 403 `consent_expired`.
 */
export async function decideAuthorization(tenant: TenantContext, member: Member, form: Record<string, string>, ip: string | null = null): Promise<{ to: string }> {
  const carried = carriedParams(form);
  if (!verifyConsent(form.consent_token, tenant.id, member.userId, carried)) {
    throw new AppError(403, 'consent_expired', 'This consent form has expired or was not made for you. Go back to the app and connect again.');
  }
  const request = await parseAuthorizationRequest(new URLSearchParams(carried));
  if (request.kind === 'error_page') throw new AppError(400, request.error, request.description);
  if (request.kind === 'redirect_error') return { to: errorRedirect(tenant, request) };
  if (form.decision === 'deny') {
    return { to: errorRedirect(tenant, { redirectUri: request.redirectUri, error: 'access_denied', description: 'The user denied access.', state: request.state }) };
  }
  if (form.decision !== 'allow') throw badRequest('The decision must be allow or deny.');
  const denied = await membersMayNotConnect(tenant, member, request);
  if (denied) return denied;
  const scopes = grantable(tenant, member, request);
  if (!Array.isArray(scopes)) return scopes;
  const grantId = await recordConsent(tenant, member, request, scopes, ip);
  return { to: await issueCode(tenant, member, request, scopes, grantId) };
}
