import type { NextRequest } from 'next/server';
import { localCallbackUrl } from '@/lib/auth/callback-url';
import { memberFromRequest } from '@/lib/auth/request-session';
import { config } from '@/lib/config/env';
import { tenantDb } from '@/lib/db/tenant-db';
import { AppError, forbidden, unauthorized } from '@/lib/http/problem';
import { platformRoute } from '@/lib/http/route';
import { can } from '@/lib/members/permissions';
import { assertSsoAvailable } from '@/lib/sso/sso-available';
import { connectionForEmail } from '@/lib/sso/sso-discovery';
import { SsoSignInError } from '@/lib/sso/sso-error';
import { ssoErrorPage, ssoFormPage, ssoPageReader } from '@/lib/sso/sso-page';
import { startSsoSignIn, type SsoStart } from '@/lib/sso/sso-start';

// SP-initiated sign-in, posted by the sign-in page ("Continue with SSO": email, callbackUrl)
// or by an admin's "Test connection" (connectionId). Answers with the way to the IdP. A
// browser navigation, so errors are pages; once the workspace is known, with a way back to
// its sign-in page.
export const runtime = 'nodejs';

/** proxy.ts pinned x-forwarded-host to the host it resolved to this tenant. */
function originOf(req: NextRequest): string {
  return `${config.scheme}://${req.headers.get('x-forwarded-host') ?? req.headers.get('host')}`;
}

function see(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

/** On to the IdP, with the cookie that binds the sign-in to this browser. */
function toIdp(start: SsoStart): Response {
  const response = start.kind === 'form' ? ssoFormPage(start.html) : see(start.url);
  response.headers.append('set-cookie', start.cookie);
  return response;
}

function failPage(error: unknown, req: NextRequest, tenantId: string | null): Response {
  const tenantKnown = tenantId !== null && !(error instanceof AppError && error.code === 'workspace_required');
  const reader = ssoPageReader(req, tenantId);
  if (!tenantKnown || !(error instanceof AppError)) return ssoErrorPage(error, reader);
  return ssoErrorPage(new SsoSignInError(error.status, error.code, error.message, `${originOf(req)}/signin`), reader);
}

export const POST = platformRoute(
  { host: 'tenant', auth: 'none', sameOrigin: true, body: 'form', fail: (error, { req, facts }) => failPage(error, req, facts.tenantId) },
  async ({ req, tenant, body: form }) => {
    const origin = originOf(req);
    const callbackUrl = localCallbackUrl(form.get('callbackUrl')) ?? '/';
    const connectionId = form.get('connectionId');

    if (connectionId) {
      const member = await memberFromRequest(req, tenant);
      if (!member) throw unauthorized();
      if (!can(member.role, 'settings.manage')) throw forbidden('Only admins can test a connection.');
      await assertSsoAvailable(tenant);
      const connection = await tenantDb(tenant.id).ssoConnection.findUnique({ where: { id: connectionId } });
      if (!connection) throw new AppError(404, 'not_found', 'No such SAML connection in this workspace.');
      return toIdp(await startSsoSignIn({ connection, origin, next: `/settings/sso?tested=${encodeURIComponent(connection.id)}`, loginHint: member.email, test: true }));
    }

    const email = (form.get('email') ?? '').trim().toLowerCase();
    const back = (error: string) => see(`${origin}/signin?${new URLSearchParams({ error, ...(callbackUrl !== '/' ? { callbackUrl } : {}), ...(email ? { email } : {}) })}`);
    if (!email) return back('SsoEmailMissing');
    const connection = await connectionForEmail(tenant, email);
    if (!connection) return back('SsoNotConfigured');
    return toIdp(await startSsoSignIn({ connection, origin, next: callbackUrl, loginHint: email }));
  },
);
