import { AppError, badRequest } from '@/lib/http/problem';
import { readBytes } from '@/lib/http/read-bytes';
import { platformRoute } from '@/lib/http/route';
import { consumeSamlResponse } from '@/lib/sso/saml-acs';
import { ssoErrorPage } from '@/lib/sso/sso-page';
import { completeSsoSignIn } from '@/lib/sso/sso-sign-in';

// The SAML assertion consumer service (HTTP-POST binding), on the platform origin for every
// workspace. IdPs post here for SP- and IdP-initiated sign-in (cross-site by design: the signed
// assertion is the credential); the person then finishes on their workspace's host through the
// one-time hand-off. Errors are pages: this is a browser navigation.
export const runtime = 'nodejs';

/** A signed SAMLResponse with certificates is far larger than the builder's form limit. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const POST = platformRoute({ host: 'any', auth: 'saml', rawBody: true, fail: (error) => ssoErrorPage(error) }, async ({ req, ip }) => {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get('content-type') ?? '')) {
    throw new AppError(415, 'unsupported_media_type', 'The identity provider must post the SAMLResponse as a form (HTTP-POST binding).');
  }
  const form = new URLSearchParams((await readBytes(req, MAX_BODY_BYTES)).toString('utf8'));
  const SAMLResponse = form.get('SAMLResponse');
  if (!SAMLResponse) throw badRequest('No SAMLResponse was posted.');
  const assertion = await consumeSamlResponse({ SAMLResponse, RelayState: form.get('RelayState') ?? '' });
  const { redirectUrl } = await completeSsoSignIn(assertion, ip);
  return new Response(null, { status: 303, headers: { location: redirectUrl, 'cache-control': 'no-store' } });
});

export const GET = platformRoute({ host: 'any', auth: 'none', fail: (error) => ssoErrorPage(error) }, async () => {
  throw new AppError(405, 'method_not_allowed', 'This address receives sign-in responses from identity providers. Start from your workspace’s sign-in page.');
});
