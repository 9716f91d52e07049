import { expect } from 'vitest';
import { NextRequest } from 'next/server';
import * as oauth from 'oauth4webapi';
import * as introspectRoute from '../../app/api/oauth/introspect/route.ts';
import * as jwksRoute from '../../app/api/oauth/jwks/route.ts';
import * as metadataRoute from '../../app/api/oauth/metadata/route.ts';
import * as openidConfigurationRoute from '../../app/api/oauth/openid-configuration/route.ts';
import * as revokeRoute from '../../app/api/oauth/revoke/route.ts';
import * as tokenRoute from '../../app/api/oauth/token/route.ts';
import * as userinfoRoute from '../../app/api/oauth/userinfo/route.ts';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import * as habitsRoute from '../../app/api/v1/habits/route.ts';
import * as meRoute from '../../app/api/v1/users/me/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { config } from '../../lib/config/env.ts';
import { db } from '../../lib/db/client.ts';
import type { OAuthAppInput, OAuthAppView } from '../../lib/oauth/app-schema.ts';
import { createOAuthApp } from '../../lib/oauth/apps.ts';
import { decideAuthorization, prepareAuthorization, type AuthorizationPrompt } from '../../lib/oauth/authorize.ts';
import { issuerFor } from '../../lib/oauth/issuer.ts';
import { trustedHeaders } from './trusted.ts';
import { parseHost } from '../../lib/tenancy/parse-host.ts';
import { resolveTenant } from '../../lib/tenancy/tenant-cache.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { memberIn, workspace } from './workspace.ts';

// Drives the authorization server with oauth4webapi, a strict third-party client: its
// requests go, through its customFetch option, into the route handlers in process, the way
// they arrive after proxy.ts (the public paths /oauth/token etc. map to the /api/oauth/ handlers
// proxy.ts rewrites them to, and the host's workspace id rides in the trusted tenant header).

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  '/.well-known/oauth-authorization-server': { GET: metadataRoute.GET },
  '/oauth/token': { POST: tokenRoute.POST },
  '/oauth/revoke': { POST: revokeRoute.POST },
  '/oauth/introspect': { POST: introspectRoute.POST },
  '/.well-known/openid-configuration': { GET: openidConfigurationRoute.GET },
  '/oauth/jwks': { GET: jwksRoute.GET },
  '/oauth/userinfo': { GET: userinfoRoute.GET, POST: userinfoRoute.POST },
  '/api/v1/users/me': { GET: meRoute.GET as Handler },
  '/api/v1/goals': { GET: goalsRoute.GET as Handler },
  '/api/v1/habits': { GET: habitsRoute.GET as Handler },
};

export async function inProcessFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Response> {
  const target = new URL(url);
  const method = (init.method ?? 'GET').toUpperCase();
  const handler = ROUTES[target.pathname]?.[method];
  if (!handler) return new Response('not found', { status: 404 });
  const tenant = await resolveTenant(parseHost(target.host, config.rootDomain));
  const headers: Record<string, string> = { ...init.headers, host: target.host, ...trustedHeaders({ tenantId: tenant?.id }) };
  const body = init.body === undefined || init.body === null ? null : String(init.body);
  return handler(new NextRequest(url, { method, headers, body }), { params: Promise.resolve({}) });
}

export const clientOptions = { [oauth.customFetch]: inProcessFetch as unknown as typeof fetch, [oauth.allowInsecureRequests]: true };

/** The workspace's authorization server, as a client discovers it (RFC 8414, or OpenID Connect Discovery). */
export async function discover(tenant: TenantContext, algorithm: 'oauth2' | 'oidc' = 'oauth2'): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(issuerFor(tenant));
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm, ...clientOptions }));
}

export const REDIRECT_URI = 'https://app.example.test/callback';

export interface RegisteredApp {
  view: OAuthAppView;
  secret: string | null;
  client: oauth.Client;
  /** client_secret_basic for confidential apps, none for public ones. */
  auth: oauth.ClientAuth;
}

/** An app registered by an admin of `owner`. */
export async function registerApp(owner: { tenant: TenantContext; admin: Member }, input: Partial<OAuthAppInput> = {}): Promise<RegisteredApp> {
  const { app, clientSecret } = await createOAuthApp(owner.tenant, owner.admin, {
    name: 'Acme Sync',
    redirectUris: [REDIRECT_URI],
    clientType: 'public',
    allowedScopes: ['read:users', 'read:goals', 'write:goals'],
    ...input,
  });
  return { view: app, secret: clientSecret, client: { client_id: app.clientId }, auth: clientSecret ? oauth.ClientSecretBasic(clientSecret) : oauth.None() };
}

export interface World {
  owner: { tenant: TenantContext; admin: Member };
  /** Another workspace, whose users authorize the owner's apps (third-party apps). */
  user: { tenant: TenantContext; admin: Member; member: Member; viewer: Member };
}

export async function world(): Promise<World> {
  const [ownerTenant, userTenant] = await Promise.all([workspace(), workspace()]);
  await db.tenant.update({ where: { id: userTenant.id }, data: { plan: 'enterprise' } });
  const [ownerAdmin, admin, member, viewer] = await Promise.all([memberIn(ownerTenant, 'admin'), memberIn(userTenant, 'admin'), memberIn(userTenant, 'member'), memberIn(userTenant, 'viewer')]);
  return { owner: { tenant: ownerTenant, admin: ownerAdmin }, user: { tenant: { ...userTenant, plan: 'enterprise' }, admin, member, viewer } };
}

export interface AuthorizationAttempt {
  params: URLSearchParams;
  state: string;
  verifier: string;
}

/** An authorization request with PKCE S256 and a state, plus `extra` parameters (null removes one). */
export async function authorizationRequest(app: RegisteredApp, scope: string, extra: Record<string, string | null> = {}): Promise<AuthorizationAttempt> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: app.client.client_id,
    redirect_uri: REDIRECT_URI,
    scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  for (const [name, value] of Object.entries(extra)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  return { params, state, verifier };
}

/** The consent screen's answer, from the prompt's hidden fields. */
export async function consent(tenant: TenantContext, member: Member, prompt: AuthorizationPrompt, decision: 'allow' | 'deny' = 'allow'): Promise<URL> {
  expect(prompt.kind, JSON.stringify(prompt)).toBe('consent');
  if (prompt.kind !== 'consent') throw new Error('no consent screen');
  return new URL((await decideAuthorization(tenant, member, { ...prompt.hiddenFields, decision })).to);
}

/** Authorizes (consenting if asked) and returns where the browser is sent. */
export async function authorizeAs(tenant: TenantContext, member: Member, params: URLSearchParams, decision: 'allow' | 'deny' = 'allow'): Promise<URL> {
  const prompt = await prepareAuthorization(tenant, member, params);
  if (prompt.kind === 'redirect') return new URL(prompt.to);
  return consent(tenant, member, prompt, decision);
}

/** Everything up to the token response: authorize, validate the callback, swap the code. */
export async function tokensFor(app: RegisteredApp, tenant: TenantContext, member: Member, scope = 'read:users read:goals'): Promise<oauth.TokenEndpointResponse> {
  const as = await discover(tenant);
  const attempt = await authorizationRequest(app, scope);
  const callback = oauth.validateAuthResponse(as, app.client, await authorizeAs(tenant, member, attempt.params), attempt.state);
  const response = await oauth.authorizationCodeGrantRequest(as, app.client, app.auth, callback, REDIRECT_URI, attempt.verifier, clientOptions);
  return oauth.processAuthorizationCodeResponse(as, app.client, response);
}

/** GET on the API of the workspace whose host `tenant` is, with a bearer token. */
export async function callApi(tenant: TenantContext, path: string, accessToken: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await (clientOptions[oauth.customFetch] as unknown as typeof inProcessFetch)(`${issuerFor(tenant)}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** The RFC error a client library raised for an error response. */
export async function oauthFailure(promise: Promise<unknown>): Promise<{ error: string; status: number; description?: string; challenge?: boolean }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) return { error: error.error, status: error.status, description: error.error_description };
    if (error instanceof oauth.WWWAuthenticateChallengeError) {
      const body = (await error.response.json()) as { error: string; error_description?: string };
      return { error: body.error, status: error.status, description: body.error_description, challenge: true };
    }
    if (error instanceof oauth.AuthorizationResponseError) return { error: error.error, status: 302, description: error.error_description };
    throw error;
  }
  throw new Error('expected the request to fail');
}

