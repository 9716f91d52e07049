import { oauthErrorResponse } from './oauth-errors.ts';

/**
 * The spec of every /oauth/* endpoint: served on a workspace's host (the authorization server
 * is the workspace), clients authenticate themselves, errors are RFC 6749 JSON, not
 * problem+json (a request on the root domain is a 404 invalid_request).
 */
export const OAUTH_ENDPOINT = { host: 'tenant', auth: 'client', rawBody: true, fail: (error: unknown) => oauthErrorResponse(error) } as const;
