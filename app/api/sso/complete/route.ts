import { platformRoute } from '@/lib/http/route';
import { cookieName, bindingCookie, takeAnsweredRequest } from '@/lib/sso/saml-requests';
import { SsoSignInError } from '@/lib/sso/sso-error';
import { ssoErrorPage, ssoPageReader } from '@/lib/sso/sso-page';
import { completeSsoSignIn } from '@/lib/sso/sso-sign-in';

// The last hop of an SP-initiated sign-in, on the workspace's host: the ACS verified the IdP's
// answer, and only the browser that started the sign-in (its cookie) turns it into a session,
// so a response posted into someone else's browser signs no one in.
export const runtime = 'nodejs';

export const GET = platformRoute({ host: 'tenant', auth: 'cookie', fail: (error, { req, facts }) => ssoErrorPage(error, ssoPageReader(req, facts.tenantId)) }, async ({ req, tenant, ip }) => {
  const relayState = req.nextUrl.searchParams.get('rs') ?? '';
  const request = /^[A-Za-z0-9_-]{10,64}$/.test(relayState) ? await takeAnsweredRequest(tenant.id, relayState, req.cookies.get(cookieName(relayState))?.value) : null;
  if (!request) {
    throw new SsoSignInError(403, 'sso_refused', 'This sign-in was not started in this browser, or it is already finished. Start again from the sign-in page.', '/signin');
  }
  const { redirectUrl } = await completeSsoSignIn(
    { tenantId: request.tenantId, connectionId: request.connectionId, profile: request.profile as never, state: { origin: request.origin, next: request.next, test: request.test } },
    ip,
  );
  return new Response(null, { status: 303, headers: { location: redirectUrl, 'cache-control': 'no-store', 'set-cookie': bindingCookie(relayState, null) } });
});
