import { platformRoute } from '@/lib/http/route';
import { acsGetRefused, handleAcsPost } from '@/lib/sso/acs-handler';
import { ssoErrorPage, ssoPageReader } from '@/lib/sso/sso-page';

// The shared assertion consumer service (HTTP-POST binding), for connections an IdP still
// knows by this URL: it takes only answers to sign-ins started here (the connection comes from
// the request). Each connection's own ACS URL is /api/sso/acs/<connection id>.
export const runtime = 'nodejs';

export const POST = platformRoute({ host: 'any', auth: 'saml', rawBody: true, fail: (error, { req }) => ssoErrorPage(error, ssoPageReader(req)) }, async ({ req, ip }) => handleAcsPost(req, ip));

export const GET = platformRoute({ host: 'any', auth: 'none', fail: (error, { req }) => ssoErrorPage(error, ssoPageReader(req)) }, async () => {
  throw acsGetRefused();
});
