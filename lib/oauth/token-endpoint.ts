import OAuth2Server from '@node-oauth/oauth2-server';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { idTokenFor } from './id-token.ts';
import { InvalidRequestError, oauthErrorResponse, oauthJson, UnsupportedGrantTypeError } from './oauth-errors.ts';
import { clientCredentials, readOAuthRequest } from './oauth-request.ts';
import { GRANT_TYPES, oauthServer } from './oauth-server.ts';

/** POST /oauth/token: the library runs the grant; errors are RFC 6749 §5.2 JSON, never cached. */
export async function handleTokenRequest(req: Request, host: TenantContext): Promise<Response> {
  try {
    const request = await readOAuthRequest(req);
    // Before client authentication, so an empty request is malformed rather than unauthenticated,
    // and a grant we do not serve (password) is unsupported rather than unauthorized for this client.
    const grantType = (request.body as Record<string, string>).grant_type;
    if (!grantType) throw new InvalidRequestError('Missing parameter: `grant_type`');
    if (!(GRANT_TYPES as readonly string[]).includes(grantType)) throw new UnsupportedGrantTypeError(`Unsupported grant type: use one of ${GRANT_TYPES.join(', ')}`);
    const credentials = clientCredentials(request);
    // The library reads Basic credentials without the form-urlencoding RFC 6749 §2.3.1 asks
    // for: hand it the decoded pair.
    if (credentials.basic) request.headers!.authorization = `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`;
    const response = new OAuth2Server.Response();
    await oauthServer(host).token(request, response);
    const body = response.body as Record<string, unknown>;
    // OpenID Connect: a grant with `openid` also gets an ID token (code exchange and refresh).
    if (grantType !== 'client_credentials' && typeof body.access_token === 'string') {
      const idToken = await idTokenFor(host, body.access_token, grantType);
      if (idToken) body.id_token = idToken;
    }
    return oauthJson(body);
  } catch (error) {
    return oauthErrorResponse(error);
  }
}
