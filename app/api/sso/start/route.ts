import type { NextRequest } from 'next/server';
import { localCallbackUrl } from '@/lib/auth/callback-url';
import { getCurrentMember } from '@/lib/auth/session';
import { config } from '@/lib/config/env';
import { tenantDb } from '@/lib/db/tenant-db';
import { AppError, forbidden, unauthorized } from '@/lib/http/problem';
import { readBytes } from '@/lib/http/read-bytes';
import { requestTenant } from '@/lib/http/wrappers';
import { can } from '@/lib/members/permissions';
import { assertSsoAvailable } from '@/lib/sso/sso-available';
import { SsoSignInError } from '@/lib/sso/sso-error';
import { ssoErrorPage, ssoFormPage } from '@/lib/sso/sso-page';
import { connectionForEmail } from '@/lib/sso/sso-discovery';
import { startSsoSignIn } from '@/lib/sso/sso-start';

// SP-initiated sign-in, posted by the sign-in page ("Continue with SSO": email, callbackUrl)
// or by an admin's "Test connection" (connectionId). Answers with the way to the IdP.
export const runtime = 'nodejs';

function see(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

export async function POST(req: NextRequest): Promise<Response> {
  // proxy.ts pinned x-forwarded-host to the host it resolved to this tenant.
  const origin = `${config.scheme}://${req.headers.get('x-forwarded-host') ?? req.headers.get('host')}`;
  let tenantKnown = false;
  try {
    const tenant = await requestTenant(req);
    if (!tenant) throw new AppError(404, 'workspace_required', "Single sign-on starts on a workspace's own address.");
    tenantKnown = true;
    const form = new URLSearchParams((await readBytes(req, 16 * 1024)).toString('utf8'));
    const callbackUrl = localCallbackUrl(form.get('callbackUrl')) ?? '/';
    const connectionId = form.get('connectionId');

    if (connectionId) {
      const member = await getCurrentMember(tenant);
      if (!member) throw unauthorized();
      if (!can(member.role, 'settings.manage')) throw forbidden('Only admins can test a connection.');
      await assertSsoAvailable(tenant);
      const connection = await tenantDb(tenant.id).ssoConnection.findUnique({ where: { id: connectionId } });
      if (!connection) throw new AppError(404, 'not_found', 'No such SAML connection in this workspace.');
      const start = await startSsoSignIn({ connection, origin, next: `/settings/sso?tested=${encodeURIComponent(connection.id)}`, loginHint: member.email, test: true });
      return start.kind === 'form' ? ssoFormPage(start.html) : see(start.url);
    }

    const email = (form.get('email') ?? '').trim().toLowerCase();
    const back = (error: string) => see(`${origin}/signin?${new URLSearchParams({ error, ...(callbackUrl !== '/' ? { callbackUrl } : {}), ...(email ? { email } : {}) })}`);
    if (!email) return back('SsoEmailMissing');
    const connection = await connectionForEmail(tenant, email);
    if (!connection) return back('SsoNotConfigured');
    const start = await startSsoSignIn({ connection, origin, next: callbackUrl, loginHint: email });
    return start.kind === 'form' ? ssoFormPage(start.html) : see(start.url);
  } catch (error) {
    if (!tenantKnown || !(error instanceof AppError)) return ssoErrorPage(error);
    return ssoErrorPage(new SsoSignInError(error.status, error.code, error.message, `${origin}/signin`));
  }
}
