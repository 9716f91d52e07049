import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import * as acsConnectionRoute from '../../app/api/sso/acs/[connectionId]/route.ts';
import * as acsRoute from '../../app/api/sso/acs/route.ts';
import * as completeRoute from '../../app/api/sso/complete/route.ts';
import * as startRoute from '../../app/api/sso/start/route.ts';
import { db } from '../../lib/db/client.ts';
import { createSsoConnection } from '../../lib/sso/sso-connections.ts';
import { trustedHeaders } from './trusted.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createMember, createTenant, memberOf } from './factories.ts';
import { createTestIdp, readAuthnRequest, type TestIdp } from './saml-idp.ts';

// A workspace with SSO set up (Enterprise plan, a verified email domain, a SAML connection to a test
// IdP), and the two browser hops of a sign-in as route-handler calls: "Continue with SSO" on
// the workspace's host, and the IdP's form post to the ACS on the platform origin.

export const ROOT = 'localhost:3100';
export const ACS_URL = `http://${ROOT}/api/sso/acs`;
export const SP_ENTITY_ID = `http://${ROOT}/api/sso/metadata`;

export interface SsoWorkspace {
  tenant: TenantContext;
  owner: Awaited<ReturnType<typeof memberOf>>;
  domain: string;
  idp: TestIdp;
  connectionId: string;
}

export async function ssoWorkspace(options: { roleMapping?: Record<string, string>; verify?: boolean; idpInitiated?: boolean } = {}): Promise<SsoWorkspace> {
  const row = await createTenant();
  await db.tenant.update({ where: { id: row.id }, data: { plan: 'enterprise' } });
  const tenant = await contextOf(row.id);
  const ownerUser = await createMember(tenant.id, 'owner');
  const owner = await memberOf(tenant.id, ownerUser.id);
  const domain = `sso-${randomBytes(4).toString('hex')}.example`;
  await db.ssoDomain.create({ data: { tenantId: tenant.id, domain, verificationToken: 'x', verifiedAt: options.verify === false ? null : new Date() } });
  if (options.roleMapping) await db.ssoConfig.create({ data: { tenantId: tenant.id, roleAttribute: 'groups', roleMapping: options.roleMapping } });
  const idp = createTestIdp(tenant.slug);
  const connection = await createSsoConnection(tenant, owner, { name: 'Test IdP', metadataXml: idp.metadataXml });
  if (options.idpInitiated) await db.ssoConnection.update({ where: { id: connection.id }, data: { idpInitiated: true } });
  return { tenant, owner, domain, idp, connectionId: connection.id };
}

export function hostOf(tenant: TenantContext): string {
  return `${tenant.slug}.${ROOT}`;
}

/** "Continue with SSO" on the workspace's host: the 303 to the IdP, read as the IdP would. */
export async function startSignIn(tenant: TenantContext, fields: Record<string, string>) {
  const host = hostOf(tenant);
  return startRoute.POST(
    new NextRequest(`http://${host}/api/sso/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host, 'x-forwarded-host': host, origin: `http://${host}`, ...trustedHeaders({ tenantId: tenant.id }) },
      body: new URLSearchParams(fields).toString(),
    }),
    { params: Promise.resolve({}) },
  );
}

/** The AuthnRequest as the IdP reads it, and the cookie the browser got (name=value) that binds the sign-in to it. */
export async function authnRequestFor(tenant: TenantContext, email: string, callbackUrl = '/') {
  const response = await startSignIn(tenant, { email, callbackUrl });
  if (response.status !== 303) throw new Error(`start answered ${response.status}: ${await response.text()}`);
  return { ...(await readAuthnRequest(response.headers.get('location')!)), cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] };
}

/** A connection's own ACS URL. */
export function acsUrlOf(connectionId: string): string {
  return `${ACS_URL}/${connectionId}`;
}

let ipCounter = 0;

/** The IdP's HTTP-POST to the ACS (the connection's own when given); each post from its own client IP unless `ip` is set. */
export async function postToAcs(SAMLResponse: string, RelayState = '', options: { acsUrl?: string; ip?: string; body?: string } = {}): Promise<Response> {
  const url = options.acsUrl ?? ACS_URL;
  const connectionId = url.startsWith(`${ACS_URL}/`) ? url.slice(ACS_URL.length + 1) : null;
  const request = new NextRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...trustedHeaders({ clientIp: options.ip ?? `198.51.100.${(ipCounter++ % 250) + 1}` }) },
    body: options.body ?? new URLSearchParams({ SAMLResponse, RelayState }).toString(),
  });
  return connectionId ? acsConnectionRoute.POST(request, { params: Promise.resolve({ connectionId }) }) : acsRoute.POST(request, { params: Promise.resolve({}) });
}

/** The browser's last hop of an SP-initiated sign-in: the ACS's 303 to the workspace host, with the cookie (or another browser's, or none). */
export async function completeIn(acsResponse: Response, cookie: string | null): Promise<Response> {
  if (acsResponse.status !== 303) return acsResponse;
  const location = new URL(acsResponse.headers.get('location')!);
  if (location.pathname !== '/api/sso/complete') return acsResponse;
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: location.hostname.split('.')[0] }, select: { id: true } });
  return completeRoute.GET(
    new NextRequest(location, { headers: { host: location.host, 'x-forwarded-host': location.host, ...(cookie ? { cookie } : {}), ...trustedHeaders({ tenantId: tenant.id }) } }),
    { params: Promise.resolve({}) },
  );
}

/** An SP-initiated sign-in answered by `respond`, finished in the browser that started it. */
export async function signInThrough(tenant: TenantContext, email: string, respond: (request: Awaited<ReturnType<typeof authnRequestFor>>) => Promise<string>, callbackUrl = '/'): Promise<Response> {
  const request = await authnRequestFor(tenant, email, callbackUrl);
  return completeIn(await postToAcs(await respond(request), request.relayState, { acsUrl: request.acsUrl }), request.cookie);
}

/** The hand-off token and page from the ACS's redirect. */
export function handoffOf(response: Response): { url: URL; token: string } {
  const url = new URL(response.headers.get('location') ?? '');
  return { url, token: url.searchParams.get('token') ?? '' };
}
