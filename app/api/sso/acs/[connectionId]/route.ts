import { id, platformRoute } from '@/lib/http/route';
import { acsGetRefused, handleAcsPost } from '@/lib/sso/acs-handler';
import { ssoErrorPage, ssoPageReader } from '@/lib/sso/sso-page';

// A connection's assertion consumer service (HTTP-POST binding), on the platform origin. IdPs
// post here for SP- and IdP-initiated sign-in (cross-site by design: the signed assertion is
// the credential); the response is checked against this connection only. Errors are pages:
// this is a browser navigation.
export const runtime = 'nodejs';

export const POST = platformRoute({ host: 'any', auth: 'saml', rawBody: true, params: { connectionId: id }, fail: (error, { req }) => ssoErrorPage(error, ssoPageReader(req)) }, async ({ req, ip, params: { connectionId } }) => handleAcsPost(req, ip, connectionId));

export const GET = platformRoute({ host: 'any', auth: 'none', params: { connectionId: id }, fail: (error, { req }) => ssoErrorPage(error, ssoPageReader(req)) }, async () => {
  throw acsGetRefused();
});
